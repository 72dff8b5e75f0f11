#pragma once
// When a sign-in attempt is refused before the password is even considered, and
// when a failure locks an account. Pure: decided from counts and times passed in;
// the counts come from access/sign_in_attempts. docs/security.md states the rule.
#include <chrono>
#include <optional>

#include "platform/clock.hpp"

namespace onecase::access {

// The numbers, with their defaults (serve options can change them).
struct SignInThrottle {
    // This many failures for one username within the window lock it...
    int account_failures = 5;
    std::chrono::seconds account_window{15 * 60};
    // ...for this long, or until an administrator lifts the lockout.
    std::chrono::seconds lockout{30 * 60};
    // This many failures from one remote address within its window make that
    // address wait until the oldest of them leaves the window.
    int address_failures = 20;
    std::chrono::seconds address_window{15 * 60};
};

// What storage knows about earlier attempts. Counts are of failures inside the
// relevant window only (for the account: since the later of the window's start and
// the last lift, success or lock).
struct AttemptHistory {
    int account_failures = 0;
    std::optional<platform::Instant> locked_until;
    int address_failures = 0;
    std::optional<platform::Instant> oldest_address_failure;  // within the window
};

enum class SignInVerdict { allowed, account_locked, address_throttled };

struct ThrottleDecision {
    SignInVerdict verdict = SignInVerdict::allowed;
    std::chrono::seconds retry_after{0};  // for address_throttled: how long to wait
};

// Whether an attempt may be judged on its password at all. An address that has
// failed too often waits first; then a locked username is refused whatever the
// password (and whether or not such a user exists).
ThrottleDecision decide_sign_in(const AttemptHistory& history, const SignInThrottle& rule, platform::Instant now);

// After a failed attempt, with `account_failures` counting it: the instant the
// lockout it starts ends, or nullopt when it does not lock the account.
std::optional<platform::Instant> lockout_after_failure(int account_failures, const SignInThrottle& rule,
                                                       platform::Instant now);

}  // namespace onecase::access
