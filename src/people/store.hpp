#pragma once
// People on probation in storage.
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "people/model.hpp"

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

}  // namespace onecase::people
