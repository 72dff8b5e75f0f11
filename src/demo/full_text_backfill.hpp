#pragma once
// Fills SQLite's full-text tables (migration 0010) from their source rows in one
// pass. A bulk load drops the triggers that index row by row and calls this once at
// the end: at national scale, row-by-row indexing of tens of millions of contact
// notes made the load several times slower. PostgreSQL's full-text search uses
// ordinary expression indexes, which DeferredIndexes already rebuilds.
#include "db/database.hpp"

namespace onecase::demo {

void backfill_full_text(db::Connection& conn);

}  // namespace onecase::demo
