#include "demo/deferred_indexes.hpp"

namespace onecase::demo {

DeferredIndexes::DeferredIndexes(db::Connection& conn, const std::vector<std::string>& tables) : conn_(conn) {
    for (const auto& table : tables) {
        db::Rows rows;
        if (conn.dialect() == db::Dialect::postgres) {
            rows = conn.query(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
                "AND i.tablename = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
                {table});
        } else {
            // Indexes SQLite makes for PRIMARY KEY/UNIQUE have no SQL and are kept.
            rows = conn.query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                              {table});
        }
        for (const auto& r : rows) {
            definitions_.push_back(r.text(1));
            conn.execute_script("DROP INDEX " + r.text(0));
        }
    }
}

void DeferredIndexes::rebuild() {
    for (const auto& sql : definitions_) conn_.execute_script(sql);
    definitions_.clear();
}

}  // namespace onecase::demo
