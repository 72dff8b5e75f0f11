#include "access/audit.hpp"

namespace onecase::access {

AuditRecord audit_row(platform::Instant at, const Principal* who, const std::string& remote_address,
                   const AuditEntry& entry) {
    AuditRecord row{platform::format_instant(at), std::nullopt, who ? who->username : std::string{}, remote_address,
                 entry.action, entry.crn, entry.detail, std::nullopt};
    if (who) row.user_id = who->user_id;
    if (!entry.changes.empty()) row.changes = changes_to_json(entry.changes);
    return row;
}

void insert_audit_row(db::Connection& conn, const AuditRecord& row) {
    conn.execute(
        "INSERT INTO audit_log (at, user_id, username, remote_address, action, crn, detail, changes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {row.at, row.user_id ? db::Value{*row.user_id} : db::Value{db::null}, row.username, row.remote_address,
         row.action, db::optional_value(row.crn), row.detail, db::optional_value(row.changes)});
}

void record_audit(db::Connection& conn, platform::Instant at, const Principal* who,
                  const std::string& remote_address, const AuditEntry& entry) {
    insert_audit_row(conn, audit_row(at, who, remote_address, entry));
}

}  // namespace onecase::access
