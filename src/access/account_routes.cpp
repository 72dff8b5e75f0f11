// The account page: change your password, sign out everywhere, and see and revoke
// your API tokens; with their API twins. Every change is audited.
#include <boost/json.hpp>

#include <charconv>

#include "access/account_store.hpp"
#include "access/audit.hpp"
#include "access/password_policy.hpp"
#include "access/security_routes.hpp"
#include "access/sign_in_attempts.hpp"
#include "platform/crypto.hpp"

namespace onecase::access {

namespace json = boost::json;
using http::Request;
using http::Response;

namespace {

struct PasswordChange {
    std::string current;
    std::string replacement;
    std::optional<std::string> confirmation;  // the page asks twice; the API once
};

std::string display_instant(const std::optional<std::string>& iso) {
    if (!iso) return "";
    auto at = platform::parse_instant(*iso);
    return at ? platform::display_london(*at) : *iso;
}

// Checks and applies a password change; field errors otherwise. A wrong current
// password counts as a failed sign-in, so a left-open session cannot be used to
// guess it.
Result<bool> change_password(RouteDeps& deps, const Request& req, const Principal& who, const PasswordChange& in) {
    const auto now = deps.clock.now();
    auto [user, history] = db::read_transaction(deps.db, [&](db::Connection& c) {
        return std::pair(find_user(c, who.username),
                         load_attempt_history(c, who.username, req.remote_address, deps.sign_in_throttle, now));
    });
    if (!user) return Problem::not_found("Your account no longer exists.");
    if (decide_sign_in(history, deps.sign_in_throttle, now).verdict != SignInVerdict::allowed) {
        return Problem{429, "Too many attempts", "There have been too many wrong passwords. Try again later.", {}};
    }
    if (!platform::verify_password(in.current, user->password_hash)) {
        db::write_transaction(deps.db, [&](db::Connection& c) {
            record_sign_in_failure(c, who.username, req.remote_address, now);
            record_audit(c, now, &who, req.remote_address, AuditEntry{"password.change_failed", std::nullopt, ""});
            if (auto until = lockout_after_failure(history.account_failures + 1, deps.sign_in_throttle, now)) {
                lock_username(c, who.username, *until);
                record_audit(c, now, nullptr, req.remote_address,
                             AuditEntry{"sign_in.locked", std::nullopt,
                                        "username=" + who.username + " until=" + platform::format_instant(*until)});
            }
        });
        return Problem::invalid({{"currentPassword", "Your current password is not correct"}}, "Check your password");
    }
    std::vector<FieldError> errors;
    if (auto problem = password_problem(in.replacement, who.username, shipped_common_passwords())) {
        errors.push_back({"newPassword", *problem});
    } else if (in.confirmation && *in.confirmation != in.replacement) {
        errors.push_back({"confirmPassword", "The two new passwords do not match"});
    }
    if (platform::verify_password(in.replacement, user->password_hash)) {
        errors.push_back({"newPassword", "Your new password must be different from your current one"});
    }
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check your new password");
    const auto hash = platform::hash_password(in.replacement);
    // Other sessions end: whoever else knew the old password is signed out.
    const auto keep = req.cookie(kSessionCookie).value_or("");
    db::write_transaction(deps.db, [&](db::Connection& c) {
        set_password_hash(c, who.user_id, hash);
        const auto ended = who.via_token ? end_all_sessions(c, who.user_id, now)
                                         : end_other_sessions(c, who.user_id, keep, now);
        record_audit(c, now, &who, req.remote_address,
                     AuditEntry{"password.change", std::nullopt, "other_sessions_ended=" + std::to_string(ended)});
    });
    return true;
}

json::object password_view(const Principal& who, const std::vector<FieldError>& errors) {
    json::array list;
    json::object by_field;
    for (const auto& e : errors) {
        list.push_back(json::object{{"message", e.message}, {"href", "#" + e.field}});
        if (!by_field.contains(e.field)) by_field[e.field] = e.message;
    }
    return json::object{{"csrf", who.csrf_token},
                        {"errors", std::move(list)},
                        {"error", std::move(by_field)},
                        {"hasErrors", !errors.empty()},
                        {"minLength", kPasswordMinCodePoints}};
}

json::object token_json(const TokenSummary& t, platform::Instant now) {
    bool expired = false;
    if (t.expires_at) {
        auto at = platform::parse_instant(*t.expires_at);
        expired = at && now >= *at;
    }
    const char* state = t.revoked_at ? "revoked" : expired ? "expired" : "active";
    return json::object{{"id", t.id},
                        {"name", t.name},
                        {"createdAt", t.created_at},
                        {"expiresAt", t.expires_at ? json::value(*t.expires_at) : json::value(nullptr)},
                        {"revokedAt", t.revoked_at ? json::value(*t.revoked_at) : json::value(nullptr)},
                        {"state", state}};
}

std::optional<std::int64_t> token_id(const Request& req) {
    const auto& text = req.path_params.at("id");
    std::int64_t n = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || p != text.data() + text.size() || n < 1) return std::nullopt;
    return n;
}

bool revoke(RouteDeps& deps, const Request& req, const Principal& who, std::int64_t id) {
    const auto now = deps.clock.now();
    return db::write_transaction(deps.db, [&](db::Connection& c) {
        // The token's label and state, never its secret (only a hash is stored anyway).
        auto token_fields = [&] {
            AuditSnapshot s;
            for (const auto& t : list_api_tokens(c, who.user_id)) {
                if (t.id == id) s.set("name", t.name).set("revoked_at", t.revoked_at);
            }
            return s;
        };
        const auto before = token_fields();
        if (!revoke_api_token(c, who.user_id, id, now)) return false;
        record_audit(c, now, &who, req.remote_address,
                     AuditEntry{"token.revoke", std::nullopt,
                                "token=" + std::to_string(id) + " name=" + before.get("name").value_or(""),
                                diff_fields(before, token_fields())});
        return true;
    });
}

std::int64_t sign_out_everywhere(RouteDeps& deps, const Request& req, const Principal& who) {
    const auto now = deps.clock.now();
    return db::write_transaction(deps.db, [&](db::Connection& c) {
        const auto ended = end_all_sessions(c, who.user_id, now);
        record_audit(c, now, &who, req.remote_address,
                     AuditEntry{"sign_out.everywhere", std::nullopt, "sessions_ended=" + std::to_string(ended)});
        return ended;
    });
}

Response no_content() { return Response{204, {}, ""}; }

}  // namespace

void register_account_routes(http::Router& router, const Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/account", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const auto now = deps.clock.now();
        auto tokens = db::read_transaction(deps.db, [&](db::Connection& c) { return list_api_tokens(c, who.user_id); });
        json::array list;
        for (const auto& t : tokens) {
            auto o = token_json(t, now);
            o["createdDisplay"] = display_instant(t.created_at);
            o["expiresDisplay"] = t.expires_at ? display_instant(t.expires_at) : "Never";
            o["active"] = o["state"] == "active";
            list.push_back(std::move(o));
        }
        json::object view{{"csrf", who.csrf_token},
                          {"username", who.username},
                          {"role", role_name(who.role)},
                          {"tokens", std::move(list)},
                          {"hasTokens", !tokens.empty()}};
        if (req.query_param("changed") == "password") view["notice"] = "Your password has been changed. Your other sessions have been signed out.";
        if (req.query_param("revoked")) view["notice"] = "The token has been revoked. It no longer works.";
        return guard.render(req, &who, "account", view, "Your account");
    }));

    router.add("GET", "/account/password", guard.page([&guard](Request& req, const Principal& who) {
        return guard.render(req, &who, "account_password", password_view(who, {}), "Change your password");
    }));

    router.add("POST", "/account/password", guard.page([&guard, &deps](Request& req, const Principal& who) {
        auto changed = change_password(
            deps, req, who,
            PasswordChange{req.form_value("currentPassword"), req.form_value("newPassword"), req.form_value("confirmPassword")});
        if (changed) return Response::redirect("/account?changed=password");
        const auto& p = changed.problem();
        if (p.status == 422) {
            return guard.render(req, &who, "account_password", password_view(who, p.errors), "Change your password", 422);
        }
        return guard.problem(req, &who, p);
    }));

    router.add("POST", "/api/v1/account/password", guard.api([&deps](Request& req, const Principal& who) {
        boost::system::error_code ec;
        auto body = json::parse(req.body, ec);
        if (ec || !body.is_object()) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        const auto& o = body.get_object();
        auto str = [&](const char* name) {
            auto* v = o.if_contains(name);
            return v && v->is_string() ? std::string(v->get_string()) : std::string{};
        };
        auto changed = change_password(deps, req, who, PasswordChange{str("currentPassword"), str("newPassword"), std::nullopt});
        if (!changed) return Response::problem(changed.problem());
        return no_content();
    }));

    router.add("POST", "/account/sign-out-everywhere", guard.page([&deps](Request& req, const Principal& who) {
        sign_out_everywhere(deps, req, who);
        auto r = Response::redirect("/sign-in");
        r.header("Set-Cookie", std::string(kSessionCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        return r;
    }));

    router.add("POST", "/api/v1/account/sign-out-everywhere", guard.api([&deps](Request& req, const Principal& who) {
        const auto ended = sign_out_everywhere(deps, req, who);
        return Response::json(json::serialize(json::object{{"sessionsEnded", ended}}));
    }));

    router.add("POST", "/account/tokens/{id}/revoke", guard.page([&guard, &deps](Request& req, const Principal& who) {
        auto id = token_id(req);
        if (!id || !revoke(deps, req, who, *id)) {
            return guard.problem(req, &who, Problem::not_found("You have no active token with that number."));
        }
        return Response::redirect("/account?revoked=" + std::to_string(*id));
    }));

    router.add("GET", "/api/v1/tokens", guard.api([&deps](Request&, const Principal& who) {
        const auto now = deps.clock.now();
        auto tokens = db::read_transaction(deps.db, [&](db::Connection& c) { return list_api_tokens(c, who.user_id); });
        json::array list;
        for (const auto& t : tokens) list.push_back(token_json(t, now));
        return Response::json(json::serialize(json::object{{"tokens", std::move(list)}}));
    }));

    router.add("DELETE", "/api/v1/tokens/{id}", guard.api([&deps](Request& req, const Principal& who) {
        auto id = token_id(req);
        if (!id || !revoke(deps, req, who, *id)) {
            return Response::problem(Problem::not_found("You have no active token with that id."));
        }
        return no_content();
    }));
}

}  // namespace onecase::access
