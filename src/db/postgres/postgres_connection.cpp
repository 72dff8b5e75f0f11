#include "db/postgres/postgres_connection.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "db/postgres/placeholders.hpp"
#include "db/postgres/sqlstate.hpp"

namespace onecase::db {
namespace {

// Type OIDs from pg_type.h.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

// COPY data goes to libpq in pieces: PQputCopyData takes an int length, and a
// national-scale table can exceed 2 GB of text.
constexpr std::size_t kCopyChunk = 1 << 20;

Value column_value(const PGresult* res, int r, int c) {
    if (PQgetisnull(res, r, c)) return null;
    const char* text = PQgetvalue(res, r, c);
    switch (PQftype(res, c)) {
        case kInt2:
        case kInt4:
        case kInt8: return static_cast<std::int64_t>(std::stoll(text));
        case kFloat4:
        case kFloat8:
        case kNumeric: return std::stod(text);
        case kBool: return static_cast<std::int64_t>(text[0] == 't' ? 1 : 0);
        default: return std::string(text, static_cast<std::size_t>(PQgetlength(res, r, c)));
    }
}

std::string param_text(const Value& v) {
    if (auto n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
    if (auto d = std::get_if<double>(&v)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", *d);  // round-trips every double
        return buf;
    }
    return std::get<std::string>(v);
}

}  // namespace

PostgresConnection::PostgresConnection(const std::string& url, std::chrono::milliseconds connect_timeout) {
    // libpq waits for ever by default; a server that silently drops packets would
    // hang the request. Keywords later in the list win, so a connect_timeout in
    // the URI (expanded from dbname) overrides ours.
    const auto seconds = std::to_string(std::max<long long>(2, std::chrono::ceil<std::chrono::seconds>(connect_timeout).count()));
    const char* keywords[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
    const char* values[] = {seconds.c_str(), "onecase", url.c_str(), nullptr};
    conn_ = PQconnectdbParams(keywords, values, 1);
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
        std::string msg = conn_ ? PQerrorMessage(conn_) : "out of memory";
        PQfinish(conn_);
        conn_ = nullptr;
        throw Unavailable("cannot connect to PostgreSQL: " + msg);
    }
    // Notices (e.g. "table does not exist, skipping") are not errors; keep them off stderr.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
}

PostgresConnection::~PostgresConnection() { PQfinish(conn_); }

Rows PostgresConnection::query(std::string_view sql, const Params& params) {
    auto res = run(sql, params);
    const int n = PQntuples(res.get());
    const int cols = PQnfields(res.get());
    Rows rows;
    rows.reserve(static_cast<std::size_t>(n));
    for (int r = 0; r < n; ++r) {
        std::vector<Value> values;
        values.reserve(static_cast<std::size_t>(cols));
        for (int c = 0; c < cols; ++c) values.push_back(column_value(res.get(), r, c));
        rows.emplace_back(std::move(values));
    }
    return rows;
}

std::int64_t PostgresConnection::execute(std::string_view sql, const Params& params) {
    auto res = run(sql, params);
    const char* affected = PQcmdTuples(res.get());
    return affected && *affected ? std::stoll(affected) : 0;
}

void PostgresConnection::execute_script(std::string_view sql) { exec(std::string(sql)); }

void PostgresConnection::begin_read() { exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }
void PostgresConnection::begin_write() { exec("BEGIN"); }

void PostgresConnection::commit() {
    auto res = exec("COMMIT");
    // The default synchronous_commit=on means COMMIT returns once the WAL is flushed.
    // After a failed statement (say a caught ConstraintViolation) the transaction is
    // aborted and COMMIT "succeeds" with the tag ROLLBACK; acknowledging that would
    // report writes that never happened.
    if (std::string_view(PQcmdStatus(res.get())) != "COMMIT") {
        throw SqlError("COMMIT rolled back: an earlier statement in the transaction had failed");
    }
}

void PostgresConnection::rollback() noexcept {
    if (broken_ || !conn_) return;
    switch (PQtransactionStatus(conn_)) {
        case PQTRANS_IDLE: return;
        case PQTRANS_INTRANS:
        case PQTRANS_INERROR: break;
        default: broken_ = true; return;  // mid-command (an unfinished COPY) or connection lost
    }
    PGresult* res = PQexec(conn_, "ROLLBACK");
    if (PQresultStatus(res) != PGRES_COMMAND_OK || PQtransactionStatus(conn_) != PQTRANS_IDLE) broken_ = true;
    PQclear(res);
}

void PostgresConnection::bulk_load_mode(bool on) {
    if (on) {
        exec("SET synchronous_commit TO off");
        bulk_load_ = true;
        // The load writes rows whose references it built itself; skipping the per-row
        // foreign-key triggers roughly halves COPY time. Only a superuser may, and a
        // refused SET would abort an open transaction, so ask first.
        const char* super = PQparameterStatus(conn_, "is_superuser");
        if (super && std::string_view(super) == "on" && !skipping_fk_checks_) {
            exec("SET session_replication_role TO replica");
            skipping_fk_checks_ = true;
        }
    } else {
        exec("RESET synchronous_commit");
        // Only if we set it: RESET of this setting is refused to non-superusers too.
        if (skipping_fk_checks_) {
            exec("RESET session_replication_role");
            skipping_fk_checks_ = false;
        }
        bulk_load_ = false;
    }
}

std::vector<std::string> PostgresConnection::drop_secondary_indexes(std::string_view table) {
    std::vector<std::string> definitions;
    const auto rows = query(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
        "AND i.tablename = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
        {std::string(table)});
    for (const auto& r : rows) {
        definitions.push_back(r.text(1));
        exec("DROP INDEX " + r.text(0));
    }
    return definitions;
}

void PostgresConnection::reset_id_generator(std::string_view table) {
    const std::string t(table);
    exec("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), (SELECT COALESCE(MAX(id), 1) FROM " + t + "))");
}

// VACUUM as well as ANALYZE: a freshly loaded table has no visibility map, so an
// index-only scan (name search reads only person_name_keys' index) visits the heap for
// every entry until autovacuum comes round. On the national set a name search took
// 25 ms in-process instead of 2 to 4 ms; the vacuum took 11 s.
void PostgresConnection::refresh_statistics() { exec("VACUUM (ANALYZE)"); }

void PostgresConnection::copy_rows(std::string_view table, std::string_view columns, const std::string& tsv) {
    const std::string sql = "COPY " + std::string(table) + " (" + std::string(columns) + ") FROM STDIN";
    ResultPtr start(PQexec(conn_, sql.c_str()));
    if (PQresultStatus(start.get()) != PGRES_COPY_IN) {
        check(std::move(start), "COPY " + std::string(table));
        throw SqlError("COPY " + std::string(table) + " did not start");
    }
    for (std::size_t at = 0; at < tsv.size(); at += kCopyChunk) {
        const auto n = std::min(kCopyChunk, tsv.size() - at);
        if (PQputCopyData(conn_, tsv.data() + at, static_cast<int>(n)) != 1) {
            broken_ = true;
            throw Unavailable(std::string("COPY failed: ") + PQerrorMessage(conn_));
        }
    }
    if (PQputCopyEnd(conn_, nullptr) != 1) {
        broken_ = true;
        throw Unavailable(std::string("COPY failed: ") + PQerrorMessage(conn_));
    }
    // Take every result before judging the first, so the connection is idle again
    // and usable (for ROLLBACK at least) even when the data was refused.
    ResultPtr done(PQgetResult(conn_));
    while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);
    check(std::move(done), "COPY " + std::string(table));
}

bool PostgresConnection::healthy() { return !broken_ && conn_ && PQstatus(conn_) == CONNECTION_OK; }

bool PostgresConnection::reset_for_reuse() noexcept {
    rollback();
    if (bulk_load_ && healthy()) {
        try {
            bulk_load_mode(false);
        } catch (...) {
            broken_ = true;
        }
    }
    return healthy();
}

bool PostgresConnection::still_connected() noexcept {
    if (!healthy()) return false;
    // The first read may only drain the server's farewell message (57P01 and the
    // like); the end of the stream shows on the next one.
    for (int i = 0; i < 2; ++i) {
        if (!PQconsumeInput(conn_) || PQstatus(conn_) != CONNECTION_OK) {
            broken_ = true;
            return false;
        }
        PQisBusy(conn_);  // parses what arrived, so libpq notices a fatal error
    }
    return true;
}

PostgresConnection::ResultPtr PostgresConnection::run(std::string_view sql, const Params& params) {
    const std::string key(sql);
    auto it = statements_.find(key);
    if (it == statements_.end()) it = prepare(key);
    // Checked on every call, not only when preparing: the server would answer a
    // wrong count with a protocol violation, which reads as a lost connection.
    if (it->second.parameters != static_cast<int>(params.size())) {
        throw SqlError("statement expects " + std::to_string(it->second.parameters) + " parameters, got " +
                       std::to_string(params.size()) + ": " + std::string(sql.substr(0, 200)));
    }
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (std::holds_alternative<Null>(params[i])) continue;
        texts[i] = param_text(params[i]);
        values[i] = texts[i].c_str();
    }
    auto execute_prepared = [&] {
        return ResultPtr(PQexecPrepared(conn_, it->second.name.c_str(), static_cast<int>(params.size()),
                                        values.data(), nullptr, nullptr, 0));
    };
    auto res = execute_prepared();
    // Another server's migration changed a table this statement reads: PostgreSQL
    // refuses the cached statement for good ("cached plan must not change result
    // type", feature_not_supported; the text is translated, so only the code is
    // checked). Forget it; outside a transaction prepare and run it again at once
    // (a failed statement changed nothing), inside one the transaction is already
    // lost and the caller's retry prepares it anew.
    const char* state = PQresultErrorField(res.get(), PG_DIAG_SQLSTATE);
    if (state && std::string_view(state) == "0A000") {
        statements_.erase(it);
        if (PQtransactionStatus(conn_) == PQTRANS_IDLE) {
            it = prepare(key);
            res = execute_prepared();
        }
    }
    return check(std::move(res), "'" + std::string(sql.substr(0, 80)) + "'");
}

std::unordered_map<std::string, PostgresConnection::Prepared>::iterator PostgresConnection::prepare(const std::string& sql) {
    // Names are never reused: a statement dropped from the cache may still exist on the server.
    const auto rewritten = rewrite_placeholders(sql);
    Prepared p{"s" + std::to_string(++prepared_count_), rewritten.parameters};
    check(ResultPtr(PQprepare(conn_, p.name.c_str(), rewritten.sql.c_str(), 0, nullptr)),
          "prepare '" + sql.substr(0, 80) + "'");
    return statements_.emplace(sql, std::move(p)).first;
}

PostgresConnection::ResultPtr PostgresConnection::exec(const std::string& sql) {
    return check(ResultPtr(PQexec(conn_, sql.c_str())), sql.substr(0, 80));
}

PostgresConnection::ResultPtr PostgresConnection::check(ResultPtr res, std::string_view context) {
    const auto status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return res;
    const char* state = res ? PQresultErrorField(res.get(), PG_DIAG_SQLSTATE) : nullptr;
    const std::string msg = std::string(context) + ": " + (res ? PQresultErrorMessage(res.get()) : PQerrorMessage(conn_));
    auto kind = classify_sqlstate(state ? state : "");
    if (PQstatus(conn_) != CONNECTION_OK) kind = PgFailure::connection_lost;
    switch (kind) {
        case PgFailure::connection_lost: broken_ = true; throw Unavailable(msg);
        case PgFailure::storage_full: throw StorageFull(msg);
        case PgFailure::retry: throw Unavailable(msg);
        case PgFailure::constraint: throw ConstraintViolation(msg);
        case PgFailure::statement: break;
    }
    throw SqlError(msg);
}

}  // namespace onecase::db
