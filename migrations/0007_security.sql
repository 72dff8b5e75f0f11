-- Issue 8 (security): the audit log queried by case, user and time over millions
-- of rows, and sign-in throttling. The append-only triggers are in the
-- dialect files beside this one.

-- Keyset pagination walks these newest first (ORDER BY id DESC) without a sort.
CREATE INDEX audit_log_crn_id ON audit_log(crn, id);
CREATE INDEX audit_log_username_id ON audit_log(username, id);
CREATE INDEX audit_log_at ON audit_log(at);

-- Every refused sign-in attempt, by the username typed (whether or not such a user
-- exists, so a lockout says nothing about which usernames do) and by address.
CREATE TABLE sign_in_failures (
    id {{id}},
    at TEXT NOT NULL,
    username TEXT NOT NULL,
    remote_address TEXT NOT NULL
);
CREATE INDEX sign_in_failures_username ON sign_in_failures(username, at);
CREATE INDEX sign_in_failures_address ON sign_in_failures(remote_address, at);

-- Per username typed: failures count only after counted_from (set by a successful
-- sign-in, by a lockout to its end, and by an administrator lifting it);
-- locked_until is set while a lockout lasts.
CREATE TABLE sign_in_accounts (
    username TEXT PRIMARY KEY,
    counted_from TEXT NOT NULL,
    locked_until TEXT
);
