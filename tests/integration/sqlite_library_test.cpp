// Process-wide SQLite settings (db/sqlite/library.hpp): memory statistics are off, so no
// allocation takes SQLite's global statistics mutex. With them on, the library counts
// every byte it holds and sqlite3_memory_used() is far above zero once a file is open.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "db/migrations.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

TEST(SqliteLibrary, MemoryStatisticsAreOffOnceADatabaseIsOpen) {
    auto database = db::open_database(fresh_database_url("sqlite", "onecase_sqlite_library_test"));
    db::migrate(*database);
    (void)database->acquire()->query("SELECT COUNT(*) FROM schema_migrations");
    EXPECT_EQ(sqlite3_memory_used(), 0) << "SQLite is counting its memory, under a global mutex";
}

}  // namespace
}  // namespace onecase::testing
