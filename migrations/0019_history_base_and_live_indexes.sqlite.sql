-- Case-history search in two parts per source: a base index of the rows there were
-- when it was built (a bulk load or an import, then `onecase fold-history` now and then)
-- and a live index of what users have written since. Why: FTS5 merges segments inside
-- the write transaction, a step stops only between terms, and once small segments
-- climbed to the level of a load's single large segment, merging with it moved a
-- common word's whole posting list in one step: 0.2 to 1.1 s holding the one write
-- turn on the national set, which every write and every audited read queued behind.
-- Users' writes never touch the base now, so the server's merges (db/sqlite/fts_merger,
-- which leaves *_base alone) only ever rewrite the live index, which holds days or
-- months of writes, not the service's history.
--
-- history_base says which rows the base holds: every id up to last_id, except the ids
-- in history_base_replaced, whose base entry is stale because the row was edited or
-- deleted since (or an id at or below last_id was inserted later). A replaced row's
-- current text is in the live index; searches skip the base's entry for it. Base
-- indexes are never written by these triggers, so an edit costs the live index only.
--
-- The existing indexes become the bases (a rename: no reindexing), holding every row
-- there is now.
CREATE TABLE history_base (
    source_table TEXT PRIMARY KEY,
    last_id INTEGER NOT NULL
);
CREATE TABLE history_base_replaced (
    source_table TEXT NOT NULL,
    id INTEGER NOT NULL,
    PRIMARY KEY (source_table, id)
) WITHOUT ROWID;

DROP TRIGGER contacts_fts_insert;
DROP TRIGGER contacts_fts_update;
DROP TRIGGER contacts_fts_delete;
DROP TRIGGER appointments_fts_insert;
DROP TRIGGER appointments_fts_update;
DROP TRIGGER appointments_fts_delete;
DROP TRIGGER enforcement_fts_insert;
DROP TRIGGER enforcement_fts_update;
DROP TRIGGER enforcement_fts_delete;

ALTER TABLE contacts_fts RENAME TO contacts_fts_base;
INSERT INTO history_base (source_table, last_id) SELECT 'contacts', coalesce(max(id), 0) FROM contacts;
ALTER TABLE appointments_fts RENAME TO appointments_fts_base;
INSERT INTO history_base (source_table, last_id) SELECT 'appointments', coalesce(max(id), 0) FROM appointments;
ALTER TABLE enforcement_fts RENAME TO enforcement_fts_base;
INSERT INTO history_base (source_table, last_id) SELECT 'enforcement_actions', coalesce(max(id), 0) FROM enforcement_actions;

CREATE VIRTUAL TABLE contacts_fts USING fts5(notes, content='contacts', content_rowid='history_key', tokenize='porter unicode61');
INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('automerge', 0);
CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_fts (rowid, notes) VALUES (new.history_key, new.notes);
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'contacts', new.id
    WHERE new.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'contacts'), 0);
END;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF person_id, notes ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, notes) SELECT 'delete', old.history_key, old.notes
    WHERE old.id > coalesce((SELECT last_id FROM history_base WHERE source_table = 'contacts'), 0)
       OR EXISTS (SELECT 1 FROM history_base_replaced WHERE source_table = 'contacts' AND id = old.id);
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'contacts', old.id
    WHERE old.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'contacts'), 0);
    INSERT INTO contacts_fts (rowid, notes) VALUES (new.history_key, new.notes);
END;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, notes) SELECT 'delete', old.history_key, old.notes
    WHERE old.id > coalesce((SELECT last_id FROM history_base WHERE source_table = 'contacts'), 0)
       OR EXISTS (SELECT 1 FROM history_base_replaced WHERE source_table = 'contacts' AND id = old.id);
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'contacts', old.id
    WHERE old.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'contacts'), 0);
END;

CREATE VIRTUAL TABLE appointments_fts USING fts5(notes, outcome_notes, content='appointments', content_rowid='history_key', tokenize='porter unicode61');
INSERT INTO appointments_fts (appointments_fts, rank) VALUES ('automerge', 0);
CREATE TRIGGER appointments_fts_insert AFTER INSERT ON appointments BEGIN
    INSERT INTO appointments_fts (rowid, notes, outcome_notes) VALUES (new.history_key, new.notes, new.outcome_notes);
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'appointments', new.id
    WHERE new.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'appointments'), 0);
END;
CREATE TRIGGER appointments_fts_update AFTER UPDATE OF person_id, notes, outcome_notes ON appointments BEGIN
    INSERT INTO appointments_fts (appointments_fts, rowid, notes, outcome_notes) SELECT 'delete', old.history_key, old.notes, old.outcome_notes
    WHERE old.id > coalesce((SELECT last_id FROM history_base WHERE source_table = 'appointments'), 0)
       OR EXISTS (SELECT 1 FROM history_base_replaced WHERE source_table = 'appointments' AND id = old.id);
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'appointments', old.id
    WHERE old.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'appointments'), 0);
    INSERT INTO appointments_fts (rowid, notes, outcome_notes) VALUES (new.history_key, new.notes, new.outcome_notes);
END;
CREATE TRIGGER appointments_fts_delete AFTER DELETE ON appointments BEGIN
    INSERT INTO appointments_fts (appointments_fts, rowid, notes, outcome_notes) SELECT 'delete', old.history_key, old.notes, old.outcome_notes
    WHERE old.id > coalesce((SELECT last_id FROM history_base WHERE source_table = 'appointments'), 0)
       OR EXISTS (SELECT 1 FROM history_base_replaced WHERE source_table = 'appointments' AND id = old.id);
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'appointments', old.id
    WHERE old.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'appointments'), 0);
END;

CREATE VIRTUAL TABLE enforcement_fts USING fts5(reason, content='enforcement_actions', content_rowid='history_key', tokenize='porter unicode61');
INSERT INTO enforcement_fts (enforcement_fts, rank) VALUES ('automerge', 0);
CREATE TRIGGER enforcement_fts_insert AFTER INSERT ON enforcement_actions BEGIN
    INSERT INTO enforcement_fts (rowid, reason) VALUES (new.history_key, new.reason);
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'enforcement_actions', new.id
    WHERE new.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'enforcement_actions'), 0);
END;
CREATE TRIGGER enforcement_fts_update AFTER UPDATE OF person_id, reason ON enforcement_actions BEGIN
    INSERT INTO enforcement_fts (enforcement_fts, rowid, reason) SELECT 'delete', old.history_key, old.reason
    WHERE old.id > coalesce((SELECT last_id FROM history_base WHERE source_table = 'enforcement_actions'), 0)
       OR EXISTS (SELECT 1 FROM history_base_replaced WHERE source_table = 'enforcement_actions' AND id = old.id);
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'enforcement_actions', old.id
    WHERE old.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'enforcement_actions'), 0);
    INSERT INTO enforcement_fts (rowid, reason) VALUES (new.history_key, new.reason);
END;
CREATE TRIGGER enforcement_fts_delete AFTER DELETE ON enforcement_actions BEGIN
    INSERT INTO enforcement_fts (enforcement_fts, rowid, reason) SELECT 'delete', old.history_key, old.reason
    WHERE old.id > coalesce((SELECT last_id FROM history_base WHERE source_table = 'enforcement_actions'), 0)
       OR EXISTS (SELECT 1 FROM history_base_replaced WHERE source_table = 'enforcement_actions' AND id = old.id);
    INSERT OR IGNORE INTO history_base_replaced (source_table, id) SELECT 'enforcement_actions', old.id
    WHERE old.id <= coalesce((SELECT last_id FROM history_base WHERE source_table = 'enforcement_actions'), 0);
END;
