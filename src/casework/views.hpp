#pragma once
// Turns case records into the page view models (display strings) and the API's
// JSON (ISO dates, codes). Pure.
#include <boost/json/object.hpp>

#include "casework/case_record.hpp"
#include "contacts/rules.hpp"
#include "drafts/store.hpp"
#include "platform/result.hpp"

namespace onecase::casework {

// What the record-a-contact form shows: the values typed and any errors.
struct ContactFormState {
    contacts::ContactInput input;
    std::vector<FieldError> errors;
    // Set when the form was filled from the user's saved draft.
    std::optional<drafts::Draft> restored_draft;
};

// The form refilled from a draft of it (fields type, date, time, notes, sensitive).
ContactFormState contact_form_from_draft(const drafts::Draft& draft, platform::Instant now);

// The banner for a form refilled from a draft: "fromExpiredSession" and "savedAt".
boost::json::object restored_draft_view(const drafts::Draft& draft);

boost::json::object case_page_view(const CaseRecord& record, const ContactFormState& form,
                                   platform::Instant now, const std::string& csrf,
                                   std::optional<std::int64_t> recorded_id);

boost::json::object caseload_page_view(const std::vector<CaseloadEntry>& entries,
                                       const access::Principal& who);

boost::json::object contact_json(const contacts::Contact& c);
boost::json::object case_summary_json(const CaseRecord& record);
boost::json::object caseload_entry_json(const CaseloadEntry& e);
boost::json::object person_brief_json(const people::Person& p);

// Fills the form's date and time fields with `at` in London time.
void set_local_date_and_time(contacts::ContactInput& input, platform::Instant at);

// The default form: a phone call, now, London time.
ContactFormState empty_contact_form(platform::Instant now);

}  // namespace onecase::casework
