// A serving process merges the file's full-text indexes in the background
// (db/sqlite/fts_merger): segments left by many small writes, which every search would
// otherwise probe, come down to a few without any user's write doing it; base indexes
// (migration 0019) are left alone. SQLite alone.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "db/database.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

using namespace std::chrono_literals;

std::int64_t segments(db::Database& database, const std::string& index = "notes_fts") {
    return database.acquire()->query("SELECT COUNT(DISTINCT segid) FROM " + index + "_idx").at(0).int64(0);
}

// A base index (migration 0019) is never merged by the server: it holds a whole load's
// history, and a merge step over it holds the write turn for up to a second.
TEST(SqliteFullTextMerge, SegmentsLeftByManySmallWritesAreMergedInTheBackgroundExceptInBaseIndexes) {
    const auto url = fresh_database_url("sqlite", "onecase_fts_merge_test");
    {
        // As the history indexes are: no merging inside writes. Crisis merges are put
        // off too, so the segments stay until something merges them.
        auto database = db::open_database(url, db::OpenOptions{2, 10s});
        db::write_transaction(*database, [](db::Connection& c) {
            c.execute_script(
                "CREATE VIRTUAL TABLE notes_fts USING fts5(body);"
                "INSERT INTO notes_fts (notes_fts, rank) VALUES ('automerge', 0);"
                "INSERT INTO notes_fts (notes_fts, rank) VALUES ('crisismerge', 200);"
                "CREATE VIRTUAL TABLE notes_fts_base USING fts5(body);"
                "INSERT INTO notes_fts_base (notes_fts_base, rank) VALUES ('automerge', 0);"
                "INSERT INTO notes_fts_base (notes_fts_base, rank) VALUES ('crisismerge', 200);");
        });
        for (int i = 0; i < 60; ++i) {
            db::write_transaction(*database, [&](db::Connection& c) {
                c.execute("INSERT INTO notes_fts (body) VALUES (?)", {"rang to confirm the appointment " + std::to_string(i)});
                c.execute("INSERT INTO notes_fts_base (body) VALUES (?)", {"rang to confirm the appointment " + std::to_string(i)});
            });
        }
        std::this_thread::sleep_for(200ms);
        ASSERT_GE(segments(*database), 50) << "one segment per write, none merged, without the background merge";
        ASSERT_GE(segments(*database, "notes_fts_base"), 50);
    }

    db::OpenOptions serving{2, 10s};
    serving.full_text_merge_interval = 20ms;
    auto database = db::open_database(url, serving);
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (segments(*database) >= 8 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(50ms);
    EXPECT_LT(segments(*database), 8);
    EXPECT_GE(segments(*database, "notes_fts_base"), 50) << "the base index is left as it is";
    auto conn = database->acquire();
    EXPECT_EQ(conn->query("SELECT COUNT(*) FROM notes_fts WHERE notes_fts MATCH 'appointment'").at(0).int64(0), 60)
        << "every row is still found";
    conn->execute("INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)");
}

}  // namespace
}  // namespace onecase::testing
