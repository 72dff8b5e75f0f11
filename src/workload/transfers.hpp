#pragma once
// Transfers of a case to another team's or PDU's allocation queue (docs/workload.md,
// "Reallocation and transfers"). The sending SPO asks; the case keeps its case manager
// and appears in the receiving team's queue; the receiving SPO accepts by allocating it
// (allocation.cpp), or declines; the sender may withdraw. History, notifications and
// audit in the same transaction as each change.
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "access/guard.hpp"
#include "casework/case_access.hpp"
#include "workload/notifier.hpp"
#include "workload/store.hpp"
#include "workload/transfer_rules.hpp"

namespace onecase::workload {

struct TransferRecord {
    std::int64_t id = 0, person_id = 0;
    std::string crn;
    TeamPlace from, to;
    std::string from_team_code, from_team_name, from_pdu_name, to_team_code, to_team_name, to_pdu_name;
    std::optional<std::int64_t> from_staff_id;
    std::string from_staff_name;  // the case manager when it was asked for ("" when unallocated)
    std::string reason, requested_at, requested_by;
    std::string status;  // pending, accepted, withdrawn, declined
    std::string closed_at, closed_by, close_reason;
    std::optional<std::int64_t> requested_by_staff_id;
};

std::optional<TransferRecord> find_transfer(db::Connection& conn, std::int64_t id);
std::optional<TransferRecord> pending_transfer(db::Connection& conn, std::int64_t person_id);
// Every transfer of the person, newest first.
std::vector<TransferRecord> transfers_of(db::Connection& conn, std::int64_t person_id);
// Marks the pending transfer accepted by the allocation just written (caller's transaction).
void accept_transfer(db::Connection& conn, std::int64_t transfer_id, std::int64_t user_id, platform::Instant now);

// The case as the allocation pages need it: readable by the caller under the case's
// own rules, or — for a pending transfer into the caller's PDU — as the unallocated
// queue case it is for the receiving side (restriction and exclusion lists still apply).
Result<casework::AuthorisedCase> authorise_for_allocation(db::Connection& conn, const std::string& crn,
                                                          const access::Principal& who);

boost::json::object transfer_json(const TransferRecord& t);

struct TransferRequest {
    std::string crn, to_team, reason;
};
Result<TransferRecord> request_transfer(access::RouteDeps& deps, const http::Request& req, const access::Principal& who,
                                        const TransferRequest& in, EmailNotifier& email);

// `declining`: the receiving side says no; otherwise the sending side withdraws.
Result<TransferRecord> close_transfer(access::RouteDeps& deps, const http::Request& req, const access::Principal& who,
                                      std::int64_t transfer_id, bool declining, const std::string& reason, EmailNotifier& email);

// The teams a case may be sent to, grouped by PDU for a select (region, PDU, team order).
boost::json::array transfer_destinations(db::Connection& conn, std::int64_t except_team_id, const std::string& chosen);

}  // namespace onecase::workload
