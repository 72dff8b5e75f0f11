-- PostgreSQL search indexes: pg_trgm (a trusted contrib extension, shipped with
-- Debian's postgresql-15) over names, and full-text expression indexes over case
-- history. Expression indexes are maintained by every write, in its transaction.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX person_names_trgm ON person_names USING GIN (search_text gin_trgm_ops);
CREATE INDEX contacts_notes_fts ON contacts USING GIN (to_tsvector('english', notes));
CREATE INDEX appointments_notes_fts ON appointments USING GIN (to_tsvector('english', notes));
CREATE INDEX appointments_outcome_notes_fts ON appointments USING GIN (to_tsvector('english', coalesce(outcome_notes, '')));
CREATE INDEX enforcement_actions_reason_fts ON enforcement_actions USING GIN (to_tsvector('english', reason));
