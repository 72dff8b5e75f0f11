#include "workload/routes.hpp"

#include <memory>

namespace onecase::workload {

void register_routes(http::Router& router, const access::Guard& guard) {
    // Shared by the allocation handlers, which keep it alive as long as the router.
    std::shared_ptr<EmailNotifier> email = email_notifier_from_environment();
    register_workload_routes(router, guard);
    register_policy_routes(router, guard);
    // The batch routes first: /allocations/batch before /allocations/{crn}.
    register_batch_routes(router, guard, email);
    register_allocation_routes(router, guard, email);
    register_notification_routes(router, guard);
}

}  // namespace onecase::workload
