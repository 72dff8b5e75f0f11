#include "search/history_store.hpp"

#include <iterator>
#include <map>

#include "search/excerpt.hpp"

namespace onecase::search {
namespace {

// Filter parameters, in the order both statements use them.
void add_filter(db::Params& p, const HistoryFilter& f) {
    for (int i = 0; i < 3; ++i) p.emplace_back(f.type);
    p.emplace_back(f.from);
    p.emplace_back(f.from);
    p.emplace_back(f.to_after);
    p.emplace_back(f.to_after);
}

// One kind of hit: the live index, which of its columns, and the source table it
// points into. Every kind is searched in two arms (migration 0019): the base index
// (`<index>_base`), built in bulk and never written by users, and the live one their
// writes go to. A base entry whose row was edited or deleted since is stale; the
// row's current text is in the live index.
struct Kind {
    const char* source;  // as HistoryHit::source
    const char* index;
    const char* column;
    int column_number;
    const char* table;
    const char* type_column;
    const char* at_column;
};
constexpr Kind kKinds[] = {{"contact", "contacts_fts", "notes", 0, "contacts", "type", "contact_at"},
                           {"appointment", "appointments_fts", "notes", 0, "appointments", "type", "start_at"},
                           {"outcome", "appointments_fts", "outcome_notes", 1, "appointments", "type", "start_at"},
                           {"enforcement", "enforcement_fts", "reason", 0, "enforcement_actions", "kind", "action_date"}};

// Arm n searches kind n / 2, in the base index when n is even, the live one when odd.
constexpr std::size_t kArmCount = 2 * std::size(kKinds);
const Kind& kind_of(std::size_t arm) { return kKinds[arm / 2]; }
bool is_base(std::size_t arm) { return arm % 2 == 0; }
std::string index_of(std::size_t arm) { return std::string(kind_of(arm).index) + (is_base(arm) ? "_base" : ""); }

// Each index is asked only for the case's rowid range (migration 0015), then the row
// it points at is read by id. Contacts alone have a sensitive flag.
std::string arm_select(std::size_t arm, db::Params& p, const HistoryQuery& query, const HistoryKeyRange& range,
                       std::int64_t sensitive) {
    const auto& kind = kind_of(arm);
    const std::string index = index_of(arm);
    const std::string table = kind.table;
    std::string sql = "SELECT '" + std::string(kind.source) + "' AS source, s.id AS source_id, s." + kind.type_column +
                      " AS type, s." + kind.at_column + " AS at, f.rowid AS history_key, " + std::to_string(arm) +
                      " AS arm FROM " + index + " f CROSS JOIN " + table + " s ON s.id = (f.rowid & 4294967295) WHERE f." +
                      index + " MATCH ? AND f.rowid BETWEEN ? AND ?";
    p.emplace_back(fts5_history_expression(query, kind.column));
    p.emplace_back(range.first);
    p.emplace_back(range.last);
    if (is_base(arm)) {
        sql += " AND NOT EXISTS (SELECT 1 FROM history_base_replaced r WHERE r.source_table = '" + table + "' AND r.id = s.id)";
    }
    if (table == "contacts") {
        sql += " AND (? = 1 OR s.sensitive = 0)";
        p.emplace_back(sensitive);
    }
    return sql;
}

// The excerpts, for the hits only: snippet() tokenises the whole text again, which for
// every match of a common word in a long case would cost more than the search. The
// hits are a filter on the case's range (`+rowid`), not constraints FTS5 is given:
// as constraints it runs the whole query once per hit, seeking every segment each
// time (on the national set 19 ms for 25 hits against 1.6 ms as a filter).
void add_excerpts(db::Connection& conn, const HistoryQuery& query, const HistoryKeyRange& range,
                  std::vector<HistoryHit>& hits, const std::vector<std::int64_t>& keys, const std::vector<std::size_t>& arms) {
    for (std::size_t a = 0; a < kArmCount; ++a) {
        const auto& kind = kind_of(a);
        db::Params p{fts5_history_expression(query, kind.column), range.first, range.last};
        std::string marks;
        std::map<std::int64_t, std::size_t> hit_of_key;
        for (std::size_t i = 0; i < hits.size(); ++i) {
            if (arms[i] != a) continue;
            marks += marks.empty() ? "?" : ", ?";
            p.emplace_back(keys[i]);
            hit_of_key[keys[i]] = i;
        }
        if (marks.empty()) continue;
        const std::string index = index_of(a);
        for (const auto& r : conn.query("SELECT rowid, snippet(" + index + ", " + std::to_string(kind.column_number) +
                                            ", char(1), char(2), '…', 24) FROM " + index + " WHERE " + index +
                                            " MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (" + marks + ")",
                                        p)) {
            if (auto it = hit_of_key.find(r.int64(0)); it != hit_of_key.end()) hits[it->second].excerpt = r.text(1);
        }
    }
}

// The newest `limit` hits across every arm get their excerpts.
std::vector<HistoryHit> search_sqlite(db::Connection& conn, std::int64_t person_id, const HistoryQuery& query,
                                      const HistoryFilter& filter, std::int64_t sensitive, int limit) {
    const auto range = history_key_range(person_id);
    db::Params p;
    std::string arms_sql;
    for (std::size_t a = 0; a < kArmCount; ++a) {
        arms_sql += (a == 0 ? " " : " UNION ALL ") + arm_select(a, p, query, range, sensitive);
    }
    add_filter(p, filter);
    p.emplace_back(std::int64_t{limit});
    const auto rows = conn.query("SELECT source, source_id, type, at, history_key, arm FROM (" + arms_sql +
                                     ") h WHERE (? = '' OR source = ? OR type = ?) AND (? = '' OR at >= ?) AND (? = '' OR at < ?) "
                                     "ORDER BY at DESC, source_id DESC LIMIT ?",
                                 p);
    std::vector<HistoryHit> hits;
    std::vector<std::int64_t> keys;
    std::vector<std::size_t> arms;
    for (const auto& r : rows) {
        hits.push_back(HistoryHit{r.text(0), r.int64(1), r.text(2), r.text(3), {}});
        keys.push_back(r.int64(4));
        arms.push_back(static_cast<std::size_t>(r.int64(5)));
    }
    add_excerpts(conn, query, range, hits, keys, arms);
    return hits;
}

}  // namespace

std::vector<HistoryHit> search_history(db::Connection& conn, std::int64_t person_id, const HistoryQuery& query,
                                       const HistoryFilter& filter, bool include_sensitive, int limit) {
    if (query.empty()) return {};
    const std::int64_t sensitive = include_sensitive ? 1 : 0;
    if (conn.dialect() == db::Dialect::sqlite) return search_sqlite(conn, person_id, query, filter, sensitive, limit);
    // The words come in through a one-row WITH, not as a constant in each arm: seeing
    // them, the planner judged common words rare in a case and recomputed to_tsvector
    // for every row of the case (122 ms for 5,000 contacts) instead of asking the
    // person-and-words index of migration 0021 (16-20 ms). The excerpts are made here
    // from the notes and the query's lexemes (search/excerpt.hpp).
    db::Params p{websearch_text(query), person_id, sensitive, person_id, person_id, person_id};
    add_filter(p, filter);
    p.emplace_back(std::int64_t{limit});
    const auto rows = conn.query(
        "WITH q AS (SELECT websearch_to_tsquery('english', ?) AS q) "
        "SELECT h.source, h.source_id, h.type, h.at, h.body, CAST(q.q AS TEXT) FROM ("
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
        p);
    std::vector<HistoryHit> hits;
    if (rows.empty()) return hits;
    const auto lexemes = wanted_lexemes(rows[0].text(5));
    for (const auto& r : rows) hits.push_back(HistoryHit{r.text(0), r.int64(1), r.text(2), r.text(3), marked_excerpt(r.text(4), lexemes)});
    return hits;
}

}  // namespace onecase::search
