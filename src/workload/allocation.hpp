#pragma once
// Allocating one case: reading its facts and ranked candidates, and recording the
// SPO's choice in one transaction with its history row, notifications and audit.
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "access/guard.hpp"
#include "workload/notifier.hpp"
#include "workload/ranking.hpp"
#include "workload/store.hpp"
#include "workload/transfers.hpp"

namespace onecase::workload {

struct AllocationContext {
    std::int64_t person_id = 0, person_version = 0;
    std::string crn, name;
    QueueEntry facts;
    std::optional<StaffRecord> current_manager;
    TeamRecord team;  // the team whose queue (or caseload) the case is in
    bool pdu_wide = false;
    WorkloadPolicy policy;
    std::vector<RankedCandidate> ranked;
    std::string due_date;  // YYYY-MM-DD, "" when the sentence start is unknown
    // A pending transfer: the case waits in its receiving team (`team`), whose SPO
    // accepts it by allocating.
    std::optional<TransferRecord> transfer;
};

// Authorises (the case must be readable, the caller an SPO in the team's PDU) and
// reads everything the allocation page shows. `pdu_wide` adds the PDU's other teams.
// With `measure` false (applying a batch) candidates carry grade suitability only: no
// workload is read and no capacity is stated.
Result<AllocationContext> load_allocation(db::Connection& conn, const access::Principal& who, const std::string& crn,
                                          bool pdu_wide, platform::Instant now, bool measure = true);

struct AllocationRequest {
    std::string crn, staff_code, reason;
    bool pdu_wide = false;
};

struct AllocationDone {
    std::string crn, to_code, to_name, from_code;
    int rank = 0;
    bool against_ranking = false, against_grade_rule = false;
    std::optional<double> capacity_after;
    std::string team_code;
    int appointments_moved = 0;  // booked with the old case manager, now with the new one
};

// Only an SPO of the case's team. Checks the choice (a reason when against the
// ranking or the grade rule), changes the case manager, writes the allocation row,
// notifies new and old case managers in-app and audits — in one transaction; then
// e-mails them. 409 when the case changed meanwhile.
Result<AllocationDone> allocate_case(access::RouteDeps& deps, const http::Request& req, const access::Principal& who,
                                     const AllocationRequest& in, EmailNotifier& email);

// Several allocations in one transaction, all or nothing (batch allocation). A reason
// is needed only against the grade rule; field errors are named "assignments.N.reason".
Result<std::vector<AllocationDone>> allocate_batch(access::RouteDeps& deps, const http::Request& req, const access::Principal& who,
                                                   const std::vector<AllocationRequest>& in, EmailNotifier& email);

boost::json::object candidate_json(const RankedCandidate& r);
boost::json::object case_facts_json(const QueueEntry& q, const std::string& due_date, platform::Date today);
// "17 Nov 2026" style for pages, from YYYY-MM-DD ("" stays "").
std::string date_text(const std::string& iso);
std::string due_date_of(const QueueEntry& q, const WorkloadPolicy& policy);

}  // namespace onecase::workload
