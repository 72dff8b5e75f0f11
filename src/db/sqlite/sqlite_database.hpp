#pragma once
// The embedded SQLite driver: one file, WAL journal, group commit so a commit
// is on disk before it returns, foreign keys on, and a busy timeout so writers
// queue for the write lock instead of failing.
#include <memory>
#include <string>

#include "db/database.hpp"

namespace onecase::db {

std::unique_ptr<Database> make_sqlite_database(const std::string& path, const OpenOptions& options);

}  // namespace onecase::db
