#pragma once
// Workload and allocation pages and API (docs/workload.md).
#include "access/guard.hpp"
#include "http/router.hpp"

#include <memory>
#include "workload/notifier.hpp"

namespace onecase::workload {

// Registers everything below; the e-mail sink comes from the environment
// (email_notifier_from_environment) and lives as long as the router.
void register_routes(http::Router& router, const access::Guard& guard);

// Own, staff, team and PDU workload; reductions and contracted hours; tasks.
void register_workload_routes(http::Router& router, const access::Guard& guard);
// The workload policy versions (admin).
void register_policy_routes(http::Router& router, const access::Guard& guard);
// Queue, candidates, allocating; notifications.
void register_allocation_routes(http::Router& router, const access::Guard& guard, std::shared_ptr<EmailNotifier> email);
// A proposal for a whole queue (min-cost flow), edited and applied by the SPO.
void register_batch_routes(http::Router& router, const access::Guard& guard, std::shared_ptr<EmailNotifier> email);
void register_notification_routes(http::Router& router, const access::Guard& guard);

}  // namespace onecase::workload
