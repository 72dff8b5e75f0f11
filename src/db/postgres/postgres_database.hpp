#pragma once
// The PostgreSQL driver (libpq): a pool of connections, prepared statements reused
// per connection, text-format parameters. Connection failures surface as
// db::Unavailable and the broken connection is dropped, so the server recovers by
// itself when PostgreSQL comes back.
//
// Inside: placeholders.hpp (`?` -> `$n`), sqlstate.hpp (which error is which),
// connection_url.hpp (logging a URL), postgres_connection.hpp (one session).
#include <memory>
#include <string>

#include "db/database.hpp"

namespace onecase::db {

// `url` is a libpq URI (postgresql://user@host:port/dbname?...), passed to libpq as
// is apart from a default connect_timeout (the pool timeout) that the URI may
// override. Connects once before returning: throws Unavailable if it cannot. The
// pool holds at most `options.pool_size` connections, opened on demand; acquire()
// waits up to `options.busy_timeout` for a free one, then throws Unavailable.
std::unique_ptr<Database> make_postgres_database(const std::string& url, const OpenOptions& options);

}  // namespace onecase::db
