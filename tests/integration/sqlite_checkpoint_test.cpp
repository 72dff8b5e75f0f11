// SQLite's WAL is written back into the database file by a thread of its own
// (db/sqlite/wal_checkpointer), not inside a user's commit, and starts again from its
// beginning under steady writes. SQLite alone, on a real file.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "db/database.hpp"
#include "db/sqlite/sqlite_handle.hpp"
#include "db/sqlite/wal_checkpointer.hpp"
#include "db/sqlite/wal_syncer.hpp"
#include "db/sqlite/write_batcher.hpp"
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

// The checkpoint thread with small limits, and the write batcher it pauses, as
// SqliteDatabase wires them.
class SqliteWalRestart : public ::testing::Test {
protected:
    static constexpr int kRestartAtPages = 200;

    SqliteWalRestart()
        : path_(fresh_database_url("sqlite", "onecase_wal_restart_test").substr(std::string("sqlite:").size())),
          syncer_(path_),
          checkpointer_(path_, db::WalCheckpointLimits{.wake_at_pages = 50,
                                                       .restart_at_pages = kRestartAtPages,
                                                       .file_limit_bytes = kRestartAtPages * 4096,
                                                       .minimum_interval = 10ms,
                                                       .reader_wait = 50ms}),
          writer_(path_, 10s, syncer_, checkpointer_) {
        checkpointer_.restart_wal_pausing([this] { return writer_.exclusive(); });
        write("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    }
    ~SqliteWalRestart() override { checkpointer_.stop(); }

    void write(const std::string& sql, const db::Params& params = {}) {
        writer_.begin_turn();
        writer_.handle().execute(sql, params);
        writer_.finish_turn();
    }
    // One page of WAL or more per note: each is its own commit.
    void write_notes(int count) {
        const std::string body(3000, 'x');
        for (int i = 0; i < count; ++i) write("INSERT INTO notes (body) VALUES (?)", {body});
    }
    std::uintmax_t wal_bytes() { return std::filesystem::file_size(path_ + "-wal"); }
    // A reader that is never idle for long, as a busy server's are, until stopped.
    std::jthread steady_reader() {
        return std::jthread([this](std::stop_token stop) {
            db::SqliteHandle handle(path_, 10s, 1024);
            while (!stop.stop_requested()) {
                handle.execute_script("BEGIN");
                handle.query("SELECT COUNT(*) FROM notes", {});
                handle.execute_script("COMMIT");
            }
        });
    }

    std::string path_;
    db::WalSyncer syncer_;
    db::WalCheckpointer checkpointer_;
    db::WriteBatcher writer_;
};

TEST_F(SqliteWalRestart, TheWalStartsAgainUnderSteadyWritesWhileReadersKeepReading) {
    // A reader that is never idle for long, as a busy server's are: with only PASSIVE
    // checkpoints the WAL never started again and held every one of these notes.
    auto reader = steady_reader();
    constexpr int kNotes = 3000;
    write_notes(kNotes);
    for (int i = 0; i < 200 && checkpointer_.restarts() == 0; ++i) {
        write_notes(10);
        std::this_thread::sleep_for(10ms);
    }
    reader.request_stop();
    reader.join();

    EXPECT_GT(checkpointer_.restarts(), 0);
    // journal_size_limit cuts the file back when a write starts it again.
    EXPECT_LT(wal_bytes(), std::uintmax_t{kNotes} * 4096 / 2);
    db::SqliteHandle check(path_, 10s, 1024);
    EXPECT_GE(check.query("SELECT COUNT(*) FROM notes", {}).at(0).int64(0), kNotes);
    EXPECT_EQ(check.query("PRAGMA integrity_check", {}).at(0).text(0), "ok");
}

TEST_F(SqliteWalRestart, AReaderHoldingOldFramesMakesTheRestartGiveUpAndWritesGoOn) {
    // A backup, say: a read transaction open on a snapshot the WAL still holds.
    write_notes(10);
    db::SqliteHandle backup(path_, 10s, 1024);
    backup.execute_script("BEGIN");
    const auto seen = backup.query("SELECT COUNT(*) FROM notes", {}).at(0).int64(0);

    write_notes(kRestartAtPages * 2);
    for (int i = 0; i < 500 && checkpointer_.restarts_given_up() == 0; ++i) {
        write_notes(1);
        std::this_thread::sleep_for(10ms);
    }
    EXPECT_GT(checkpointer_.restarts_given_up(), 0);
    EXPECT_EQ(checkpointer_.restarts(), 0);
    EXPECT_EQ(backup.query("SELECT COUNT(*) FROM notes", {}).at(0).int64(0), seen);  // its snapshot is intact
    backup.execute_script("COMMIT");

    // Once the reader has gone, the WAL starts again (a restart, or a write finding it
    // all copied) and the file is cut back to the limit.
    const std::uintmax_t limit = std::uintmax_t{kRestartAtPages} * 4096;
    EXPECT_GT(wal_bytes(), limit);
    for (int i = 0; i < 500 && wal_bytes() > limit; ++i) {
        write_notes(1);
        std::this_thread::sleep_for(10ms);
    }
    EXPECT_LE(wal_bytes(), limit);
}

TEST_F(SqliteWalRestart, ABulkLoadHoldsRestartsOffUntilItEnds) {
    // A bulk load writes on its own handle, which pausing the writers does not stop;
    // a restart would copy what it wrote meanwhile while holding the write lock. A
    // steady reader keeps the WAL from starting again by itself, as in a busy server.
    auto reader = steady_reader();
    checkpointer_.hold_restarts(true);
    write_notes(kRestartAtPages * 5);
    EXPECT_EQ(checkpointer_.restarts(), 0);
    EXPECT_EQ(checkpointer_.restarts_given_up(), 0) << "not even tried";
    checkpointer_.hold_restarts(false);
    for (int i = 0; i < 500 && checkpointer_.restarts() == 0; ++i) {
        write_notes(1);
        std::this_thread::sleep_for(10ms);
    }
    reader.request_stop();
    reader.join();
    EXPECT_GT(checkpointer_.restarts(), 0) << "once the load is done, the WAL starts again";
}

TEST_F(SqliteWalRestart, AReaderThatKeepsHoldingOnIsWaitedForLessAndLessOften) {
    // Every failed restart pauses the writers for reader_wait (50 ms here). A backup
    // holding its snapshot for minutes must not cost that at every checkpoint: after
    // three failures in a row the tries back off, doubling. Over two seconds of steady
    // writes, trying at every checkpoint would give up about 2 s / (10 ms + 50 ms) = 33
    // times; backing off from 10 ms, about ten.
    write_notes(10);
    db::SqliteHandle backup(path_, 10s, 1024);
    backup.execute_script("BEGIN");
    backup.query("SELECT COUNT(*) FROM notes", {});
    write_notes(kRestartAtPages * 2);
    for (int i = 0; i < 500 && checkpointer_.restarts_given_up() == 0; ++i) {
        write_notes(1);
        std::this_thread::sleep_for(10ms);
    }
    ASSERT_GT(checkpointer_.restarts_given_up(), 0);
    const int before = checkpointer_.restarts_given_up();
    const auto until = std::chrono::steady_clock::now() + 2s;
    int written = 0;
    while (std::chrono::steady_clock::now() < until) {
        write_notes(1);
        ++written;
        std::this_thread::sleep_for(5ms);
    }
    const int tries = checkpointer_.restarts_given_up() - before;
    EXPECT_GE(tries, 2) << "it keeps trying";
    EXPECT_LE(tries, 16) << "but less and less often";
    EXPECT_GT(written, 50) << "and writes go on";
    backup.execute_script("COMMIT");
}

}  // namespace
}  // namespace onecase::testing
