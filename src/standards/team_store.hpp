#pragma once
// The team and staff rows team compliance lists (read-only).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace onecase::standards {

struct Team {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::int64_t pdu_id = 0;
};

struct TeamMember {
    std::int64_t staff_id = 0;
    std::string code;
    std::string name;   // "First Last"
    std::string grade;  // PO, PSO, PQiP, SPO, CA, ...
};

std::optional<Team> find_team(db::Connection& conn, const std::string& code);
// Everyone in the team, by last name.
std::vector<TeamMember> team_members(db::Connection& conn, std::int64_t team_id);

// Grades that hold a caseload; other staff of the team are listed only if they hold cases.
bool holds_caseload_by_grade(const std::string& grade);

}  // namespace onecase::standards
