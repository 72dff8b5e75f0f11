#pragma once
// Sign-in failures and lockouts in storage, keyed by the username as typed (so an
// unknown username locks exactly like a real one) and by remote address. The
// decisions are access/sign_in_throttle's; this only counts and records.
#include <optional>
#include <string>
#include <vector>

#include "access/sign_in_throttle.hpp"
#include "db/database.hpp"

namespace onecase::access {

// Counts for decide_sign_in: failures for `username` since the later of the
// window's start and its counted_from; failures from `remote_address` in its window.
AttemptHistory load_attempt_history(db::Connection& conn, const std::string& username,
                                    const std::string& remote_address, const SignInThrottle& rule,
                                    platform::Instant now);

void record_sign_in_failure(db::Connection& conn, const std::string& username, const std::string& remote_address,
                            platform::Instant now);

// Locks `username` until `until`; failures before then no longer count once it ends.
void lock_username(db::Connection& conn, const std::string& username, platform::Instant until);

// Starts the count afresh and ends any lockout: after a successful sign-in, and when
// an administrator lifts a lockout.
void reset_username(db::Connection& conn, const std::string& username, platform::Instant now);

// Usernames locked at `now`, with when each lockout ends.
struct Lockout {
    std::string username;
    platform::Instant until;
};
std::vector<Lockout> current_lockouts(db::Connection& conn, platform::Instant now);

}  // namespace onecase::access
