#include "workload/access_rules.hpp"

namespace onecase::workload {

using access::Role;

bool can_view_staff(const access::Principal& who, std::int64_t staff_id, std::int64_t staff_pdu_id) {
    if (who.role == Role::admin) return true;
    if (!who.staff) return false;
    if (who.staff->staff_id == staff_id) return true;
    return (who.role == Role::spo || who.role == Role::head_of_pdu) && who.staff->pdu_id == staff_pdu_id;
}

bool can_view_team(const access::Principal& who, std::int64_t team_pdu_id) {
    if (who.role == Role::admin) return true;
    return (who.role == Role::spo || who.role == Role::head_of_pdu) && who.staff && who.staff->pdu_id == team_pdu_id;
}

bool can_view_pdu(const access::Principal& who, std::int64_t pdu_id) { return can_view_team(who, pdu_id); }

bool can_record_reduction(const access::Principal& who, std::int64_t staff_team_id) {
    if (who.role == Role::admin) return true;
    return who.role == Role::spo && who.staff && who.staff->team_id == staff_team_id;
}

bool can_allocate_for(const access::Principal& who, std::int64_t team_id) {
    return who.role == Role::spo && who.staff && who.staff->team_id == team_id;
}

}  // namespace onecase::workload
