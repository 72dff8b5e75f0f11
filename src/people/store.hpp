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

// Current cases held by a staff member, by surname.
std::vector<Person> caseload(db::Connection& conn, std::int64_t staff_id);

// Addresses, current main address first, then by start date newest first.
std::vector<Address> addresses(db::Connection& conn, std::int64_t person_id);

// Exact identifier match (CRN, PNC in any accepted form, NOMS) or a surname
// prefix, optionally with a forename prefix ("smith", "smith john", "john smith").
// The search issue replaces this with ranked fuzzy search.
std::vector<Person> search(db::Connection& conn, const std::string& query, int limit);

// The person already recorded with this PNC ID or NOMS number, if any: the same
// person must not get a second CRN.
std::optional<Person> find_duplicate(db::Connection& conn, const NewPerson& person);

// Inserts in the caller's transaction with a newly allocated CRN (letter `N`, the
// next free serial). Throws db::ConstraintViolation if another writer took the same
// CRN first; the caller retries.
Person create_person(db::Connection& conn, const NewPerson& person,
                     std::optional<std::int64_t> case_manager_staff_id, platform::Instant now);

}  // namespace onecase::people
