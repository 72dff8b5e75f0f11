#include "reports/region_summary.hpp"

namespace onecase::reports {

std::vector<TierCount> region_tier_counts(db::Connection& conn, std::int64_t region_id) {
    auto rows = conn.query(
        "SELECT d.code, d.name, COALESCE(p.tier, ''), COUNT(*) FROM people p "
        "JOIN staff s ON s.id = p.case_manager_staff_id JOIN teams t ON t.id = s.team_id "
        "JOIN pdus d ON d.id = t.pdu_id WHERE d.region_id = ? AND p.current_case = 1 "
        "GROUP BY d.code, d.name, COALESCE(p.tier, '') ORDER BY d.name, 3",
        {region_id});
    std::vector<TierCount> out;
    for (const auto& r : rows) out.push_back(TierCount{r.text(0), r.text(1), r.text(2), r.int64(3)});
    return out;
}

}  // namespace onecase::reports
