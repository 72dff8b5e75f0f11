#pragma once
// National standards' pages and API: due items per case and per caseload, team
// compliance for SPOs, and the admin page for the policy's versions.
#include "access/guard.hpp"
#include "http/router.hpp"

namespace onecase::standards {

void register_routes(http::Router& router, const access::Guard& guard);

// Called by register_routes; one file each.
void register_due_routes(http::Router& router, const access::Guard& guard);
void register_compliance_routes(http::Router& router, const access::Guard& guard);
void register_policy_routes(http::Router& router, const access::Guard& guard);

// One audit row in its own transaction (views: nothing else is written).
void audit_view(access::RouteDeps& deps, const http::Request& req, const access::Principal& who, std::string action,
                std::optional<std::string> crn, std::string detail);

}  // namespace onecase::standards
