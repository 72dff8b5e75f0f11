#pragma once
// Routes of the security work (issue 8): the audit log for auditors, the account
// page (password, sessions, API tokens) and the administrators' user list.
#include "access/guard.hpp"
#include "http/router.hpp"

namespace onecase::access {

void register_audit_routes(http::Router& router, const Guard& guard);
void register_account_routes(http::Router& router, const Guard& guard);
void register_admin_user_routes(http::Router& router, const Guard& guard);

// All three.
void register_security_routes(http::Router& router, const Guard& guard);

}  // namespace onecase::access
