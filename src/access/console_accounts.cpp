#include "access/console_accounts.hpp"

#include <stdexcept>

#include "access/audit.hpp"
#include "access/users_store.hpp"

namespace onecase::access {
namespace {

std::string console_address(const std::string& operator_login) {
    return "console:" + (operator_login.empty() ? std::string("unknown") : operator_login);
}

}  // namespace

std::int64_t create_user_at_console(db::Database& db, const ConsoleUser& user, const std::string& operator_login,
                                    platform::Instant now) {
    return db::write_transaction(db, [&](db::Connection& conn) {
        std::optional<std::int64_t> staff_id;
        if (!user.staff_code.empty()) {
            auto rows = conn.query("SELECT id FROM staff WHERE code = ?", {user.staff_code});
            if (rows.empty()) throw std::invalid_argument("no staff member " + user.staff_code);
            staff_id = rows[0].int64(0);
        }
        const auto id = create_user(conn, user.username, user.password_hash, user.role, staff_id, now);
        AuditSnapshot created;
        created.set("username", user.username).set("role", role_name(user.role));
        created.set("staff", user.staff_code.empty() ? std::nullopt : std::optional(user.staff_code));
        record_audit(conn, now, nullptr, console_address(operator_login),
                     AuditEntry{"user.create", std::nullopt, "username=" + user.username, created_fields(created)});
        return id;
    });
}

std::string create_token_at_console(db::Database& db, const std::string& username, const std::string& token_name,
                                    std::optional<platform::Instant> expires_at, const std::string& operator_login,
                                    platform::Instant now) {
    return db::write_transaction(db, [&](db::Connection& conn) {
        auto user = find_user(conn, username);
        if (!user) throw std::invalid_argument("no user " + username);
        auto token = create_api_token(conn, user->id, token_name, now, expires_at);
        AuditSnapshot created;
        created.set("name", token_name);
        created.set("expires_at", expires_at ? std::optional(platform::format_instant(*expires_at)) : std::nullopt);
        record_audit(conn, now, nullptr, console_address(operator_login),
                     AuditEntry{"token.create", std::nullopt, "username=" + username + " name=" + token_name,
                                created_fields(created)});
        return token;
    });
}

}  // namespace onecase::access
