#pragma once
// The embedded SQLite driver: one file, WAL journal, foreign keys on. Reads run on
// pooled handles; writes run in turns on one shared handle, several turns to a
// transaction (write_batcher.hpp), and a commit is on disk before it returns.
#include <memory>
#include <string>

#include "db/database.hpp"

namespace onecase::db {

std::unique_ptr<Database> make_sqlite_database(const std::string& path, const OpenOptions& options);

}  // namespace onecase::db
