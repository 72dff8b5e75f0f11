#pragma once
// The storage interface every module uses. Two drivers implement it: SQLite (the
// embedded default) and PostgreSQL. SQL is written once, with `?` placeholders; a
// driver rewrites it for its engine. Module code must not branch on the driver.
#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "db/value.hpp"

namespace onecase::db {

enum class Dialect { sqlite, postgres };

// The database could not be reached or failed underneath us (I/O error, lost
// connection, disk full). Becomes 503 at the HTTP boundary; the request changed nothing.
class Unavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The database has no room to write (disk or file-size limit full): nothing was
// written; reads still work and writes succeed again once space is freed.
class StorageFull : public Unavailable {
public:
    using Unavailable::Unavailable;
};

// The disk reported an error flushing committed data, so nothing more is written
// until a restart. `outcome_unknown` when this request's own write was committed
// before the flush failed: it may or may not survive; otherwise it was refused
// before writing anything.
class DiskFailed : public Unavailable {
public:
    DiskFailed(const std::string& what, bool outcome_unknown) : Unavailable(what), outcome_unknown_(outcome_unknown) {}
    bool outcome_unknown() const { return outcome_unknown_; }

private:
    bool outcome_unknown_;
};

// A UNIQUE, FOREIGN KEY or CHECK constraint refused a write.
class ConstraintViolation : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Any other SQL error: a bug in our SQL. Becomes 500.
class SqlError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One connection. Not thread-safe: a connection is used by one request at a time,
// handed out by Database::acquire().
class Connection {
public:
    virtual ~Connection() = default;

    // Runs one statement and returns every row. Prepared statements are cached
    // per connection keyed by the SQL text, so pass constant SQL and bind values.
    virtual Rows query(std::string_view sql, const Params& params = {}) = 0;

    // Runs one statement and returns the number of rows it changed.
    virtual std::int64_t execute(std::string_view sql, const Params& params = {}) = 0;

    // Runs several `;`-separated statements without parameters (migrations).
    virtual void execute_script(std::string_view sql) = 0;

    // Transactions. `begin_write` takes the write lock up front on SQLite
    // (BEGIN IMMEDIATE) so a transaction never fails half way on lock upgrade.
    virtual void begin_read() = 0;
    virtual void begin_write() = 0;
    // Returns only when the transaction is durable on disk; inside a DeferredCommits
    // scope a driver may instead leave that wait in the scope (db/deferred_commits.hpp).
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;

    // Bulk loading: true if the driver can stream rows faster than INSERT
    // (PostgreSQL COPY). `copy_rows` writes tab-separated text rows.
    virtual bool supports_copy() const { return false; }
    virtual void copy_rows(std::string_view /*table*/, std::string_view /*columns*/,
                           const std::string& /*tsv_rows*/) {
        throw SqlError("COPY not supported by this driver");
    }

    // Bulk loading into a fresh database (demo data, imports): trades durability of
    // the load itself for speed (SQLite synchronous=OFF, PostgreSQL
    // synchronous_commit=off). Turn it off again before serving; a crash during a
    // bulk load means reloading.
    virtual void bulk_load_mode(bool on) = 0;

    // Drops `table`'s secondary indexes (not primary keys or UNIQUE constraints) and
    // returns the statements that recreate them, so a bulk load can build each index
    // once at the end instead of row by row.
    virtual std::vector<std::string> drop_secondary_indexes(std::string_view table) = 0;

    // After rows were inserted with explicit ids: moves the table's id generator past
    // the highest id (PostgreSQL identity sequences; nothing to do on SQLite).
    virtual void reset_id_generator(std::string_view table) = 0;

    // Refreshes the query planner's statistics after a bulk load (PostgreSQL also vacuums).
    virtual void refresh_statistics() = 0;

    virtual Dialect dialect() const = 0;

    // Whether the connection still works; a broken connection is dropped by the pool.
    virtual bool healthy() = 0;

    Rows query(std::string_view sql, std::initializer_list<Value> params) {
        return query(sql, Params(params));
    }
    std::int64_t execute(std::string_view sql, std::initializer_list<Value> params) {
        return execute(sql, Params(params));
    }
};

class Database;

// A connection borrowed from the pool; returned when this goes out of scope.
class PooledConnection {
public:
    PooledConnection(Database* owner, std::unique_ptr<Connection> c)
        : owner_(owner), conn_(std::move(c)) {}
    PooledConnection(PooledConnection&&) noexcept = default;
    PooledConnection& operator=(PooledConnection&&) = delete;
    ~PooledConnection();

    Connection& operator*() { return *conn_; }
    Connection* operator->() { return conn_.get(); }

private:
    Database* owner_;
    std::unique_ptr<Connection> conn_;
};

// A pool of connections to one database. Thread-safe.
class Database {
public:
    virtual ~Database() = default;

    // Borrows a connection, waiting up to the pool's timeout; throws Unavailable
    // when none can be had or the database cannot be reached.
    PooledConnection acquire();

    virtual Dialect dialect() const = 0;
    // A description safe to log (no password).
    virtual std::string describe() const = 0;

protected:
    virtual std::unique_ptr<Connection> take() = 0;
    virtual void give_back(std::unique_ptr<Connection> c) = 0;
    friend class PooledConnection;
};

struct OpenOptions {
    int pool_size = 8;
    std::chrono::milliseconds busy_timeout{10000};
    // SQLite: how often a background thread merges the file's full-text indexes a
    // small step (db/sqlite/fts_merger.hpp); zero for never. A serving process sets it;
    // one-off commands and bulk loads leave it off.
    std::chrono::milliseconds full_text_merge_interval{0};
    // SQLite: false commits and flushes each write transaction alone, one after another
    // (`serve --no-group-commit`): the naive rate that make bench compares group commit
    // with. PostgreSQL groups commits itself and ignores this.
    bool group_commit = true;
};

// Opens `sqlite:PATH` (also `sqlite://PATH`, or a bare path ending .db) or
// `postgresql://...` / `postgres://...`. Throws std::invalid_argument for an
// unknown scheme and Unavailable when it cannot connect.
std::unique_ptr<Database> open_database(const std::string& url, const OpenOptions& options = {});

// How open_database reads a URL, for tools that work on the file or server directly.
bool is_postgres_url(const std::string& url);
// The file of a SQLite URL; throws std::invalid_argument for any other URL.
std::string sqlite_path_of(const std::string& url);

// Runs `work(conn)` inside a write transaction and commits; rolls back if it throws.
// The commit has reached disk when this returns, or, inside a DeferredCommits scope,
// when the scope says so.
template <typename Work>
auto write_transaction(Database& db, Work&& work) {
    auto conn = db.acquire();
    conn->begin_write();
    try {
        if constexpr (std::is_void_v<decltype(work(*conn))>) {
            work(*conn);
            conn->commit();
        } else {
            auto result = work(*conn);
            conn->commit();
            return result;
        }
    } catch (...) {
        conn->rollback();
        throw;
    }
}

// Runs `work(conn)` inside a read transaction, giving it one consistent snapshot.
template <typename Work>
auto read_transaction(Database& db, Work&& work) {
    auto conn = db.acquire();
    conn->begin_read();
    try {
        if constexpr (std::is_void_v<decltype(work(*conn))>) {
            work(*conn);
            conn->commit();
        } else {
            auto result = work(*conn);
            conn->commit();
            return result;
        }
    } catch (...) {
        conn->rollback();
        throw;
    }
}

}  // namespace onecase::db
