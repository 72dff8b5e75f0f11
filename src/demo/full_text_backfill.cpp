#include "demo/full_text_backfill.hpp"

#include "search/history_fold.hpp"

namespace onecase::demo {

void backfill_full_text(db::Connection& conn) {
    if (conn.dialect() != db::Dialect::sqlite) return;
    // Every full-text index reads its text from its source table (migrations 0010,
    // 0014, 0015 and 0019), so one 'rebuild' each indexes what the load wrote; what
    // the load wrote is case history, so it goes into the base indexes.
    search::rebuild_full_text_index(conn, "person_names_fts");
    search::fold_history_indexes(conn);
}

}  // namespace onecase::demo
