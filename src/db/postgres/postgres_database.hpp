#pragma once
// The PostgreSQL driver (libpq): a pool of connections, prepared statements reused
// per connection, text-format parameters. Connection failures surface as
// db::Unavailable and the broken connection is dropped, so the server recovers by
// itself when PostgreSQL comes back.
#include <memory>
#include <string>

#include "db/database.hpp"

namespace onecase::db {

// `url` is a libpq URI: postgresql://user@host:port/dbname?...
std::unique_ptr<Database> make_postgres_database(const std::string& url, const OpenOptions& options);

}  // namespace onecase::db
