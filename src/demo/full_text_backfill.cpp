#include "demo/full_text_backfill.hpp"

#include <string>

namespace onecase::demo {
namespace {

// FTS5 writes a new segment each time its in-memory terms reach `hashsize` (1 MiB by
// default) and then spends time merging those segments. A one-pass rebuild of tens of
// millions of notes gathers 256 MiB at a time instead; the default is put back after,
// because a writer's terms are flushed at each commit anyway.
//
// The rebuild leaves its segments side by side on the lowest level, where every later
// write adds its own small one; FTS5 then merges them all, gigabytes of index, inside
// some unlucky user's write (measured on the national set: contact writes stalled for
// more than eight seconds). 'optimize' merges them into one segment now, in the load,
// and later writes merge only among themselves.
constexpr const char* kRebuildHashSize = "268435456";
constexpr const char* kDefaultHashSize = "1048576";

void rebuild(db::Connection& conn, const std::string& index) {
    conn.execute_script("INSERT INTO " + index + " (" + index + ", rank) VALUES ('hashsize', " + kRebuildHashSize + ");"
                        "INSERT INTO " + index + " (" + index + ") VALUES ('rebuild');"
                        "INSERT INTO " + index + " (" + index + ") VALUES ('optimize');"
                        "INSERT INTO " + index + " (" + index + ", rank) VALUES ('hashsize', " + kDefaultHashSize + ");");
}

}  // namespace

void backfill_full_text(db::Connection& conn) {
    if (conn.dialect() != db::Dialect::sqlite) return;
    // Every full-text index reads its text from its source table (migrations 0010,
    // 0014 and 0015), so one 'rebuild' each indexes what the load wrote.
    for (const char* index : {"person_names_fts", "contacts_fts", "appointments_fts", "enforcement_fts"}) rebuild(conn, index);
}

}  // namespace onecase::demo
