// SQLite's WAL is written back into the database file by a thread of its own
// (db/sqlite/wal_checkpointer), not inside a user's commit. SQLite alone.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "db/database.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

using namespace std::chrono_literals;

TEST(SqliteCheckpoints, TheWalIsWrittenBackWhileServing) {
    const auto url = fresh_database_url("sqlite", "onecase_checkpoint_test");
    const std::string path = url.substr(std::string("sqlite:").size());
    auto database = db::open_database(url, db::OpenOptions{2, 10s});
    db::write_transaction(*database, [](db::Connection& c) { c.execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"); });
    const auto size_before = std::filesystem::file_size(path);

    // About 1,500 pages of WAL in many small commits, as a server writes: past the
    // 1,000 at which the checkpoint thread is woken.
    const std::string body(4000, 'x');
    for (int i = 0; i < 1500; ++i) {
        db::write_transaction(*database, [&](db::Connection& c) { c.execute("INSERT INTO notes (body) VALUES (?)", {body}); });
    }
    // In WAL mode the database file grows only when a checkpoint copies the WAL into it;
    // no commit does that any more (the hook replaced SQLite's automatic checkpoint).
    auto grown = [&] { return std::filesystem::file_size(path) > size_before + 1000 * 4096; };
    for (int i = 0; i < 200 && !grown(); ++i) std::this_thread::sleep_for(50ms);
    EXPECT_TRUE(grown()) << "database file " << std::filesystem::file_size(path) << " bytes, was " << size_before;
    EXPECT_EQ(database->acquire()->query("SELECT COUNT(*) FROM notes").at(0).int64(0), 1500);
    EXPECT_EQ(database->acquire()->query("PRAGMA integrity_check").at(0).text(0), "ok");
}

}  // namespace
}  // namespace onecase::testing
