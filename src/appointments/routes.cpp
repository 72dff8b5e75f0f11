#include "appointments/routes.hpp"

namespace onecase::appointments {

void register_routes(http::Router& router, const access::Guard& guard, CaseAuthoriser authorise) {
    // Context is a reference to the route dependencies and the authoriser; each
    // handler captures its own copy, so nothing here has to outlive the router.
    const Context ctx{guard.deps(), std::move(authorise)};
    register_api_routes(router, guard, ctx);
    register_page_routes(router, guard, ctx);
    register_diary_routes(router, guard, ctx);
}

}  // namespace onecase::appointments
