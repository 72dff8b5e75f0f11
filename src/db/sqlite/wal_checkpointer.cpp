#include "db/sqlite/wal_checkpointer.hpp"

#include <chrono>

namespace onecase::db {

WalCheckpointer::WalCheckpointer(std::string path)
    : path_(std::move(path)), thread_([this](std::stop_token stop) { run(std::move(stop)); }) {}

WalCheckpointer::~WalCheckpointer() {
    thread_.request_stop();
    cv_.notify_all();
}

void WalCheckpointer::attach(sqlite3* db) { sqlite3_wal_hook(db, &WalCheckpointer::on_commit, this); }

int WalCheckpointer::on_commit(void* self, sqlite3*, const char*, int pages) {
    if (pages >= kWakeAtPages) static_cast<WalCheckpointer*>(self)->wake();
    return SQLITE_OK;
}

void WalCheckpointer::wake() {
    {
        std::lock_guard lock(mutex_);
        pending_ = true;
    }
    cv_.notify_one();
}

void WalCheckpointer::run(std::stop_token stop) {
    sqlite3* db = nullptr;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            // Also every few seconds: a WAL left below the wake-up size by a quiet
            // moment is still written back.
            cv_.wait_for(lock, stop, std::chrono::seconds(5), [&] { return pending_; });
            if (stop.stop_requested()) break;
            pending_ = false;
        }
        // Opened on first use, when the serving connections have made the file a WAL
        // database. A new connection learns that only when it first reads the file,
        // and until then checkpoints nothing, hence the pragma. NOMUTEX: one thread.
        if (!db) {
            if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK ||
                sqlite3_exec(db, "PRAGMA journal_mode", nullptr, nullptr, nullptr) != SQLITE_OK) {
                sqlite3_close_v2(db);
                db = nullptr;
                continue;
            }
        }
        // A failed or partial checkpoint leaves the WAL as it was; the next one goes on.
        sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        // At most one a second. Under steady writes the WAL can stay past the wake-up
        // size (it restarts only once fully copied and unread), so every commit would
        // wake this thread, and each checkpoint of a few new pages costs an fsync of
        // the database file that competes with the writers' own.
        std::unique_lock lock(mutex_);
        cv_.wait_for(lock, stop, kMinimumInterval, [] { return false; });
        if (stop.stop_requested()) break;
    }
    sqlite3_close_v2(db);
}

}  // namespace onecase::db
