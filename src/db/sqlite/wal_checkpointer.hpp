#pragma once
// Copies the WAL back into the database file on a thread of its own. SQLite's default
// runs that checkpoint inside whichever commit pushes the WAL past 1,000 pages, so one
// user's write pays for writing back everyone's pages (and an fsync of the database
// file) while the next writers queue behind it. Serving connections install the hook
// below instead, which only wakes this thread. Checkpoints are PASSIVE: they never wait
// for readers or writers, and copy what they can; a failed one is tried again later
// (SQLite leaves the WAL as it was, so nothing is lost).
#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace onecase::db {

class WalCheckpointer {
public:
    static constexpr int kWakeAtPages = 1000;  // SQLite's default autocheckpoint size
    static constexpr std::chrono::milliseconds kMinimumInterval{1000};

    explicit WalCheckpointer(std::string path);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Replaces SQLite's automatic checkpoint on `db` with a wake-up of this thread.
    void attach(sqlite3* db);

private:
    static int on_commit(void* self, sqlite3*, const char*, int pages);
    void wake();
    void run(std::stop_token stop);

    std::string path_;
    std::mutex mutex_;
    std::condition_variable_any cv_;
    bool pending_ = false;
    std::jthread thread_;
};

}  // namespace onecase::db
