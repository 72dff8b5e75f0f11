#include "demo/full_text_backfill.hpp"

namespace onecase::demo {

void backfill_full_text(db::Connection& conn) {
    if (conn.dialect() != db::Dialect::sqlite) return;
    // The same rows the triggers of migration 0010 would have written: rowid is the
    // source id * 4 + the source code.
    conn.execute_script(R"SQL(
INSERT INTO person_names_fts (person_names_fts) VALUES ('rebuild');
DELETE FROM history_fts;
INSERT INTO history_fts (rowid, person_key, body, person_id, source, source_id, type, at, sensitive)
SELECT id * 4, 'p' || person_id, notes, person_id, 'contact', id, type, contact_at, sensitive FROM contacts ORDER BY id;
INSERT INTO history_fts (rowid, person_key, body, person_id, source, source_id, type, at, sensitive)
SELECT id * 4 + 1, 'p' || person_id, notes, person_id, 'appointment', id, type, start_at, 0 FROM appointments ORDER BY id;
INSERT INTO history_fts (rowid, person_key, body, person_id, source, source_id, type, at, sensitive)
SELECT id * 4 + 2, 'p' || person_id, coalesce(outcome_notes, ''), person_id, 'outcome', id, type, start_at, 0 FROM appointments ORDER BY id;
INSERT INTO history_fts (rowid, person_key, body, person_id, source, source_id, type, at, sensitive)
SELECT id * 4 + 3, 'p' || person_id, reason, person_id, 'enforcement', id, kind, action_date, 0 FROM enforcement_actions ORDER BY id;
)SQL");
}

}  // namespace onecase::demo
