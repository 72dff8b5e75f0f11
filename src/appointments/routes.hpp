#pragma once
// Appointments' pages and API: booking from the case, moving and cancelling, and
// the practitioner's diary.
#include "access/guard.hpp"
#include "appointments/operations.hpp"
#include "http/router.hpp"

namespace onecase::appointments {

void register_routes(http::Router& router, const access::Guard& guard, CaseAuthoriser authorise);

// Called by register_routes.
void register_api_routes(http::Router& router, const access::Guard& guard, const Context& ctx);
void register_page_routes(http::Router& router, const access::Guard& guard, const Context& ctx);
void register_diary_routes(http::Router& router, const access::Guard& guard, const Context& ctx);

}  // namespace onecase::appointments
