// Correcting a contact: the edit names the version it was based on; a stale version
// gets 409 with the current record and changes nothing; earlier versions are kept.
// Run on both databases, and across two servers sharing one database.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;

class ContactEdit : public ::testing::TestWithParam<std::string> {};

std::string edit_body(const std::string& notes, std::int64_t version) {
    return json::serialize(json::object{{"type", "phone"}, {"notes", notes}, {"version", version}});
}

TEST_P(ContactEdit, StaleVersionIsAConflictAndHistoryIsKept) {
    RunningService service(GetParam(), "onecase_contact_edit");
    const std::map<std::string, std::string> auth = {{"Authorization", "Bearer " + service.token_for("demo.po")},
                                                     {"Content-Type", "application/json"}};
    auto caseload = http_request(service.port(), "GET", "/api/v1/caseload", auth);
    const std::string crn(json::parse(caseload.body).at("cases").at(0).at("crn").as_string());
    const std::string base = "/api/v1/people/" + crn + "/contacts";
    auto created = http_request(service.port(), "POST", base, auth, json_body({{"type", "phone"}, {"notes", "first words"}}));
    ASSERT_EQ(created.status, 201);
    const auto id = json::parse(created.body).at("id").as_int64();
    const std::string path = base + "/" + std::to_string(id);

    // Two practitioners opened version 1; the first to save wins.
    auto first = http_request(service.port(), "PUT", path, auth, edit_body("corrected by the first editor", 1));
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(json::parse(first.body).at("version").as_int64(), 2);

    auto second = http_request(service.port(), "PUT", path, auth, edit_body("the second editor's text", 1));
    ASSERT_EQ(second.status, 409) << second.body;
    EXPECT_EQ(second.header("content-type"), "application/problem+json");
    auto conflict = json::parse(second.body).as_object();
    EXPECT_EQ(conflict.at("current").at("notes").as_string(), "corrected by the first editor");
    EXPECT_EQ(conflict.at("current").at("version").as_int64(), 2);

    auto read = http_request(service.port(), "GET", path, auth);
    ASSERT_EQ(read.status, 200);
    auto o = json::parse(read.body).as_object();
    EXPECT_EQ(o.at("notes").as_string(), "corrected by the first editor");
    const auto versions = o.at("previousVersions").as_array();
    ASSERT_EQ(versions.size(), 1u);
    EXPECT_EQ(versions[0].at("version").as_int64(), 1);
    EXPECT_EQ(versions[0].at("notes").as_string(), "first words");

    // Bad input and other people's cases change nothing.
    EXPECT_EQ(http_request(service.port(), "PUT", path, auth, edit_body("", 2)).status, 422);
    EXPECT_EQ(http_request(service.port(), "PUT", path, auth, R"({"type":"phone","notes":"no version"})").status, 422);
    EXPECT_EQ(http_request(service.port(), "PUT", base + "/999999999", auth, edit_body("x", 1)).status, 404);
    auto other = std::map<std::string, std::string>{{"Authorization", "Bearer " + service.token_for("demo.other")},
                                                    {"Content-Type", "application/json"}};
    EXPECT_EQ(http_request(service.port(), "PUT", path, other, edit_body("not mine", 2)).status, 403);
    auto after = json::parse(http_request(service.port(), "GET", path, auth).body).as_object();
    EXPECT_EQ(after.at("version").as_int64(), 2);
}

TEST_P(ContactEdit, ConcurrentEditsThroughManyRequestsLetExactlyOneWinPerVersion) {
    RunningService service(GetParam(), "onecase_contact_race");
    const std::map<std::string, std::string> auth = {{"Authorization", "Bearer " + service.token_for("demo.po")},
                                                     {"Content-Type", "application/json"}};
    auto caseload = http_request(service.port(), "GET", "/api/v1/caseload", auth);
    const std::string crn(json::parse(caseload.body).at("cases").at(0).at("crn").as_string());
    auto created = http_request(service.port(), "POST", "/api/v1/people/" + crn + "/contacts", auth,
                                json_body({{"type", "phone"}, {"notes", "start"}}));
    const auto id = json::parse(created.body).at("id").as_int64();
    const std::string path = "/api/v1/people/" + crn + "/contacts/" + std::to_string(id);

    std::vector<int> statuses(8);
    std::vector<std::thread> editors;
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        editors.emplace_back([&, i] {
            statuses[i] = http_request(service.port(), "PUT", path, auth, edit_body("editor " + std::to_string(i), 1)).status;
        });
    }
    for (auto& t : editors) t.join();
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 1);
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), 7);
}

INSTANTIATE_TEST_SUITE_P(Databases, ContactEdit, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
