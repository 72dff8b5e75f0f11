// A 2xx answer means the data is on disk: contacts acknowledged with 201 survive
// SIGKILL of the server and a restart, on both databases.
#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <chrono>
#include <thread>

#include "access/users_store.hpp"
#include "db/migrations.hpp"
#include "demo/demo_data.hpp"
#include "support.hpp"

extern char** environ;

namespace onecase::testing {
namespace {

namespace json = boost::json;

std::uint16_t free_port() {
    // Bind port 0 through a throwaway server socket to learn a free port.
    http::Server probe(http::ServerOptions{"127.0.0.1", 0}, [](http::Request&) { return http::Response{}; });
    probe.bind();
    return probe.port();
}

pid_t start_server(const std::string& db_url, std::uint16_t port) {
    const std::string listen = "127.0.0.1:" + std::to_string(port);
    const std::string web = std::string(ONECASE_SOURCE_DIR) + "/web";
    std::vector<std::string> args = {ONECASE_BINARY, "serve", "--db", db_url, "--listen", listen, "--web-root", web};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, ONECASE_BINARY, nullptr, nullptr, argv.data(), environ) != 0) {
        throw std::runtime_error("cannot start onecase");
    }
    for (int i = 0; i < 200; ++i) {
        try {
            if (http_request(port, "GET", "/readyz").status == 200) return pid;
        } catch (...) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    throw std::runtime_error("onecase did not become healthy");
}

class Durability : public ::testing::TestWithParam<std::string> {};

TEST_P(Durability, AcknowledgedContactsSurviveSigkillAndRestart) {
    const auto url = fresh_database_url(GetParam(), "onecase_crash");
    std::string token;
    {
        auto database = db::open_database(url);
        db::migrate(*database);
        demo::load_demo_data(*database, demo::DemoScale::small, 3, platform::SystemClock{}.now());
        auto conn = database->acquire();
        token = access::create_api_token(*conn, access::find_user(*conn, "demo.po")->id, "crash", platform::SystemClock{}.now(), std::nullopt);
    }
    const std::map<std::string, std::string> auth = {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
    const auto port = free_port();
    pid_t pid = start_server(url, port);

    auto caseload = http_request(port, "GET", "/api/v1/caseload", auth);
    ASSERT_EQ(caseload.status, 200) << caseload.body;
    const std::string crn(json::parse(caseload.body).at("cases").at(0).at("crn").as_string());

    std::vector<std::int64_t> acknowledged;
    for (int i = 0; i < 20; ++i) {
        auto r = http_request(port, "POST", "/api/v1/people/" + crn + "/contacts", auth,
                              json_body({{"type", "phone"}, {"notes", "durability check " + std::to_string(i)}}));
        ASSERT_EQ(r.status, 201) << r.body;
        acknowledged.push_back(json::parse(r.body).at("id").as_int64());
    }
    // Kill the instant the last 201 arrived: no graceful shutdown, no flush.
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);

    pid = start_server(url, port);
    auto list = http_request(port, "GET", "/api/v1/people/" + crn + "/contacts?limit=1000", auth);
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "graceful stop on SIGTERM";

    ASSERT_EQ(list.status, 200) << list.body;
    std::set<std::int64_t> present;
    const auto contacts = json::parse(list.body).at("contacts").as_array();
    for (const auto& c : contacts) present.insert(c.at("id").as_int64());
    for (auto id : acknowledged) EXPECT_TRUE(present.count(id)) << "contact " << id << " was acknowledged but lost";

    if (GetParam() == "sqlite") {
        auto database = db::open_database(url);
        auto conn = database->acquire();
        EXPECT_EQ(conn->query("PRAGMA integrity_check").at(0).text(0), "ok");
    }
}

INSTANTIATE_TEST_SUITE_P(Databases, Durability, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
