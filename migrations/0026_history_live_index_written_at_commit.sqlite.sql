-- Case-history search's live indexes (migration 0019) are written once per write
-- transaction, just before its COMMIT, instead of by each statement's trigger. Why:
-- FTS5 writes what it holds in memory to a new segment whenever a savepoint opens, and
-- group commit (db/sqlite/write_batcher) gives every request in a batch a savepoint of
-- its own, so 64 contacts in one batch wrote 64 small segments and their structure
-- records, and the merges after them. On the national set that was some 40% of a
-- contact write's cost under 64 writers. Now a row's trigger only notes it in
-- history_pending, an ordinary table that savepoints roll back with the row, and the
-- statements in commit_work, which the SQLite driver runs before every COMMIT of a
-- write, index every noted row from its current text in one pass and empty the table.
-- A reader sees the row and its index entry in the same commit, as before.
--
-- A noted row is not in the live index yet, so an edit or deletion of it in the same
-- transaction has no entry to delete there: the triggers skip the delete for it.
CREATE TABLE history_pending (
    source_table TEXT NOT NULL,
    id INTEGER NOT NULL,
    PRIMARY KEY (source_table, id)
) WITHOUT ROWID;

-- Statements the SQLite driver runs, in step order, in every write transaction just
-- before it commits (db/sqlite/sqlite_handle.hpp, run_commit_work).
CREATE TABLE commit_work (
    step INTEGER PRIMARY KEY,
    sql TEXT NOT NULL
);
INSERT INTO commit_work (step, sql) VALUES (1, 'INSERT INTO contacts_fts (rowid, notes) SELECT c.history_key, c.notes FROM history_pending p JOIN contacts c ON c.id = p.id WHERE p.source_table = ''contacts''');
INSERT INTO commit_work (step, sql) VALUES (2, 'INSERT INTO appointments_fts (rowid, notes, outcome_notes) SELECT a.history_key, a.notes, a.outcome_notes FROM history_pending p JOIN appointments a ON a.id = p.id WHERE p.source_table = ''appointments''');
INSERT INTO commit_work (step, sql) VALUES (3, 'INSERT INTO enforcement_fts (rowid, reason) SELECT e.history_key, e.reason FROM history_pending p JOIN enforcement_actions e ON e.id = p.id WHERE p.source_table = ''enforcement_actions''');
INSERT INTO commit_work (step, sql) VALUES (4, 'DELETE FROM history_pending');

DROP TRIGGER contacts_fts_insert;
DROP TRIGGER contacts_fts_update;
DROP TRIGGER contacts_fts_delete;
CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
    INSERT OR IGNORE INTO history_pending (source_table, id) VALUES ('contacts', new.id);
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'contacts', new.id
    WHERE new.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'contacts'), 0);
END;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF person_id, notes ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, notes) SELECT 'delete', old.history_key, old.notes
    WHERE (old.id > coalesce((SELECT last_id FROM history_base WHERE source_table = 'contacts'), 0)
        OR EXISTS (SELECT 1 FROM history_base_replaced WHERE source_table = 'contacts' AND id = old.id))
       AND NOT EXISTS (SELECT 1 FROM history_pending WHERE source_table = 'contacts' AND id = old.id);
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'contacts', old.id
    WHERE old.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'contacts'), 0);
    INSERT OR IGNORE INTO history_pending (source_table, id) VALUES ('contacts', new.id);
END;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, notes) SELECT 'delete', old.history_key, old.notes
    WHERE (old.id > coalesce((SELECT last_id FROM history_base WHERE source_table = 'contacts'), 0)
        OR EXISTS (SELECT 1 FROM history_base_replaced WHERE source_table = 'contacts' AND id = old.id))
       AND NOT EXISTS (SELECT 1 FROM history_pending WHERE source_table = 'contacts' AND id = old.id);
    DELETE FROM history_pending WHERE source_table = 'contacts' AND id = old.id;
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'contacts', old.id
    WHERE old.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'contacts'), 0);
END;

DROP TRIGGER appointments_fts_insert;
DROP TRIGGER appointments_fts_update;
DROP TRIGGER appointments_fts_delete;
CREATE TRIGGER appointments_fts_insert AFTER INSERT ON appointments BEGIN
    INSERT OR IGNORE INTO history_pending (source_table, id) VALUES ('appointments', new.id);
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'appointments', new.id
    WHERE new.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'appointments'), 0);
END;
CREATE TRIGGER appointments_fts_update AFTER UPDATE OF person_id, notes, outcome_notes ON appointments BEGIN
    INSERT INTO appointments_fts (appointments_fts, rowid, notes, outcome_notes) SELECT 'delete', old.history_key, old.notes, old.outcome_notes
    WHERE (old.id > coalesce((SELECT last_id FROM history_base WHERE source_table = 'appointments'), 0)
        OR EXISTS (SELECT 1 FROM history_base_replaced WHERE source_table = 'appointments' AND id = old.id))
       AND NOT EXISTS (SELECT 1 FROM history_pending WHERE source_table = 'appointments' AND id = old.id);
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'appointments', old.id
    WHERE old.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'appointments'), 0);
    INSERT OR IGNORE INTO history_pending (source_table, id) VALUES ('appointments', new.id);
END;
CREATE TRIGGER appointments_fts_delete AFTER DELETE ON appointments BEGIN
    INSERT INTO appointments_fts (appointments_fts, rowid, notes, outcome_notes) SELECT 'delete', old.history_key, old.notes, old.outcome_notes
    WHERE (old.id > coalesce((SELECT last_id FROM history_base WHERE source_table = 'appointments'), 0)
        OR EXISTS (SELECT 1 FROM history_base_replaced WHERE source_table = 'appointments' AND id = old.id))
       AND NOT EXISTS (SELECT 1 FROM history_pending WHERE source_table = 'appointments' AND id = old.id);
    DELETE FROM history_pending WHERE source_table = 'appointments' AND id = old.id;
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'appointments', old.id
    WHERE old.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'appointments'), 0);
END;

DROP TRIGGER enforcement_fts_insert;
DROP TRIGGER enforcement_fts_update;
DROP TRIGGER enforcement_fts_delete;
CREATE TRIGGER enforcement_fts_insert AFTER INSERT ON enforcement_actions BEGIN
    INSERT OR IGNORE INTO history_pending (source_table, id) VALUES ('enforcement_actions', new.id);
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'enforcement_actions', new.id
    WHERE new.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'enforcement_actions'), 0);
END;
CREATE TRIGGER enforcement_fts_update AFTER UPDATE OF person_id, reason ON enforcement_actions BEGIN
    INSERT INTO enforcement_fts (enforcement_fts, rowid, reason) SELECT 'delete', old.history_key, old.reason
    WHERE (old.id > coalesce((SELECT last_id FROM history_base WHERE source_table = 'enforcement_actions'), 0)
        OR EXISTS (SELECT 1 FROM history_base_replaced WHERE source_table = 'enforcement_actions' AND id = old.id))
       AND NOT EXISTS (SELECT 1 FROM history_pending WHERE source_table = 'enforcement_actions' AND id = old.id);
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'enforcement_actions', old.id
    WHERE old.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'enforcement_actions'), 0);
    INSERT OR IGNORE INTO history_pending (source_table, id) VALUES ('enforcement_actions', new.id);
END;
CREATE TRIGGER enforcement_fts_delete AFTER DELETE ON enforcement_actions BEGIN
    INSERT INTO enforcement_fts (enforcement_fts, rowid, reason) SELECT 'delete', old.history_key, old.reason
    WHERE (old.id > coalesce((SELECT last_id FROM history_base WHERE source_table = 'enforcement_actions'), 0)
        OR EXISTS (SELECT 1 FROM history_base_replaced WHERE source_table = 'enforcement_actions' AND id = old.id))
       AND NOT EXISTS (SELECT 1 FROM history_pending WHERE source_table = 'enforcement_actions' AND id = old.id);
    DELETE FROM history_pending WHERE source_table = 'enforcement_actions' AND id = old.id;
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'enforcement_actions', old.id
    WHERE old.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'enforcement_actions'), 0);
END;
