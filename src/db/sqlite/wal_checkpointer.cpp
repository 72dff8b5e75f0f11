#include "db/sqlite/wal_checkpointer.hpp"

#include <algorithm>
#include <chrono>

#include "db/sqlite/library.hpp"
#include "platform/log.hpp"

namespace onecase::db {
namespace {

// A backup of a national file reads for minutes: one pause of the writers every few
// seconds for it, and the WAL grows meanwhile as it must (its frames are still read).
constexpr std::chrono::seconds kLongestRestartBackoff{8};
constexpr int kTriesBeforeBackoff = 3;

}  // namespace

WalCheckpointer::WalCheckpointer(std::string path, WalCheckpointLimits limits)
    : path_(std::move(path)), limits_(limits), thread_([this](std::stop_token stop) { run(std::move(stop)); }) {}

WalCheckpointer::~WalCheckpointer() { stop(); }

void WalCheckpointer::attach(sqlite3* db) {
    sqlite3_wal_hook(db, &WalCheckpointer::on_commit, this);
    // Applies when a write starts the WAL again.
    const std::string limit = "PRAGMA journal_size_limit=" + std::to_string(limits_.file_limit_bytes);
    sqlite3_exec(db, limit.c_str(), nullptr, nullptr, nullptr);
}

void WalCheckpointer::restart_wal_pausing(PauseWriters pause) {
    std::lock_guard lock(mutex_);
    pause_ = std::move(pause);
}

void WalCheckpointer::stop() {
    if (!thread_.joinable()) return;
    thread_.request_stop();
    cv_.notify_all();
    thread_.join();
}

int WalCheckpointer::restarts() const {
    std::lock_guard lock(mutex_);
    return restarts_;
}

int WalCheckpointer::restarts_given_up() const {
    std::lock_guard lock(mutex_);
    return given_up_;
}

int WalCheckpointer::on_commit(void* self, sqlite3*, const char*, int pages) {
    auto* checkpointer = static_cast<WalCheckpointer*>(self);
    if (pages >= checkpointer->limits_.wake_at_pages) checkpointer->wake();
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
            prepare_sqlite_library();
            if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK ||
                sqlite3_exec(db, "PRAGMA journal_mode", nullptr, nullptr, nullptr) != SQLITE_OK) {
                sqlite3_close_v2(db);
                db = nullptr;
                continue;
            }
        }
        // A failed or partial checkpoint leaves the WAL as it was; the next one goes on.
        int frames_in_wal = 0;
        const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &frames_in_wal, nullptr);
        if (rc == SQLITE_OK && frames_in_wal >= limits_.restart_at_pages) restart_wal(db);
        // At most one a second. Under steady writes the WAL can stay past the wake-up
        // size (it restarts only once fully copied and unread), so every commit would
        // wake this thread, and each checkpoint of a few new pages costs an fsync of
        // the database file that competes with the writers' own.
        std::unique_lock lock(mutex_);
        cv_.wait_for(lock, stop, limits_.minimum_interval, [] { return false; });
        if (stop.stop_requested()) break;
    }
    sqlite3_close_v2(db);
}

void WalCheckpointer::hold_restarts(bool held) {
    std::lock_guard lock(mutex_);
    holds_ += held ? 1 : -1;
}

void WalCheckpointer::restart_wal(sqlite3* db) {
    const auto now = std::chrono::steady_clock::now();
    if (now < next_restart_allowed_) return;
    PauseWriters pause;
    {
        std::lock_guard lock(mutex_);
        if (holds_ > 0) return;
        pause = pause_;
    }
    if (!pause) return;

    int rc = SQLITE_OK;
    int frames = 0;
    int copied = 0;
    {
        const auto paused = pause();
        // Tried again and again rather than left to a busy handler: SQLite's handler
        // retries the lock on a reader's slot that it judged old when it started, and
        // a busy server's readers take that slot back at once with a current snapshot,
        // so one long try gave up on readers who were no longer in the way. Each try
        // looks at the slots afresh, and frames already copied stay copied.
        const auto deadline = std::chrono::steady_clock::now() + limits_.reader_wait;
        while ((rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_RESTART, &frames, &copied)) == SQLITE_BUSY &&
               std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
    }
    std::lock_guard lock(mutex_);
    if (rc == SQLITE_OK) {
        ++restarts_;
        failures_in_a_row_ = 0;
        restart_backoff_ = {};
        return;
    }
    ++given_up_;
    // Under a busy read load some reader is often still on the WAL after the wait,
    // and the next checkpoint's try usually succeeds. Only a reader that keeps holding
    // on (a backup, say) makes writers wait for it less often.
    if (++failures_in_a_row_ < kTriesBeforeBackoff) {
        spdlog::info("the WAL could not start again: readers held {} of its {} frames for {} ms; trying again",
                     frames - copied, frames, limits_.reader_wait.count());
        return;
    }
    restart_backoff_ = std::clamp(restart_backoff_ * 2, limits_.minimum_interval,
                                  std::chrono::duration_cast<std::chrono::milliseconds>(kLongestRestartBackoff));
    next_restart_allowed_ = now + restart_backoff_;
    spdlog::warn("the WAL could not start again {} times in a row: readers held {} of its {} frames for {} ms; next try in {} ms",
                 failures_in_a_row_, frames - copied, frames, limits_.reader_wait.count(), restart_backoff_.count());
}

}  // namespace onecase::db
