#pragma once
#include "access/guard.hpp"
#include "http/router.hpp"

namespace onecase::reports {

// GET /reports/region and /api/v1/reports/region: the caller's region.
void register_routes(http::Router& router, const access::Guard& guard);

}  // namespace onecase::reports
