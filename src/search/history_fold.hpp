#pragma once
// Folds SQLite's live case-history indexes into their bases (migration 0019): each
// base is rebuilt from every row of its source table, merged into one segment, and
// the live index and the list of replaced base rows are emptied. A bulk load does it
// once at the end; an operator runs it (`onecase fold-history`) when the live indexes
// have grown over months of writes, at a quiet time: it holds the write lock for as
// long as it takes to index the whole history (docs/operations.md). No-op on
// PostgreSQL, whose full-text indexes are ordinary indexes on the tables.
#include <string>

#include "db/database.hpp"

namespace onecase::search {

// Run inside a write transaction. False, doing nothing, on PostgreSQL.
bool fold_history_indexes(db::Connection& conn);

// Rebuilds one SQLite FTS5 index from its content table and merges it into one segment.
void rebuild_full_text_index(db::Connection& conn, const std::string& index);

}  // namespace onecase::search
