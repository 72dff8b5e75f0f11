#include "access/sign_in_attempts.hpp"

namespace onecase::access {

AttemptHistory load_attempt_history(db::Connection& conn, const std::string& username,
                                    const std::string& remote_address, const SignInThrottle& rule,
                                    platform::Instant now) {
    AttemptHistory h;
    std::string account_from = platform::format_instant(now - rule.account_window);
    auto state = conn.query("SELECT counted_from, locked_until FROM sign_in_accounts WHERE username = ?", {username});
    if (!state.empty()) {
        if (state[0].text(0) > account_from) account_from = state[0].text(0);
        if (auto until = state[0].opt_text(1)) h.locked_until = platform::parse_instant(*until);
    }
    h.account_failures = static_cast<int>(
        conn.query("SELECT COUNT(*) FROM sign_in_failures WHERE username = ? AND at > ?", {username, account_from})
            .at(0)
            .int64(0));
    auto address = conn.query("SELECT COUNT(*), MIN(at) FROM sign_in_failures WHERE remote_address = ? AND at > ?",
                              {remote_address, platform::format_instant(now - rule.address_window)});
    h.address_failures = static_cast<int>(address.at(0).int64(0));
    if (auto oldest = address.at(0).opt_text(1)) h.oldest_address_failure = platform::parse_instant(*oldest);
    return h;
}

void record_sign_in_failure(db::Connection& conn, const std::string& username, const std::string& remote_address,
                            platform::Instant now) {
    conn.execute("INSERT INTO sign_in_failures (at, username, remote_address) VALUES (?, ?, ?)",
                 {platform::format_instant(now), username, remote_address});
}

void lock_username(db::Connection& conn, const std::string& username, platform::Instant until) {
    const auto at = platform::format_instant(until);
    conn.execute(
        "INSERT INTO sign_in_accounts (username, counted_from, locked_until) VALUES (?, ?, ?) "
        "ON CONFLICT (username) DO UPDATE SET counted_from = excluded.counted_from, locked_until = excluded.locked_until",
        {username, at, at});
}

void reset_username(db::Connection& conn, const std::string& username, platform::Instant now) {
    conn.execute(
        "INSERT INTO sign_in_accounts (username, counted_from, locked_until) VALUES (?, ?, NULL) "
        "ON CONFLICT (username) DO UPDATE SET counted_from = excluded.counted_from, locked_until = NULL",
        {username, platform::format_instant(now)});
}

std::vector<Lockout> current_lockouts(db::Connection& conn, platform::Instant now) {
    std::vector<Lockout> out;
    for (const auto& r : conn.query("SELECT username, locked_until FROM sign_in_accounts WHERE locked_until > ? "
                                    "ORDER BY username",
                                    {platform::format_instant(now)})) {
        if (auto until = platform::parse_instant(r.text(1))) out.push_back({r.text(0), *until});
    }
    return out;
}

}  // namespace onecase::access
