#pragma once
// Searches one case's history: contact notes, appointment notes, appointment
// outcome notes and enforcement action reasons. SQLite reads the FTS5 indexes that
// triggers keep (migrations 0014, 0015; 0019: a base and a live index per source);
// PostgreSQL the full-text GIN indexes on the tables themselves (migrations 0021, 0025).
// Both stem (porter / english). SQLite's snippet() marks the matching words; for
// PostgreSQL search/excerpt.hpp does.
#include <cstdint>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "search/history_query.hpp"

namespace onecase::search {

struct HistoryHit {
    std::string source;     // contact, appointment, outcome, enforcement
    std::int64_t source_id = 0;
    std::string type;       // the contact or appointment type, or the enforcement action kind
    std::string at;         // UTC instant, or a date for enforcement actions
    std::string excerpt;    // the matching text in context, matches between kMarkStart and kMarkEnd
};

// Newest first, at most `limit`. Sensitive contacts only when `include_sensitive`.
std::vector<HistoryHit> search_history(db::Connection& conn, std::int64_t person_id, const HistoryQuery& query,
                                       const HistoryFilter& filter, bool include_sensitive, int limit);

}  // namespace onecase::search
