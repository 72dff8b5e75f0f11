-- SQLite search indexes: FTS5 with the trigram tokenizer over names (external
-- content: person_names holds the text) and porter/unicode61 over case history.
-- Triggers keep both in the same transaction as every write, whoever writes.
CREATE VIRTUAL TABLE person_names_fts USING fts5(search_text, content='person_names', content_rowid='id', tokenize='trigram');
CREATE TRIGGER person_names_fts_insert AFTER INSERT ON person_names BEGIN
    INSERT INTO person_names_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER person_names_fts_delete AFTER DELETE ON person_names BEGIN
    INSERT INTO person_names_fts (person_names_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER person_names_fts_update AFTER UPDATE OF search_text ON person_names BEGIN
    INSERT INTO person_names_fts (person_names_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO person_names_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
INSERT INTO person_names_fts (person_names_fts) VALUES ('rebuild');

-- Case history: one row per searchable text. rowid = source id * 4 + source code
-- (0 contact notes, 1 appointment notes, 2 appointment outcome notes, 3 enforcement
-- action reason). person_key ('p' || person_id) is indexed so a search is limited to
-- one case inside the full-text index itself.
CREATE VIRTUAL TABLE history_fts USING fts5(
    person_key, body,
    person_id UNINDEXED, source UNINDEXED, source_id UNINDEXED, type UNINDEXED, at UNINDEXED, sensitive UNINDEXED,
    tokenize='porter unicode61');

CREATE TRIGGER contacts_history_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO history_fts (rowid, person_key, body, person_id, source, source_id, type, at, sensitive)
    VALUES (new.id * 4, 'p' || new.person_id, new.notes, new.person_id, 'contact', new.id, new.type, new.contact_at, new.sensitive);
END;
CREATE TRIGGER contacts_history_update AFTER UPDATE OF notes, type, contact_at, sensitive, person_id ON contacts BEGIN
    DELETE FROM history_fts WHERE rowid = old.id * 4;
    INSERT INTO history_fts (rowid, person_key, body, person_id, source, source_id, type, at, sensitive)
    VALUES (new.id * 4, 'p' || new.person_id, new.notes, new.person_id, 'contact', new.id, new.type, new.contact_at, new.sensitive);
END;

CREATE TRIGGER appointments_history_insert AFTER INSERT ON appointments BEGIN
    INSERT INTO history_fts (rowid, person_key, body, person_id, source, source_id, type, at, sensitive)
    VALUES (new.id * 4 + 1, 'p' || new.person_id, new.notes, new.person_id, 'appointment', new.id, new.type, new.start_at, 0);
    INSERT INTO history_fts (rowid, person_key, body, person_id, source, source_id, type, at, sensitive)
    VALUES (new.id * 4 + 2, 'p' || new.person_id, coalesce(new.outcome_notes, ''), new.person_id, 'outcome', new.id, new.type, new.start_at, 0);
END;
CREATE TRIGGER appointments_history_update AFTER UPDATE OF notes, outcome_notes, type, start_at, person_id ON appointments BEGIN
    DELETE FROM history_fts WHERE rowid IN (old.id * 4 + 1, old.id * 4 + 2);
    INSERT INTO history_fts (rowid, person_key, body, person_id, source, source_id, type, at, sensitive)
    VALUES (new.id * 4 + 1, 'p' || new.person_id, new.notes, new.person_id, 'appointment', new.id, new.type, new.start_at, 0);
    INSERT INTO history_fts (rowid, person_key, body, person_id, source, source_id, type, at, sensitive)
    VALUES (new.id * 4 + 2, 'p' || new.person_id, coalesce(new.outcome_notes, ''), new.person_id, 'outcome', new.id, new.type, new.start_at, 0);
END;

CREATE TRIGGER enforcement_actions_history_insert AFTER INSERT ON enforcement_actions BEGIN
    INSERT INTO history_fts (rowid, person_key, body, person_id, source, source_id, type, at, sensitive)
    VALUES (new.id * 4 + 3, 'p' || new.person_id, new.reason, new.person_id, 'enforcement', new.id, new.kind, new.action_date, 0);
END;
CREATE TRIGGER enforcement_actions_history_update AFTER UPDATE OF reason, kind, action_date, person_id ON enforcement_actions BEGIN
    DELETE FROM history_fts WHERE rowid = old.id * 4 + 3;
    INSERT INTO history_fts (rowid, person_key, body, person_id, source, source_id, type, at, sensitive)
    VALUES (new.id * 4 + 3, 'p' || new.person_id, new.reason, new.person_id, 'enforcement', new.id, new.kind, new.action_date, 0);
END;

INSERT INTO history_fts (rowid, person_key, body, person_id, source, source_id, type, at, sensitive)
SELECT id * 4, 'p' || person_id, notes, person_id, 'contact', id, type, contact_at, sensitive FROM contacts;
INSERT INTO history_fts (rowid, person_key, body, person_id, source, source_id, type, at, sensitive)
SELECT id * 4 + 1, 'p' || person_id, notes, person_id, 'appointment', id, type, start_at, 0 FROM appointments;
INSERT INTO history_fts (rowid, person_key, body, person_id, source, source_id, type, at, sensitive)
SELECT id * 4 + 2, 'p' || person_id, coalesce(outcome_notes, ''), person_id, 'outcome', id, type, start_at, 0 FROM appointments;
INSERT INTO history_fts (rowid, person_key, body, person_id, source, source_id, type, at, sensitive)
SELECT id * 4 + 3, 'p' || person_id, reason, person_id, 'enforcement', id, kind, action_date, 0 FROM enforcement_actions;
