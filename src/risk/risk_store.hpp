#pragma once
// Registrations, assessments and the tier in storage. A change to anything the tier
// reads recalculates it in the caller's transaction (recalculate_tier), so the tier
// on the case never disagrees with its inputs.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "risk/assessment_rules.hpp"
#include "risk/registration_rules.hpp"
#include "risk/tiering.hpp"

namespace onecase::risk {

std::vector<RegisterType> load_register_types(db::Connection& conn);

struct ReviewRow {
    std::string reviewed_on;
    std::string notes;
    std::optional<std::string> next_review_due;
    std::string reviewed_by;
};

struct RegistrationRow {
    std::int64_t id = 0;
    std::string type_code;
    std::string description;
    std::optional<std::string> level;
    std::optional<std::string> category;
    std::string registered_on;
    std::optional<std::string> review_due;
    std::optional<std::string> deregistered_on;
    std::optional<std::string> deregistered_reason;
    std::string notes;
    std::string registered_by;
    std::string deregistered_by;
    bool high_signal = false;
    std::int64_t version = 1;
    std::vector<ReviewRow> reviews;  // newest first
};

// Every registration on the case, live first (newest first), then de-registered.
std::vector<RegistrationRow> registrations_for(db::Connection& conn, std::int64_t person_id);
std::optional<RegistrationRow> find_registration(db::Connection& conn, std::int64_t person_id, std::int64_t id);

std::int64_t insert_registration(db::Connection& conn, std::int64_t person_id, const NewRegistration& r,
                                 std::int64_t user_id);
void record_review(db::Connection& conn, std::int64_t registration_id, const Review& review, std::int64_t user_id,
                   platform::Instant now);
// False when it was already de-registered (someone else got there first).
bool deregister(db::Connection& conn, std::int64_t registration_id, const Deregistration& d, std::int64_t user_id);

struct StoredAssessment {
    std::int64_t id = 0;
    AssessmentRecord record;
    std::string entered_by;
    std::string created_at;
};

std::int64_t insert_assessment(db::Connection& conn, std::int64_t person_id, const AssessmentRecord& a,
                               std::int64_t user_id, platform::Instant now);
// Newest first.
std::vector<StoredAssessment> assessments_for(db::Connection& conn, std::int64_t person_id);

struct TierHistoryEntry {
    std::string tier;
    std::string calculated_at;
    std::string reason;
    std::string explanation;  // tier_result_json text
    std::string calculated_by;
};

// Reads the case's tier inputs, calculates, and when the tier or its explanation
// changed records it in the history and on the person. `reason` says what changed
// ("registration added: Risk of serious harm (High)").
TierResult recalculate_tier(db::Connection& conn, std::int64_t person_id, platform::Instant now,
                            std::optional<std::int64_t> user_id, const std::string& reason);

// Newest first.
std::vector<TierHistoryEntry> tier_history(db::Connection& conn, std::int64_t person_id);

}  // namespace onecase::risk
