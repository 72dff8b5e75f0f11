#include "standards/routes.hpp"

#include "access/audit.hpp"

namespace onecase::standards {

void audit_view(access::RouteDeps& deps, const http::Request& req, const access::Principal& who, std::string action,
                std::optional<std::string> crn, std::string detail) {
    deps.views.record(deps.clock.now(), &who, req.remote_address,
                      access::AuditEntry{std::move(action), std::move(crn), std::move(detail)});
}

void register_routes(http::Router& router, const access::Guard& guard) {
    register_due_routes(router, guard);
    register_compliance_routes(router, guard);
    register_policy_routes(router, guard);
}

}  // namespace onecase::standards
