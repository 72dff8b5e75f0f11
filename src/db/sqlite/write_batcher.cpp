#include "db/sqlite/write_batcher.hpp"

#include <sqlite3.h>

#include "db/deferred_commits.hpp"

namespace onecase::db {
namespace {

// The shared handle writes every turn's pages, so it gets a larger cache than a
// reading connection.
constexpr int kWriterCacheKib = 65536;

// A batch's failure when the disk had already failed an fsync (not an SQLite code).
constexpr int kDiskFailed = -1;

// Raised again in every turn of a failed batch, as the kind of error that failed it.
std::exception_ptr batch_failure(int failure, const std::string& message) {
    const std::string what = "a write batched with this one failed, so this one was not made: " + message;
    if (failure == SQLITE_FULL) return std::make_exception_ptr(StorageFull(what));
    if (failure == kDiskFailed) return std::make_exception_ptr(DiskFailed(what, false));
    return std::make_exception_ptr(Unavailable(what));
}

[[noreturn]] void throw_batch_failure(int failure, const std::string& message) {
    std::rethrow_exception(batch_failure(failure, message));
}

}  // namespace

// A deferred turn's part in its batch.
class WriteBatcher::Pending final : public PendingCommit {
public:
    Pending(WriteBatcher& writer, std::shared_ptr<Batch> batch) : writer_(writer), batch_(std::move(batch)) {}
    void wait_committed() override { writer_.wait_committed(batch_); }
    void when_durable(std::function<void(std::exception_ptr)> durable) override {
        writer_.when_durable(batch_, std::move(durable));
    }

private:
    WriteBatcher& writer_;
    std::shared_ptr<Batch> batch_;
};

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
    if (auto* deferred = DeferredCommits::on_this_thread()) {
        deferred->add(std::make_shared<Pending>(*this, batch));
        return;
    }
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
    std::vector<std::function<void(std::exception_ptr)>> on_durable;
    {
        std::lock_guard lock(outcome_mutex_);
        current_->outcome = outcome;
        current_->failure = failure;
        current_->message = message;
        on_durable.swap(current_->on_durable);
        if (outcome == Outcome::committed) ++committed_;
    }
    current_.reset();
    outcome_cv_.notify_all();
    if (on_durable.empty()) return;
    if (outcome == Outcome::failed) {
        const auto why = batch_failure(failure, message);
        for (auto& durable : on_durable) durable(why);
        return;
    }
    // One flush request for the whole batch.
    syncer_.when_durable([on_durable = std::move(on_durable)](std::exception_ptr failure) {
        for (const auto& durable : on_durable) durable(failure);
    });
}

void WriteBatcher::wait_for(const std::shared_ptr<Batch>& batch) {
    wait_committed(batch);
    syncer_.wait_durable();
}

void WriteBatcher::wait_committed(const std::shared_ptr<Batch>& batch) {
    std::unique_lock lock(outcome_mutex_);
    outcome_cv_.wait(lock, [&] { return batch->outcome != Outcome::open; });
    if (batch->outcome == Outcome::failed) throw_batch_failure(batch->failure, batch->message);
}

void WriteBatcher::when_durable(const std::shared_ptr<Batch>& batch, std::function<void(std::exception_ptr)> durable) {
    std::unique_lock lock(outcome_mutex_);
    if (batch->outcome == Outcome::open) {
        batch->on_durable.push_back(std::move(durable));  // settle() passes it on
        return;
    }
    const bool failed = batch->outcome == Outcome::failed;
    lock.unlock();
    if (failed) durable(batch_failure(batch->failure, batch->message));
    else syncer_.when_durable(std::move(durable));
}

}  // namespace onecase::db
