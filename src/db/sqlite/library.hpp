#pragma once

namespace onecase::db {

// Process-wide SQLite settings, applied once before the first connection opens (the
// library accepts them only before it initialises). Every sqlite3_open_v2 in onecase
// calls this first.
void prepare_sqlite_library();

}  // namespace onecase::db
