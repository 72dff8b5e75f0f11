#include "access/guard.hpp"

#include <boost/json.hpp>

#include "platform/crypto.hpp"

namespace onecase::access {

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

http::Handler Guard::page(AuthedHandler handler) const {
    return [this, handler](http::Request& req) {
        auto who = authenticate(req);
        if (!who) {
            if (req.method == "GET" || req.method == "HEAD") {
                return http::Response::redirect("/sign-in?returnTo=" + http::url_encode(req.target));
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
        return handler(req, *who);
    };
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
    o["searchQuery"] = req.query_param("q").value_or("");
    if (who) {
        o["user"] = json::object{{"displayName", who->display_name()},
                                 {"username", who->username},
                                 {"role", role_name(who->role)}};
        o["csrf"] = who->csrf_token;
    }
    return o;
}

http::Response Guard::render(const http::Request& req, const Principal* who, const std::string& page,
                             const json::value& view, const std::string& title, int status) const {
    return http::Response::html(deps_.templates.render_page(page, view, layout(who, title, req)), status);
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
