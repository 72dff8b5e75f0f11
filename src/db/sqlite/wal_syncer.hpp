#pragma once
// The fsync half of group commit. Connections run with synchronous=NORMAL: COMMIT
// writes the transaction's WAL frames but does not fsync. Each committer then waits
// here until an fsync that began after its commit has finished; one waiter does the
// fsync for everyone waiting, so concurrent commits share one disk flush. A 2xx still
// means on disk: the caller returns only after that fsync. (Checkpoints sync the WAL
// before copying it and the database after, so a commit checkpointed meanwhile is
// durable in the database.)
//
// A caller that must not keep a thread waiting (a request whose answer can wait for it:
// db/deferred_commits.hpp) queues a callback instead; the syncer's own thread flushes
// for everything queued at once and calls each back.
//
// An fsync error poisons the syncer: after one, the kernel may report later fsyncs as
// successful although data was lost, so writes are refused before they begin until the
// server restarts; a commit already made when the flush failed is reported as of
// unknown outcome rather than as not made.
#include <sys/types.h>

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace onecase::db {

class WalSyncer {
public:
    explicit WalSyncer(const std::string& database_path);
    ~WalSyncer();
    WalSyncer(const WalSyncer&) = delete;
    WalSyncer& operator=(const WalSyncer&) = delete;

    // Throws DiskFailed once an fsync has failed. Called before a write begins.
    void refuse_if_failed();

    // Returns once everything committed before the call is on disk; throws DiskFailed
    // (outcome unknown) when the flush fails.
    void wait_durable();

    // The same without a thread waiting: calls `durable` on the syncer's own thread
    // once everything committed before this call is on disk (nullptr), or with the
    // DiskFailed wait_durable would throw. `durable` must not throw.
    void when_durable(std::function<void(std::exception_ptr)> durable);

private:
    int sync_wal();
    void run_flusher(std::stop_token stop);

    std::string wal_path_;
    std::string dir_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::uint64_t written_ = 0;
    std::uint64_t synced_ = 0;
    bool syncing_ = false;
    bool failed_ = false;
    int fd_ = -1;
    ino_t inode_ = 0;
    std::vector<std::function<void(std::exception_ptr)>> queued_;  // guarded by mutex_
    std::condition_variable_any queue_cv_;
    std::jthread flusher_;  // started by the first when_durable; stopped first
};

}  // namespace onecase::db
