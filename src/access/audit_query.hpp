#pragma once
// Reads the audit log for auditors: newest first, a page at a time by keyset (the
// id of the last row seen), so the thousandth page costs what the first does.
#include <optional>
#include <string>
#include <vector>

#include "access/audit_changes.hpp"
#include "access/audit_filter.hpp"
#include "db/database.hpp"

namespace onecase::access {

struct AuditRow {
    std::int64_t id = 0;
    std::string at;  // UTC ISO
    std::string username;
    std::string remote_address;
    std::string action;
    std::optional<std::string> crn;
    std::string detail;
    std::vector<FieldChange> changes;  // empty for a read, a refusal or an event
};

struct AuditPage {
    std::vector<AuditRow> rows;
    std::optional<std::int64_t> next_cursor;  // set when older rows match
};

// Up to filter.limit rows (or `limit_override` when given: the CSV export's larger pages).
AuditPage query_audit(db::Connection& conn, const AuditFilter& filter, std::optional<int> limit_override = {});

}  // namespace onecase::access
