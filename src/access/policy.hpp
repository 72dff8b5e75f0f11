#pragma once
// Who may read and write a case. Pure: decided from the principal and the case's
// scope alone. The access-control issue extends this table (restrictions,
// exclusions, more roles); docs/security.md states the matrix.
#include "access/model.hpp"

namespace onecase::access {

// Practitioners and SPOs read cases in their own region, and unallocated cases
// (which wait in a queue before they have a team). Admins manage users and
// reference data and do not read cases. A restricted case only its listed staff; an
// excluded member of staff never, whatever else would allow them.
bool can_read_case(const Principal& who, const CaseScope& scope);

// Roles that never open a case whatever their staff record says: admin, auditor,
// partner provider. Staff-only pages (recording a new person, the region report)
// refuse them too.
bool reads_no_cases(Role role);

// Restricting a case or excluding someone from it: an SPO of the team that holds the
// case, or the head of its PDU, who is not excluded from it.
bool can_manage_case_access(const Principal& who, const CaseScope& scope);

// Why a case is closed to someone, for the message that tells them whom to ask.
enum class CaseRefusal { none, restricted, excluded, out_of_scope };
CaseRefusal case_refusal(const Principal& who, const CaseScope& scope, bool write);

// A practitioner writes to cases they or their team hold; an SPO to their team's
// cases. Nobody without a staff record writes to a case.
bool can_write_case(const Principal& who, const CaseScope& scope);

}  // namespace onecase::access
