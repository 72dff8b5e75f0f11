#include "search/history_store.hpp"

namespace onecase::search {
namespace {

std::vector<HistoryHit> to_hits(const db::Rows& rows) {
    std::vector<HistoryHit> out;
    for (const auto& r : rows) out.push_back(HistoryHit{r.text(0), r.int64(1), r.text(2), r.text(3), r.text(4)});
    return out;
}

// Filter parameters, in the order both statements use them.
void add_filter(db::Params& p, const HistoryFilter& f) {
    for (int i = 0; i < 3; ++i) p.emplace_back(f.type);
    p.emplace_back(f.from);
    p.emplace_back(f.from);
    p.emplace_back(f.to_after);
    p.emplace_back(f.to_after);
}

}  // namespace

std::vector<HistoryHit> search_history(db::Connection& conn, std::int64_t person_id, const HistoryQuery& query,
                                       const HistoryFilter& filter, bool include_sensitive, int limit) {
    if (query.empty()) return {};
    const std::int64_t sensitive = include_sensitive ? 1 : 0;
    if (conn.dialect() == db::Dialect::sqlite) {
        // One external-content index per source table (migration 0014); each arm drives
        // from its index, then reads the row it points at.
        db::Params p{fts5_history_expression(query, person_id, "notes"), sensitive,
                     fts5_history_expression(query, person_id, "notes"),
                     fts5_history_expression(query, person_id, "outcome_notes"),
                     fts5_history_expression(query, person_id, "reason")};
        add_filter(p, filter);
        p.emplace_back(std::int64_t{limit});
        return to_hits(conn.query(
            "SELECT source, source_id, type, at, excerpt FROM ("
            " SELECT 'contact' AS source, c.id AS source_id, c.type AS type, c.contact_at AS at,"
            "  snippet(contacts_fts, 1, char(1), char(2), '…', 24) AS excerpt"
            "  FROM contacts_fts CROSS JOIN contacts c ON c.id = contacts_fts.rowid"
            "  WHERE contacts_fts MATCH ? AND (? = 1 OR c.sensitive = 0)"
            " UNION ALL SELECT 'appointment', a.id, a.type, a.start_at, snippet(appointments_fts, 1, char(1), char(2), '…', 24)"
            "  FROM appointments_fts CROSS JOIN appointments a ON a.id = appointments_fts.rowid WHERE appointments_fts MATCH ?"
            " UNION ALL SELECT 'outcome', a.id, a.type, a.start_at, snippet(appointments_fts, 2, char(1), char(2), '…', 24)"
            "  FROM appointments_fts CROSS JOIN appointments a ON a.id = appointments_fts.rowid WHERE appointments_fts MATCH ?"
            " UNION ALL SELECT 'enforcement', e.id, e.kind, e.action_date, snippet(enforcement_fts, 1, char(1), char(2), '…', 24)"
            "  FROM enforcement_fts CROSS JOIN enforcement_actions e ON e.id = enforcement_fts.rowid WHERE enforcement_fts MATCH ?"
            ") h WHERE (? = '' OR source = ? OR type = ?) AND (? = '' OR at >= ?) AND (? = '' OR at < ?) "
            "ORDER BY at DESC, source_id DESC LIMIT ?",
            p));
    }
    db::Params p{websearch_text(query),
                 std::string("StartSel=\x01, StopSel=\x02, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \""),
                 person_id, sensitive, person_id, person_id, person_id};
    add_filter(p, filter);
    p.emplace_back(std::int64_t{limit});
    return to_hits(conn.query(
        "WITH q AS (SELECT websearch_to_tsquery('english', ?) AS q, CAST(? AS TEXT) AS opts) "
        "SELECT h.source, h.source_id, h.type, h.at, ts_headline('english', h.body, q.q, q.opts) FROM ("
        " SELECT 'contact' AS source, c.id AS source_id, c.type AS type, c.contact_at AS at, c.notes AS body"
        "  FROM contacts c, q WHERE c.person_id = ? AND to_tsvector('english', c.notes) @@ q.q AND (? = 1 OR c.sensitive = 0)"
        " UNION ALL SELECT 'appointment', a.id, a.type, a.start_at, a.notes"
        "  FROM appointments a, q WHERE a.person_id = ? AND to_tsvector('english', a.notes) @@ q.q"
        " UNION ALL SELECT 'outcome', a.id, a.type, a.start_at, coalesce(a.outcome_notes, '')"
        "  FROM appointments a, q WHERE a.person_id = ? AND to_tsvector('english', coalesce(a.outcome_notes, '')) @@ q.q"
        " UNION ALL SELECT 'enforcement', e.id, e.kind, e.action_date, e.reason"
        "  FROM enforcement_actions e, q WHERE e.person_id = ? AND to_tsvector('english', e.reason) @@ q.q"
        ") h, q WHERE (? = '' OR h.source = ? OR h.type = ?) AND (? = '' OR h.at >= ?) AND (? = '' OR h.at < ?) "
        "ORDER BY h.at DESC, h.source_id DESC LIMIT ?",
        p));
}

}  // namespace onecase::search
