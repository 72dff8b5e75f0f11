#include "access/account_store.hpp"

#include "platform/crypto.hpp"

namespace onecase::access {

std::int64_t end_all_sessions(db::Connection& conn, std::int64_t user_id, platform::Instant now) {
    return conn.execute("UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL",
                        {platform::format_instant(now), user_id});
}

std::int64_t end_other_sessions(db::Connection& conn, std::int64_t user_id, const std::string& keep_token,
                                platform::Instant now) {
    return conn.execute(
        "UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL AND token_hash <> ?",
        {platform::format_instant(now), user_id, platform::sha256_hex(keep_token)});
}

void set_password_hash(db::Connection& conn, std::int64_t user_id, const std::string& password_hash) {
    conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", {password_hash, user_id});
}

std::vector<TokenSummary> list_api_tokens(db::Connection& conn, std::int64_t user_id) {
    std::vector<TokenSummary> out;
    for (const auto& r : conn.query("SELECT id, name, created_at, expires_at, revoked_at FROM api_tokens "
                                    "WHERE user_id = ? ORDER BY id DESC",
                                    {user_id})) {
        out.push_back({r.int64(0), r.text(1), r.text(2), r.opt_text(3), r.opt_text(4)});
    }
    return out;
}

bool revoke_api_token(db::Connection& conn, std::int64_t user_id, std::int64_t token_id, platform::Instant now) {
    return conn.execute("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                        {platform::format_instant(now), token_id, user_id}) > 0;
}

std::vector<UserSummary> list_users(db::Connection& conn) {
    std::vector<UserSummary> out;
    for (const auto& r : conn.query("SELECT u.username, u.role, u.active, s.first_name, s.last_name FROM users u "
                                    "LEFT JOIN staff s ON s.id = u.staff_id ORDER BY u.username")) {
        out.push_back({r.text(0), r.text(1), r.boolean(2),
                       r.is_null(3) ? std::string{} : r.text(3) + " " + r.text(4)});
    }
    return out;
}

}  // namespace onecase::access
