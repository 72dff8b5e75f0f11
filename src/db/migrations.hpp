#pragma once
// Forward-only schema migrations, embedded from migrations/*.sql at build time.
#include <string>
#include <vector>

#include "db/database.hpp"

namespace onecase::db {

struct EmbeddedFile {
    std::string name;
    std::string text;
};

const std::vector<EmbeddedFile>& embedded_migrations();

// Expands the `{{id}}` macro for the dialect.
std::string expand_migration_sql(const std::string& sql, Dialect dialect);

// Applies every migration not yet applied, each in its own transaction, under a
// lock that stops two servers migrating at once (PostgreSQL advisory lock; the
// SQLite write lock). Returns the number applied.
int migrate(Database& db);

// The highest applied version, 0 for an empty database.
int schema_version(Database& db);

}  // namespace onecase::db
