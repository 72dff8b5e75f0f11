#pragma once
// Who may see national standards across cases and change the policy. Pure: decided
// from the principal alone, like access/policy.hpp, whose scope rules these follow.
#include <cstdint>

#include "access/model.hpp"

namespace onecase::standards {

// Only an admin adds policy versions (admins manage reference data; access/policy.hpp).
// Anyone signed in may read the policy in force: it says what they are judged by.
bool can_change_policy(const access::Principal& who);

// A team's compliance: the SPO who manages that team. An SPO's write scope is their
// own team (access::can_write_case), and compliance is a manager's view of the
// team's work, so other SPOs, practitioners and admins (who do not read cases) are
// refused. A wider role (head of PDU) would widen this when the access-control issue
// adds one.
bool can_view_team_compliance(const access::Principal& who, std::int64_t team_id);

}  // namespace onecase::standards
