// Group commit at the SQL level (db/sqlite/write_batcher): writers queued behind one
// another share one transaction, a turn that fails is undone alone, and a batch that
// fails fails every turn in it. SQLite alone, on a real file.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "db/deferred_commits.hpp"
#include "on_disk.hpp"
#include "db/sqlite/wal_checkpointer.hpp"
#include "db/sqlite/wal_syncer.hpp"
#include "db/sqlite/write_batcher.hpp"
#include "support.hpp"
#include "workload/notifier.hpp"

namespace onecase::testing {
namespace {

using namespace std::chrono_literals;

class SqliteWriteBatch : public ::testing::Test {
protected:
    SqliteWriteBatch()
        : path_(fresh_database_url("sqlite", "onecase_write_batch_test").substr(std::string("sqlite:").size())),
          syncer_(path_),
          checkpointer_(path_),
          writer_(path_, 10s, syncer_, checkpointer_) {
        writer_.begin_turn();
        writer_.handle().execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        writer_.finish_turn();
        commits_before_ = writer_.batches_committed();
    }

    void insert(int id) { writer_.handle().execute("INSERT INTO notes (id, body) VALUES (?, 'x')", {std::int64_t{id}}); }

    // What another connection reads from the file: only what was committed.
    std::set<std::int64_t> committed_ids() {
        db::SqliteHandle reader(path_, 10s, 1024);
        std::set<std::int64_t> ids;
        for (const auto& r : reader.query("SELECT id FROM notes", {})) ids.insert(r.int64(0));
        return ids;
    }

    // Starts `turn` on another thread and returns once it is queued for the write turn.
    std::thread queued_behind(std::function<void()> turn) {
        std::thread t(std::move(turn));
        while (writer_.queued() == 0) std::this_thread::sleep_for(1ms);
        return t;
    }

    std::uint64_t commits() { return writer_.batches_committed() - commits_before_; }

    std::string path_;
    db::WalSyncer syncer_;
    db::WalCheckpointer checkpointer_;
    db::WriteBatcher writer_;
    std::uint64_t commits_before_ = 0;
};

TEST_F(SqliteWriteBatch, ATurnEndingWithAnotherQueuedHandsTheTransactionOnAndBothCommitTogether) {
    writer_.begin_turn();
    insert(1);
    auto second = queued_behind([&] {
        writer_.begin_turn();
        insert(2);
        writer_.finish_turn();
    });
    writer_.finish_turn();  // returns only once the second turn has committed them both
    second.join();
    EXPECT_EQ(committed_ids(), (std::set<std::int64_t>{1, 2}));
    EXPECT_EQ(commits(), 1u);
}

TEST_F(SqliteWriteBatch, ATurnAloneCommitsAtOnce) {
    writer_.begin_turn();
    insert(1);
    writer_.finish_turn();
    EXPECT_EQ(committed_ids(), (std::set<std::int64_t>{1}));
    EXPECT_EQ(commits(), 1u);
}

TEST_F(SqliteWriteBatch, AnAbandonedTurnIsUndoneAloneAndStillCommitsTheTurnsBeforeIt) {
    writer_.begin_turn();
    insert(1);
    auto second = queued_behind([&] {
        writer_.begin_turn();
        insert(2);
        writer_.abandon_turn();  // its request failed: nobody queued, so it commits the first
    });
    writer_.finish_turn();
    second.join();
    EXPECT_EQ(committed_ids(), (std::set<std::int64_t>{1}));
    EXPECT_EQ(commits(), 1u);
}

TEST_F(SqliteWriteBatch, AFailedStatementUndoneByItsTurnLeavesTheBatchUsable) {
    writer_.begin_turn();
    insert(1);
    auto second = queued_behind([&] {
        writer_.begin_turn();
        insert(2);
        EXPECT_THROW(insert(1), db::ConstraintViolation);
        writer_.abandon_turn();
    });
    writer_.finish_turn();
    second.join();
    writer_.begin_turn();
    insert(3);
    writer_.finish_turn();
    EXPECT_EQ(committed_ids(), (std::set<std::int64_t>{1, 3}));
}

TEST_F(SqliteWriteBatch, ABatchRolledBackUnderneathFailsEveryTurnInItAndNothingIsKept) {
    writer_.begin_turn();
    insert(1);
    std::atomic<bool> second_failed = false;
    auto second = queued_behind([&] {
        writer_.begin_turn();
        insert(2);
        // What SQLite does by itself on some errors (a full disk, an I/O error): the
        // whole transaction is gone, the first turn's row with it.
        writer_.handle().execute_script("ROLLBACK");
        try {
            writer_.finish_turn();
        } catch (const db::Unavailable&) {
            second_failed = true;
        }
    });
    EXPECT_THROW(writer_.finish_turn(), db::Unavailable) << "the first turn was in the lost batch: not acknowledged";
    second.join();
    EXPECT_TRUE(second_failed);
    EXPECT_TRUE(committed_ids().empty());
    EXPECT_EQ(commits(), 0u);

    writer_.begin_turn();
    insert(3);
    writer_.finish_turn();
    EXPECT_EQ(committed_ids(), (std::set<std::int64_t>{3})) << "writing goes on after a lost batch";
}

TEST_F(SqliteWriteBatch, ManyConcurrentWritersKeepExactlyTheTurnsThatSucceededInFewerCommits) {
    constexpr int kThreads = 16;
    constexpr int kTurnsEach = 40;
    std::vector<std::thread> threads;
    std::vector<std::set<std::int64_t>> kept(kThreads);
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kTurnsEach; ++i) {
                const int id = t * kTurnsEach + i + 1;
                writer_.begin_turn();
                insert(id);
                if (id % 7 == 0) {
                    writer_.abandon_turn();
                } else {
                    writer_.finish_turn();
                    kept[t].insert(id);
                }
            }
        });
    }
    for (auto& t : threads) t.join();
    std::set<std::int64_t> expected;
    for (const auto& k : kept) expected.insert(k.begin(), k.end());
    EXPECT_EQ(committed_ids(), expected);
    EXPECT_LT(commits(), static_cast<std::uint64_t>(kThreads * kTurnsEach)) << "queued turns shared commits";
}

// Inside a DeferredCommits scope (a request's handler) a turn does not wait for its
// batch: the scope waits instead, and its callback comes once the batch is on disk.
TEST_F(SqliteWriteBatch, ADeferredTurnReturnsWhileItsBatchIsOpenAndSettlesOnceTheBatchIsCommitted) {
    db::DeferredCommits deferred;
    std::promise<void> release_second;
    writer_.begin_turn();
    insert(1);
    auto second = queued_behind([&, go = release_second.get_future().share()] {
        writer_.begin_turn();  // another thread, no scope: it waits as before
        insert(2);
        go.wait();
        writer_.finish_turn();
    });
    writer_.finish_turn();  // hands the open batch to the second turn and returns
    EXPECT_TRUE(committed_ids().empty()) << "the first turn returned before its batch was committed";
    ASSERT_FALSE(deferred.empty());

    auto on_disk = when_on_disk(deferred);
    EXPECT_EQ(on_disk.wait_for(50ms), std::future_status::timeout) << "settled while its batch was still open";
    release_second.set_value();
    EXPECT_EQ(on_disk.get(), nullptr);
    second.join();
    EXPECT_EQ(committed_ids(), (std::set<std::int64_t>{1, 2}));
    EXPECT_EQ(commits(), 1u);
    EXPECT_TRUE(deferred.empty());
}

TEST_F(SqliteWriteBatch, WaitingForADeferredTurnToBeSeenReturnsOnlyOnceItsBatchIsCommitted) {
    db::DeferredCommits deferred;
    std::atomic<bool> second_finished = false;
    writer_.begin_turn();
    insert(1);
    auto second = queued_behind([&] {
        writer_.begin_turn();
        insert(2);
        std::this_thread::sleep_for(50ms);
        second_finished = true;
        writer_.finish_turn();
    });
    writer_.finish_turn();
    deferred.wait_committed();
    EXPECT_TRUE(second_finished) << "returned before the batch holding the turn was committed";
    EXPECT_EQ(committed_ids(), (std::set<std::int64_t>{1, 2}));
    second.join();
    EXPECT_NO_THROW(db::wait_for_deferred_writes());
    EXPECT_FALSE(deferred.empty()) << "the answer still waits on them too";
    EXPECT_EQ(when_on_disk(deferred).get(), nullptr) << "a committed batch still settles, after a flush";
}

TEST_F(SqliteWriteBatch, ADeferredTurnInALostBatchFailsBothItsWaitAndItsCallback) {
    db::DeferredCommits deferred;
    writer_.begin_turn();
    insert(1);
    auto second = queued_behind([&] {
        writer_.begin_turn();
        insert(2);
        writer_.handle().execute_script("ROLLBACK");  // as SQLite does on a full disk
        EXPECT_THROW(writer_.finish_turn(), db::Unavailable);
    });
    writer_.finish_turn();
    second.join();
    EXPECT_THROW(deferred.wait_committed(), db::Unavailable) << "the thread must not go on from a write not made";
    EXPECT_THROW(db::wait_for_deferred_writes(), db::Unavailable) << "nor announce it";

    const auto failure = when_on_disk(deferred).get();
    ASSERT_NE(failure, nullptr);
    EXPECT_THROW(std::rethrow_exception(failure), db::Unavailable);
    EXPECT_TRUE(committed_ids().empty());
}

class RecordingNotifier final : public workload::EmailNotifier {
public:
    void send(const workload::Email& email) noexcept override { sent.push_back(email.subject); }
    std::vector<std::string> sent;
};

TEST_F(SqliteWriteBatch, AMailAnnouncingADeferredWriteGoesOnlyOnceItIsOnDiskAndNeverForALostOne) {
    RecordingNotifier mail;
    {
        db::DeferredCommits deferred;
        writer_.begin_turn();
        insert(1);
        writer_.finish_turn();
        workload::send_once_written(mail, {{"spo@example.org", "Case allocated: X100001", ""}});
        EXPECT_EQ(mail.sent.size(), 1u);
        EXPECT_EQ(committed_ids(), (std::set<std::int64_t>{1}));
    }
    db::DeferredCommits deferred;
    writer_.begin_turn();
    insert(2);
    auto second = queued_behind([&] {
        writer_.begin_turn();
        insert(3);
        writer_.handle().execute_script("ROLLBACK");  // the batch is lost
        EXPECT_THROW(writer_.finish_turn(), db::Unavailable);
    });
    writer_.finish_turn();
    second.join();
    EXPECT_THROW(workload::send_once_written(mail, {{"spo@example.org", "Case allocated: X100002", ""}}), db::Unavailable);
    EXPECT_EQ(mail.sent, (std::vector<std::string>{"Case allocated: X100001"}));
}

TEST(SqliteDeferredCommits, AScopeWithoutWritesSettlesAtOnceAndAnInnerScopeHidesTheOuter) {
    db::DeferredCommits outer;
    {
        db::DeferredCommits inner;
        EXPECT_EQ(db::DeferredCommits::on_this_thread(), &inner);
    }
    EXPECT_EQ(db::DeferredCommits::on_this_thread(), &outer);
    bool called = false;
    outer.take()->when_durable([&](std::exception_ptr failure) {
        called = true;
        EXPECT_EQ(failure, nullptr);
    });
    EXPECT_TRUE(called);
}

// `serve --no-group-commit`, the reference make bench measures: each turn is its own
// transaction, flushed before the next turn begins.
TEST(SqliteWriteBatchOff, EachTurnCommitsAloneEvenWithOthersQueued) {
    const std::string path = fresh_database_url("sqlite", "onecase_write_batch_off_test").substr(std::string("sqlite:").size());
    db::WalSyncer syncer(path);
    db::WalCheckpointer checkpointer(path);
    db::WriteBatcher writer(path, 10s, syncer, checkpointer, false);
    writer.begin_turn();
    writer.handle().execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    writer.finish_turn();
    const auto before = writer.batches_committed();

    constexpr int kWriters = 8;
    std::vector<std::thread> writers;
    for (int i = 0; i < kWriters; ++i) {
        writers.emplace_back([&writer, i] {
            writer.begin_turn();
            writer.handle().execute("INSERT INTO notes (id, body) VALUES (?, 'x')", {std::int64_t{i}});
            writer.finish_turn();
        });
    }
    for (auto& t : writers) t.join();
    EXPECT_EQ(writer.batches_committed() - before, std::uint64_t{kWriters});
    {
        db::DeferredCommits deferred;  // the naive reference waits inside its turn even here
        writer.begin_turn();
        writer.handle().execute("INSERT INTO notes (id, body) VALUES (?, 'x')", {std::int64_t{kWriters}});
        writer.finish_turn();
        EXPECT_TRUE(deferred.empty());
    }
    db::SqliteHandle reader(path, 10s, 1024);
    EXPECT_EQ(reader.query("SELECT COUNT(*) FROM notes", {}).at(0).int64(0), kWriters + 1);
}

}  // namespace
}  // namespace onecase::testing
