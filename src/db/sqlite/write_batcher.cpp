#include "db/sqlite/write_batcher.hpp"

#include <sqlite3.h>

namespace onecase::db {
namespace {

// The shared handle writes every turn's pages, so it gets a larger cache than a
// reading connection.
constexpr int kWriterCacheKib = 65536;

// A batch's failure when the disk had already failed an fsync (not an SQLite code).
constexpr int kDiskFailed = -1;

// Raised again in every turn of a failed batch, as the kind of error that failed it.
[[noreturn]] void throw_batch_failure(int failure, const std::string& message) {
    const std::string what = "a write batched with this one failed, so this one was not made: " + message;
    if (failure == SQLITE_FULL) throw StorageFull(what);
    if (failure == kDiskFailed) throw DiskFailed(what, false);
    throw Unavailable(what);
}

}  // namespace

WriteBatcher::WriteBatcher(const std::string& path, std::chrono::milliseconds busy_timeout, WalSyncer& syncer,
                           WalCheckpointer& checkpointer, bool group_commit)
    : handle_(path, busy_timeout, kWriterCacheKib), syncer_(syncer), group_commit_(group_commit) {
    checkpointer.attach(handle_.raw());
}

void WriteBatcher::begin_turn() {
    lock_.lock();
    try {
        syncer_.refuse_if_failed();
        if (!current_) {
            handle_.execute("BEGIN IMMEDIATE", {});
            current_ = std::make_shared<Batch>();
        }
        handle_.execute("SAVEPOINT turn", {});  // prepared once: each turn runs it
    } catch (const DiskFailed& e) {
        if (current_) fail_batch(kDiskFailed, e.what());
        lock_.unlock();
        throw;
    } catch (...) {
        // Whoever holds the turn settles an open batch before leaving it.
        if (current_ && current_->turns == 0) fail_batch(handle_.last_failure(), "no write in it");
        else if (current_) commit_batch();
        lock_.unlock();
        throw;
    }
}

void WriteBatcher::finish_turn() {
    const auto batch = current_;
    if (handle_.autocommit()) {
        // An error (a full disk, say) made SQLite roll the whole transaction back while
        // the turn's work carried on regardless.
        const int failure = handle_.last_failure();
        fail_batch(failure, "SQLite rolled the transaction back");
        lock_.unlock();
        throw_batch_failure(failure, "SQLite rolled the transaction back");
    }
    try {
        handle_.execute("RELEASE turn", {});
    } catch (...) {
        abandon_turn();
        throw;
    }
    ++batch->turns;
    if (!group_commit_) {
        commit_batch();
        // Flushed while the turn is still held, so the next writer waits for this fsync.
        std::unique_lock<FifoMutex> turn(lock_, std::adopt_lock);
        wait_for(batch);
        return;
    }
    if (!hand_over(*batch)) commit_batch();
    lock_.unlock();
    wait_for(batch);
}

void WriteBatcher::abandon_turn() noexcept {
    if (handle_.autocommit()) {
        fail_batch(handle_.last_failure(), "SQLite rolled the transaction back");
    } else if (sqlite3_exec(handle_.raw(), "ROLLBACK TO turn; RELEASE turn", nullptr, nullptr, nullptr) != SQLITE_OK) {
        fail_batch(handle_.last_failure(), sqlite3_errmsg(handle_.raw()));
    } else if (current_->turns == 0) {
        fail_batch(SQLITE_OK, "nothing kept in it");  // nobody waits on it: just closes it
    } else if (!hand_over(*current_)) {
        commit_batch();
    }
    lock_.unlock();
}

std::unique_lock<FifoMutex> WriteBatcher::exclusive() {
    std::unique_lock turn(lock_);
    if (current_) commit_batch();
    return turn;
}

std::uint64_t WriteBatcher::batches_committed() {
    std::lock_guard lock(outcome_mutex_);
    return committed_;
}

bool WriteBatcher::hand_over(const Batch& batch) {
    return group_commit_ && lock_.waiting() > 0 && batch.turns < kMaxTurns && std::chrono::steady_clock::now() - batch.opened < kMaxAge;
}

void WriteBatcher::commit_batch() noexcept {
    try {
        handle_.run_commit_work();
    } catch (const std::exception& e) {
        fail_batch(handle_.last_failure(), e.what());
        return;
    }
    if (sqlite3_exec(handle_.raw(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        fail_batch(sqlite3_extended_errcode(handle_.raw()) & 0xff, sqlite3_errmsg(handle_.raw()));
        return;
    }
    settle(Outcome::committed, 0, {});
}

void WriteBatcher::fail_batch(int failure, const std::string& message) noexcept {
    if (!handle_.autocommit()) sqlite3_exec(handle_.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
    settle(Outcome::failed, failure, message);
}

void WriteBatcher::settle(Outcome outcome, int failure, const std::string& message) noexcept {
    {
        std::lock_guard lock(outcome_mutex_);
        current_->outcome = outcome;
        current_->failure = failure;
        current_->message = message;
        if (outcome == Outcome::committed) ++committed_;
    }
    current_.reset();
    outcome_cv_.notify_all();
}

void WriteBatcher::wait_for(const std::shared_ptr<Batch>& batch) {
    {
        std::unique_lock lock(outcome_mutex_);
        outcome_cv_.wait(lock, [&] { return batch->outcome != Outcome::open; });
        if (batch->outcome == Outcome::failed) throw_batch_failure(batch->failure, batch->message);
    }
    syncer_.wait_durable();
}

}  // namespace onecase::db
