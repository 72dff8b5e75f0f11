#include "search/people_search.hpp"

#include <map>

#include "access/case_scope_store.hpp"
#include "access/policy.hpp"
#include "access/users_store.hpp"
#include "casework/case_record.hpp"
#include "people/names_store.hpp"
#include "people/store.hpp"
#include "search/people_store.hpp"

namespace onecase::search {

std::vector<PersonResult> search_people(db::Connection& conn, const access::Principal& who, const PeopleQuery& query,
                                        int limit) {
    if (!who.staff || query.empty()) return {};
    const auto ids = candidate_people(conn, query, SearchScope{who.staff->staff_id, who.staff->region_id}, limit);
    if (ids.empty()) return {};
    auto people = people::find_by_ids(conn, ids);
    std::map<std::int64_t, std::vector<CandidateName>> names;
    for (auto& n : people::names_of(conn, ids)) {
        names[n.person_id].push_back(CandidateName{n.kind, n.first_name, n.last_name});
    }
    std::vector<Candidate> candidates;
    candidates.reserve(people.size());
    for (const auto& p : people) {
        Candidate c{p.id, p.crn, p.pnc, p.noms, p.date_of_birth, p.current_case,
                    p.case_manager_staff_id == who.staff->staff_id, p.first_name, p.last_name, names[p.id]};
        if (c.names.empty()) c.names.push_back(CandidateName{"current", p.first_name, p.last_name});
        candidates.push_back(std::move(c));
    }
    const auto ranked = rank_candidates(query, candidates);

    // Check access for the best matches a window at a time: most searches need one.
    std::vector<PersonResult> out;
    const std::size_t window = static_cast<std::size_t>(limit) * 3 + 10;
    for (std::size_t start = 0; start < ranked.size() && out.size() < static_cast<std::size_t>(limit); start += window) {
        const std::size_t end = std::min(ranked.size(), start + window);
        std::vector<std::int64_t> person_ids, staff_ids;
        for (std::size_t i = start; i < end; ++i) {
            const auto& p = people[ranked[i].candidate];
            person_ids.push_back(p.id);
            if (p.case_manager_staff_id) staff_ids.push_back(*p.case_manager_staff_id);
        }
        std::map<std::int64_t, access::StaffScope> staff;
        for (auto& s : access::load_staff_scopes(conn, staff_ids)) staff[s.staff_id] = std::move(s);
        std::map<std::int64_t, std::vector<access::AccessListEntry>> lists;
        for (auto& e : access::load_access_lists(conn, person_ids)) lists[e.person_id].push_back(e);
        for (std::size_t i = start; i < end && out.size() < static_cast<std::size_t>(limit); ++i) {
            const auto& p = people[ranked[i].candidate];
            std::optional<access::StaffScope> cm;
            if (p.case_manager_staff_id) {
                if (auto it = staff.find(*p.case_manager_staff_id); it != staff.end()) cm = it->second;
            }
            auto scope = casework::case_scope(cm, p);
            // Without its lists: would the caller see this case at all?
            const bool in_scope = access::can_read_case(who, scope);
            for (const auto& e : lists[p.id]) (e.restriction ? scope.restricted_to : scope.excluded).push_back(e.staff_id);
            const bool may_open = access::can_read_case(who, scope);
            if (!in_scope && !may_open) continue;
            out.push_back(PersonResult{p, std::move(cm), may_open, ranked[i]});
        }
    }
    return out;
}

}  // namespace onecase::search
