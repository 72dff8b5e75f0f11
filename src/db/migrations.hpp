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

// The tables a migration asks to have vacuumed once it is committed, one per line
// `-- onecase: vacuum-after TABLE`. A migration that rewrites every row of a large
// table leaves PostgreSQL a dead copy of each: until VACUUM clears them (and sets the
// visibility map), index-only scans read the heap for every entry, and a fresh
// ANALYZE is needed for good plans. VACUUM cannot run inside the migration's
// transaction. Table names of lower-case letters, digits and underscores only.
std::vector<std::string> tables_to_vacuum_after(const std::string& sql);

// Applies every migration not yet applied, each in its own transaction, under a
// lock that stops two servers migrating at once (PostgreSQL advisory lock; the
// SQLite write lock), then on PostgreSQL vacuums the tables they ask for
// (tables_to_vacuum_after). Returns the number applied.
int migrate(Database& db);

// The highest applied version, 0 for an empty database.
int schema_version(Database& db);

}  // namespace onecase::db
