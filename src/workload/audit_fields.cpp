#include "workload/audit_fields.hpp"

namespace onecase::workload {

access::AuditSnapshot case_holding(db::Connection& conn, std::int64_t person_id) {
    auto rows = conn.query(
        "SELECT s.code, st.code, q.code FROM people p LEFT JOIN staff s ON s.id = p.case_manager_staff_id"
        " LEFT JOIN teams st ON st.id = s.team_id LEFT JOIN teams q ON q.id = p.allocation_team_id WHERE p.id = ?",
        {person_id});
    access::AuditSnapshot s;
    if (rows.empty()) return s;
    s.set("case_manager", rows[0].opt_text(0));
    s.set("case_manager_team", rows[0].opt_text(1));
    s.set("allocation_team", rows[0].opt_text(2));
    return s;
}

access::AuditSnapshot transfer_fields(const TransferRecord& t) {
    auto text = [](const std::string& v) { return v.empty() ? std::nullopt : std::optional<std::string>(v); };
    access::AuditSnapshot s;
    s.set("transfer_status", t.status);
    s.set("from_team", t.from_team_code);
    s.set("to_team", t.to_team_code);
    s.set("transfer_reason", text(t.reason));
    s.set("close_reason", text(t.close_reason));
    return s;
}

}  // namespace onecase::workload
