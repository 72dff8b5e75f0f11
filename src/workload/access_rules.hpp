#pragma once
// Who may see and change workload and allocation. Pure.
//   - anyone with a staff record sees their own workload;
//   - an SPO sees the workload of staff, teams and the queue in their own PDU, records
//     reductions for their own team and allocates from their own team's queue;
//   - a head of PDU sees the workload of every member of staff and team in their PDU
//     (and requests transfers, workload/transfer_rules.hpp) but allocation stays
//     with the team's SPO;
//   - an admin sees every workload and edits the model and reductions, but neither
//     reads cases nor allocates.
#include <cstdint>

#include "access/model.hpp"

namespace onecase::workload {

bool can_view_staff(const access::Principal& who, std::int64_t staff_id, std::int64_t staff_pdu_id);
bool can_view_team(const access::Principal& who, std::int64_t team_pdu_id);
bool can_view_pdu(const access::Principal& who, std::int64_t pdu_id);
bool can_record_reduction(const access::Principal& who, std::int64_t staff_team_id);
bool can_allocate_for(const access::Principal& who, std::int64_t team_id);

}  // namespace onecase::workload
