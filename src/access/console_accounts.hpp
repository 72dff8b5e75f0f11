#pragma once
// Accounts made at the server's console (`onecase user create`, `onecase token
// create`): the same stores the pages use, with an audit row in the same transaction,
// as every other change. No onecase user is signed in, so the row names the operating
// system account that ran the command, as the remote address `console:<login>`.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "access/model.hpp"
#include "db/database.hpp"
#include "platform/clock.hpp"

namespace onecase::access {

struct ConsoleUser {
    std::string username;
    std::string password_hash;
    Role role = Role::practitioner;
    std::string staff_code;  // empty: not a member of staff
};

// Creates the user; throws std::invalid_argument for an unknown staff code and
// db::ConstraintViolation when the username is taken. Nothing is written then.
std::int64_t create_user_at_console(db::Database& db, const ConsoleUser& user, const std::string& operator_login,
                                    platform::Instant now);

// Creates a bearer token for `username` and returns it (shown once; never audited).
std::string create_token_at_console(db::Database& db, const std::string& username, const std::string& token_name,
                                    std::optional<platform::Instant> expires_at, const std::string& operator_login,
                                    platform::Instant now);

}  // namespace onecase::access
