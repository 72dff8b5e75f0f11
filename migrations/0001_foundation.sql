-- Organisation: region > PDU > team; offices belong to a PDU; staff to a team.
CREATE TABLE regions (
    id {{id}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE pdus (
    id {{id}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    region_id BIGINT NOT NULL REFERENCES regions(id)
);
CREATE INDEX pdus_region ON pdus(region_id);

CREATE TABLE teams (
    id {{id}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    pdu_id BIGINT NOT NULL REFERENCES pdus(id)
);
CREATE INDEX teams_pdu ON teams(pdu_id);

CREATE TABLE offices (
    id {{id}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    pdu_id BIGINT NOT NULL REFERENCES pdus(id),
    address TEXT NOT NULL DEFAULT ''
);

-- grade: PSO, PO, PQiP (trainee PO), SPO, HOPDU, CA (case administrator), VLO, ...
CREATE TABLE staff (
    id {{id}},
    code TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    grade TEXT NOT NULL,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    office_id BIGINT REFERENCES offices(id),
    email TEXT NOT NULL DEFAULT ''
);
CREATE INDEX staff_team ON staff(team_id);

-- People on probation. A person's case is held by one case manager (staff).
CREATE TABLE people (
    id {{id}},
    crn TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL,
    middle_names TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL,
    date_of_birth TEXT NOT NULL,
    gender TEXT NOT NULL,
    pnc TEXT,
    noms TEXT,
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    case_manager_staff_id BIGINT REFERENCES staff(id),
    tier TEXT,
    current_case INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX people_case_manager ON people(case_manager_staff_id);
CREATE INDEX people_last_name ON people(last_name);
CREATE INDEX people_pnc ON people(pnc);
CREATE INDEX people_noms ON people(noms);

-- Address history: at most one 'main' address is current (end_date NULL).
CREATE TABLE addresses (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people(id),
    status TEXT NOT NULL,
    line1 TEXT NOT NULL,
    line2 TEXT NOT NULL DEFAULT '',
    town TEXT NOT NULL,
    postcode TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT
);
CREATE INDEX addresses_person ON addresses(person_id);

-- An event is one conviction with its disposal (the sentence).
-- disposal_type: community_order, suspended_sentence_order, licence, pss, custody
CREATE TABLE events (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people(id),
    event_number BIGINT NOT NULL,
    offence TEXT NOT NULL,
    court TEXT NOT NULL,
    conviction_date TEXT NOT NULL,
    disposal_type TEXT NOT NULL,
    length_months BIGINT,
    start_date TEXT NOT NULL,
    end_date TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    UNIQUE (person_id, event_number)
);
CREATE INDEX events_person ON events(person_id);

-- category: unpaid_work (hours), rar (days), accredited_programme (sessions),
-- curfew (months), ... ; licence conditions use the same table with
-- category licence_standard / licence_additional.
CREATE TABLE requirements (
    id {{id}},
    event_id BIGINT NOT NULL REFERENCES events(id),
    category TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    length BIGINT,
    unit TEXT,
    start_date TEXT NOT NULL,
    end_date TEXT,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX requirements_event ON requirements(event_id);

-- Registrations (flags). The risk issue adds reference data and review rules.
CREATE TABLE registrations (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people(id),
    type_code TEXT NOT NULL,
    description TEXT NOT NULL,
    level TEXT,
    registered_on TEXT NOT NULL,
    review_due TEXT,
    deregistered_on TEXT
);
CREATE INDEX registrations_person ON registrations(person_id);

-- Everything that happened on a case. Never hard-deleted.
CREATE TABLE contacts (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people(id),
    event_id BIGINT REFERENCES events(id),
    type TEXT NOT NULL,
    contact_at TEXT NOT NULL,
    author_staff_id BIGINT REFERENCES staff(id),
    notes TEXT NOT NULL DEFAULT '',
    sensitive INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    created_by_user_id BIGINT,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX contacts_person_time ON contacts(person_id, contact_at);

-- Planned contacts. The contacts issue adds outcomes, moves and cancellations.
CREATE TABLE appointments (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people(id),
    type TEXT NOT NULL,
    start_at TEXT NOT NULL,
    duration_minutes BIGINT NOT NULL DEFAULT 30,
    location TEXT NOT NULL DEFAULT '',
    staff_id BIGINT REFERENCES staff(id),
    outcome TEXT,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX appointments_person_time ON appointments(person_id, start_at);
CREATE INDEX appointments_staff_time ON appointments(staff_id, start_at);

-- Sign-in. role: practitioner, spo, admin (the access issue adds more).
CREATE TABLE users (
    id {{id}},
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    staff_id BIGINT REFERENCES staff(id),
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

-- Server-side sessions so several servers share them and a restart keeps them.
-- The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id {{id}},
    user_id BIGINT NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT
);

-- Append-only record of who saw or changed what.
CREATE TABLE audit_log (
    id {{id}},
    at TEXT NOT NULL,
    user_id BIGINT,
    username TEXT NOT NULL DEFAULT '',
    remote_address TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    crn TEXT,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_crn ON audit_log(crn, at);
CREATE INDEX audit_log_user ON audit_log(user_id, at);
