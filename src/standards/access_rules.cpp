#include "standards/access_rules.hpp"

namespace onecase::standards {

bool can_change_policy(const access::Principal& who) { return who.role == access::Role::admin; }

bool can_view_team_compliance(const access::Principal& who, std::int64_t team_id, std::int64_t team_pdu_id) {
    if (!who.staff) return false;
    if (who.role == access::Role::head_of_pdu) return who.staff->pdu_id == team_pdu_id;
    return who.role == access::Role::spo && who.staff->team_id == team_id;
}

}  // namespace onecase::standards
