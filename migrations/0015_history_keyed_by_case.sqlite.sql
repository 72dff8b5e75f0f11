-- Case-history search keyed by case. In 0014 each index held person_id as a column,
-- so a search of one case walked the whole national posting list of a common word
-- ("appointment": eight million contacts) to find that case's few hundred: 100 ms and
-- more. Here each index's rowid is the row's history_key, (person_id << 32) + id, a
-- generated column of the source table: every case's rows are one contiguous rowid
-- range, and a search asks the index for that range only. Ids stay below 2^32 (4.3
-- billion rows per table), so keys never collide. The triggers are as in 0014 but
-- keyed by history_key; an update that moves a row to another person moves its entry.
DROP TRIGGER contacts_fts_insert;
DROP TRIGGER contacts_fts_update;
DROP TRIGGER contacts_fts_delete;
DROP TRIGGER appointments_fts_insert;
DROP TRIGGER appointments_fts_update;
DROP TRIGGER appointments_fts_delete;
DROP TRIGGER enforcement_fts_insert;
DROP TRIGGER enforcement_fts_update;
DROP TRIGGER enforcement_fts_delete;
DROP TABLE contacts_fts;
DROP TABLE appointments_fts;
DROP TABLE enforcement_fts;

ALTER TABLE contacts ADD COLUMN history_key INTEGER GENERATED ALWAYS AS ((person_id << 32) + id) VIRTUAL;
CREATE UNIQUE INDEX contacts_history_key ON contacts (history_key);
ALTER TABLE appointments ADD COLUMN history_key INTEGER GENERATED ALWAYS AS ((person_id << 32) + id) VIRTUAL;
CREATE UNIQUE INDEX appointments_history_key ON appointments (history_key);
ALTER TABLE enforcement_actions ADD COLUMN history_key INTEGER GENERATED ALWAYS AS ((person_id << 32) + id) VIRTUAL;
CREATE UNIQUE INDEX enforcement_actions_history_key ON enforcement_actions (history_key);

CREATE VIRTUAL TABLE contacts_fts USING fts5(notes, content='contacts', content_rowid='history_key', tokenize='porter unicode61');
CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_fts (rowid, notes) VALUES (new.history_key, new.notes);
END;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF person_id, notes ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, notes) VALUES ('delete', old.history_key, old.notes);
    INSERT INTO contacts_fts (rowid, notes) VALUES (new.history_key, new.notes);
END;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, notes) VALUES ('delete', old.history_key, old.notes);
END;

CREATE VIRTUAL TABLE appointments_fts USING fts5(notes, outcome_notes, content='appointments', content_rowid='history_key', tokenize='porter unicode61');
CREATE TRIGGER appointments_fts_insert AFTER INSERT ON appointments BEGIN
    INSERT INTO appointments_fts (rowid, notes, outcome_notes) VALUES (new.history_key, new.notes, new.outcome_notes);
END;
CREATE TRIGGER appointments_fts_update AFTER UPDATE OF person_id, notes, outcome_notes ON appointments BEGIN
    INSERT INTO appointments_fts (appointments_fts, rowid, notes, outcome_notes)
    VALUES ('delete', old.history_key, old.notes, old.outcome_notes);
    INSERT INTO appointments_fts (rowid, notes, outcome_notes) VALUES (new.history_key, new.notes, new.outcome_notes);
END;
CREATE TRIGGER appointments_fts_delete AFTER DELETE ON appointments BEGIN
    INSERT INTO appointments_fts (appointments_fts, rowid, notes, outcome_notes)
    VALUES ('delete', old.history_key, old.notes, old.outcome_notes);
END;

CREATE VIRTUAL TABLE enforcement_fts USING fts5(reason, content='enforcement_actions', content_rowid='history_key', tokenize='porter unicode61');
CREATE TRIGGER enforcement_fts_insert AFTER INSERT ON enforcement_actions BEGIN
    INSERT INTO enforcement_fts (rowid, reason) VALUES (new.history_key, new.reason);
END;
CREATE TRIGGER enforcement_fts_update AFTER UPDATE OF person_id, reason ON enforcement_actions BEGIN
    INSERT INTO enforcement_fts (enforcement_fts, rowid, reason) VALUES ('delete', old.history_key, old.reason);
    INSERT INTO enforcement_fts (rowid, reason) VALUES (new.history_key, new.reason);
END;
CREATE TRIGGER enforcement_fts_delete AFTER DELETE ON enforcement_actions BEGIN
    INSERT INTO enforcement_fts (enforcement_fts, rowid, reason) VALUES ('delete', old.history_key, old.reason);
END;

-- No automatic merging inside writes. Each write transaction adds a small segment, and
-- FTS5's default (automerge = 4) then does a slice of a larger merge in every write:
-- on the national set a contact write wrote about 180 pages and some took over a
-- second. With automerge off, segments merge only when sixteen share a level
-- (crisismerge), which is cheap at the low levels every write touches; measured on
-- the national set, one writer went from about 130 to 850 contacts a second, with p99
-- from 0.7 s to 3 ms.
INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('automerge', 0);
INSERT INTO appointments_fts (appointments_fts, rank) VALUES ('automerge', 0);
INSERT INTO enforcement_fts (enforcement_fts, rank) VALUES ('automerge', 0);

INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild');
INSERT INTO appointments_fts (appointments_fts) VALUES ('rebuild');
INSERT INTO enforcement_fts (enforcement_fts) VALUES ('rebuild');
