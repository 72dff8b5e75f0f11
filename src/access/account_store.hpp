#pragma once
// What a signed-in user manages about their own account, and what an administrator
// sees of everyone's: passwords, sessions and API tokens in storage.
#include <optional>
#include <string>
#include <vector>

#include "access/model.hpp"
#include "db/database.hpp"
#include "platform/clock.hpp"

namespace onecase::access {

// Ends every live session of the user; returns how many were ended.
std::int64_t end_all_sessions(db::Connection& conn, std::int64_t user_id, platform::Instant now);

// Ends every live session of the user except the one with `keep_token` (the
// session changing the password stays signed in).
std::int64_t end_other_sessions(db::Connection& conn, std::int64_t user_id, const std::string& keep_token,
                                platform::Instant now);

void set_password_hash(db::Connection& conn, std::int64_t user_id, const std::string& password_hash);

struct TokenSummary {
    std::int64_t id = 0;
    std::string name;
    std::string created_at;
    std::optional<std::string> expires_at;
    std::optional<std::string> revoked_at;
};

// The user's tokens, newest first. Tokens themselves are never stored, so never shown.
std::vector<TokenSummary> list_api_tokens(db::Connection& conn, std::int64_t user_id);

// Revokes one of the user's own tokens. False when the user has no live token with
// that id (another user's id is treated as unknown).
bool revoke_api_token(db::Connection& conn, std::int64_t user_id, std::int64_t token_id, platform::Instant now);

struct UserSummary {
    std::string username;
    std::string role;
    bool active = true;
    std::string display_name;  // the staff member's name, or empty
};
std::vector<UserSummary> list_users(db::Connection& conn);

}  // namespace onecase::access
