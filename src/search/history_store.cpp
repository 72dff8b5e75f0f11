#include "search/history_store.hpp"

#include <map>

#include "search/excerpt.hpp"

namespace onecase::search {
namespace {

// The filters on one kind's rows `s`, whose parameters add_filter gives.
std::string kind_filter_sql(const char* source, const char* type_column, const std::string& at) {
    return " AND (? = '' OR '" + std::string(source) + "' = ? OR s." + type_column + " = ?) AND (? = '' OR " + at +
           " >= ?) AND (? = '' OR " + at + " < ?)";
}

// Filter parameters, in the order every statement uses them.
void add_filter(db::Params& p, const HistoryFilter& f) {
    for (int i = 0; i < 3; ++i) p.emplace_back(f.type);
    p.emplace_back(f.from);
    p.emplace_back(f.from);
    p.emplace_back(f.to_after);
    p.emplace_back(f.to_after);
}

// One kind of hit: the live index, which of its columns, and the source table it
// points into. Every kind is in two indexes (migration 0019): the base index
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

// A row's key in the history indexes (migration 0015), from columns an index on the
// table holds: the generated history_key column would make SQLite read the row.
constexpr const char* kRowKey = "((s.person_id << 32) + s.id)";

// The newest `limit` rows of one kind that match, read from the case's rows in date
// order: each index is asked once for the case's rowid range (migration 0015) and
// its hits are a set the rows are checked against. A contact's date, type and
// sensitive flag are in the index the rows are read from (migration 0024), so a
// common word's search stops after `limit` hits instead of reading every matching
// row of the table, one page each, after every commit had emptied the cache.
std::string kind_select(const Kind& kind, db::Params& p, std::int64_t person_id, const HistoryQuery& query,
                        const HistoryKeyRange& range, std::int64_t sensitive, const HistoryFilter& filter, int limit) {
    const std::string index = kind.index, table = kind.table, at = std::string("s.") + kind.at_column;
    auto hits_in = [&](const std::string& idx) {
        p.emplace_back(fts5_history_expression(query, kind.column));
        p.emplace_back(range.first);
        p.emplace_back(range.last);
        return std::string(kRowKey) + " IN (SELECT rowid FROM " + idx + " WHERE " + idx + " MATCH ? AND rowid BETWEEN ? AND ?)";
    };
    p.emplace_back(person_id);
    std::string sql = "SELECT * FROM (SELECT '" + std::string(kind.source) + "' AS source, s.id AS source_id, s." +
                      kind.type_column + " AS type, " + at + " AS at FROM " + table + " s WHERE s.person_id = ? AND (";
    sql += hits_in(index + "_base") +
           " AND NOT EXISTS (SELECT 1 FROM history_base_replaced r WHERE r.source_table = '" + table + "' AND r.id = s.id)";
    sql += " OR " + hits_in(index) + ")";
    if (table == "contacts") {
        sql += " AND (? = 1 OR s.sensitive = 0)";
        p.emplace_back(sensitive);
    }
    sql += kind_filter_sql(kind.source, kind.type_column, at) + " ORDER BY " + at + " DESC, s.id DESC LIMIT ?)";
    add_filter(p, filter);
    p.emplace_back(std::int64_t{limit});
    return sql;
}

// The excerpts, for the hits only: snippet() tokenises the whole text again, which for
// every match of a common word in a long case would cost more than the search. The
// hits are a filter on the case's range (`+rowid`), not constraints FTS5 is given:
// as constraints it runs the whole query once per hit, seeking every segment each
// time (on the national set 19 ms for 25 hits against 1.6 ms as a filter). A row
// written or replaced since the base was built has its current text in the live
// index, so that is asked first; the base gives the rest.
void add_excerpts(db::Connection& conn, const HistoryQuery& query, const HistoryKeyRange& range,
                  std::vector<HistoryHit>& hits, std::int64_t person_id) {
    for (const auto& kind : kKinds) {
        for (const auto& index : {std::string(kind.index), std::string(kind.index) + "_base"}) {
            db::Params p{fts5_history_expression(query, kind.column), range.first, range.last};
            std::string marks;
            std::map<std::int64_t, std::size_t> hit_of_key;
            for (std::size_t i = 0; i < hits.size(); ++i) {
                if (hits[i].source != kind.source || !hits[i].excerpt.empty()) continue;
                const std::int64_t key = (person_id << 32) + hits[i].source_id;
                marks += marks.empty() ? "?" : ", ?";
                p.emplace_back(key);
                hit_of_key[key] = i;
            }
            if (marks.empty()) continue;
            for (const auto& r : conn.query("SELECT rowid, snippet(" + index + ", " + std::to_string(kind.column_number) +
                                                ", char(1), char(2), '…', 24) FROM " + index + " WHERE " + index +
                                                " MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (" + marks + ")",
                                            p)) {
                if (auto it = hit_of_key.find(r.int64(0)); it != hit_of_key.end()) hits[it->second].excerpt = r.text(1);
            }
        }
    }
}

// The newest `limit` hits of each kind, then of them all, get their excerpts.
std::vector<HistoryHit> search_sqlite(db::Connection& conn, std::int64_t person_id, const HistoryQuery& query,
                                      const HistoryFilter& filter, std::int64_t sensitive, int limit) {
    const auto range = history_key_range(person_id);
    db::Params p;
    std::string kinds_sql;
    for (const auto& kind : kKinds) {
        kinds_sql += (kinds_sql.empty() ? "" : " UNION ALL ") +
                     kind_select(kind, p, person_id, query, range, sensitive, filter, limit);
    }
    p.emplace_back(std::int64_t{limit});
    std::vector<HistoryHit> hits;
    for (const auto& r : conn.query("SELECT source, source_id, type, at FROM (" + kinds_sql +
                                        ") ORDER BY at DESC, source_id DESC LIMIT ?",
                                    p)) {
        hits.push_back(HistoryHit{r.text(0), r.int64(1), r.text(2), r.text(3), {}});
    }
    add_excerpts(conn, query, range, hits, person_id);
    return hits;
}

// The kinds of hit on PostgreSQL: each table's rows of the case whose text matches,
// through the GIN index of migration 0025 (`person_id + 0` and to_tsvector of the
// text). The case is named as that index names it, so no index keyed by person alone
// can answer the condition: given that choice, the planner ran to_tsvector on every row
// of the case whenever its statistics made the case small or a word common.
struct PgKind {
    const char* source;
    const char* table;
    const char* type_column;
    const char* at_column;
    const char* text;  // as the index has it, on the row `s`
};
constexpr PgKind kPgKinds[] = {{"contact", "contacts", "type", "contact_at", "s.notes"},
                               {"appointment", "appointments", "type", "start_at", "s.notes"},
                               {"outcome", "appointments", "type", "start_at", "coalesce(s.outcome_notes, '')"},
                               {"enforcement", "enforcement_actions", "kind", "action_date", "s.reason"}};

std::string pg_kind_select(const PgKind& kind, const char* match, db::Params& p, std::int64_t person_id,
                           std::int64_t sensitive) {
    const std::string table = kind.table;
    std::string sql = "SELECT '" + std::string(kind.source) + "' AS source, s.id AS source_id, s." + kind.type_column +
                      " AS type, s." + kind.at_column + " AS at, " + kind.text + " AS body FROM " + table +
                      " s, q WHERE s.person_id + 0 = ? AND to_tsvector('english', " + kind.text + ") @@ q." + match;
    p.emplace_back(person_id);
    if (table == "contacts") {
        sql += " AND (? = 1 OR s.sensitive = 0)";
        p.emplace_back(sensitive);
    }
    return sql;
}

// A phrase's words in order are not in a GIN index (it holds no positions), so a
// phrase made PostgreSQL run to_tsvector again on every row holding all its words:
// 30 ms for "missed appointment" in the 5,000-contact case. Here the index finds the
// rows holding the words, newest first, and the phrase is checked on them in that
// order only until a page of hits is found.
std::string pg_phrase_kind_select(const PgKind& kind, db::Params& p, std::int64_t person_id, std::int64_t sensitive,
                                  const HistoryFilter& filter, int limit) {
    const std::string at = std::string("s.") + kind.at_column;
    std::string sql = "SELECT h.* FROM (" + pg_kind_select(kind, "words", p, person_id, sensitive) +
                      kind_filter_sql(kind.source, kind.type_column, at) + " ORDER BY " + at +
                      " DESC, s.id DESC OFFSET 0) h, q WHERE to_tsvector('english', h.body) @@ q.q LIMIT ?";
    add_filter(p, filter);
    p.emplace_back(std::int64_t{limit});
    return "(" + sql + ")";
}

// The words come in through a one-row WITH, parsed once for every arm and returned as
// PostgreSQL read them. The excerpts are made here from the texts and the query's
// lexemes (search/excerpt.hpp).
std::vector<HistoryHit> search_postgres(db::Connection& conn, std::int64_t person_id, const HistoryQuery& query,
                                        const HistoryFilter& filter, std::int64_t sensitive, int limit) {
    const bool phrase = has_phrase(query);
    db::Params p{websearch_text(query), websearch_words_text(query)};
    std::string kinds_sql;
    for (const auto& kind : kPgKinds) {
        kinds_sql += kinds_sql.empty() ? " " : " UNION ALL ";
        kinds_sql += phrase ? pg_phrase_kind_select(kind, p, person_id, sensitive, filter, limit)
                            : pg_kind_select(kind, "q", p, person_id, sensitive);
    }
    std::string sql = "WITH q AS (SELECT websearch_to_tsquery('english', ?) AS q, websearch_to_tsquery('english', ?) AS words) "
                      "SELECT h.source, h.source_id, h.type, h.at, h.body, CAST(q.q AS TEXT) FROM (" +
                      kinds_sql + ") h, q";
    if (!phrase) {
        sql += " WHERE (? = '' OR h.source = ? OR h.type = ?) AND (? = '' OR h.at >= ?) AND (? = '' OR h.at < ?)";
        add_filter(p, filter);
    }
    sql += " ORDER BY h.at DESC, h.source_id DESC LIMIT ?";
    p.emplace_back(std::int64_t{limit});
    const auto rows = conn.query(sql, p);
    std::vector<HistoryHit> hits;
    if (rows.empty()) return hits;
    const auto lexemes = wanted_lexemes(rows[0].text(5));
    for (const auto& r : rows) hits.push_back(HistoryHit{r.text(0), r.int64(1), r.text(2), r.text(3), marked_excerpt(r.text(4), lexemes)});
    return hits;
}

}  // namespace

std::vector<HistoryHit> search_history(db::Connection& conn, std::int64_t person_id, const HistoryQuery& query,
                                       const HistoryFilter& filter, bool include_sensitive, int limit) {
    if (query.empty()) return {};
    const std::int64_t sensitive = include_sensitive ? 1 : 0;
    if (conn.dialect() == db::Dialect::sqlite) return search_sqlite(conn, person_id, query, filter, sensitive, limit);
    return search_postgres(conn, person_id, query, filter, sensitive, limit);
}

}  // namespace onecase::search
