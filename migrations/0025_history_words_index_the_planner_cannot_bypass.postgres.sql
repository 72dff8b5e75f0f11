-- Case-history search asks for one case's rows whose text holds the words. The indexes
-- of migration 0021 hold the person and the words, but the btree indexes keyed by
-- person answer the person's half too, and the planner chose them whenever it thought a
-- case's rows few or a word common: it then ran to_tsvector on every row of the case
-- (20 microseconds each, priced by the planner at a fraction of a page read). On the
-- national set, after a load whose statistics put 346 contacts in a case rather than
-- 17, every search of the case with 5,000 contacts took 95-120 ms that way against 2.4
-- ms through the index; which plan a database got depended on its sample. Keyed by
-- `person_id + 0`, an expression no other index has, these are the only indexes that
-- can find a case's rows by their words, so the plan no longer depends on estimates
-- (src/search/history_store.cpp writes the condition the same way).
-- Building the contacts index takes a national database about 11 minutes on two
-- cores, holding writes to contacts meanwhile: docs/operations.md says how to build it
-- beforehand with CREATE INDEX CONCURRENTLY under the same name, which this then keeps.
SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX IF NOT EXISTS contacts_case_notes_fts ON contacts USING GIN ((person_id + 0), to_tsvector('english', notes));
DROP INDEX IF EXISTS contacts_person_notes_fts;
CREATE INDEX IF NOT EXISTS appointments_case_notes_fts ON appointments USING GIN ((person_id + 0), to_tsvector('english', notes));
DROP INDEX IF EXISTS appointments_person_notes_fts;
CREATE INDEX IF NOT EXISTS appointments_case_outcome_notes_fts
  ON appointments USING GIN ((person_id + 0), to_tsvector('english', coalesce(outcome_notes, '')));
DROP INDEX IF EXISTS appointments_person_outcome_notes_fts;
CREATE INDEX IF NOT EXISTS enforcement_actions_case_reason_fts ON enforcement_actions USING GIN ((person_id + 0), to_tsvector('english', reason));
DROP INDEX IF EXISTS enforcement_actions_person_reason_fts;
