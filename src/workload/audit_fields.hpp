#pragma once
// What allocation and transfers change on a case, as audit snapshots (access::diff_fields
// turns a before and an after into the audit row's changes). Read in the caller's
// transaction, so the before is what the change replaced.
#include <cstdint>

#include "access/audit_changes.hpp"
#include "db/database.hpp"
#include "workload/transfers.hpp"

namespace onecase::workload {

// Who holds the case: its case manager (staff code), the case manager's team, and
// the team whose allocation queue it sits in (people.allocation_team_id).
access::AuditSnapshot case_holding(db::Connection& conn, std::int64_t person_id);

// A transfer's state: status, teams, reasons.
access::AuditSnapshot transfer_fields(const TransferRecord& t);

}  // namespace onecase::workload
