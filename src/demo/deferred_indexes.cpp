#include "demo/deferred_indexes.hpp"

#include "demo/full_text_backfill.hpp"

namespace onecase::demo {

DeferredIndexes::DeferredIndexes(db::Connection& conn, const std::vector<std::string>& tables) : conn_(conn) {
    for (const auto& table : tables) {
        for (auto& sql : conn.drop_secondary_indexes(table)) definitions_.push_back(std::move(sql));
        // PostgreSQL's triggers guard the audit log, not these tables; SQLite's keep
        // the full-text tables, which backfill_full_text fills in one pass instead.
        if (conn.dialect() != db::Dialect::sqlite) continue;
        for (const auto& r : conn.query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", {table})) {
            triggers_.push_back(r.text(1));
            conn.execute_script("DROP TRIGGER " + r.text(0));
        }
    }
}

void DeferredIndexes::rebuild() {
    for (const auto& sql : definitions_) conn_.execute_script(sql);
    definitions_.clear();
    backfill_full_text(conn_);
    for (const auto& sql : triggers_) conn_.execute_script(sql);
    triggers_.clear();
}

}  // namespace onecase::demo
