#pragma once
// The fsync half of group commit. Connections run with synchronous=NORMAL: COMMIT
// writes the transaction's WAL frames but does not fsync. Each committer then waits
// here until an fsync that began after its commit has finished; one waiter does the
// fsync for everyone waiting, so concurrent commits share one disk flush. A 2xx still
// means on disk: the caller returns only after that fsync. (Checkpoints sync the WAL
// before copying it and the database after, so a commit checkpointed meanwhile is
// durable in the database.)
//
// An fsync error poisons the syncer: after one, the kernel may report later fsyncs as
// successful although data was lost, so writes are refused before they begin until the
// server restarts; a commit already made when the flush failed is reported as of
// unknown outcome rather than as not made.
#include <sys/types.h>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

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

private:
    int sync_wal();

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
};

}  // namespace onecase::db
