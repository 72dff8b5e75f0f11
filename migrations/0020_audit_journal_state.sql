-- Issue 9: views are audited through a journal beside a SQLite file, moved into
-- audit_log a segment at a time (src/access/audit_journal.hpp). The number of the last
-- segment moved is committed with its rows, so a segment found again after a crash is
-- known to be in audit_log already. PostgreSQL writes views directly and leaves it 0.
CREATE TABLE audit_journal_state (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    last_imported_segment BIGINT NOT NULL
);
INSERT INTO audit_journal_state (id, last_imported_segment) VALUES (1, 0);
