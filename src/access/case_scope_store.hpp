#pragma once
// Who is listed on a case, read from storage for the policy.
#include <vector>

#include "access/model.hpp"
#include "db/database.hpp"

namespace onecase::access {

// Adds the case's live restriction and exclusion lists to `scope`.
void load_access_lists(db::Connection& conn, std::int64_t person_id, CaseScope& scope);

// The live lists of many cases at once (search): person id -> (staff id, kind) rows,
// one statement per 512 cases.
struct AccessListEntry {
    std::int64_t person_id = 0;
    std::int64_t staff_id = 0;
    bool restriction = false;  // otherwise an exclusion
};
std::vector<AccessListEntry> load_access_lists(db::Connection& conn, const std::vector<std::int64_t>& person_ids);

}  // namespace onecase::access
