#pragma once
// Users, sessions and API tokens in storage. Tokens (session cookies and bearer
// tokens) are random; only their SHA-256 is stored.
#include <optional>
#include <vector>
#include <string>

#include "access/model.hpp"
#include "db/database.hpp"
#include "platform/clock.hpp"

namespace onecase::access {

struct StoredUser {
    std::int64_t id = 0;
    std::string username;
    std::string password_hash;
    Role role = Role::practitioner;
    std::optional<std::int64_t> staff_id;
    bool active = true;
};

std::optional<StoredUser> find_user(db::Connection& conn, const std::string& username);

// Creates a user; throws db::ConstraintViolation if the username is taken.
std::int64_t create_user(db::Connection& conn, const std::string& username,
                         const std::string& password_hash, Role role,
                         std::optional<std::int64_t> staff_id, platform::Instant now);

std::optional<StaffScope> load_staff_scope(db::Connection& conn, std::int64_t staff_id);

// The scopes of many staff at once (search lists many cases): one statement per 512 ids.
std::vector<StaffScope> load_staff_scopes(db::Connection& conn, const std::vector<std::int64_t>& staff_ids);

// Starts a session; returns the cookie token.
struct NewSession {
    std::string token;
    std::string csrf_token;
};
NewSession create_session(db::Connection& conn, std::int64_t user_id, platform::Instant now);

struct SessionPolicy {
    std::chrono::seconds idle_timeout{30 * 60};
    std::chrono::seconds absolute_timeout{12 * 60 * 60};
};

// The principal for a live session token, refreshing its last-seen time (at most
// once a minute, to spare the disk a write per request). Nullopt when unknown,
// ended or timed out.
std::optional<Principal> resume_session(db::Connection& conn, const std::string& token,
                                        platform::Instant now, const SessionPolicy& policy);
void end_session(db::Connection& conn, const std::string& token, platform::Instant now);

// Whose session a token was, whether or not it is still live: a form posted after
// the session ended is kept for that user when it carries the session's CSRF token.
struct SessionOwner {
    std::int64_t user_id = 0;
    std::string csrf_token;
};
std::optional<SessionOwner> session_owner(db::Connection& conn, const std::string& token);

// Creates a bearer token for a user; returns the token (shown once).
std::string create_api_token(db::Connection& conn, std::int64_t user_id, const std::string& name,
                             platform::Instant now, std::optional<platform::Instant> expires_at);
std::optional<Principal> principal_for_api_token(db::Connection& conn, const std::string& token,
                                                 platform::Instant now);

}  // namespace onecase::access
