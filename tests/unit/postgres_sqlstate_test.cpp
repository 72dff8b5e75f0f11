// Which PostgreSQL failures become a 409-style constraint answer, which a 503 with
// the connection dropped, which a 507 (no room to write), and which a 500 (a bug in
// our SQL).
#include <gtest/gtest.h>

#include "db/postgres/sqlstate.hpp"

namespace onecase::db {
namespace {

struct Case {
    const char* sqlstate;
    PgFailure expected;
    const char* meaning;
};

const Case kCases[] = {
    {"23505", PgFailure::constraint, "unique_violation: a second person with the same PNC"},
    {"23503", PgFailure::constraint, "foreign_key_violation"},
    {"23514", PgFailure::constraint, "check_violation"},
    {"23502", PgFailure::constraint, "not_null_violation"},
    {"", PgFailure::connection_lost, "no SQLSTATE: libpq lost the server"},
    {"08006", PgFailure::connection_lost, "connection_failure"},
    {"08P01", PgFailure::connection_lost, "protocol_violation"},
    {"57P01", PgFailure::connection_lost, "admin_shutdown: pg_ctl stop, pg_terminate_backend"},
    {"57P02", PgFailure::connection_lost, "crash_shutdown"},
    {"57P03", PgFailure::connection_lost, "cannot_connect_now: still starting up"},
    {"53300", PgFailure::connection_lost, "too_many_connections"},
    {"53100", PgFailure::storage_full, "disk_full: could not extend a table's file"},
    {"53200", PgFailure::connection_lost, "out_of_memory"},
    {"40001", PgFailure::retry, "serialization_failure"},
    {"40P01", PgFailure::retry, "deadlock_detected"},
    {"42601", PgFailure::statement, "syntax_error"},
    {"42P01", PgFailure::statement, "undefined_table"},
    {"22P02", PgFailure::statement, "invalid_text_representation"},
    {"25P02", PgFailure::statement, "in_failed_sql_transaction"},
    {"57014", PgFailure::statement, "query_canceled is not a lost session"},
};

TEST(PostgresSqlstate, SortsFailuresIntoConstraintLostConnectionRetryFullDiskOrBug) {
    for (const auto& c : kCases) {
        EXPECT_EQ(classify_sqlstate(c.sqlstate), c.expected) << c.sqlstate << " " << c.meaning;
    }
}

}  // namespace
}  // namespace onecase::db
