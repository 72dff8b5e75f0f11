#include "standards/team_store.hpp"

namespace onecase::standards {

std::optional<Team> find_team(db::Connection& conn, const std::string& code) {
    auto rows = conn.query("SELECT id, code, name, pdu_id FROM teams WHERE code = ?", {code});
    if (rows.empty()) return std::nullopt;
    return Team{rows[0].int64(0), rows[0].text(1), rows[0].text(2), rows[0].int64(3)};
}

std::vector<TeamMember> team_members(db::Connection& conn, std::int64_t team_id) {
    std::vector<TeamMember> out;
    for (const auto& r : conn.query("SELECT id, code, first_name, last_name, grade FROM staff WHERE team_id = ?"
                                    " ORDER BY last_name, first_name, code",
                                    {team_id}))
        out.push_back(TeamMember{r.int64(0), r.text(1), r.text(2) + " " + r.text(3), r.text(4)});
    return out;
}

bool holds_caseload_by_grade(const std::string& grade) {
    return grade == "PO" || grade == "PSO" || grade == "PQiP" || grade == "TPO";
}

}  // namespace onecase::standards
