// PostgreSQL goes away under a running server and comes back: requests fail cleanly
// with 503 and change nothing, /readyz says so, and the server recovers by itself
// with every acknowledged contact intact. (SQLite is a file in the server's own
// process; it has no outage of this kind, so this scenario is PostgreSQL's alone.)
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;

int run(const std::string& command) { return std::system(command.c_str()); }

class PostgresOutage : public ::testing::TestWithParam<std::string> {};

TEST_P(PostgresOutage, RequestsFailCleanlyThenTheServerRecoversWithNothingLost) {
    const char* dir = std::getenv("ONECASE_TEST_PG_DIR");
    const char* base = std::getenv("ONECASE_TEST_PG");
    ASSERT_TRUE(dir && base) << "run through make test: needs ONECASE_TEST_PG and ONECASE_TEST_PG_DIR";
    const std::string url(base);
    const std::string port = url.substr(url.rfind(':') + 1);
    const std::string script = std::string(ONECASE_SOURCE_DIR) + "/scripts/pg-test-cluster";

    RunningService service(GetParam(), "onecase_outage");
    const std::map<std::string, std::string> auth = {{"Authorization", "Bearer " + service.token_for("demo.po")},
                                                     {"Content-Type", "application/json"}};
    auto caseload = http_request(service.port(), "GET", "/api/v1/caseload", auth);
    const std::string crn(json::parse(caseload.body).at("cases").at(0).at("crn").as_string());
    const std::string path = "/api/v1/people/" + crn + "/contacts";

    auto before = http_request(service.port(), "POST", path, auth, json_body({{"type", "phone"}, {"notes", "before the outage"}}));
    ASSERT_EQ(before.status, 201) << before.body;

    ASSERT_EQ(run(script + " stop " + dir), 0);
    auto during = http_request(service.port(), "POST", path, auth, json_body({{"type", "phone"}, {"notes", "during the outage"}}));
    EXPECT_EQ(during.status, 503) << during.body;
    EXPECT_EQ(during.header("content-type"), "application/problem+json");
    EXPECT_EQ(http_request(service.port(), "GET", "/readyz").status, 503);
    EXPECT_EQ(http_request(service.port(), "GET", "/healthz").status, 200) << "the process itself is alive";

    ASSERT_EQ(run(script + " start " + dir + " " + port + " > /dev/null"), 0);
    HttpResult after;
    for (int i = 0; i < 100; ++i) {
        after = http_request(service.port(), "POST", path, auth, json_body({{"type", "phone"}, {"notes", "after the outage"}}));
        if (after.status == 201) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_EQ(after.status, 201) << after.body;
    EXPECT_EQ(http_request(service.port(), "GET", "/readyz").status, 200);

    auto list = http_request(service.port(), "GET", path + "?limit=10", auth);
    ASSERT_EQ(list.status, 200);
    std::vector<std::string> notes;
    const auto contacts = json::parse(list.body).at("contacts").as_array();
    for (const auto& c : contacts) notes.emplace_back(c.at("notes").as_string());
    EXPECT_NE(std::find(notes.begin(), notes.end(), "before the outage"), notes.end());
    EXPECT_NE(std::find(notes.begin(), notes.end(), "after the outage"), notes.end());
    EXPECT_EQ(std::find(notes.begin(), notes.end(), "during the outage"), notes.end()) << "a 503 changed nothing";
}

INSTANTIATE_TEST_SUITE_P(Postgres, PostgresOutage, ::testing::ValuesIn(postgres_only()),
                         [](const auto& info) { return info.param; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PostgresOutage);

}  // namespace
}  // namespace onecase::testing
