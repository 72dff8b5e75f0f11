#pragma once
// Who is asking: a signed-in user, their role and where their staff record places
// them in the organisation.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onecase::access {

// auditor: reads the audit log, never cases (docs/security.md).
// practitioner covers probation officers, PSOs and trainees (their grade is on the
// staff record); docs/security.md has the matrix of what each may do.
enum class Role { practitioner, spo, admin, auditor, head_of_pdu, case_admin, vlo, partner };

std::optional<Role> parse_role(std::string_view text);
std::string role_name(Role role);

// Where a staff member sits: team within PDU within region.
struct StaffScope {
    std::int64_t staff_id = 0;
    std::string staff_code;
    std::string display_name;
    std::int64_t team_id = 0;
    std::string team_code;
    std::string team_name;
    std::int64_t pdu_id = 0;
    std::int64_t region_id = 0;
};

struct Principal {
    std::int64_t user_id = 0;
    std::string username;
    Role role = Role::practitioner;
    std::optional<StaffScope> staff;
    std::string csrf_token;  // empty for bearer-token requests
    bool via_token = false;

    std::string display_name() const { return staff ? staff->display_name : username; }
};

// Where a case sits: who holds it and in which team, PDU and region.
struct CaseScope {
    std::optional<std::int64_t> case_manager_staff_id;
    std::optional<std::int64_t> team_id;
    std::optional<std::int64_t> pdu_id;
    std::optional<std::int64_t> region_id;
    // A restricted case: only these staff may open it (empty: not restricted).
    std::vector<std::int64_t> restricted_to;
    // Staff kept out of this case whatever else they could see.
    std::vector<std::int64_t> excluded;

    bool restricted() const { return !restricted_to.empty(); }
};

}  // namespace onecase::access
