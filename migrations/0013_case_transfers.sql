-- Transfers of a case to another team's or PDU's allocation queue (docs/workload.md).
-- The sending side keeps the case (and its case manager) until the receiving side
-- allocates it: the transfer is then 'accepted' and names the allocation that
-- completed it. 'withdrawn' by the sending side or 'declined' by the receiving side
-- returns the case to the sending team. At most one transfer of a case is pending.
CREATE TABLE case_transfers (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people(id),
    from_team_id BIGINT NOT NULL REFERENCES teams(id),
    to_team_id BIGINT NOT NULL REFERENCES teams(id),
    from_staff_id BIGINT REFERENCES staff(id),
    reason TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    requested_by_user_id BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    closed_at TEXT,
    closed_by_user_id BIGINT,
    close_reason TEXT NOT NULL DEFAULT '',
    allocation_id BIGINT REFERENCES allocations(id)
);
CREATE INDEX case_transfers_person ON case_transfers (person_id, id);
CREATE INDEX case_transfers_pending ON case_transfers (to_team_id, status);

-- The transfer an allocation completed (NULL for allocations within the team).
ALTER TABLE allocations ADD COLUMN transfer_id BIGINT REFERENCES case_transfers(id);
