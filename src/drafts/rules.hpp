#pragma once
// What may be kept as a draft: pure checks on a form key and the typed fields, so a
// bad request is refused before anything is stored.
#include <map>
#include <string>

#include "platform/result.hpp"

namespace onecase::drafts {

// A draft's fields: form field name to the text in it.
using DraftFields = std::map<std::string, std::string>;

// Longer than any note (100,000 characters) with room for the other fields.
inline constexpr std::size_t kMaxDraftBytes = 512 * 1024;
inline constexpr std::size_t kMaxFields = 40;

// "<form kind>:<record>", e.g. "contact-new:X123456", "contact-edit:42", "outcome:7":
// lower-case kind, then letters, digits, '-' or '_'; at most 100 characters.
bool is_valid_form_key(const std::string& key);

// Fields a form may keep. Never the CSRF token or other hidden machinery: a draft
// holds what a person typed.
bool is_kept_field(const std::string& name);

// Validates a draft's fields as sent by the browser or kept from a posted form.
Result<DraftFields> validate_fields(DraftFields fields);

// The record kind of a form key ("contact-new" for "contact-new:X123456").
std::string form_kind(const std::string& key);

}  // namespace onecase::drafts
