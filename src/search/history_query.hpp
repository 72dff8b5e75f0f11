#pragma once
// What someone typed into a case's history search, understood, and how the
// engines' marked-up excerpts become safe HTML. Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onecase::search {

// Words and "quoted phrases". A term holds one word or a phrase's words joined by
// single spaces; words are runs of letters and digits (other bytes split them,
// except UTF-8 letters which are kept), lower-cased.
struct HistoryQuery {
    std::vector<std::string> terms;
    bool empty() const { return terms.empty(); }
};

HistoryQuery parse_history_query(std::string_view text);

// The FTS5 expression for one text column of a history index: every term (a phrase
// as a phrase), all required: notes : "breach" AND notes : "missed appointment".
// The case is chosen by rowid range, not by the expression (migration 0015).
std::string fts5_history_expression(const HistoryQuery& query, std::string_view text_column);

// The rowids one case's rows have in the SQLite history indexes: each row's
// history_key is (person_id << 32) + id (migration 0015), so a case is one range.
struct HistoryKeyRange {
    std::int64_t first = 0;
    std::int64_t last = 0;
};
HistoryKeyRange history_key_range(std::int64_t person_id);

// The same query for PostgreSQL's websearch_to_tsquery: words and "phrases".
std::string websearch_text(const HistoryQuery& query);
// Every word of the query with its phrases unquoted: what a row must hold for the
// query to match, which a GIN index answers without reading the row again.
std::string websearch_words_text(const HistoryQuery& query);
bool has_phrase(const HistoryQuery& query);

// The excerpt markers the engines are asked to put around matching words.
inline constexpr char kMarkStart = '\x01';
inline constexpr char kMarkEnd = '\x02';

// Escapes every character of `marked` for HTML, then turns each marked span into
// <mark>…</mark>. An unmatched start marker is closed at the end; other control
// characters are dropped. The only tags in the result are <mark> and </mark>.
std::string highlight_html(std::string_view marked);

// `marked` without the markers.
std::string strip_marks(std::string_view marked);

// Filters: a type (a source — contact, appointment, outcome, enforcement — or a
// contact/appointment type code) and a date range, dates YYYY-MM-DD inclusive.
struct HistoryFilter {
    std::string type;
    std::string from;      // "" = no lower bound
    std::string to;        // "" = no upper bound
    std::string to_after;  // the day after `to`, for an exclusive upper bound
};

struct FilterError {
    std::string field;
    std::string message;
};

// Checks the filters typed; errors name the field.
std::vector<FilterError> parse_history_filter(std::string_view type, std::string_view from, std::string_view to,
                                              HistoryFilter& out);

}  // namespace onecase::search
