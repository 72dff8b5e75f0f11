#pragma once
// Copies the WAL back into the database file on a thread of its own. SQLite's default
// runs that checkpoint inside whichever commit pushes the WAL past 1,000 pages, so one
// user's write pays for writing back everyone's pages (and an fsync of the database
// file) while the next writers queue behind it. Serving connections install the hook
// below instead, which only wakes this thread. Checkpoints are PASSIVE: they never wait
// for readers or writers, and copy what they can; a failed one is tried again later
// (SQLite leaves the WAL as it was, so nothing is lost).
//
// A PASSIVE checkpoint alone never lets the WAL start again under steady writes. SQLite
// starts it again only when a write transaction begins with every frame already copied,
// and writers keep appending while this thread copies, so the file grew without bound
// (2 GB after 30 s of contacts on the national set, and writes stalled once it no longer
// fitted the page cache). So when a checkpoint leaves more than restart_at_pages in the
// WAL, this thread pauses the writers between batches, copies the few frames added
// meanwhile, waits (briefly) for readers still reading older frames, and lets the next
// write start the WAL from its beginning; journal_size_limit cuts back a file that a
// burst (or a long reader) made far larger.
#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "db/sqlite/fifo_mutex.hpp"

namespace onecase::db {

struct WalCheckpointLimits {
    int wake_at_pages = 1000;  // SQLite's default autocheckpoint size
    int restart_at_pages = 4096;
    // What the WAL file is cut back to when it starts again, if it grew past it. Well
    // above the steady size (16 MB plus a second of writes): cutting the file costs a
    // synchronous discard on this machine's ext4, inside a writer's commit.
    std::int64_t file_limit_bytes = std::int64_t{256} << 20;
    std::chrono::milliseconds minimum_interval{1000};
    // How long writers stay paused waiting for readers of older frames before the
    // restart is given up (and tried again at the next checkpoint, or less often
    // after three failures in a row). Every request writes (its audit row),
    // so this is added to whatever is in flight.
    std::chrono::milliseconds reader_wait{20};
};

class WalCheckpointer {
public:
    // Holds every writer off between batches for as long as the lock is held.
    using PauseWriters = std::function<std::unique_lock<FifoMutex>()>;

    explicit WalCheckpointer(std::string path, WalCheckpointLimits limits = {});
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Replaces SQLite's automatic checkpoint on `db` with a wake-up of this thread, and
    // caps the WAL file it leaves after a restart.
    void attach(sqlite3* db);
    // Without this, checkpoints stay PASSIVE and the WAL restarts only when writes pause.
    void restart_wal_pausing(PauseWriters pause);
    // While held, the WAL is not started again. For bulk loads, which write on their own
    // handle rather than through the paused writers: a RESTART copies whatever the load
    // wrote meanwhile while it holds the write lock, gigabytes on the national set, and
    // the load's next statement timed out behind it. Holds nest.
    void hold_restarts(bool held);
    // Ends the thread; called before whatever `pause` reaches goes away.
    void stop();

    // For tests: restarts made and given up so far.
    int restarts() const;
    int restarts_given_up() const;

private:
    static int on_commit(void* self, sqlite3*, const char*, int pages);
    void wake();
    void run(std::stop_token stop);
    void restart_wal(sqlite3* db);

    std::string path_;
    WalCheckpointLimits limits_;
    mutable std::mutex mutex_;
    std::condition_variable_any cv_;
    bool pending_ = false;
    PauseWriters pause_;  // guarded by mutex_
    int restarts_ = 0;    // guarded by mutex_
    int given_up_ = 0;    // guarded by mutex_
    int holds_ = 0;       // guarded by mutex_
    std::chrono::steady_clock::time_point next_restart_allowed_{};  // this thread's only
    std::chrono::milliseconds restart_backoff_{};                    // this thread's only
    int failures_in_a_row_ = 0;                                      // this thread's only
    std::jthread thread_;
};

}  // namespace onecase::db
