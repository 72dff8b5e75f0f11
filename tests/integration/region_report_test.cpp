// The region report reads from the replica when one is configured, and from the
// primary otherwise, on both databases.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;

std::int64_t london_cases(db::Database& database) {
    auto conn = database.acquire();
    return conn->query(
        "SELECT COUNT(*) FROM people p JOIN staff s ON s.id = p.case_manager_staff_id JOIN teams t ON t.id = s.team_id "
        "JOIN pdus d ON d.id = t.pdu_id JOIN regions r ON r.id = d.region_id WHERE r.code = 'LDN' AND p.current_case = 1")
        .at(0).int64(0);
}

class RegionReport : public ::testing::TestWithParam<std::string> {};

TEST_P(RegionReport, ReadsTheReplicaWhenConfigured) {
    RunningService service(GetParam(), "onecase_report", std::string("onecase_report_replica"));
    const auto auth = std::map<std::string, std::string>{{"Authorization", "Bearer " + service.token_for("demo.po")}};
    auto r = http_request(service.port(), "GET", "/api/v1/reports/region", auth);
    ASSERT_EQ(r.status, 200) << r.body;
    auto o = json::parse(r.body).as_object();
    EXPECT_EQ(o.at("source").as_string(), "replica");
    EXPECT_EQ(o.at("cases").as_int64(), london_cases(*service.replica()));
    ASSERT_NE(london_cases(*service.replica()), london_cases(service.database())) << "the two data sets must differ";

    auto page = http_request(service.port(), "GET", "/api/v1/reports/region",
                             {{"Authorization", "Bearer " + service.token_for("demo.admin")}});
    EXPECT_EQ(page.status, 403);
}

TEST_P(RegionReport, ReadsThePrimaryWithoutAReplica) {
    RunningService service(GetParam(), "onecase_report");
    auto r = http_request(service.port(), "GET", "/api/v1/reports/region",
                          {{"Authorization", "Bearer " + service.token_for("demo.po")}});
    ASSERT_EQ(r.status, 200) << r.body;
    auto o = json::parse(r.body).as_object();
    EXPECT_EQ(o.at("source").as_string(), "primary");
    EXPECT_EQ(o.at("cases").as_int64(), london_cases(service.database()));
    Browser b(service.port());
    ASSERT_EQ(b.sign_in("demo.po", "onecase-demo-2026").status, 303);
    auto page = b.get("/reports/region");
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find(std::to_string(london_cases(service.database())) + " current cases"), std::string::npos);

    std::int64_t sum = 0;
    for (const auto& p : o.at("pdus").as_array()) sum += p.at("cases").as_int64();
    EXPECT_EQ(sum, o.at("cases").as_int64());
}

INSTANTIATE_TEST_SUITE_P(Databases, RegionReport, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
