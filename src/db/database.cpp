#include "db/database.hpp"

#include "db/postgres/postgres_database.hpp"
#include "db/sqlite/sqlite_database.hpp"

namespace onecase::db {

PooledConnection::~PooledConnection() {
    if (owner_ && conn_) owner_->give_back(std::move(conn_));
}

PooledConnection Database::acquire() { return PooledConnection(this, take()); }

bool is_postgres_url(const std::string& url) { return url.starts_with("postgresql://") || url.starts_with("postgres://"); }

std::string sqlite_path_of(const std::string& url) {
    if (url.starts_with("sqlite://")) return url.substr(9);
    if (url.starts_with("sqlite:")) return url.substr(7);
    if (url.size() > 3 && url.ends_with(".db")) return url;
    throw std::invalid_argument("unknown database URL '" + url + "': use sqlite:PATH or postgresql://...");
}

std::unique_ptr<Database> open_database(const std::string& url, const OpenOptions& options) {
    if (is_postgres_url(url)) return make_postgres_database(url, options);
    return make_sqlite_database(sqlite_path_of(url), options);
}

}  // namespace onecase::db
