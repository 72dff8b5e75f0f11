#pragma once
#include <gtest/gtest.h>

// Shared by the integration tests: databases on both engines, a running server,
// and a small blocking HTTP client. Every suite runs on SQLite AND PostgreSQL.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/app.hpp"
#include "db/database.hpp"
#include "http/server.hpp"
#include "platform/clock.hpp"

namespace onecase::testing {

// The engines every integration test runs on.
std::vector<std::string> backends();

// {"postgres"} when PostgreSQL is among backends(), else empty: for scenarios only
// PostgreSQL has (a server that goes away, session settings). Such suites are
// instantiated on PostgreSQL alone rather than skipped on SQLite.
std::vector<std::string> postgres_only();

// A fresh, empty database on `backend` named `name`: a new SQLite file in a temp
// directory, or a PostgreSQL database recreated on the test cluster given by
// ONECASE_TEST_PG (fails the test run if unset, unless ONECASE_TEST_SQLITE_ONLY=1).
std::string fresh_database_url(const std::string& backend, const std::string& name);

// Runs the onecase command line with `args` and returns its exit status (-1 if it
// could not be run or did not exit).
int run_onecase(std::vector<std::string> args);

// As run_onecase, with what the command printed on its standard output.
struct CommandResult {
    int status = -1;
    std::string output;
};
CommandResult run_onecase_capturing(std::vector<std::string> args);

struct HttpResult {
    int status = 0;
    std::multimap<std::string, std::string> headers;  // lower-case names
    std::string body;
    std::optional<std::string> header(const std::string& name) const;
};

// One request over a new connection to 127.0.0.1:port, over TLS when `tls`. Throws if
// it cannot connect (or complete a TLS handshake) or no HTTP response comes back.
HttpResult http_request(std::uint16_t port, const std::string& method, const std::string& target,
                        const std::map<std::string, std::string>& headers = {},
                        const std::string& body = "", bool tls = false);

// A browser-like session: keeps cookies between requests.
class Browser {
public:
    explicit Browser(std::uint16_t port, bool tls = false) : port_(port), tls_(tls) {}
    HttpResult get(const std::string& target);
    HttpResult post_form(const std::string& target, const std::map<std::string, std::string>& fields);
    // Signs in through the sign-in page; returns the final response.
    HttpResult sign_in(const std::string& username, const std::string& password);
    std::string csrf_from(const std::string& html) const;
    std::string cookie_header() const;

private:
    void remember(const HttpResult& r);
    std::uint16_t port_;
    bool tls_;
    std::map<std::string, std::string> cookies_;
};

// A migrated database loaded with the small demo service and an in-process server
// on a free loopback port.
class RunningService {
public:
    // With `replica_name`, a second database (other demo data) serves as the
    // reporting replica, so a test can tell which one a route read. `server_options`
    // (e.g. a TLS certificate) apply except the port and thread count.
    RunningService(const std::string& backend, const std::string& name,
                   const std::optional<std::string>& replica_name = std::nullopt,
                   http::ServerOptions server_options = {});
    ~RunningService();

    std::uint16_t port() const { return port_; }
    // Views audited so far are moved from the journal into audit_log first, so a test
    // reads the trail as an auditor would.
    db::Database& database() {
        app_->settle_audit();
        return *db_;
    }
    db::Database* replica() { return replica_.get(); }
    const std::string& url() const { return url_; }
    const app::Application& application() const { return *app_; }
    // A bearer token for a demo user.
    std::string token_for(const std::string& username);

private:
    std::string url_;
    std::unique_ptr<db::Database> db_;
    std::unique_ptr<db::Database> replica_;
    platform::SystemClock clock_;
    std::unique_ptr<app::Application> app_;
    std::unique_ptr<http::Server> server_;
    std::thread thread_;
    std::uint16_t port_ = 0;
};

std::string json_body(const std::map<std::string, std::string>& strings);

// A suite parameterised by engine whose tests share one service per engine, loaded
// once (the demo data takes a moment on PostgreSQL) and stopped when the suite ends.
class SharedServiceTest : public ::testing::TestWithParam<std::string> {
protected:
    static void TearDownTestSuite() { services().clear(); }
    // The service for this test's engine, on a database called `name`.
    RunningService& shared_service(const std::string& name) {
        auto& s = services()[GetParam() + "/" + name];
        if (!s) s = std::make_unique<RunningService>(GetParam(), name);
        return *s;
    }

private:
    static std::map<std::string, std::unique_ptr<RunningService>>& services() {
        static std::map<std::string, std::unique_ptr<RunningService>> s;
        return s;
    }
};

}  // namespace onecase::testing
