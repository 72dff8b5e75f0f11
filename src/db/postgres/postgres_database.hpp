#pragma once
#include <memory>
#include <string>

#include "db/database.hpp"

namespace onecase::db {
std::unique_ptr<Database> make_postgres_database(const std::string& url, const OpenOptions& options);
}
