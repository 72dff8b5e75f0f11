#include "demo/full_text_backfill.hpp"

namespace onecase::demo {

void backfill_full_text(db::Connection& conn) {
    if (conn.dialect() != db::Dialect::sqlite) return;
    // Every full-text index reads its text from its source table (migrations 0010 and
    // 0014), so one 'rebuild' each indexes what the load wrote.
    conn.execute_script(R"SQL(
INSERT INTO person_names_fts (person_names_fts) VALUES ('rebuild');
INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild');
INSERT INTO appointments_fts (appointments_fts) VALUES ('rebuild');
INSERT INTO enforcement_fts (enforcement_fts) VALUES ('rebuild');
)SQL");
}

}  // namespace onecase::demo
