-- Issue 4: appointments with outcomes, enforcement, national-standards policy and
-- drafts. One migration for the shared shape so the parts built on it agree.

-- An appointment is booked against a person and, where it is part of one, an order
-- (event) and a requirement or licence condition. Moving it changes start_at and
-- bumps version; cancelling keeps the row with the reason. Its outcome is recorded
-- once (a correction is a new version), and writes a contact so the history shows
-- what happened.
ALTER TABLE appointments ADD COLUMN event_id BIGINT REFERENCES events(id);
ALTER TABLE appointments ADD COLUMN requirement_id BIGINT REFERENCES requirements(id);
ALTER TABLE appointments ADD COLUMN office_id BIGINT REFERENCES offices(id);
ALTER TABLE appointments ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE appointments ADD COLUMN cancelled_at TEXT;
ALTER TABLE appointments ADD COLUMN cancel_reason TEXT;
-- outcome: attended_complied | attended_failed_to_comply | failed_to_attend | rescheduled
-- (the demo's older rows say failed_to_attend_acceptable / _unacceptable; migration
-- 0003 rewrites them below).
ALTER TABLE appointments ADD COLUMN outcome_acceptable INTEGER;
ALTER TABLE appointments ADD COLUMN outcome_notes TEXT;
ALTER TABLE appointments ADD COLUMN outcome_recorded_at TEXT;
ALTER TABLE appointments ADD COLUMN outcome_recorded_by_user_id BIGINT;
ALTER TABLE appointments ADD COLUMN outcome_contact_id BIGINT REFERENCES contacts(id);
ALTER TABLE appointments ADD COLUMN rescheduled_to_id BIGINT REFERENCES appointments(id);
ALTER TABLE appointments ADD COLUMN created_at TEXT;
ALTER TABLE appointments ADD COLUMN created_by_user_id BIGINT;
ALTER TABLE appointments ADD COLUMN updated_at TEXT;

UPDATE appointments SET outcome = 'failed_to_attend', outcome_acceptable = 1
 WHERE outcome = 'failed_to_attend_acceptable';
UPDATE appointments SET outcome = 'failed_to_attend', outcome_acceptable = 0
 WHERE outcome = 'failed_to_attend_unacceptable';
UPDATE appointments SET outcome_acceptable = 1 WHERE outcome = 'attended_complied';
UPDATE appointments SET outcome_acceptable = 0 WHERE outcome = 'attended_failed_to_comply';

-- A practitioner's diary: their appointments in a time range.
CREATE INDEX appointments_staff_start ON appointments (staff_id, start_at);

-- A contact may count towards a requirement (RAR days) and may be the record of an
-- appointment's outcome.
ALTER TABLE contacts ADD COLUMN requirement_id BIGINT REFERENCES requirements(id);
ALTER TABLE contacts ADD COLUMN appointment_id BIGINT REFERENCES appointments(id);
CREATE INDEX contacts_requirement ON contacts (requirement_id);

-- Enforcement actions taken on an order: warning (dated by its letter),
-- breach_started, breach_resolved, decided_not_to_breach (with the reason).
-- Withdrawing keeps the row.
CREATE TABLE enforcement_actions (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people(id),
    event_id BIGINT NOT NULL REFERENCES events(id),
    kind TEXT NOT NULL,
    action_date TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    appointment_id BIGINT REFERENCES appointments(id),
    withdrawn_at TEXT,
    withdrawn_reason TEXT,
    created_at TEXT NOT NULL,
    created_by_user_id BIGINT,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX enforcement_actions_event ON enforcement_actions (event_id);
CREATE INDEX enforcement_actions_person ON enforcement_actions (person_id);

-- What the enforcement rules proposed after an unacceptable failure (warning,
-- breach_due, recall_consideration), open until someone acts on it: resolved_by
-- points at the action taken, or resolution says why nothing was.
CREATE TABLE enforcement_proposals (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people(id),
    event_id BIGINT NOT NULL REFERENCES events(id),
    appointment_id BIGINT REFERENCES appointments(id),
    proposal TEXT NOT NULL,
    reason TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    resolved_at TEXT,
    resolved_by_user_id BIGINT,
    resolved_by_action_id BIGINT REFERENCES enforcement_actions(id),
    resolution TEXT,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX enforcement_proposals_person ON enforcement_proposals (person_id);
CREATE INDEX enforcement_proposals_open ON enforcement_proposals (proposal, resolved_at);

-- Versioned rule settings that admins edit: 'national_standards' and 'enforcement'.
-- A new version is a new row with a later effective_from; old rows never change.
-- settings is JSON; a policy with no rows uses the defaults in code.
CREATE TABLE policy_versions (
    id {{id}},
    policy TEXT NOT NULL,
    version BIGINT NOT NULL,
    effective_from TEXT NOT NULL,
    settings TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by_user_id BIGINT,
    UNIQUE (policy, version)
);

-- What a user has typed into a form and not yet saved, per user and per form
-- (form_key names the form and the record, e.g. 'contact-new:X123456').
-- fields is a JSON object of field name to text. Removed when the record is saved.
CREATE TABLE drafts (
    id {{id}},
    user_id BIGINT NOT NULL REFERENCES users(id),
    form_key TEXT NOT NULL,
    crn TEXT,
    fields TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    -- set when the draft was kept from a form posted after the session expired,
    -- so the form can say so when it is reopened
    from_expired_session INTEGER NOT NULL DEFAULT 0,
    UNIQUE (user_id, form_key)
);
