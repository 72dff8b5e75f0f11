#pragma once
// The audit trail: who saw or changed what, when, from where, and for a change what
// each field was before and after. Append-only: there is no update or delete path in
// the application.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/audit_changes.hpp"
#include "access/model.hpp"
#include "db/database.hpp"
#include "platform/clock.hpp"

namespace onecase::access {

struct AuditEntry {
    std::string action;  // e.g. case.view, contact.create, sign_in, sign_in.failed
    std::optional<std::string> crn;
    std::string detail;
    // For a change: the fields it touched (diff_fields), read in the same transaction.
    // Empty for a read, a refusal or an event that changes no record.
    std::vector<FieldChange> changes = {};
};

// Writes one row in the caller's transaction, so the audit row and the change
// commit together.
void record_audit(db::Connection& conn, platform::Instant at, const Principal* who,
                  const std::string& remote_address, const AuditEntry& entry);

// One audit_log row as it is written (audit_query.hpp has the row as it is read).
struct AuditRecord {
    std::string at;  // platform::format_instant
    std::optional<std::int64_t> user_id;
    std::string username;
    std::string remote_address;
    std::string action;
    std::optional<std::string> crn;
    std::string detail;
    std::optional<std::string> changes;  // changes_to_json, for a change only

    bool operator==(const AuditRecord&) const = default;
};

AuditRecord audit_row(platform::Instant at, const Principal* who, const std::string& remote_address,
                   const AuditEntry& entry);
void insert_audit_row(db::Connection& conn, const AuditRecord& row);

}  // namespace onecase::access
