#pragma once
// One open SQLite database handle with its cache of prepared statements. Not
// thread-safe: a handle is used by one thread at a time (the pool or the write batcher
// sees to that). Errors become the storage interface's exceptions (db/database.hpp).
#include <sqlite3.h>

#include <chrono>
#include <string>
#include <string_view>
#include <unordered_map>

#include "db/database.hpp"

namespace onecase::db {

class SqliteHandle {
public:
    // Opens `path` (creating it) in WAL mode with foreign keys on and `cache_kib` of
    // page cache. Throws Unavailable when the file cannot be opened.
    SqliteHandle(const std::string& path, std::chrono::milliseconds busy_timeout, int cache_kib);
    ~SqliteHandle();
    SqliteHandle(const SqliteHandle&) = delete;
    SqliteHandle& operator=(const SqliteHandle&) = delete;

    Rows query(std::string_view sql, const Params& params);
    std::int64_t execute(std::string_view sql, const Params& params);
    void execute_script(std::string_view sql);
    // Runs the schema's commit_work statements (migration 0026), in step order: what
    // every write transaction does just before its COMMIT. Nothing before that
    // migration.
    void run_commit_work();

    // Whether `sql` would write (judged by SQLite on the prepared statement).
    bool writes(std::string_view sql);
    // False while a transaction is open on this handle.
    bool autocommit() const { return sqlite3_get_autocommit(db_) != 0; }
    // The primary result code of the last statement that failed here (SQLITE_FULL...).
    int last_failure() const { return last_failure_; }
    sqlite3* raw() { return db_; }

private:
    sqlite3_stmt* prepare(std::string_view sql);
    void bind_all(sqlite3_stmt* stmt, std::string_view sql, const Params& params);
    void finish(sqlite3_stmt* stmt, int rc, std::string_view sql);
    [[noreturn]] void fail(int rc, std::string_view context);

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    sqlite3* db_ = nullptr;
    int last_failure_ = SQLITE_OK;
    bool has_commit_work_ = false;
    std::unordered_map<std::string, sqlite3_stmt*, Hash, std::equal_to<>> statements_;
};

}  // namespace onecase::db
