#pragma once
// People on probation in storage.
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "people/model.hpp"
#include "people/rules.hpp"
#include "platform/clock.hpp"

namespace onecase::people {

std::optional<Person> find_by_crn(db::Connection& conn, const std::string& crn);

// Puts a person with no case manager in `team_id`'s allocation queue (docs/workload.md).
void set_allocation_team(db::Connection& conn, std::int64_t person_id, std::int64_t team_id);

// Current cases held by a staff member, by surname.
std::vector<Person> caseload(db::Connection& conn, std::int64_t staff_id);

// Addresses, current main address first, then by start date newest first.
std::vector<Address> addresses(db::Connection& conn, std::int64_t person_id);

// The people with these ids (duplicates allowed; any order), in a few statements.
std::vector<Person> find_by_ids(db::Connection& conn, const std::vector<std::int64_t>& ids);

// The person already recorded with this PNC ID or NOMS number, if any: the same
// person must not get a second CRN.
std::optional<Person> find_duplicate(db::Connection& conn, const NewPerson& person);

// Inserts in the caller's transaction, with its current name's search keys, and a newly allocated CRN (letter `N`, the
// next free serial). Throws db::ConstraintViolation if another writer took the same
// CRN first; the caller retries.
Person create_person(db::Connection& conn, const NewPerson& person,
                     std::optional<std::int64_t> case_manager_staff_id, platform::Instant now);

}  // namespace onecase::people
