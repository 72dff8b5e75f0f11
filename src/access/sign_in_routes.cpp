#include <boost/json.hpp>

#include "access/audit.hpp"
#include "access/guard.hpp"
#include "access/sign_in_attempts.hpp"
#include "platform/crypto.hpp"

namespace onecase::access {

namespace json = boost::json;

namespace {

// The same words whether or not the username exists.
constexpr const char* kLockedMessage =
    "There have been too many attempts to sign in. Try again later, or ask your administrator to let you in.";

// Only same-site paths, so the sign-in page cannot be used to send people elsewhere.
std::string safe_return_to(const std::string& target) {
    if (target.empty() || target[0] != '/' || target.rfind("//", 0) == 0 ||
        target.find('\\') != std::string::npos || target.rfind("/sign-in", 0) == 0) {
        return "/caseload";
    }
    return target;
}

http::Response sign_in_page(const Guard& guard, const http::Request& req, const std::string& error,
                            const std::string& username, int status) {
    std::string pre = req.cookie(kSignInCookie).value_or("");
    const bool fresh = pre.size() < 20;
    if (fresh) pre = platform::random_token(24);
    json::object view{{"username", username},
                      {"returnTo", safe_return_to(req.query_param("returnTo").value_or(
                                       req.form_value("returnTo")))},
                      {"csrf", pre}};
    if (!error.empty()) view["error"] = error;
    if (req.query_param("kept").value_or(req.form_value("kept")) == "1") view["kept"] = true;
    auto r = guard.render(req, nullptr, "sign_in", view, "Sign in", status);
    if (fresh) {
        r.header("Set-Cookie", std::string(kSignInCookie) + "=" + pre +
                                   "; Path=/sign-in; HttpOnly; SameSite=Strict" +
                                   (req.tls ? "; Secure" : ""));
    }
    return r;
}

}  // namespace

void register_sign_in_routes(http::Router& router, const Guard& guard) {
    router.add("GET", "/sign-in", [&guard](http::Request& req) {
        return sign_in_page(guard, req, "", "", 200);
    });

    router.add("POST", "/sign-in", [&guard](http::Request& req) {
        auto& deps = guard.deps();
        const auto now = deps.clock.now();
        const std::string username = req.form_value("username");
        const std::string password = req.form_value("password");
        const auto pre = req.cookie(kSignInCookie).value_or("");
        if (pre.empty() || !platform::constant_time_equal(pre, req.form_value("csrf"))) {
            return sign_in_page(guard, req, "Your sign-in page had expired. Enter your details again.",
                                username, 400);
        }
        const auto& rule = deps.sign_in_throttle;
        auto conn = deps.db.acquire();
        const auto history = load_attempt_history(*conn, username, req.remote_address, rule, now);
        const auto decision = decide_sign_in(history, rule, now);
        if (decision.verdict == SignInVerdict::address_throttled) {
            record_audit(*conn, now, nullptr, req.remote_address,
                         AuditEntry{"sign_in.throttled", std::nullopt, "username=" + username});
            const auto minutes = (decision.retry_after.count() + 59) / 60;
            auto r = sign_in_page(guard, req,
                                  "There have been too many failed sign-ins from your network. Wait " +
                                      std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes") +
                                      ", then try again.",
                                  username, 429);
            r.header("Retry-After", std::to_string(decision.retry_after.count()));
            return r;
        }
        auto user = find_user(*conn, username);
        // Verify against a real hash even for unknown users, and even for a locked
        // username, so neither the answer nor its timing reveals which usernames exist.
        static const std::string kDummyHash = platform::hash_password("onecase-no-such-user");
        const bool ok = platform::verify_password(password, user ? user->password_hash : kDummyHash) &&
                        user && user->active;
        if (!ok || decision.verdict == SignInVerdict::account_locked) {
            // Every refusal counts against the address; failures while locked do not
            // extend the lockout (lock_username starts the count at its end).
            conn->begin_write();
            bool locked = decision.verdict == SignInVerdict::account_locked;
            try {
                record_sign_in_failure(*conn, username, req.remote_address, now);
                record_audit(*conn, now, nullptr, req.remote_address,
                             AuditEntry{locked ? "sign_in.refused_locked" : "sign_in.failed", std::nullopt,
                                        "username=" + username});
                if (!locked) {
                    if (auto until = lockout_after_failure(history.account_failures + 1, rule, now)) {
                        lock_username(*conn, username, *until);
                        record_audit(*conn, now, nullptr, req.remote_address,
                                     AuditEntry{"sign_in.locked", std::nullopt,
                                                "username=" + username + " until=" + platform::format_instant(*until)});
                        locked = true;
                    }
                }
                conn->commit();
            } catch (...) {
                conn->rollback();
                throw;
            }
            if (locked) return sign_in_page(guard, req, kLockedMessage, username, 429);
            return sign_in_page(guard, req, "Enter a correct username and password", username, 401);
        }
        conn->begin_write();
        NewSession session;
        try {
            reset_username(*conn, username, now);
            session = create_session(*conn, user->id, now);
            Principal p{user->id, user->username, user->role, std::nullopt, "", false};
            record_audit(*conn, now, &p, req.remote_address, AuditEntry{"sign_in", std::nullopt, ""});
            conn->commit();
        } catch (...) {
            conn->rollback();
            throw;
        }
        auto target = safe_return_to(req.form_value("returnTo"));
        // Auditors have no caseload: their work starts at the audit log.
        if (user->role == Role::auditor && target == "/caseload") target = "/audit";
        auto r = http::Response::redirect(target);
        r.header("Set-Cookie", guard.session_cookie(session.token, req));
        r.header("Set-Cookie", std::string(kSignInCookie) + "=; Path=/sign-in; Max-Age=0");
        return r;
    });

    router.add("POST", "/sign-out", guard.page([&guard](http::Request& req, const Principal& who) {
        auto& deps = guard.deps();
        const auto now = deps.clock.now();
        auto conn = deps.db.acquire();
        conn->begin_write();
        try {
            end_session(*conn, req.cookie(kSessionCookie).value_or(""), now);
            record_audit(*conn, now, &who, req.remote_address, AuditEntry{"sign_out", std::nullopt, ""});
            conn->commit();
        } catch (...) {
            conn->rollback();
            throw;
        }
        auto r = http::Response::redirect("/sign-in");
        r.header("Set-Cookie", std::string(kSessionCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        return r;
    }));
}

}  // namespace onecase::access
