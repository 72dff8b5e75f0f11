#include "standards/access_rules.hpp"

namespace onecase::standards {

bool can_change_policy(const access::Principal& who) { return who.role == access::Role::admin; }

bool can_view_team_compliance(const access::Principal& who, std::int64_t team_id) {
    return who.role == access::Role::spo && who.staff && who.staff->team_id == team_id;
}

}  // namespace onecase::standards
