#include "access/case_scope_store.hpp"

#include <algorithm>

namespace onecase::access {

void load_access_lists(db::Connection& conn, std::int64_t person_id, CaseScope& scope) {
    for (const auto& r : conn.query("SELECT staff_id, kind FROM case_access_lists WHERE person_id = ? AND removed_at IS NULL",
                                    {person_id})) {
        (r.text(1) == "restriction" ? scope.restricted_to : scope.excluded).push_back(r.int64(0));
    }
}

std::vector<AccessListEntry> load_access_lists(db::Connection& conn, const std::vector<std::int64_t>& person_ids) {
    std::vector<AccessListEntry> out;
    for (std::size_t start = 0; start < person_ids.size(); start += 512) {
        const std::size_t n = std::min(person_ids.size() - start, std::size_t{512});
        std::string marks;
        db::Params params;
        for (std::size_t i = 0; i < n; ++i) {
            marks += i ? ", ?" : "?";
            params.emplace_back(person_ids[start + i]);
        }
        for (const auto& r : conn.query("SELECT person_id, staff_id, kind FROM case_access_lists WHERE removed_at IS NULL "
                                        "AND person_id IN (" + marks + ")",
                                        params)) {
            out.push_back(AccessListEntry{r.int64(0), r.int64(1), r.text(2) == "restriction"});
        }
    }
    return out;
}

}  // namespace onecase::access
