#pragma once
// Bulk loading into empty tables is much faster when secondary indexes are built
// once at the end rather than maintained row by row. This drops a table's
// non-constraint indexes and recreates them from their saved definitions.
#include <string>
#include <vector>

#include "db/database.hpp"

namespace onecase::demo {

class DeferredIndexes {
public:
    // Drops the secondary indexes (not primary keys or UNIQUE constraints) of `tables`.
    DeferredIndexes(db::Connection& conn, const std::vector<std::string>& tables);

    // Recreates every dropped index. Call before committing the load.
    void rebuild();

private:
    db::Connection& conn_;
    std::vector<std::string> definitions_;
};

}  // namespace onecase::demo
