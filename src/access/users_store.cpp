#include "access/users_store.hpp"

#include <algorithm>

#include "platform/crypto.hpp"

namespace onecase::access {

std::optional<StoredUser> find_user(db::Connection& conn, const std::string& username) {
    auto rows = conn.query(
        "SELECT id, username, password_hash, role, staff_id, active FROM users WHERE username = ?",
        {username});
    if (rows.empty()) return std::nullopt;
    const auto& r = rows[0];
    auto role = parse_role(r.text(3));
    if (!role) return std::nullopt;
    return StoredUser{r.int64(0), r.text(1), r.text(2), *role, r.opt_int64(4), r.boolean(5)};
}

std::int64_t create_user(db::Connection& conn, const std::string& username,
                         const std::string& password_hash, Role role,
                         std::optional<std::int64_t> staff_id, platform::Instant now) {
    auto rows = conn.query(
        "INSERT INTO users (username, password_hash, role, staff_id, active, created_at) "
        "VALUES (?, ?, ?, ?, 1, ?) RETURNING id",
        {username, password_hash, role_name(role), db::optional_value(staff_id),
         platform::format_instant(now)});
    return rows.at(0).int64(0);
}

std::optional<StaffScope> load_staff_scope(db::Connection& conn, std::int64_t staff_id) {
    auto rows = conn.query(
        "SELECT s.id, s.code, s.first_name, s.last_name, t.id, t.code, t.name, p.id, p.region_id "
        "FROM staff s JOIN teams t ON t.id = s.team_id JOIN pdus p ON p.id = t.pdu_id "
        "WHERE s.id = ?",
        {staff_id});
    if (rows.empty()) return std::nullopt;
    const auto& r = rows[0];
    return StaffScope{r.int64(0), r.text(1), r.text(2) + " " + r.text(3), r.int64(4),
                      r.text(5),  r.text(6), r.int64(7), r.int64(8)};
}

std::vector<StaffScope> load_staff_scopes(db::Connection& conn, const std::vector<std::int64_t>& staff_ids) {
    std::vector<StaffScope> out;
    for (std::size_t start = 0; start < staff_ids.size(); start += 512) {
        const std::size_t n = std::min(staff_ids.size() - start, std::size_t{512});
        std::string marks;
        db::Params params;
        for (std::size_t i = 0; i < n; ++i) {
            marks += i ? ", ?" : "?";
            params.emplace_back(staff_ids[start + i]);
        }
        auto rows = conn.query(
            "SELECT s.id, s.code, s.first_name, s.last_name, t.id, t.code, t.name, p.id, p.region_id "
            "FROM staff s JOIN teams t ON t.id = s.team_id JOIN pdus p ON p.id = t.pdu_id WHERE s.id IN (" + marks + ")",
            params);
        for (const auto& r : rows) {
            out.push_back(StaffScope{r.int64(0), r.text(1), r.text(2) + " " + r.text(3), r.int64(4), r.text(5), r.text(6),
                                     r.int64(7), r.int64(8)});
        }
    }
    return out;
}

NewSession create_session(db::Connection& conn, std::int64_t user_id, platform::Instant now) {
    NewSession s{platform::random_token(), platform::random_token(24)};
    const auto at = platform::format_instant(now);
    conn.execute(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) "
        "VALUES (?, ?, ?, ?, ?)",
        {platform::sha256_hex(s.token), user_id, s.csrf_token, at, at});
    return s;
}

namespace {

// A principal is read with whatever authenticated it, in one statement: the user and
// their staff scope join onto the token or session row (`a`). Three statements per
// request before, each a round trip on PostgreSQL.
constexpr const char* kPrincipalColumns =
    "u.id, u.username, u.role, u.active, s.id, s.code, s.first_name, s.last_name, t.id, t.code, t.name, p.id, p.region_id";
constexpr const char* kPrincipalJoins =
    " JOIN users u ON u.id = a.user_id LEFT JOIN staff s ON s.id = u.staff_id"
    " LEFT JOIN teams t ON t.id = s.team_id LEFT JOIN pdus p ON p.id = t.pdu_id";

// The principal from kPrincipalColumns, starting at column `c`; none for an inactive
// user or an unknown role.
std::optional<Principal> principal_from(const db::Row& r, std::size_t c) {
    if (!r.boolean(c + 3)) return std::nullopt;
    auto role = parse_role(r.text(c + 2));
    if (!role) return std::nullopt;
    Principal p;
    p.user_id = r.int64(c);
    p.username = r.text(c + 1);
    p.role = *role;
    if (!r.is_null(c + 4) && !r.is_null(c + 8) && !r.is_null(c + 11)) {
        p.staff = StaffScope{r.int64(c + 4), r.text(c + 5), r.text(c + 6) + " " + r.text(c + 7), r.int64(c + 8),
                             r.text(c + 9),  r.text(c + 10), r.int64(c + 11), r.int64(c + 12)};
    }
    return p;
}

}  // namespace

std::optional<Principal> resume_session(db::Connection& conn, const std::string& token,
                                        platform::Instant now, const SessionPolicy& policy) {
    const auto hash = platform::sha256_hex(token);
    auto rows = conn.query(std::string("SELECT a.csrf_token, a.created_at, a.last_seen_at, a.ended_at, ") + kPrincipalColumns +
                               " FROM sessions a" + kPrincipalJoins + " WHERE a.token_hash = ?",
                           {hash});
    if (rows.empty() || !rows[0].is_null(3)) return std::nullopt;
    const auto created = platform::parse_instant(rows[0].text(1));
    const auto last_seen = platform::parse_instant(rows[0].text(2));
    if (!created || !last_seen) return std::nullopt;
    if (now - *last_seen > policy.idle_timeout || now - *created > policy.absolute_timeout) {
        return std::nullopt;
    }
    auto p = principal_from(rows[0], 4);
    if (!p) return std::nullopt;
    p->csrf_token = rows[0].text(0);
    // Refreshed at most once a minute (a write per request would cost the disk), and
    // often enough that a short timeout still measures idleness.
    const auto refresh_after = std::min<std::chrono::seconds>(std::chrono::seconds(60), policy.idle_timeout / 4);
    if (now - *last_seen >= refresh_after) {
        conn.execute("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?",
                     {platform::format_instant(now), hash});
    }
    return p;
}

void end_session(db::Connection& conn, const std::string& token, platform::Instant now) {
    conn.execute("UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL",
                 {platform::format_instant(now), platform::sha256_hex(token)});
}

std::optional<SessionOwner> session_owner(db::Connection& conn, const std::string& token) {
    auto rows = conn.query("SELECT s.user_id, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id "
                           "WHERE s.token_hash = ? AND u.active = 1",
                           {platform::sha256_hex(token)});
    if (rows.empty()) return std::nullopt;
    return SessionOwner{rows[0].int64(0), rows[0].text(1)};
}

std::string create_api_token(db::Connection& conn, std::int64_t user_id, const std::string& name,
                             platform::Instant now, std::optional<platform::Instant> expires_at) {
    const std::string token = "oc_" + platform::random_token();
    conn.execute(
        "INSERT INTO api_tokens (user_id, token_hash, name, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?)",
        {user_id, platform::sha256_hex(token), name, platform::format_instant(now),
         expires_at ? db::Value{platform::format_instant(*expires_at)} : db::Value{db::null}});
    return token;
}

std::optional<Principal> principal_for_api_token(db::Connection& conn, const std::string& token,
                                                 platform::Instant now) {
    auto rows = conn.query(std::string("SELECT a.expires_at, a.revoked_at, ") + kPrincipalColumns + " FROM api_tokens a" +
                               kPrincipalJoins + " WHERE a.token_hash = ?",
                           {platform::sha256_hex(token)});
    if (rows.empty() || !rows[0].is_null(1)) return std::nullopt;
    if (auto expires = rows[0].opt_text(0)) {
        auto at = platform::parse_instant(*expires);
        if (!at || now >= *at) return std::nullopt;
    }
    auto p = principal_from(rows[0], 2);
    if (p) p->via_token = true;
    return p;
}

}  // namespace onecase::access
