#include "access/policy.hpp"

#include <algorithm>

namespace onecase::access {

std::optional<Role> parse_role(std::string_view text) {
    if (text == "practitioner") return Role::practitioner;
    if (text == "spo") return Role::spo;
    if (text == "admin") return Role::admin;
    if (text == "auditor") return Role::auditor;
    if (text == "head_of_pdu") return Role::head_of_pdu;
    if (text == "case_admin") return Role::case_admin;
    if (text == "vlo") return Role::vlo;
    if (text == "partner") return Role::partner;
    return std::nullopt;
}

std::string role_name(Role role) {
    switch (role) {
        case Role::practitioner: return "practitioner";
        case Role::spo: return "spo";
        case Role::admin: return "admin";
        case Role::auditor: return "auditor";
        case Role::head_of_pdu: return "head_of_pdu";
        case Role::case_admin: return "case_admin";
        case Role::vlo: return "vlo";
        case Role::partner: return "partner";
    }
    return "unknown";
}

namespace {
bool listed(const std::vector<std::int64_t>& staff, std::int64_t id) {
    return std::find(staff.begin(), staff.end(), id) != staff.end();
}

// Restrictions and exclusions come before every other rule.
bool shut_out(const Principal& who, const CaseScope& scope) {
    if (!who.staff) return true;
    if (listed(scope.excluded, who.staff->staff_id)) return true;
    return scope.restricted() && !listed(scope.restricted_to, who.staff->staff_id);
}
}  // namespace

CaseRefusal case_refusal(const Principal& who, const CaseScope& scope, bool write) {
    if (write ? can_write_case(who, scope) : can_read_case(who, scope)) return CaseRefusal::none;
    if (who.staff && listed(scope.excluded, who.staff->staff_id)) return CaseRefusal::excluded;
    if (who.staff && scope.restricted() && !listed(scope.restricted_to, who.staff->staff_id)) return CaseRefusal::restricted;
    return CaseRefusal::out_of_scope;
}

// Roles that never open a case, whatever their staff record says: administrators
// manage users and reference data, auditors read the audit log, partner providers
// see only what is shared with them (referrals, a later issue).
bool reads_no_cases(Role role) { return role == Role::admin || role == Role::auditor || role == Role::partner; }

bool can_read_case(const Principal& who, const CaseScope& scope) {
    if (reads_no_cases(who.role) || !who.staff) return false;
    if (shut_out(who, scope)) return false;
    if (scope.case_manager_staff_id == who.staff->staff_id) return true;
    if (!scope.case_manager_staff_id) return true;
    return scope.region_id == who.staff->region_id;
}

bool can_manage_case_access(const Principal& who, const CaseScope& scope) {
    if (!who.staff || listed(scope.excluded, who.staff->staff_id)) return false;
    if (who.role == Role::spo) return scope.team_id.has_value() && scope.team_id == who.staff->team_id;
    if (who.role == Role::head_of_pdu) return scope.pdu_id.has_value() && scope.pdu_id == who.staff->pdu_id;
    return false;
}

bool can_write_case(const Principal& who, const CaseScope& scope) {
    // A victim liaison officer reads the offender's case for their work with victims
    // but records in the victim's own record (a later issue), not here.
    if (reads_no_cases(who.role) || who.role == Role::vlo || !who.staff) return false;
    if (shut_out(who, scope)) return false;
    if (scope.case_manager_staff_id == who.staff->staff_id) return true;
    if (who.role == Role::head_of_pdu) return scope.pdu_id.has_value() && scope.pdu_id == who.staff->pdu_id;
    return scope.team_id.has_value() && scope.team_id == who.staff->team_id;
}

}  // namespace onecase::access
