-- Restricted and excluded cases. A case with any live 'restriction' row may be opened
-- only by the staff listed; a live 'exclusion' row keeps that staff member out of the
-- case whatever else they could see. Rows are ended (removed_at), never deleted, so
-- who could see a case when stays answerable.
CREATE TABLE case_access_lists (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people(id),
    staff_id BIGINT NOT NULL REFERENCES staff(id),
    kind TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    added_by_user_id BIGINT,
    removed_at TEXT,
    removed_by_user_id BIGINT
);
CREATE INDEX case_access_lists_person ON case_access_lists (person_id);
