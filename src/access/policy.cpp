#include "access/policy.hpp"

namespace onecase::access {

std::optional<Role> parse_role(std::string_view text) {
    if (text == "practitioner") return Role::practitioner;
    if (text == "spo") return Role::spo;
    if (text == "admin") return Role::admin;
    return std::nullopt;
}

std::string role_name(Role role) {
    switch (role) {
        case Role::practitioner: return "practitioner";
        case Role::spo: return "spo";
        case Role::admin: return "admin";
    }
    return "unknown";
}

bool can_read_case(const Principal& who, const CaseScope& scope) {
    if (who.role == Role::admin || !who.staff) return false;
    if (scope.case_manager_staff_id == who.staff->staff_id) return true;
    if (!scope.case_manager_staff_id) return true;
    return scope.region_id == who.staff->region_id;
}

bool can_write_case(const Principal& who, const CaseScope& scope) {
    if (who.role == Role::admin || !who.staff) return false;
    if (scope.case_manager_staff_id == who.staff->staff_id) return true;
    return scope.team_id.has_value() && scope.team_id == who.staff->team_id;
}

}  // namespace onecase::access
