-- Case-history search asks for one person's rows that match the words. With one index
-- over every row's words and another by person, the planner took the person's rows and
-- ran to_tsvector on each of them: 93 ms on a case with 5,000 contacts. btree_gin (a
-- trusted contrib extension shipped with Debian's postgresql-15, like pg_trgm) lets one
-- GIN index hold both the person and the words, so both conditions are answered from
-- the index. These replace the words-only indexes: a GIN index serves a condition on
-- any subset of its columns equally well, and history search is their only user.
-- Building the contacts index takes a national database about 11 minutes on two
-- cores, holding writes to contacts meanwhile: docs/operations.md says how to build it
-- beforehand with CREATE INDEX CONCURRENTLY under the same name, which this then keeps.
CREATE EXTENSION IF NOT EXISTS btree_gin;
SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX IF NOT EXISTS contacts_person_notes_fts ON contacts USING GIN (person_id, to_tsvector('english', notes));
DROP INDEX IF EXISTS contacts_notes_fts;
CREATE INDEX IF NOT EXISTS appointments_person_notes_fts ON appointments USING GIN (person_id, to_tsvector('english', notes));
DROP INDEX IF EXISTS appointments_notes_fts;
CREATE INDEX IF NOT EXISTS appointments_person_outcome_notes_fts
  ON appointments USING GIN (person_id, to_tsvector('english', coalesce(outcome_notes, '')));
DROP INDEX IF EXISTS appointments_outcome_notes_fts;
CREATE INDEX IF NOT EXISTS enforcement_actions_person_reason_fts ON enforcement_actions USING GIN (person_id, to_tsvector('english', reason));
DROP INDEX IF EXISTS enforcement_actions_reason_fts;
