#include "db/sqlite/sqlite_database.hpp"

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <type_traits>
#include <vector>

#include "db/deferred_commits.hpp"
#include "db/sqlite/fts_merger.hpp"
#include "db/sqlite/sqlite_handle.hpp"
#include "db/sqlite/wal_checkpointer.hpp"
#include "db/sqlite/wal_syncer.hpp"
#include "db/sqlite/write_batcher.hpp"

namespace onecase::db {
namespace {

constexpr int kReaderCacheKib = 32768;

// A thread that deferred the wait for its writes (db/deferred_commits.hpp) sees them,
// or fails as they did, before it runs anything else.
void see_deferred_writes() {
    if (auto* deferred = DeferredCommits::on_this_thread()) deferred->wait_committed();
}

// A pooled connection. It reads on a handle of its own; its writes go to the shared
// write batcher (db/sqlite/write_batcher.hpp), except during a bulk load, which writes
// on its own handle while holding the write lock with no batch open.
class SqliteConnection final : public Connection {
public:
    SqliteConnection(const std::string& path, std::chrono::milliseconds busy_timeout, WriteBatcher& writer,
                     WalCheckpointer& checkpointer)
        : own_(path, busy_timeout, kReaderCacheKib), writer_(writer), checkpointer_(checkpointer) {
        checkpointer.attach(own_.raw());
    }

    Rows query(std::string_view sql, const Params& params) override {
        if (in_turn_) return writer_.handle().query(sql, params);
        see_deferred_writes();
        if (own_.autocommit() && own_.writes(sql)) {
            return as_one_write([&](SqliteHandle& h) { return h.query(sql, params); });
        }
        return own_.query(sql, params);
    }

    std::int64_t execute(std::string_view sql, const Params& params) override {
        if (in_turn_) return writer_.handle().execute(sql, params);
        see_deferred_writes();
        if (own_.autocommit() && own_.writes(sql)) {
            return as_one_write([&](SqliteHandle& h) { return h.execute(sql, params); });
        }
        return own_.execute(sql, params);
    }

    void execute_script(std::string_view sql) override {
        if (!in_turn_) see_deferred_writes();
        (in_turn_ ? writer_.handle() : own_).execute_script(sql);
    }

    // Prepared once and kept, as every statement is: sqlite3_exec would parse the text
    // again for every request.
    void begin_read() override {
        see_deferred_writes();
        own_.execute("BEGIN DEFERRED", {});
    }

    void begin_write() override {
        see_deferred_writes();
        if (!bulk_) {
            writer_.begin_turn();
            in_turn_ = true;
            return;
        }
        bulk_lock_ = writer_.exclusive();
        try {
            own_.execute_script("BEGIN IMMEDIATE");
        } catch (...) {
            bulk_lock_ = {};
            throw;
        }
    }

    void commit() override {
        if (in_turn_) {
            in_turn_ = false;
            writer_.finish_turn();
            return;
        }
        if (bulk_lock_.owns_lock()) own_.run_commit_work();  // a write, not a read
        own_.execute("COMMIT", {});
        if (bulk_lock_.owns_lock()) bulk_lock_.unlock();
    }

    void rollback() noexcept override {
        if (in_turn_) {
            in_turn_ = false;
            writer_.abandon_turn();
            return;
        }
        if (!own_.autocommit()) sqlite3_exec(own_.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
        if (bulk_lock_.owns_lock()) bulk_lock_.unlock();
    }

    void bulk_load_mode(bool on) override {
        if (on != bulk_) checkpointer_.hold_restarts(on);
        bulk_ = on;
        // A bulk load builds its indexes at the end: a large page cache and a second
        // sorter thread (CREATE INDEX sorts) shorten that; a server keeps the small cache.
        own_.execute_script(on ? "PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576; PRAGMA threads=2;"
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
        own_.execute_script("PRAGMA analysis_limit=1000; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
    }

    Dialect dialect() const override { return Dialect::sqlite; }

    bool healthy() override { return !in_turn_ && own_.autocommit(); }

private:
    // A statement that writes outside an explicit transaction is a transaction of its
    // own, durable before it returns like any other.
    template <typename Run>
    std::invoke_result_t<Run, SqliteHandle&> as_one_write(Run&& run) {
        if (bulk_) {
            const auto lock = writer_.exclusive();
            return run(own_);
        }
        writer_.begin_turn();
        std::invoke_result_t<Run, SqliteHandle&> result;
        try {
            result = run(writer_.handle());
        } catch (...) {
            writer_.abandon_turn();
            throw;
        }
        writer_.finish_turn();
        return result;
    }

    SqliteHandle own_;
    WriteBatcher& writer_;
    WalCheckpointer& checkpointer_;
    bool in_turn_ = false;
    bool bulk_ = false;
    std::unique_lock<FifoMutex> bulk_lock_;
};

std::string with_parent_directory(std::string path) {
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    return path;
}

class SqliteDatabase final : public Database {
public:
    SqliteDatabase(const std::string& path, const OpenOptions& options)
        : path_(with_parent_directory(path)),
          options_(options),
          syncer_(path_),
          checkpointer_(path_),
          writer_(path_, options_.busy_timeout, syncer_, checkpointer_, options_.group_commit) {
        checkpointer_.restart_wal_pausing([this] { return writer_.exclusive(); });
        if (options_.full_text_merge_interval.count() > 0) {
            merger_ = std::make_unique<FtsMerger>(writer_, options_.full_text_merge_interval);
        }
        // Open a reader now too, so a bad path fails at start, not on the first request.
        idle_.push_back(std::make_unique<SqliteConnection>(path_, options_.busy_timeout, writer_, checkpointer_));
        open_ = 1;
    }

    // The checkpoint thread pauses writers through writer_, which goes before it does.
    ~SqliteDatabase() override { checkpointer_.stop(); }

    Dialect dialect() const override { return Dialect::sqlite; }
    std::string describe() const override { return "sqlite:" + path_; }

protected:
    std::unique_ptr<Connection> take() override {
        std::unique_lock lock(mutex_);
        if (!cv_.wait_for(lock, options_.busy_timeout, [&] { return !idle_.empty() || open_ < options_.pool_size; })) {
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
            return std::make_unique<SqliteConnection>(path_, options_.busy_timeout, writer_, checkpointer_);
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
    // Before the handles: it outlives the hooks they hold.
    WalCheckpointer checkpointer_;
    WriteBatcher writer_;
    std::unique_ptr<FtsMerger> merger_;  // after writer_: stopped before it goes
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
