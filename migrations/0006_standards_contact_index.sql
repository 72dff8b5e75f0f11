-- National standards read, for each case, the latest contact of a few types
-- (office visit, home visit, initial assessment, sentence plan review). This index
-- makes each of those one short backward walk instead of a scan of the person's
-- whole history (hundreds of contacts a case at national scale).
CREATE INDEX contacts_person_type_time ON contacts (person_id, type, contact_at);
