#pragma once
// The audit trail: who saw or changed what, when, from where. Append-only: there
// is no update or delete path in the application.
#include <optional>
#include <string>

#include "access/model.hpp"
#include "db/database.hpp"
#include "platform/clock.hpp"

namespace onecase::access {

struct AuditEntry {
    std::string action;  // e.g. case.view, contact.create, sign_in, sign_in.failed
    std::optional<std::string> crn;
    std::string detail;
};

// Writes one row in the caller's transaction, so the audit row and the change
// commit together.
void record_audit(db::Connection& conn, platform::Instant at, const Principal* who,
                  const std::string& remote_address, const AuditEntry& entry);

}  // namespace onecase::access
