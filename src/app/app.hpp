#pragma once
// Wires the modules into one HTTP application: static files, health checks and
// every module's routes. Built once in main; no globals.
#include <exception>
#include <memory>
#include <optional>
#include <string>

#include "access/guard.hpp"
#include "db/database.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "http/templates.hpp"
#include "platform/clock.hpp"

namespace onecase::app {

struct AppConfig {
    std::string web_root;           // holds templates/ and static/
    std::string node_modules;       // GOV.UK and MoJ Frontend packages
    access::SessionPolicy sessions;
    access::SignInThrottle sign_in_throttle{};
    // Where views are journalled before they reach audit_log (access/audit_journal.hpp);
    // without it each view is its own write to the database.
    std::optional<std::string> audit_journal = std::nullopt;
};

// The journal for a SQLite database: a directory beside its file. PostgreSQL has none:
// its readers keep their caches when others commit, so views are written directly.
std::optional<std::string> audit_journal_beside(const db::Database& db);

class Application {
public:
    // `replica`, when given, serves read-only reporting routes only.
    Application(db::Database& db, const platform::Clock& clock, AppConfig config,
                db::Database* replica = nullptr);

    http::Response handle(http::Request& req);
    // The answer for a request that failed with `failure`: 503 or 507 for the storage's
    // failures (db::Unavailable), 500 otherwise. The server's HoldFailed.
    http::Response answer_failure(const http::Request& req, std::exception_ptr failure) const;
    // Returns once every view audited so far is in audit_log.
    void settle_audit() { views_->settle(); }
    const http::Router& router() const { return router_; }

private:
    http::Response dispatch(http::Request& req);
    http::Response unavailable(const http::Request& req, const Problem& p) const;

    AppConfig config_;
    http::Templates templates_;
    std::unique_ptr<access::ViewAudit> views_;
    access::RouteDeps deps_;
    access::Guard guard_;
    http::StaticFiles static_files_;
    http::Router router_;
};

// Finds web/ and node_modules/ next to the binary's source tree or the current
// directory, for when no --web-root is given.
std::string default_web_root();
std::string default_node_modules(const std::string& web_root);

}  // namespace onecase::app
