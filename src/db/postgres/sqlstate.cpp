#include "db/postgres/sqlstate.hpp"

namespace onecase::db {

PgFailure classify_sqlstate(std::string_view sqlstate) {
    // No room to write a table or index: the statement failed, the session did not.
    if (sqlstate == "53100") return PgFailure::storage_full;
    // 08: connection exception. 57P: the server ended the session (shutdown, crash
    // recovery, cannot connect now, database dropped, idle timeout). 53: other
    // insufficient resources (too many connections, out of memory), which a fresh
    // connection later may not meet.
    if (sqlstate.empty() || sqlstate.starts_with("08") || sqlstate.starts_with("57P") ||
        sqlstate.starts_with("53")) {
        return PgFailure::connection_lost;
    }
    if (sqlstate.starts_with("23")) return PgFailure::constraint;
    if (sqlstate == "40001" || sqlstate == "40P01") return PgFailure::retry;
    return PgFailure::statement;
}

}  // namespace onecase::db
