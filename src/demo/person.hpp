#pragma once
// One synthetic person on probation with their whole record — addresses, events,
// requirements, registrations, contacts and appointments — generated from a seed
// without touching storage. Values are already in their stored text forms
// (dates YYYY-MM-DD, instants UTC ISO 8601).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "demo/organisation.hpp"

namespace onecase::demo {

// Where a person's case sits, decided before the person is generated (see caseload.hpp).
struct Placement {
    std::int64_t person_id = 0;
    bool current = true;              // a current case; otherwise terminated
    bool awaiting_allocation = false; // current, newly sentenced, no case manager yet
    std::optional<std::int64_t> case_manager_staff_id;
    std::optional<std::string> tier;  // A3..D0; empty = not yet known
    std::size_t team_index = 0;       // into Organisation::teams
};

struct PersonRow {
    std::int64_t id;
    std::string crn, first_name, middle_names, last_name, date_of_birth, gender;
    std::optional<std::string> pnc, noms;
    std::string phone, email;
    std::optional<std::int64_t> case_manager_staff_id;
    std::optional<std::string> tier;
    bool current_case;
    std::optional<std::int64_t> allocation_team_id;  // the queue an unallocated case waits in
    std::string created_at;
};

struct AddressRow {
    std::string status;  // main, previous
    std::string line1, line2, town, postcode, start_date;
    std::optional<std::string> end_date;
};

struct EventRow {
    std::int64_t event_number;
    std::string offence, court, conviction_date, disposal_type;
    std::optional<std::int64_t> length_months;
    std::string start_date;
    std::optional<std::string> end_date;
    bool active;
};

struct RequirementRow {
    std::size_t event_index;  // into PersonRecord::events
    std::string category, description;
    std::optional<std::int64_t> length;
    std::optional<std::string> unit;
    std::string start_date;
    std::optional<std::string> end_date;
    bool active;
};

struct RegistrationRow {
    std::string type_code, description;
    std::optional<std::string> level;
    std::string registered_on;
    std::optional<std::string> review_due, deregistered_on;
};

struct ContactRow {
    std::optional<std::size_t> event_index;
    std::string type, contact_at;
    std::optional<std::int64_t> author_staff_id;
    std::string notes;
    bool sensitive;
    std::optional<std::size_t> appointment_index;  // the appointment whose outcome this records
};

struct AppointmentRow {
    std::string type, start_at;
    std::int64_t duration_minutes;
    std::string location;
    std::optional<std::int64_t> staff_id;
    std::optional<std::string> outcome;  // attended_complied, failed_to_attend, ...
    std::optional<bool> acceptable;       // with an outcome: was it acceptable
    std::optional<std::size_t> event_index;  // the order it is part of
};

struct PersonRecord {
    PersonRow person;
    std::vector<AddressRow> addresses;
    std::vector<EventRow> events;  // oldest first; event_number 1..n
    std::vector<RequirementRow> requirements;
    std::vector<RegistrationRow> registrations;
    std::vector<ContactRow> contacts;  // oldest first, the newest at least 2 days before today
    std::vector<AppointmentRow> appointments;
};

// The CRN of person `person_id` (1..3,999,999): unique per id, scrambled so
// neighbouring ids do not get neighbouring CRNs.
std::string crn_for(std::int64_t person_id);

// Generates the person of `placement`. Pure and deterministic: the same organisation,
// placement, seed and today give the same record, whatever else was generated before.
PersonRecord generate_person(const Organisation& org, const Placement& placement, std::uint64_t seed,
                             std::chrono::sys_days today);

}  // namespace onecase::demo
