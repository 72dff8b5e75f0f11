#pragma once
// Pure rules for contacts: what makes a recorded contact valid. No storage, no clock.
#include <optional>
#include <string>

#include "contacts/model.hpp"
#include "platform/clock.hpp"
#include "platform/result.hpp"

namespace onecase::contacts {

// What a user sent, before validation. Either `when_utc` (API: ISO 8601 instant
// with Z, or UK local "YYYY-MM-DDTHH:MM") or `date` + `time` (the page's fields, UK
// local) may be given; neither means "now".
struct ContactInput {
    std::string type;
    std::string notes;
    bool sensitive = false;
    std::optional<std::string> when;
    std::optional<std::string> date;
    std::optional<std::string> time;
    // A requirement id as typed; whether it is on the person's current order is
    // checked by the caller, which knows the person.
    std::string requirement_id;
};

// Checks type, notes (required, valid UTF-8, at most kMaxNotesCharacters
// characters) and date/time (a real time, not in the future). Recording late is
// always allowed. Field names in errors are the page's: type, notes, date, time.
Result<NewContact> validate_new_contact(const ContactInput& input, platform::Instant now);

// Number of Unicode code points in valid UTF-8 text; nullopt if not valid UTF-8.
std::optional<std::size_t> utf8_length(std::string_view text);

}  // namespace onecase::contacts
