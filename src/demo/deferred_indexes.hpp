#pragma once
// Bulk loading into empty tables is much faster when secondary indexes are built
// once at the end rather than maintained row by row. This drops a table's
// non-constraint indexes and its triggers (on SQLite, the ones that keep the
// full-text tables), and recreates them from their saved definitions, filling
// the full-text tables once in between.
#include <string>
#include <vector>

#include "db/database.hpp"

namespace onecase::demo {

class DeferredIndexes {
public:
    // Drops the secondary indexes (not primary keys or UNIQUE constraints) and the
    // triggers of `tables`.
    DeferredIndexes(db::Connection& conn, const std::vector<std::string>& tables);

    // Recreates every dropped index, fills the full-text tables, then recreates the
    // triggers. Call before committing the load.
    void rebuild();

private:
    db::Connection& conn_;
    std::vector<std::string> definitions_;
    std::vector<std::string> triggers_;
};

}  // namespace onecase::demo
