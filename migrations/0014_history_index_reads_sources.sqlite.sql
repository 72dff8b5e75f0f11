-- Case history through three external-content FTS5 tables that read the text from the
-- rows themselves, replacing history_fts (0010), which kept its own copy of every
-- note, appointment note and reason: on a national data set that copy alone ran to
-- many gigabytes. person_id is an indexed column, so a search stays inside one case
-- within the index. Triggers keep each index in the same transaction as the write;
-- an external-content index is told the old values to remove them.
DROP TRIGGER contacts_history_insert;
DROP TRIGGER contacts_history_update;
DROP TRIGGER appointments_history_insert;
DROP TRIGGER appointments_history_update;
DROP TRIGGER enforcement_actions_history_insert;
DROP TRIGGER enforcement_actions_history_update;
DROP TABLE history_fts;

CREATE VIRTUAL TABLE contacts_fts USING fts5(person_id, notes, content='contacts', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_fts (rowid, person_id, notes) VALUES (new.id, new.person_id, new.notes);
END;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF person_id, notes ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, person_id, notes) VALUES ('delete', old.id, old.person_id, old.notes);
    INSERT INTO contacts_fts (rowid, person_id, notes) VALUES (new.id, new.person_id, new.notes);
END;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, person_id, notes) VALUES ('delete', old.id, old.person_id, old.notes);
END;

CREATE VIRTUAL TABLE appointments_fts USING fts5(person_id, notes, outcome_notes, content='appointments', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER appointments_fts_insert AFTER INSERT ON appointments BEGIN
    INSERT INTO appointments_fts (rowid, person_id, notes, outcome_notes) VALUES (new.id, new.person_id, new.notes, new.outcome_notes);
END;
CREATE TRIGGER appointments_fts_update AFTER UPDATE OF person_id, notes, outcome_notes ON appointments BEGIN
    INSERT INTO appointments_fts (appointments_fts, rowid, person_id, notes, outcome_notes)
    VALUES ('delete', old.id, old.person_id, old.notes, old.outcome_notes);
    INSERT INTO appointments_fts (rowid, person_id, notes, outcome_notes) VALUES (new.id, new.person_id, new.notes, new.outcome_notes);
END;
CREATE TRIGGER appointments_fts_delete AFTER DELETE ON appointments BEGIN
    INSERT INTO appointments_fts (appointments_fts, rowid, person_id, notes, outcome_notes)
    VALUES ('delete', old.id, old.person_id, old.notes, old.outcome_notes);
END;

CREATE VIRTUAL TABLE enforcement_fts USING fts5(person_id, reason, content='enforcement_actions', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER enforcement_fts_insert AFTER INSERT ON enforcement_actions BEGIN
    INSERT INTO enforcement_fts (rowid, person_id, reason) VALUES (new.id, new.person_id, new.reason);
END;
CREATE TRIGGER enforcement_fts_update AFTER UPDATE OF person_id, reason ON enforcement_actions BEGIN
    INSERT INTO enforcement_fts (enforcement_fts, rowid, person_id, reason) VALUES ('delete', old.id, old.person_id, old.reason);
    INSERT INTO enforcement_fts (rowid, person_id, reason) VALUES (new.id, new.person_id, new.reason);
END;
CREATE TRIGGER enforcement_fts_delete AFTER DELETE ON enforcement_actions BEGIN
    INSERT INTO enforcement_fts (enforcement_fts, rowid, person_id, reason) VALUES ('delete', old.id, old.person_id, old.reason);
END;

INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild');
INSERT INTO appointments_fts (appointments_fts) VALUES ('rebuild');
INSERT INTO enforcement_fts (enforcement_fts) VALUES ('rebuild');
