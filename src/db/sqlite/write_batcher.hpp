#pragma once
// Group commit at the SQL level (issue #9: "batch concurrent commits, acknowledge each
// only after its batch is on disk"). Every write in the process runs on one shared
// SQLite handle, a turn at a time, each turn inside a savepoint of a transaction that
// several turns share. A turn that ends while other writers are queued hands the open
// transaction to the next one instead of committing; the last turn of a batch (nobody
// queued, or the batch is full or old) commits it, and each writer's commit() returns
// only after its batch's COMMIT and an fsync after it. So 64 concurrent contacts cost
// a few commits and a few fsyncs, not 64 of each, and the shared handle's page cache
// stays warm (in WAL mode a handle drops its whole cache whenever another handle has
// committed).
//
// Before each COMMIT the batch runs the schema's commit work (SqliteHandle::
// run_commit_work): the case-history live indexes are written there, once per batch,
// since FTS5 would otherwise write a segment at every turn's savepoint (migration 0026).
//
// Inside a DeferredCommits scope (db/deferred_commits.hpp) finish_turn does not wait:
// the turn is handed on or committed as above, and the scope gets a PendingCommit that
// settles when the batch is committed and flushed, on whichever thread does that.
//
// What a user sees is unchanged: a turn whose own work fails is undone by rolling back
// to its savepoint, and the batch goes on without it. When the batch itself fails (its
// COMMIT, or an error such as a full disk that makes SQLite roll the whole transaction
// back), every turn in it fails: none of them had been acknowledged.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "db/sqlite/fifo_mutex.hpp"
#include "db/sqlite/sqlite_handle.hpp"
#include "db/sqlite/wal_checkpointer.hpp"
#include "db/sqlite/wal_syncer.hpp"

namespace onecase::db {

class WriteBatcher {
public:
    // A batch is committed once it holds this many turns or is this old, even with
    // writers still queued, so that no writer waits on an ever-growing batch.
    static constexpr int kMaxTurns = 64;
    static constexpr std::chrono::milliseconds kMaxAge{20};

    // Without group_commit every turn commits and is flushed to disk before the next
    // turn begins: one transaction and one fsync per write, the naive reference.
    WriteBatcher(const std::string& path, std::chrono::milliseconds busy_timeout, WalSyncer& syncer,
                 WalCheckpointer& checkpointer, bool group_commit = true);

    // Waits for the write turn (in arrival order) and opens the caller's savepoint;
    // until the turn ends, the caller's statements go to handle().
    void begin_turn();
    // Keeps the turn's writes. Returns once they are committed and on disk; throws if
    // the batch failed or the disk could not be flushed. Inside a DeferredCommits scope
    // (with group commit) it returns at once and leaves the wait in the scope.
    void finish_turn();
    // Undoes the turn's writes; the rest of the batch goes on.
    void abandon_turn() noexcept;

    // The write lock with no batch open, for a bulk load on another handle.
    std::unique_lock<FifoMutex> exclusive();

    SqliteHandle& handle() { return handle_; }

    // For tests: transactions committed so far, and writers waiting for a turn.
    std::uint64_t batches_committed();
    std::size_t queued() { return lock_.waiting(); }

private:
    enum class Outcome { open, committed, failed };
    struct Batch {
        int turns = 0;  // turns kept in it so far
        std::chrono::steady_clock::time_point opened = std::chrono::steady_clock::now();
        // Guarded by outcome_mutex_.
        Outcome outcome = Outcome::open;
        int failure = 0;  // SQLite primary result code, or kDiskFailed
        std::string message;
        std::vector<std::function<void(std::exception_ptr)>> on_durable;  // deferred turns' callbacks
    };
    class Pending;

    bool hand_over(const Batch& batch);
    void commit_batch() noexcept;
    void fail_batch(int failure, const std::string& message) noexcept;
    void settle(Outcome outcome, int failure, const std::string& message) noexcept;
    void wait_for(const std::shared_ptr<Batch>& batch);
    void wait_committed(const std::shared_ptr<Batch>& batch);
    void when_durable(const std::shared_ptr<Batch>& batch, std::function<void(std::exception_ptr)> durable);

    SqliteHandle handle_;
    WalSyncer& syncer_;
    const bool group_commit_;
    // Held by the writer whose turn it is, from begin_turn to the end of its turn; not
    // a std::unique_lock member, which the next holder would assign while the last one
    // is still releasing it.
    FifoMutex lock_;
    // Touched only by the thread holding lock_.
    std::shared_ptr<Batch> current_;
    std::mutex outcome_mutex_;
    std::condition_variable outcome_cv_;
    std::uint64_t committed_ = 0;  // guarded by outcome_mutex_
};

}  // namespace onecase::db
