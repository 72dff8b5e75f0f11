#include "standards/routes.hpp"

namespace onecase::standards {

void register_routes(http::Router& router, const access::Guard& guard) {
    register_due_routes(router, guard);
    register_compliance_routes(router, guard);
    register_policy_routes(router, guard);
}

}  // namespace onecase::standards
