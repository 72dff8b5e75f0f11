#include "access/audit_query.hpp"

namespace onecase::access {

AuditPage query_audit(db::Connection& conn, const AuditFilter& filter, std::optional<int> limit_override) {
    const int limit = limit_override.value_or(filter.limit);
    std::string sql = "SELECT id, at, username, remote_address, action, crn, detail, changes FROM audit_log";
    db::Params params;
    std::string where;
    auto cond = [&](const char* clause, db::Value v) {
        where += where.empty() ? " WHERE " : " AND ";
        where += clause;
        params.push_back(std::move(v));
    };
    if (filter.crn) cond("crn = ?", *filter.crn);
    if (filter.username) cond("username = ?", *filter.username);
    if (filter.action) cond("action = ?", *filter.action);
    if (filter.from) cond("at >= ?", platform::format_instant(*filter.from));
    if (filter.before) cond("at < ?", platform::format_instant(*filter.before));
    if (filter.cursor) cond("id < ?", *filter.cursor);
    sql += where + " ORDER BY id DESC LIMIT ?";
    params.emplace_back(std::in_place_type<std::int64_t>, std::int64_t{limit} + 1);  // one more than asked says whether there is a next page

    AuditPage page;
    for (const auto& r : conn.query(sql, params)) {
        auto changes = r.opt_text(7);
        page.rows.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.opt_text(5), r.text(6),
                             changes ? changes_from_json(*changes) : std::vector<FieldChange>{}});
    }
    if (page.rows.size() > static_cast<std::size_t>(limit)) {
        page.rows.resize(static_cast<std::size_t>(limit));
        page.next_cursor = page.rows.back().id;
    }
    return page;
}

}  // namespace onecase::access
