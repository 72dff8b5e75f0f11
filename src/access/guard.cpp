#include "access/guard.hpp"

#include <boost/json.hpp>

#include "drafts/store.hpp"
#include "platform/crypto.hpp"

namespace onecase::access {

void audit_view(const RouteDeps& deps, const http::Request& req, const Principal& who, std::string action,
                std::optional<std::string> crn, std::string detail) {
    AuditEntry entry{std::move(action), std::move(crn), std::move(detail)};
    // A GET's answer waits for the row rather than its thread. Any other request may go
    // on to write, which must not happen when its row could not be kept.
    if (req.method != "GET" && req.method != "HEAD") {
        deps.views.record(deps.clock.now(), &who, req.remote_address, entry);
        return;
    }
    if (auto hold = deps.views.record_before_answer(deps.clock.now(), &who, req.remote_address, entry)) {
        req.hold_answer_until(std::move(hold));
    }
}

namespace json = boost::json;

std::optional<Principal> Guard::authenticate(const http::Request& req) const {
    const auto now = deps_.clock.now();
    if (auto auth = req.header("authorization")) {
        if (auth->rfind("Bearer ", 0) == 0) {
            auto conn = deps_.db.acquire();
            return principal_for_api_token(*conn, auth->substr(7), now);
        }
        return std::nullopt;
    }
    if (auto token = req.cookie(kSessionCookie)) {
        if (token->empty()) return std::nullopt;
        auto conn = deps_.db.acquire();
        return resume_session(*conn, *token, now, deps_.sessions);
    }
    return std::nullopt;
}

namespace {

// Only same-site paths, so a kept form cannot send anyone elsewhere after sign-in.
bool is_local_path(const std::string& target) {
    return !target.empty() && target[0] == '/' && target.rfind("//", 0) != 0 &&
           target.find('\\') == std::string::npos;
}

}  // namespace

std::optional<std::string> Guard::keep_form_of_ended_session(const http::Request& req) const {
    const auto token = req.cookie(kSessionCookie);
    const std::string key = req.form_value("draftKey");
    const std::string back = req.form_value("draftReturnTo");
    if (!token || token->empty() || !drafts::is_valid_form_key(key) || !is_local_path(back)) return std::nullopt;
    drafts::DraftFields typed;
    for (const auto& [name, value] : req.form()) typed.emplace(name, value);
    auto fields = drafts::validate_fields(std::move(typed));
    if (!fields) return std::nullopt;
    return db::write_transaction(deps_.db, [&](db::Connection& conn) -> std::optional<std::string> {
        auto owner = session_owner(conn, *token);
        // The form must come from that session's own page, not from another site.
        if (!owner || !platform::constant_time_equal(req.form_value("csrf"), owner->csrf_token)) return std::nullopt;
        const auto crn = req.form_value("draftCrn");
        drafts::save_draft(conn, owner->user_id,
                           drafts::Draft{key, crn.empty() ? std::nullopt : std::optional(crn), std::move(*fields),
                                         platform::format_instant(deps_.clock.now()), true});
        return back;
    });
}

http::Handler Guard::page(AuthedHandler handler) const {
    return [this, handler](http::Request& req) {
        auto who = authenticate(req);
        if (!who) {
            if (req.method == "GET" || req.method == "HEAD") {
                return http::Response::redirect("/sign-in?returnTo=" + http::url_encode(req.target));
            }
            // Nothing typed is lost to a timeout: the form is kept as a draft and the
            // user comes back to it, filled in, once signed in again.
            if (auto back = keep_form_of_ended_session(req)) {
                return http::Response::redirect("/sign-in?kept=1&returnTo=" + http::url_encode(*back));
            }
            return problem(req, nullptr,
                           Problem{401, "Your session has ended", "Sign in again to continue.", {}});
        }
        if (req.method != "GET" && req.method != "HEAD") {
            if (who->via_token ||
                !platform::constant_time_equal(req.form_value("csrf"), who->csrf_token)) {
                return problem(req, &*who,
                               Problem{403, "This form has expired",
                                       "Go back, reload the page and try again.", {}});
            }
        }
        auto response = handler(req, *who);
        if (req.method == "POST" && response.status == 303) forget_saved_draft(req, *who, response);
        return response;
    };
}

void Guard::forget_saved_draft(const http::Request& req, const Principal& who, http::Response& response) const {
    const std::string key = req.form_value("draftKey");
    if (!drafts::is_valid_form_key(key)) return;
    db::write_transaction(deps_.db, [&](db::Connection& conn) { return drafts::discard_draft(conn, who.user_id, key); });
    for (const auto& [name, value] : response.headers) {
        if (name == "Set-Cookie" && value.rfind("onecase_saved_drafts=", 0) == 0) return;
    }
    response.header("Set-Cookie", "onecase_saved_drafts=" + http::url_encode(key) + "; Path=/; Max-Age=600; SameSite=Lax");
}

http::Handler Guard::api(AuthedHandler handler) const {
    return [this, handler](http::Request& req) {
        auto who = authenticate(req);
        if (!who) {
            auto r = http::Response::problem(
                Problem{401, "Authentication required",
                        "Send a bearer token (onecase token create) or sign in.", {}});
            r.header("WWW-Authenticate", "Bearer");
            return r;
        }
        const bool unsafe = req.method != "GET" && req.method != "HEAD";
        if (unsafe && !who->via_token &&
            !platform::constant_time_equal(req.header("x-csrf-token").value_or(""), who->csrf_token)) {
            return http::Response::problem(
                Problem{403, "Missing CSRF token", "Send the X-CSRF-Token header.", {}});
        }
        return handler(req, *who);
    };
}

json::object Guard::layout(const Principal* who, const std::string& title,
                           const http::Request& req) const {
    json::object o;
    o["title"] = title;
    o["serviceName"] = "onecase";
    o["signedIn"] = who != nullptr;
    // Only the people search page echoes its query into the header box (a case's
    // history search uses q for its own words).
    o["searchQuery"] = req.path == "/search" ? req.query_param("q").value_or("") : std::string();
    if (who) {
        o["user"] = json::object{{"displayName", who->display_name()},
                                 {"username", who->username},
                                 {"role", role_name(who->role)},
                                 {"isSpo", who->role == Role::spo},
                                 {"isAuditor", who->role == Role::auditor}};
        // Header links: an SPO's own team's compliance; the admin's policy pages.
        if (who->role == Role::spo && who->staff)
            o["user"].as_object()["teamComplianceUrl"] = "/teams/" + who->staff->team_code + "/compliance";
        o["user"].as_object()["isAdmin"] = who->role == Role::admin;
        o["csrf"] = who->csrf_token;
    }
    return o;
}

http::Response Guard::render(const http::Request& req, const Principal* who, const std::string& page,
                             const json::value& view, const std::string& title, int status) const {
    auto frame = layout(who, title, req);
    // Every page about a case carries the case's high-signal flags at the top, so a
    // risk is never out of sight while working on it. The route rendering it has
    // already authorised the case; the case page shows every flag itself.
    const auto* person = view.is_object() ? view.as_object().if_contains("person") : nullptr;
    const auto* crn = person && person->is_object() ? person->as_object().if_contains("crn") : nullptr;
    if (who && page != "case" && crn && crn->is_string()) {
        json::array flags;
        auto conn = deps_.db.acquire();
        for (const auto& r : conn->query("SELECT g.description, g.level FROM registrations g JOIN people p ON p.id = g.person_id "
                                         "JOIN register_types t ON t.code = g.type_code "
                                         "WHERE p.crn = ? AND g.deregistered_on IS NULL AND t.high_signal = 1 "
                                         "ORDER BY g.registered_on DESC",
                                         {std::string(crn->as_string())})) {
            flags.push_back(json::object{{"description", r.text(0)}, {"level", r.opt_text(1).value_or("")}});
        }
        if (!flags.empty()) {
            frame["caseFlags"] = std::move(flags);
            frame["caseFlagsCrn"] = crn->as_string();
        }
    }
    return http::Response::html(deps_.templates.render_page(page, view, frame), status);
}

http::Response Guard::problem(const http::Request& req, const Principal* who, const Problem& p) const {
    if (req.wants_json()) return http::Response::problem(p);
    json::object view{{"status", p.status}, {"title", p.title}, {"message", p.detail}};
    return render(req, who, "error", view, p.title, p.status);
}

std::string Guard::session_cookie(const std::string& token, const http::Request& req) const {
    std::string c = std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Lax";
    if (req.tls) c += "; Secure";
    return c;
}

}  // namespace onecase::access
