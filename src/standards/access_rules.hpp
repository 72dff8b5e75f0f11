#pragma once
// Who may see national standards across cases and change the policy. Pure: decided
// from the principal alone, like access/policy.hpp, whose scope rules these follow.
#include <cstdint>

#include "access/model.hpp"

namespace onecase::standards {

// Only an admin adds policy versions (admins manage reference data; access/policy.hpp).
// Anyone signed in may read the policy in force: it says what they are judged by.
bool can_change_policy(const access::Principal& who);

// A team's compliance: the SPO who manages that team, or the head of the PDU the team
// is in (heads of PDU manage their PDU, docs/security.md). Compliance is a manager's
// view of the team's work, so other SPOs, practitioners and admins (who do not read
// cases) are refused.
bool can_view_team_compliance(const access::Principal& who, std::int64_t team_id, std::int64_t team_pdu_id);

}  // namespace onecase::standards
