#pragma once
// How the PostgreSQL driver answers a failed statement, decided from its SQLSTATE
// (https://www.postgresql.org/docs/15/errcodes-appendix.html). Pure.
#include <string_view>

namespace onecase::db {

enum class PgFailure {
    constraint,       // class 23: a UNIQUE, FOREIGN KEY, CHECK or NOT NULL refused the write
    connection_lost,  // the session is gone or unusable: drop the connection, answer Unavailable
    retry,            // serialization failure or deadlock: Unavailable, but the connection is fine
    storage_full,     // 53100 disk_full: StorageFull (507); the connection is fine and reads go on
    statement,        // anything else: a bug in our SQL
};

// `sqlstate` is empty when libpq reported the error itself (no server answer),
// which means the connection failed.
PgFailure classify_sqlstate(std::string_view sqlstate);

}  // namespace onecase::db
