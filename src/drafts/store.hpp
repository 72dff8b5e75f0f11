#pragma once
// Drafts in storage: one per user and form, replaced on every autosave, removed in
// the same transaction that saves the record the form was for.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "drafts/rules.hpp"
#include "platform/clock.hpp"

namespace onecase::drafts {

struct Draft {
    std::string form_key;
    std::optional<std::string> crn;
    DraftFields fields;
    std::string saved_at;  // UTC ISO 8601
    // Kept from a form posted after the session had ended: the form says so.
    bool from_expired_session = false;
};

void save_draft(db::Connection& conn, std::int64_t user_id, const Draft& draft);
std::optional<Draft> find_draft(db::Connection& conn, std::int64_t user_id, const std::string& form_key);
// All the user's drafts, newest first.
std::vector<Draft> drafts_of(db::Connection& conn, std::int64_t user_id);
// True when there was one.
bool discard_draft(db::Connection& conn, std::int64_t user_id, const std::string& form_key);

// The fields as a JSON object text, and back.
std::string fields_to_json(const DraftFields& fields);
std::optional<DraftFields> fields_from_json(const std::string& text);

}  // namespace onecase::drafts
