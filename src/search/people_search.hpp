#pragma once
// People search for one caller: candidates from storage, ranked, then checked
// against the access policy in batches (a few statements per search, however many
// candidates). A case the caller may not open because it is restricted or they are
// excluded is listed only as "a case exists" with whom to ask; a case outside their
// scope altogether is not listed; users without a staff record see nothing.
#include <optional>
#include <vector>

#include "access/model.hpp"
#include "db/database.hpp"
#include "people/model.hpp"
#include "search/people_query.hpp"
#include "search/ranking.hpp"

namespace onecase::search {

struct PersonResult {
    people::Person person;  // only crn is to be shown when !may_open
    std::optional<access::StaffScope> case_manager;
    bool may_open = false;
    RankedMatch match;
};

std::vector<PersonResult> search_people(db::Connection& conn, const access::Principal& who, const PeopleQuery& query,
                                        int limit);

}  // namespace onecase::search
