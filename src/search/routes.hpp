#pragma once
// Search: people search (the header box, /search and GET /api/v1/people) and a
// case's history search (/cases/{crn}/search and GET /api/v1/people/{crn}/history).
// docs/search.md.
#include "access/guard.hpp"
#include "http/router.hpp"

namespace onecase::search {

void register_routes(http::Router& router, const access::Guard& guard);

}  // namespace onecase::search
