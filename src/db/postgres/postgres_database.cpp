#include "db/postgres/postgres_database.hpp"

#include <libpq-fe.h>

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "db/postgres/placeholders.hpp"

namespace onecase::db {
namespace {

// Type OIDs from pg_type.h.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

class PostgresConnection final : public Connection {
public:
    explicit PostgresConnection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
        if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
            std::string msg = conn_ ? PQerrorMessage(conn_) : "out of memory";
            PQfinish(conn_);
            conn_ = nullptr;
            throw Unavailable("cannot connect to PostgreSQL: " + msg);
        }
        PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
    }
    ~PostgresConnection() override { PQfinish(conn_); }

    Rows query(std::string_view sql, const Params& params) override {
        auto res = run(sql, params);
        Rows rows;
        const int n = PQntuples(res.get());
        const int cols = PQnfields(res.get());
        rows.reserve(static_cast<std::size_t>(n));
        for (int r = 0; r < n; ++r) {
            std::vector<Value> values;
            values.reserve(static_cast<std::size_t>(cols));
            for (int c = 0; c < cols; ++c) values.push_back(value(res.get(), r, c));
            rows.emplace_back(std::move(values));
        }
        return rows;
    }

    std::int64_t execute(std::string_view sql, const Params& params) override {
        auto res = run(sql, params);
        const char* affected = PQcmdTuples(res.get());
        return affected && *affected ? std::stoll(affected) : 0;
    }

    void execute_script(std::string_view sql) override {
        const std::string text(sql);
        check(ResultPtr(PQexec(conn_, text.c_str())), "script");
    }

    void begin_read() override { execute_script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }
    void begin_write() override { execute_script("BEGIN"); }
    void commit() override { execute_script("COMMIT"); }
    void rollback() noexcept override {
        if (conn_ && PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) != PQTRANS_IDLE) {
            PQclear(PQexec(conn_, "ROLLBACK"));
        }
    }

    void bulk_load_mode(bool on) override {
        execute_script(on ? "SET synchronous_commit TO off" : "SET synchronous_commit TO on");
        // A bulk load writes rows whose references it built itself; skipping the
        // per-row foreign-key triggers roughly halves COPY time. Only a superuser may,
        // so others simply load with the checks on.
        try {
            execute_script(on ? "SET session_replication_role = replica" : "SET session_replication_role = DEFAULT");
        } catch (const SqlError&) {
        }
    }

    std::vector<std::string> drop_secondary_indexes(std::string_view table) override {
        std::vector<std::string> definitions;
        const auto rows = query(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
            "AND i.tablename = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
            {std::string(table)});
        for (const auto& r : rows) {
            definitions.push_back(r.text(1));
            execute_script("DROP INDEX " + r.text(0));
        }
        return definitions;
    }

    void reset_id_generator(std::string_view table) override {
        const std::string t(table);
        query("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), (SELECT COALESCE(MAX(id), 1) FROM " + t + "))", Params{});
    }

    void refresh_statistics() override { execute_script("ANALYZE"); }

    bool supports_copy() const override { return true; }

    void copy_rows(std::string_view table, std::string_view columns, const std::string& tsv) override {
        const std::string sql = "COPY " + std::string(table) + " (" + std::string(columns) + ") FROM STDIN";
        ResultPtr start(PQexec(conn_, sql.c_str()));
        if (PQresultStatus(start.get()) != PGRES_COPY_IN) check(std::move(start), "copy");
        if (PQputCopyData(conn_, tsv.data(), static_cast<int>(tsv.size())) != 1 || PQputCopyEnd(conn_, nullptr) != 1) {
            broken_ = true;
            throw Unavailable(std::string("COPY failed: ") + PQerrorMessage(conn_));
        }
        check(ResultPtr(PQgetResult(conn_)), "copy");
        while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);
    }

    Dialect dialect() const override { return Dialect::postgres; }

    bool healthy() override { return !broken_ && PQstatus(conn_) == CONNECTION_OK; }

private:
    ResultPtr run(std::string_view sql, const Params& params) {
        auto it = statements_.find(std::string(sql));
        if (it == statements_.end()) {
            auto rewritten = rewrite_placeholders(sql);
            if (rewritten.parameters != static_cast<int>(params.size())) {
                throw SqlError("statement expects " + std::to_string(rewritten.parameters) + " parameters, got " +
                               std::to_string(params.size()) + ": " + std::string(sql));
            }
            const std::string name = "s" + std::to_string(statements_.size() + 1);
            check(ResultPtr(PQprepare(conn_, name.c_str(), rewritten.sql.c_str(), 0, nullptr)),
                  "prepare '" + std::string(sql.substr(0, 80)) + "'");
            it = statements_.emplace(std::string(sql), name).first;
        }
        std::vector<std::string> texts(params.size());
        std::vector<const char*> values(params.size());
        for (std::size_t i = 0; i < params.size(); ++i) {
            const Value& v = params[i];
            if (std::holds_alternative<Null>(v)) {
                values[i] = nullptr;
                continue;
            }
            if (auto n = std::get_if<std::int64_t>(&v)) {
                texts[i] = std::to_string(*n);
            } else if (auto d = std::get_if<double>(&v)) {
                char buf[32];
                std::snprintf(buf, sizeof buf, "%.17g", *d);
                texts[i] = buf;
            } else {
                texts[i] = std::get<std::string>(v);
            }
            values[i] = texts[i].c_str();
        }
        return check(ResultPtr(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()),
                                              values.data(), nullptr, nullptr, 0)),
                     "'" + std::string(sql.substr(0, 80)) + "'");
    }

    ResultPtr check(ResultPtr res, const std::string& context) {
        const auto status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return res;
        const char* state = res ? PQresultErrorField(res.get(), PG_DIAG_SQLSTATE) : nullptr;
        const std::string code = state ? state : "";
        const std::string msg = context + ": " + (res ? PQresultErrorMessage(res.get()) : PQerrorMessage(conn_));
        if (PQstatus(conn_) != CONNECTION_OK || code.empty() || code.rfind("08", 0) == 0 ||
            code.rfind("57P", 0) == 0 || code.rfind("53", 0) == 0) {
            broken_ = true;
            throw Unavailable(msg);
        }
        if (code.rfind("23", 0) == 0) throw ConstraintViolation(msg);
        if (code == "40001" || code == "40P01") throw Unavailable(msg);  // serialization failure: retryable
        throw SqlError(msg);
    }

    static Value value(PGresult* res, int r, int c) {
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

    PGconn* conn_;
    bool broken_ = false;
    std::unordered_map<std::string, std::string> statements_;
};

class PostgresDatabase final : public Database {
public:
    PostgresDatabase(std::string url, const OpenOptions& options) : url_(std::move(url)), options_(options) {
        // Connect once now so a wrong URL fails at start.
        idle_.push_back(std::make_unique<PostgresConnection>(url_));
        open_ = 1;
    }

    Dialect dialect() const override { return Dialect::postgres; }

    std::string describe() const override {
        // Drop any password: postgresql://user:secret@host -> postgresql://user@host
        std::string safe = url_;
        const auto scheme = safe.find("://");
        const auto at = safe.find('@');
        if (scheme != std::string::npos && at != std::string::npos) {
            const auto colon = safe.find(':', scheme + 3);
            if (colon != std::string::npos && colon < at) safe.erase(colon, at - colon);
        }
        const auto q = safe.find('?');
        return q == std::string::npos ? safe : safe.substr(0, q);
    }

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
            return std::make_unique<PostgresConnection>(url_);
        } catch (...) {
            std::lock_guard relock(mutex_);
            --open_;
            cv_.notify_one();
            throw;
        }
    }

    void give_back(std::unique_ptr<Connection> c) override {
        c->rollback();
        std::lock_guard lock(mutex_);
        if (c->healthy()) {
            idle_.push_back(std::move(c));
        } else {
            --open_;  // dropped; a fresh one is opened on demand
        }
        cv_.notify_one();
    }

private:
    std::string url_;
    OpenOptions options_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<Connection>> idle_;
    int open_ = 0;
};

}  // namespace

std::unique_ptr<Database> make_postgres_database(const std::string& url, const OpenOptions& options) {
    return std::make_unique<PostgresDatabase>(url, options);
}

}  // namespace onecase::db
