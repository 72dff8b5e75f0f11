-- Every earlier version of an edited contact, so a correction never loses what was
-- recorded before. A row holds the contact as it was before the edit numbered
-- `version + 1`, and who replaced it when.
CREATE TABLE contact_versions (
    id {{id}},
    contact_id BIGINT NOT NULL REFERENCES contacts(id),
    version BIGINT NOT NULL,
    type TEXT NOT NULL,
    contact_at TEXT NOT NULL,
    notes TEXT NOT NULL,
    sensitive INTEGER NOT NULL,
    replaced_at TEXT NOT NULL,
    replaced_by_user_id BIGINT,
    UNIQUE (contact_id, version)
);
