#include "db/sqlite/sqlite_handle.hpp"

#include <thread>
#include <vector>

#include "db/sqlite/library.hpp"

namespace onecase::db {
namespace {

[[noreturn]] void throw_for(int rc, const std::string& msg) {
    const int primary = rc & 0xff;
    if (primary == SQLITE_CONSTRAINT) throw ConstraintViolation(msg);
    if (primary == SQLITE_FULL) throw StorageFull(msg);
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN ||
        primary == SQLITE_NOMEM || primary == SQLITE_CORRUPT || primary == SQLITE_READONLY) {
        throw Unavailable(msg);
    }
    throw SqlError(msg);
}

Value column(sqlite3_stmt* stmt, int c) {
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

}  // namespace

SqliteHandle::SqliteHandle(const std::string& path, std::chrono::milliseconds busy_timeout, int cache_kib) {
    prepare_sqlite_library();
    const int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open SQLite database '" + path + "': " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
        sqlite3_close(db_);
        db_ = nullptr;
        throw Unavailable(msg);
    }
    sqlite3_busy_timeout(db_, static_cast<int>(busy_timeout.count()));
    sqlite3_extended_result_codes(db_, 1);
    try {
        // Switching a new file to WAL needs an exclusive lock, and SQLite answers BUSY
        // at once (without its busy handler) when another process opens the file at
        // the same moment, as servers starting together do. Retry within the timeout.
        const auto deadline = std::chrono::steady_clock::now() + busy_timeout;
        for (;;) {
            try {
                execute_script("PRAGMA journal_mode=WAL");
                break;
            } catch (const Unavailable&) {
                if (std::chrono::steady_clock::now() >= deadline) throw;
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        }
        execute_script(
            "PRAGMA synchronous=NORMAL;"  // made durable by WalSyncer before any write returns
            "PRAGMA foreign_keys=ON;"
            "PRAGMA temp_store=MEMORY;"
            "PRAGMA cache_size=-" + std::to_string(cache_kib) + ";");
    } catch (...) {
        sqlite3_close_v2(db_);
        throw;
    }
}

SqliteHandle::~SqliteHandle() {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
}

Rows SqliteHandle::query(std::string_view sql, const Params& params) {
    sqlite3_stmt* stmt = prepare(sql);
    bind_all(stmt, sql, params);
    Rows rows;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        // Counted after the step: a schema change re-prepares the statement inside
        // sqlite3_step, and SELECT * may then have more columns.
        const int columns = sqlite3_column_count(stmt);
        std::vector<Value> values;
        values.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) values.push_back(column(stmt, c));
        rows.emplace_back(std::move(values));
    }
    finish(stmt, rc, sql);
    return rows;
}

std::int64_t SqliteHandle::execute(std::string_view sql, const Params& params) {
    sqlite3_stmt* stmt = prepare(sql);
    bind_all(stmt, sql, params);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    finish(stmt, rc, sql);
    return sqlite3_changes64(db_);
}

void SqliteHandle::execute_script(std::string_view sql) {
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(rc, "script");
}

void SqliteHandle::run_commit_work() {
    if (!has_commit_work_) {
        has_commit_work_ = !query("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'commit_work'", {}).empty();
        if (!has_commit_work_) return;
    }
    for (const auto& step : query("SELECT sql FROM commit_work ORDER BY step", {})) execute(step.text(0), {});
}

bool SqliteHandle::writes(std::string_view sql) { return !sqlite3_stmt_readonly(prepare(sql)); }

sqlite3_stmt* SqliteHandle::prepare(std::string_view sql) {
    if (auto it = statements_.find(sql); it != statements_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc, "prepare '" + std::string(sql) + "'");
    statements_.emplace(std::string(sql), stmt);
    return stmt;
}

void SqliteHandle::bind_all(sqlite3_stmt* stmt, std::string_view sql, const Params& params) {
    const int expected = sqlite3_bind_parameter_count(stmt);
    if (expected != static_cast<int>(params.size())) {
        throw SqlError("statement expects " + std::to_string(expected) + " parameters, got " +
                       std::to_string(params.size()) + ": " + std::string(sql));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
        const int index = static_cast<int>(i + 1);
        const Value& v = params[i];
        int rc = SQLITE_OK;
        if (std::holds_alternative<Null>(v)) {
            rc = sqlite3_bind_null(stmt, index);
        } else if (auto n = std::get_if<std::int64_t>(&v)) {
            rc = sqlite3_bind_int64(stmt, index, *n);
        } else if (auto d = std::get_if<double>(&v)) {
            rc = sqlite3_bind_double(stmt, index, *d);
        } else {
            const auto& s = std::get<std::string>(v);
            rc = sqlite3_bind_text64(stmt, index, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        }
        if (rc != SQLITE_OK) {
            sqlite3_clear_bindings(stmt);
            fail(rc, "bind");
        }
    }
}

void SqliteHandle::finish(sqlite3_stmt* stmt, int rc, std::string_view sql) {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (rc != SQLITE_DONE) fail(rc, "step '" + std::string(sql.substr(0, 80)) + "'");
}

void SqliteHandle::fail(int rc, std::string_view context) {
    last_failure_ = rc & 0xff;
    throw_for(rc, std::string(context) + ": " + sqlite3_errmsg(db_));
}

}  // namespace onecase::db
