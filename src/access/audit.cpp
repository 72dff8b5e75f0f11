#include "access/audit.hpp"

namespace onecase::access {

void record_audit(db::Connection& conn, platform::Instant at, const Principal* who,
                  const std::string& remote_address, const AuditEntry& entry) {
    std::optional<std::string> changes;
    if (!entry.changes.empty()) changes = changes_to_json(entry.changes);
    conn.execute(
        "INSERT INTO audit_log (at, user_id, username, remote_address, action, crn, detail, changes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {platform::format_instant(at), who ? db::Value{who->user_id} : db::Value{db::null},
         who ? who->username : std::string{}, remote_address, entry.action,
         db::optional_value(entry.crn), entry.detail, db::optional_value(changes)});
}

}  // namespace onecase::access
