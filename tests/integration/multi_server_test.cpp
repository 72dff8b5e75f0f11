// Several onecase servers on one database stay correct: migrations run once even
// when servers start together, and what one server writes or signs in, another sees
// at once (no in-process cache to go stale).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <thread>

#include "db/migrations.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;

// Another server process's view of an existing database: its own pool, app and port.
class SecondServer {
public:
    explicit SecondServer(const std::string& url)
        : db_(db::open_database(url)),
          app_(*db_, clock_, app::AppConfig{std::string(ONECASE_SOURCE_DIR) + "/web",
                                            std::string(ONECASE_SOURCE_DIR) + "/node_modules", {}}),
          server_(http::ServerOptions{"127.0.0.1", 0, 4}, [this](http::Request& r) { return app_.handle(r); }) {
        server_.bind();
        thread_ = std::thread([this] { server_.run(); });
    }
    ~SecondServer() {
        server_.stop();
        thread_.join();
    }
    std::uint16_t port() { return server_.port(); }

private:
    platform::SystemClock clock_;
    std::unique_ptr<db::Database> db_;
    app::Application app_;
    http::Server server_;
    std::thread thread_;
};

class MultiServer : public ::testing::TestWithParam<std::string> {};

TEST_P(MultiServer, ServersStartingTogetherMigrateOnce) {
    const auto url = fresh_database_url(GetParam(), "onecase_migrate_race");
    std::vector<int> applied(4, -1);
    std::vector<std::string> errors(applied.size());
    std::vector<std::thread> starters;
    for (std::size_t i = 0; i < applied.size(); ++i) {
        starters.emplace_back([&, i] {
            try {
                auto database = db::open_database(url);
                applied[i] = db::migrate(*database);
            } catch (const std::exception& e) {
                errors[i] = e.what();
            }
        });
    }
    for (auto& t : starters) t.join();
    for (const auto& e : errors) EXPECT_EQ(e, "") << "a server failed to start";
    int total = 0;
    for (int a : applied) {
        EXPECT_GE(a, 0);
        total += a;
    }
    auto database = db::open_database(url);
    auto conn = database->acquire();
    const auto versions = conn->query("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations").at(0);
    EXPECT_EQ(versions.int64(0), versions.int64(1)) << "no migration recorded twice";
    EXPECT_EQ(total, versions.int64(0)) << "each migration applied by exactly one server";
}

TEST_P(MultiServer, AMigrationNumberedBelowOneAlreadyAppliedStopsTheStartByName) {
    const auto url = fresh_database_url(GetParam(), "onecase_migrate_gap");
    auto database = db::open_database(url, db::OpenOptions{2, std::chrono::milliseconds(10000)});
    db::migrate(*database);
    std::string name;
    {
        auto conn = database->acquire();
        name = conn->query("SELECT name FROM schema_migrations WHERE version = 3").at(0).text(0);
        conn->execute("DELETE FROM schema_migrations WHERE version = 3");  // as if 0003 had landed after the rest
    }
    try {
        db::migrate(*database);
        FAIL() << "a skipped migration must stop the start";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
    }
    EXPECT_EQ(database->acquire()->query("SELECT COUNT(*) FROM schema_migrations WHERE version = 3").at(0).int64(0), 0)
        << "nothing applied";
}

TEST_P(MultiServer, WhatOneServerWritesOrSignsInTheOtherSeesAtOnce) {
    RunningService first(GetParam(), "onecase_two_servers");
    SecondServer second(first.url());
    const auto auth = std::map<std::string, std::string>{{"Authorization", "Bearer " + first.token_for("demo.po")},
                                                         {"Content-Type", "application/json"}};
    auto caseload = http_request(first.port(), "GET", "/api/v1/caseload", auth);
    const std::string crn(json::parse(caseload.body).at("cases").at(0).at("crn").as_string());

    auto created = http_request(first.port(), "POST", "/api/v1/people/" + crn + "/contacts", auth,
                                json_body({{"type", "phone"}, {"notes", "written through the first server"}}));
    ASSERT_EQ(created.status, 201);
    auto seen = http_request(second.port(), "GET", "/api/v1/people/" + crn + "/contacts?limit=1", auth);
    ASSERT_EQ(seen.status, 200);
    EXPECT_EQ(json::parse(seen.body).at("contacts").at(0).at("notes").as_string(), "written through the first server");

    // A session started on one server is good on the other (sessions live in the database).
    Browser on_first(first.port());
    ASSERT_EQ(on_first.sign_in("demo.po", "onecase-demo-2026").status, 303);
    auto session = on_first.get("/caseload");
    ASSERT_EQ(session.status, 200);
    auto page = http_request(second.port(), "GET", "/caseload", {{"Cookie", on_first.cookie_header()}});
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("My caseload"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Databases, MultiServer, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
