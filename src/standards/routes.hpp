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

using access::audit_view;

}  // namespace onecase::standards
