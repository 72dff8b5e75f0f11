// Backups taken while the server is writing, restored into an empty database: every
// contact acknowledged before the backup began is in the restored copy, on both
// databases. The restore refuses a database that is not empty.
#include <gtest/gtest.h>


#include <boost/json.hpp>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>

#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;

class Backup : public ::testing::TestWithParam<std::string> {};

TEST_P(Backup, ABackupTakenUnderWriteLoadRestoresEveryContactAcknowledgedBeforeIt) {
    RunningService service(GetParam(), "onecase_backup_source");
    const std::map<std::string, std::string> auth = {{"Authorization", "Bearer " + service.token_for("demo.po")},
                                                     {"Content-Type", "application/json"}};
    const auto caseload = json::parse(http_request(service.port(), "GET", "/api/v1/caseload", auth).body).at("cases").as_array();
    const std::string crn(caseload.at(1).at("crn").as_string());

    std::mutex m;
    std::vector<std::int64_t> acknowledged;
    std::atomic<bool> stop{false};
    auto writer = [&](int n) {
        for (int i = 0; !stop; ++i) {
            auto r = http_request(service.port(), "POST", "/api/v1/people/" + crn + "/contacts", auth,
                                  json_body({{"type", "phone"}, {"notes", "writer " + std::to_string(n) + " note " + std::to_string(i)}}));
            if (r.status == 201) {
                std::lock_guard lock(m);
                acknowledged.push_back(json::parse(r.body).at("id").as_int64());
            }
        }
    };
    std::vector<std::thread> writers;
    for (int n = 0; n < 4; ++n) writers.emplace_back(writer, n);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));

    std::vector<std::int64_t> before;
    {
        std::lock_guard lock(m);
        before = acknowledged;
    }
    const auto file = std::filesystem::temp_directory_path() / ("onecase-backup-" + GetParam() + "-" + std::to_string(::getpid()));
    std::filesystem::remove(file);
    const int backed_up = run_onecase({"backup", "--db", service.url(), "--to", file.string()});
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    stop = true;
    for (auto& t : writers) t.join();
    ASSERT_EQ(backed_up, 0);
    ASSERT_FALSE(before.empty());
    ASSERT_TRUE(std::filesystem::exists(file));

    const auto target = fresh_database_url(GetParam(), "onecase_backup_restored");
    ASSERT_EQ(run_onecase({"restore", "--from", file.string(), "--db", target}), 0);
    auto restored = db::open_database(target);
    auto conn = restored->acquire();
    for (auto id : before) {
        EXPECT_EQ(conn->query("SELECT COUNT(*) FROM contacts WHERE id = ?", {id}).at(0).int64(0), 1) << "contact " << id;
    }
    EXPECT_EQ(conn->query("SELECT COUNT(*) FROM people").at(0).int64(0),
              service.database().acquire()->query("SELECT COUNT(*) FROM people").at(0).int64(0));
    // The restored database serves: its users can sign in (the rows are all there).
    EXPECT_EQ(conn->query("SELECT COUNT(*) FROM users WHERE username = 'demo.po'").at(0).int64(0), 1);

    EXPECT_NE(run_onecase({"restore", "--from", file.string(), "--db", target}), 0) << "never over a database in use";
    EXPECT_NE(run_onecase({"restore", "--from", "/nonexistent/backup", "--db", fresh_database_url(GetParam(), "onecase_backup_none")}), 0);
    std::filesystem::remove(file);
}

INSTANTIATE_TEST_SUITE_P(Databases, Backup, ::testing::ValuesIn(backends()), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
