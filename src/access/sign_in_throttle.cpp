#include "access/sign_in_throttle.hpp"

namespace onecase::access {

ThrottleDecision decide_sign_in(const AttemptHistory& history, const SignInThrottle& rule, platform::Instant now) {
    if (history.address_failures >= rule.address_failures) {
        auto wait = std::chrono::seconds(60);
        if (history.oldest_address_failure) {
            wait = std::max(std::chrono::seconds(1), *history.oldest_address_failure + rule.address_window - now);
        }
        return {SignInVerdict::address_throttled, wait};
    }
    if (history.locked_until && now < *history.locked_until) return {SignInVerdict::account_locked, {}};
    return {SignInVerdict::allowed, {}};
}

std::optional<platform::Instant> lockout_after_failure(int account_failures, const SignInThrottle& rule,
                                                       platform::Instant now) {
    if (account_failures >= rule.account_failures) return now + rule.lockout;
    return std::nullopt;
}

}  // namespace onecase::access
