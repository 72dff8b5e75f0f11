#pragma once
// The case record as one read: person, case manager, addresses, sentences, flags,
// upcoming appointments and the contact history. Composed from the modules' public
// stores; the page and the API render the same record.
#include <optional>
#include <string>
#include <vector>

#include "access/model.hpp"
#include "contacts/model.hpp"
#include "db/database.hpp"
#include "people/model.hpp"
#include "platform/clock.hpp"
#include "risk/registrations.hpp"
#include "sentences/model.hpp"

namespace onecase::casework {

struct CaseRecord {
    people::Person person;
    std::optional<access::StaffScope> case_manager;
    std::vector<people::Address> addresses;
    std::vector<sentences::Event> events;
    std::vector<risk::Registration> flags;
    std::vector<contacts::Contact> contacts;
};

// Who holds the case and where, for the access policy.
access::CaseScope case_scope(const std::optional<access::StaffScope>& case_manager,
                             const people::Person& person);

// Loads everything but contacts for `person`, whose case manager's scope the access
// check has already read (authorise_case).
CaseRecord load_case_record(db::Connection& conn, const people::Person& person,
                            std::optional<access::StaffScope> case_manager);

// One row of a caseload list.
struct CaseloadEntry {
    people::Person person;
    std::optional<std::string> disposal_type;
    std::optional<std::string> last_contact_at;
    std::optional<std::string> next_appointment_at;
    bool restricted = false;  // only named staff may open it
};

// The staff member's current cases with their latest sentence, last contact and
// next appointment, in one query (a read model across people, sentences and
// contacts; see docs/architecture.md).
std::vector<CaseloadEntry> load_caseload(db::Connection& conn, std::int64_t staff_id, platform::Instant now);

}  // namespace onecase::casework
