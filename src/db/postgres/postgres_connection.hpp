#pragma once
// One libpq session, private to the PostgreSQL driver (the pool in
// postgres_database.cpp hands these out). Not thread-safe, like every Connection.
//
// Once a statement fails because the session is gone (see sqlstate.hpp), the
// connection reports healthy() == false for good and the pool drops it together
// with its prepared statements.
#include <libpq-fe.h>

#include <chrono>
#include <memory>
#include <string>
#include <unordered_map>

#include "db/database.hpp"

namespace onecase::db {

class PostgresConnection final : public Connection {
public:
    // Connects to the libpq URI `url`; gives up after `connect_timeout` unless the
    // URI sets its own connect_timeout. Throws Unavailable when it cannot connect.
    PostgresConnection(const std::string& url, std::chrono::milliseconds connect_timeout);
    ~PostgresConnection() override;
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    Rows query(std::string_view sql, const Params& params) override;
    std::int64_t execute(std::string_view sql, const Params& params) override;
    void execute_script(std::string_view sql) override;

    void begin_read() override;
    void begin_write() override;
    // Throws SqlError, having rolled back, if an earlier statement had already
    // aborted the transaction: PostgreSQL then answers COMMIT with ROLLBACK.
    void commit() override;
    void rollback() noexcept override;

    bool supports_copy() const override { return true; }
    void copy_rows(std::string_view table, std::string_view columns, const std::string& tsv_rows) override;
    void bulk_load_mode(bool on) override;
    std::vector<std::string> drop_secondary_indexes(std::string_view table) override;
    void reset_id_generator(std::string_view table) override;
    void refresh_statistics() override;

    Dialect dialect() const override { return Dialect::postgres; }
    bool healthy() override;

    // For the pool, before the connection is lent again: ends any transaction and
    // leaves bulk-load mode, so no request inherits a non-durable session. Returns
    // false when the connection must be dropped instead. Never throws.
    bool reset_for_reuse() noexcept;

    // For the pool, before lending an idle connection: reads, without blocking,
    // whatever the server sent while it sat idle, and returns false if the server
    // has closed the session (restart, pg_terminate_backend, idle timeout).
    bool still_connected() noexcept;

private:
    struct ResultDeleter {
        void operator()(PGresult* r) const { PQclear(r); }
    };
    using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

    struct Prepared {
        std::string name;
        int parameters = 0;
    };

    ResultPtr run(std::string_view sql, const Params& params);
    // Prepares `sql` on the server and caches it under a fresh name.
    std::unordered_map<std::string, Prepared>::iterator prepare(const std::string& sql);
    ResultPtr exec(const std::string& sql);
    // Returns `res` if it succeeded; otherwise throws the exception its SQLSTATE
    // calls for (marking the connection broken when the session is gone).
    ResultPtr check(ResultPtr res, std::string_view context);

    PGconn* conn_ = nullptr;
    bool broken_ = false;
    bool bulk_load_ = false;           // synchronous_commit is off
    bool skipping_fk_checks_ = false;  // session_replication_role is replica
    std::unordered_map<std::string, Prepared> statements_;  // keyed by our SQL text
    std::uint64_t prepared_count_ = 0;
};

}  // namespace onecase::db
