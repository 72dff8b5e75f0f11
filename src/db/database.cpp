#include "db/database.hpp"

#include "db/postgres/postgres_database.hpp"
#include "db/sqlite/sqlite_database.hpp"

namespace onecase::db {

PooledConnection::~PooledConnection() {
    if (owner_ && conn_) owner_->give_back(std::move(conn_));
}

PooledConnection Database::acquire() { return PooledConnection(this, take()); }

std::unique_ptr<Database> open_database(const std::string& url, const OpenOptions& options) {
    auto starts_with = [&](std::string_view p) { return url.rfind(p, 0) == 0; };
    if (starts_with("postgresql://") || starts_with("postgres://")) {
        return make_postgres_database(url, options);
    }
    if (starts_with("sqlite://")) return make_sqlite_database(url.substr(9), options);
    if (starts_with("sqlite:")) return make_sqlite_database(url.substr(7), options);
    if (url.size() > 3 && url.ends_with(".db")) return make_sqlite_database(url, options);
    throw std::invalid_argument("unknown database URL '" + url +
                                "': use sqlite:PATH or postgresql://...");
}

}  // namespace onecase::db
