#pragma once
// Enforcement's pages and API: recording appointment outcomes, acting on proposals
// (warnings, breach decisions, recall consideration), the SPO's breach list and the
// enforcement policy. docs/enforcement.md describes them.
#include "access/guard.hpp"
#include "http/router.hpp"

namespace onecase::enforcement {

void register_routes(http::Router& router, const access::Guard& guard);

// Called by register_routes; one file each.
void register_outcome_routes(http::Router& router, const access::Guard& guard);
void register_action_routes(http::Router& router, const access::Guard& guard);
void register_policy_routes(http::Router& router, const access::Guard& guard);

}  // namespace onecase::enforcement
