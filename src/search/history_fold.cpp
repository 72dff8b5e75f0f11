#include "search/history_fold.hpp"

#include <string>

namespace onecase::search {
namespace {

// FTS5 writes a new segment each time its in-memory terms reach `hashsize` (1 MiB by
// default). A one-pass rebuild of tens of millions of notes gathers 256 MiB at a time
// instead; the default is put back after.
constexpr const char* kRebuildHashSize = "268435456";
constexpr const char* kDefaultHashSize = "1048576";

struct Source {
    const char* table;
    const char* index;
};
constexpr Source kSources[] = {
    {"contacts", "contacts_fts"}, {"appointments", "appointments_fts"}, {"enforcement_actions", "enforcement_fts"}};

}  // namespace

void rebuild_full_text_index(db::Connection& conn, const std::string& index) {
    // 'optimize' leaves one segment, so no later merge inherits the rebuild's.
    conn.execute_script("INSERT INTO " + index + " (" + index + ", rank) VALUES ('hashsize', " + kRebuildHashSize + ");"
                        "INSERT INTO " + index + " (" + index + ") VALUES ('rebuild');"
                        "INSERT INTO " + index + " (" + index + ") VALUES ('optimize');"
                        "INSERT INTO " + index + " (" + index + ", rank) VALUES ('hashsize', " + kDefaultHashSize + ");");
}

bool fold_history_indexes(db::Connection& conn) {
    if (conn.dialect() != db::Dialect::sqlite) return false;
    for (const auto& source : kSources) {
        const std::string table = source.table;
        const std::string live = source.index;
        conn.execute("UPDATE history_base SET last_id = (SELECT coalesce(max(id), 0) FROM " + table + ") WHERE source_table = ?",
                     {table});
        conn.execute("DELETE FROM history_base_replaced WHERE source_table = ?", {table});
        // Rows noted for the live index (migration 0026) go into the base with the rest.
        conn.execute("DELETE FROM history_pending WHERE source_table = ?", {table});
        conn.execute_script("INSERT INTO " + live + " (" + live + ") VALUES ('delete-all');");
        rebuild_full_text_index(conn, live + "_base");
    }
    return true;
}

}  // namespace onecase::search
