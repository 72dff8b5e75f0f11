#pragma once
// The one gate every route passes: finds who is asking (session cookie or bearer
// token), refuses the unauthenticated, checks CSRF on state-changing page requests,
// and renders pages inside the layout for that user.
#include <boost/json/object.hpp>

#include <functional>
#include <optional>
#include <string>

#include "access/model.hpp"
#include "access/sign_in_throttle.hpp"
#include "access/users_store.hpp"
#include "access/view_audit.hpp"
#include "db/database.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "http/router.hpp"
#include "http/templates.hpp"
#include "platform/clock.hpp"

namespace onecase::access {

inline constexpr const char* kSessionCookie = "onecase_session";
inline constexpr const char* kSignInCookie = "onecase_signin";

// What route handlers receive from main: explicit dependencies, no globals.
struct RouteDeps {
    db::Database& db;
    const platform::Clock& clock;
    const http::Templates& templates;
    SessionPolicy sessions;
    // Read-only reporting routes read here: a streaming replica when one is
    // configured (--db-replica), otherwise the same database as `db`.
    db::Database& reporting_db;
    // Failed sign-ins that lock a username or make an address wait.
    SignInThrottle sign_in_throttle;
    // Where rows for views and refusals go (view_audit.hpp).
    ViewAudit& views;
};

// Audits an event that changes nothing (a view, a search, a refusal) through
// deps.views: on disk before it returns, or, for a GET, before its answer is sent.
void audit_view(const RouteDeps& deps, const http::Request& req, const Principal& who, std::string action,
                std::optional<std::string> crn, std::string detail = "");

using AuthedHandler = std::function<http::Response(http::Request&, const Principal&)>;

class Guard {
public:
    explicit Guard(RouteDeps& deps) : deps_(deps) {}

    // A page: unauthenticated GETs are sent to sign in and brought back; POSTs must
    // carry the session's CSRF token in the `csrf` field.
    http::Handler page(AuthedHandler handler) const;

    // An API route: bearer token or session cookie; 401 problem+json otherwise.
    // Cookie-authenticated unsafe methods need the CSRF token in X-CSRF-Token.
    http::Handler api(AuthedHandler handler) const;

    std::optional<Principal> authenticate(const http::Request& req) const;

    // The layout's view model for this user.
    boost::json::object layout(const Principal* who, const std::string& title,
                               const http::Request& req) const;

    http::Response render(const http::Request& req, const Principal* who, const std::string& page,
                          const boost::json::value& view, const std::string& title,
                          int status = 200) const;

    // A problem as a page (for browsers) or problem+json (for the API).
    http::Response problem(const http::Request& req, const Principal* who, const Problem& p) const;

    std::string session_cookie(const std::string& token, const http::Request& req) const;

    RouteDeps& deps() const { return deps_; }

private:
    // For a form posted after its session ended: keeps what was typed as that user's
    // draft and returns the page to go back to; nullopt when it cannot be kept.
    std::optional<std::string> keep_form_of_ended_session(const http::Request& req) const;

    // After a form saved its record (303 after POST): its draft goes, here and in
    // the browser. Routes that save and discard in one transaction have done the
    // first half already; this covers every other form that carries a draftKey.
    void forget_saved_draft(const http::Request& req, const Principal& who, http::Response& response) const;

    RouteDeps& deps_;
};

// Registers /sign-in and /sign-out.
void register_sign_in_routes(http::Router& router, const Guard& guard);

}  // namespace onecase::access
