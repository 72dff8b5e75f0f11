#pragma once
// Backups of a live database and restoring them. SQLite: the online backup API copies
// a consistent snapshot while the server keeps writing (WAL readers do not block
// writers). PostgreSQL: pg_dump's custom format, restored with pg_restore into an
// empty database. docs/operations.md says how to schedule them and restore.
#include <cstdint>
#include <string>

namespace onecase::db {

struct BackupSummary {
    std::string kind;          // "sqlite" or "postgresql"
    std::int64_t bytes = 0;    // size of the backup file
    std::int64_t people = 0;   // rows in people and contacts in the backup, as a check
    std::int64_t contacts = 0;
};

// Writes a backup of the database at `url` to `file` (replaced only when the copy is
// complete: written beside it, checked, then renamed). Throws with a message on failure.
BackupSummary backup_database(const std::string& url, const std::string& file);

// Restores `file` into the database at `url`, which must be empty (a SQLite file that
// does not exist yet, or a PostgreSQL database with no tables). Throws on failure.
BackupSummary restore_database(const std::string& file, const std::string& url);

}  // namespace onecase::db
