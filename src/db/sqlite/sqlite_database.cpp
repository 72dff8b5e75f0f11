#include "db/sqlite/sqlite_database.hpp"

#include "db/sqlite/fifo_mutex.hpp"
#include "db/sqlite/wal_checkpointer.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace onecase::db {
namespace {

[[noreturn]] void throw_sqlite(sqlite3* db, int rc, std::string_view context) {
    const int primary = rc & 0xff;
    std::string msg = std::string(context) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    if (primary == SQLITE_CONSTRAINT) throw ConstraintViolation(msg);
    if (primary == SQLITE_FULL) throw StorageFull(msg);
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_IOERR ||
        primary == SQLITE_FULL || primary == SQLITE_CANTOPEN || primary == SQLITE_NOMEM ||
        primary == SQLITE_CORRUPT || primary == SQLITE_READONLY) {
        throw Unavailable(msg);
    }
    throw SqlError(msg);
}

// Group commit. Connections run with synchronous=NORMAL: COMMIT writes the
// transaction's WAL frames but does not fsync, and releases the write lock at once.
// Each committer then waits here until an fsync that began after its frames were
// written has finished; one waiter does the fsync for everyone waiting, so many
// concurrent commits share one disk flush. A 2xx still means on disk: the caller
// returns only after that fsync. (Checkpoints sync the WAL before copying it and the
// database after, so a commit checkpointed meanwhile is durable in the database.)
// An fsync error poisons the syncer: after one, the kernel may report later fsyncs as
// successful although data was lost, so writes are refused before they begin until the
// server restarts; a commit already made when the flush failed is reported as of
// unknown outcome rather than as not made.
class WalSyncer {
public:
    explicit WalSyncer(std::string database_path) : wal_path_(database_path + "-wal"), dir_(dir_of(database_path)) {}
    ~WalSyncer() {
        if (fd_ >= 0) ::close(fd_);
    }

    // Called with the write lock held, before a write transaction starts.
    void refuse_if_failed() {
        std::lock_guard lock(mutex_);
        if (failed_) throw DiskFailed("the disk reported an error earlier; restart the server after checking it", false);
    }

    void wait_durable() {
        std::unique_lock lock(mutex_);
        const std::uint64_t ticket = ++written_;
        while (synced_ < ticket) {
            if (failed_) throw DiskFailed("flushing a committed write failed; restart the server after checking the disk", true);
            if (syncing_) {
                cv_.wait(lock);
                continue;
            }
            syncing_ = true;
            const std::uint64_t target = written_;
            lock.unlock();
            const int err = sync_wal();
            lock.lock();
            syncing_ = false;
            if (err != 0) failed_ = true;
            else synced_ = std::max(synced_, target);
            cv_.notify_all();
        }
    }

private:
    static std::string dir_of(const std::string& path) {
        const auto parent = std::filesystem::path(path).parent_path();
        return parent.empty() ? "." : parent.string();
    }

    // fdatasync of the WAL through our own descriptor (on Linux a sync covers the file,
    // whichever descriptor asks), reopened if the WAL file was replaced.
    int sync_wal() {
        struct stat now{};
        if (fd_ >= 0 && (::stat(wal_path_.c_str(), &now) != 0 || now.st_ino != inode_)) {
            ::close(fd_);
            fd_ = -1;
        }
        if (fd_ < 0) {
            fd_ = ::open(wal_path_.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd_ < 0) return errno;
            struct stat st{};
            ::fstat(fd_, &st);
            inode_ = st.st_ino;
            // A new WAL file's directory entry must be durable too.
            const int dir = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (dir >= 0) {
                ::fsync(dir);
                ::close(dir);
            }
        }
        return ::fdatasync(fd_) == 0 ? 0 : errno;
    }

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

// SQLite allows one writer at a time. Writers in this process queue on this mutex, in
// the order they arrive (FifoMutex), rather than in SQLite's busy handler, which sleeps and retries and so gives long
// tail latencies under concurrent writes. The busy timeout still covers other
// processes (onecase CLI commands) writing the same file.
class SqliteConnection final : public Connection {
public:
    SqliteConnection(const std::string& path, std::chrono::milliseconds busy_timeout, FifoMutex& write_lock,
                     WalSyncer& syncer, WalCheckpointer& checkpointer)
        : write_lock_(write_lock), syncer_(syncer) {
        const int rc = sqlite3_open_v2(path.c_str(), &db_,
                                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                           SQLITE_OPEN_NOMUTEX,
                                       nullptr);
        if (rc != SQLITE_OK) {
            std::string msg = "cannot open SQLite database '" + path + "': " +
                              (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
            sqlite3_close(db_);
            db_ = nullptr;
            throw Unavailable(msg);
        }
        sqlite3_busy_timeout(db_, static_cast<int>(busy_timeout.count()));
        sqlite3_extended_result_codes(db_, 1);
        // Switching a new file to WAL needs an exclusive lock, and SQLite answers BUSY
        // at once (without its busy handler) when another process opens the file at
        // the same moment, as servers starting together do. Retry within the timeout.
        const auto deadline = std::chrono::steady_clock::now() + busy_timeout;
        for (;;) {
            try {
                execute_script("PRAGMA journal_mode=WAL");
                break;
            } catch (const Unavailable&) {
                if (std::chrono::steady_clock::now() >= deadline) {
                    sqlite3_close_v2(db_);
                    throw;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        }
        execute_script(
            "PRAGMA synchronous=NORMAL;"  // made durable by WalSyncer before any write returns
            "PRAGMA foreign_keys=ON;"
            "PRAGMA temp_store=MEMORY;"
            "PRAGMA cache_size=-32768;");
        checkpointer.attach(db_);
    }

    ~SqliteConnection() override {
        for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
        sqlite3_close_v2(db_);
    }

    Rows query(std::string_view sql, const Params& params) override {
        sqlite3_stmt* stmt = prepare(sql, params);
        auto guard = lock_if_autocommit_write(stmt);
        Rows rows;
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            // Counted after the step: a schema change re-prepares the statement
            // inside sqlite3_step, and SELECT * may then have more columns.
            const int columns = sqlite3_column_count(stmt);
            std::vector<Value> values;
            values.reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) values.push_back(column(stmt, c));
            rows.emplace_back(std::move(values));
        }
        finish(stmt, rc, sql);
        make_durable(guard);
        return rows;
    }

    std::int64_t execute(std::string_view sql, const Params& params) override {
        sqlite3_stmt* stmt = prepare(sql, params);
        auto guard = lock_if_autocommit_write(stmt);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        }
        finish(stmt, rc, sql);
        const auto changed = sqlite3_changes64(db_);
        make_durable(guard);
        return changed;
    }

    void execute_script(std::string_view sql) override {
        const std::string text(sql);
        char* err = nullptr;
        const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
        if (rc != SQLITE_OK) {
            std::string msg = err ? err : sqlite3_errstr(rc);
            sqlite3_free(err);
            (void)msg;
            throw_sqlite(db_, rc, "script");
        }
    }

    void begin_read() override { execute_script("BEGIN DEFERRED"); }
    void begin_write() override {
        held_ = std::unique_lock(write_lock_);
        try {
            if (!bulk_) syncer_.refuse_if_failed();
            execute_script("BEGIN IMMEDIATE");
        } catch (...) {
            held_ = {};
            throw;
        }
    }
    void commit() override {
        execute_script("COMMIT");
        make_durable(held_);
    }
    void rollback() noexcept override {
        if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        if (held_.owns_lock()) held_.unlock();
    }

    void bulk_load_mode(bool on) override {
        bulk_ = on;
        // A bulk load builds its indexes at the end: a large page cache and a second
        // sorter thread (CREATE INDEX sorts) shorten that; a server keeps the small cache.
        execute_script(on ? "PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576; PRAGMA threads=2;"
                          : "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768; PRAGMA threads=0;");
    }

    std::vector<std::string> drop_secondary_indexes(std::string_view table) override {
        // Indexes SQLite makes for PRIMARY KEY/UNIQUE have no SQL and are kept.
        std::vector<std::string> definitions;
        for (const auto& r : query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                                   {std::string(table)})) {
            definitions.push_back(r.text(1));
            execute_script("DROP INDEX " + r.text(0));
        }
        return definitions;
    }

    void reset_id_generator(std::string_view) override {}  // INTEGER PRIMARY KEY follows MAX(rowid)

    void refresh_statistics() override {
        // A sampled ANALYZE stays quick on a national-sized file.
        execute_script("PRAGMA analysis_limit=1000; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
    }

    Dialect dialect() const override { return Dialect::sqlite; }

    bool healthy() override { return sqlite3_get_autocommit(db_) != 0; }

private:
    // After a write transaction committed: lets the next writer in at once, then waits
    // for the group fsync that puts this commit on disk.
    void make_durable(std::unique_lock<FifoMutex>& write_guard) {
        if (!write_guard.owns_lock()) return;
        write_guard.unlock();
        if (!bulk_) syncer_.wait_durable();
    }

    // A statement that writes outside an explicit transaction is its own write
    // transaction: it queues for the write lock like begin_write() does.
    std::unique_lock<FifoMutex> lock_if_autocommit_write(sqlite3_stmt* stmt) {
        if (held_.owns_lock() || sqlite3_stmt_readonly(stmt) || !sqlite3_get_autocommit(db_)) return {};
        std::unique_lock lock(write_lock_);
        if (!bulk_) syncer_.refuse_if_failed();
        return lock;
    }

    sqlite3_stmt* prepare(std::string_view sql, const Params& params) {
        auto it = statements_.find(sql);
        sqlite3_stmt* stmt = nullptr;
        if (it == statements_.end()) {
            const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
            if (rc != SQLITE_OK) throw_sqlite(db_, rc, "prepare '" + std::string(sql) + "'");
            statements_.emplace(std::string(sql), stmt);
        } else {
            stmt = it->second;
        }
        const int expected = sqlite3_bind_parameter_count(stmt);
        if (expected != static_cast<int>(params.size())) {
            throw SqlError("statement expects " + std::to_string(expected) + " parameters, got " +
                           std::to_string(params.size()) + ": " + std::string(sql));
        }
        for (std::size_t i = 0; i < params.size(); ++i) bind(stmt, static_cast<int>(i + 1), params[i]);
        return stmt;
    }

    void bind(sqlite3_stmt* stmt, int index, const Value& v) {
        int rc = SQLITE_OK;
        if (std::holds_alternative<Null>(v)) {
            rc = sqlite3_bind_null(stmt, index);
        } else if (auto i = std::get_if<std::int64_t>(&v)) {
            rc = sqlite3_bind_int64(stmt, index, *i);
        } else if (auto d = std::get_if<double>(&v)) {
            rc = sqlite3_bind_double(stmt, index, *d);
        } else {
            const auto& s = std::get<std::string>(v);
            rc = sqlite3_bind_text64(stmt, index, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        }
        if (rc != SQLITE_OK) throw_sqlite(db_, rc, "bind");
    }

    static Value column(sqlite3_stmt* stmt, int c) {
        switch (sqlite3_column_type(stmt, c)) {
            case SQLITE_INTEGER: return sqlite3_column_int64(stmt, c);
            case SQLITE_FLOAT: return sqlite3_column_double(stmt, c);
            case SQLITE_NULL: return null;
            default: {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
            }
        }
    }

    void finish(sqlite3_stmt* stmt, int rc, std::string_view sql) {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        if (rc != SQLITE_DONE) throw_sqlite(db_, rc, "step '" + std::string(sql.substr(0, 80)) + "'");
    }

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    sqlite3* db_ = nullptr;
    FifoMutex& write_lock_;
    WalSyncer& syncer_;
    bool bulk_ = false;
    std::unique_lock<FifoMutex> held_;
    std::unordered_map<std::string, sqlite3_stmt*, Hash, std::equal_to<>> statements_;
};

class SqliteDatabase final : public Database {
public:
    SqliteDatabase(std::string path, const OpenOptions& options)
        : path_(std::move(path)), options_(options), syncer_(path_) {
        const auto parent = std::filesystem::path(path_).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent);
        // Open one now so a bad path fails at start, not on the first request.
        idle_.push_back(std::make_unique<SqliteConnection>(path_, options_.busy_timeout, write_lock_, syncer_, checkpointer_));
        open_ = 1;
    }

    Dialect dialect() const override { return Dialect::sqlite; }
    std::string describe() const override { return "sqlite:" + path_; }

protected:
    std::unique_ptr<Connection> take() override {
        std::unique_lock lock(mutex_);
        if (!cv_.wait_for(lock, options_.busy_timeout,
                          [&] { return !idle_.empty() || open_ < options_.pool_size; })) {
            throw Unavailable("no database connection free within the timeout");
        }
        if (!idle_.empty()) {
            auto c = std::move(idle_.back());
            idle_.pop_back();
            return c;
        }
        ++open_;
        lock.unlock();
        try {
            return std::make_unique<SqliteConnection>(path_, options_.busy_timeout, write_lock_, syncer_, checkpointer_);
        } catch (...) {
            std::lock_guard relock(mutex_);
            --open_;
            cv_.notify_one();
            throw;
        }
    }

    void give_back(std::unique_ptr<Connection> c) override {
        std::lock_guard lock(mutex_);
        // A connection handed back mid-transaction (an exception escaped) is rolled
        // back so the next borrower starts clean.
        c->rollback();
        if (c->healthy()) {
            idle_.push_back(std::move(c));
        } else {
            --open_;
        }
        cv_.notify_one();
    }

private:
    std::string path_;
    OpenOptions options_;
    WalSyncer syncer_;
    // Before the connections: it outlives the hooks they hold.
    WalCheckpointer checkpointer_{path_};
    FifoMutex write_lock_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<Connection>> idle_;
    int open_ = 0;
};

}  // namespace

std::unique_ptr<Database> make_sqlite_database(const std::string& path, const OpenOptions& options) {
    return std::make_unique<SqliteDatabase>(path, options);
}

}  // namespace onecase::db
