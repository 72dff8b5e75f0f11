// Restricted and excluded cases, on both databases: only named staff open a
// restricted case; an excluded member of staff never opens it; everyone else learns
// only that it exists and whom to ask. Only the team's SPO changes the lists.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;

class CaseAccess : public SharedServiceTest {
protected:
    RunningService& service() { return shared_service("onecase_case_access"); }
    std::map<std::string, std::string> auth(const std::string& user) {
        return {{"Authorization", "Bearer " + service().token_for(user)}, {"Content-Type", "application/json"}};
    }
    HttpResult call(const std::string& user, const std::string& method, const std::string& path, const std::string& body = "") {
        return http_request(service().port(), method, path, auth(user), body);
    }
    // A practitioner in demo.po's team who is on no list: a user for a colleague.
    std::string colleague() {
        auto conn = service().database().acquire();
        if (conn->query("SELECT COUNT(*) FROM users WHERE username = 'test.colleague'").at(0).int64(0) == 0) {
            auto staff = conn->query(
                "SELECT s.id, s.code FROM staff s JOIN staff po ON po.team_id = s.team_id JOIN users u ON u.staff_id = po.id "
                "WHERE u.username = 'demo.po' AND s.id <> po.id AND s.grade IN ('PO', 'PSO') "
                "AND s.id NOT IN (SELECT staff_id FROM users WHERE staff_id IS NOT NULL) ORDER BY s.id LIMIT 1");
            EXPECT_FALSE(staff.empty());
            conn->execute("INSERT INTO users (username, password_hash, role, staff_id, active, created_at) "
                          "VALUES ('test.colleague', 'x', 'practitioner', ?, 1, '2026-01-01T00:00:00Z')",
                          {staff.at(0).int64(0)});
            colleague_code_ = staff.at(0).text(1);
        }
        return "test.colleague";
    }
    std::string colleague_code() {
        colleague();
        auto conn = service().database().acquire();
        return conn->query("SELECT s.code FROM staff s JOIN users u ON u.staff_id = s.id WHERE u.username = 'test.colleague'")
            .at(0)
            .text(0);
    }
    json::array caseload() { return json::parse(call("demo.po", "GET", "/api/v1/caseload").body).at("cases").as_array(); }
    std::int64_t audit_rows(const std::string& action, const std::string& crn) {
        auto conn = service().database().acquire();
        return conn->query("SELECT COUNT(*) FROM audit_log WHERE action = ? AND crn = ?", {action, crn}).at(0).int64(0);
    }

private:
    std::string colleague_code_;
};

TEST_P(CaseAccess, ARestrictedCaseOpensOnlyForItsListAndOthersLearnWhomToAsk) {
    std::string restricted, open;
    std::string last_name;
    for (const auto& c : caseload()) {
        if (c.at("restricted").as_bool() && restricted.empty()) {
            restricted = std::string(c.at("crn").as_string());
            last_name = std::string(c.at("lastName").as_string());
        }
        if (!c.at("restricted").as_bool() && open.empty()) open = std::string(c.at("crn").as_string());
    }
    ASSERT_FALSE(restricted.empty()) << "demo.po's caseload marks a restricted case";
    EXPECT_EQ(call("demo.po", "GET", "/api/v1/people/" + restricted).status, 200);
    EXPECT_EQ(call("demo.spo", "GET", "/api/v1/people/" + restricted).status, 200);

    const auto user = colleague();
    EXPECT_EQ(call(user, "GET", "/api/v1/people/" + open).status, 200) << "a colleague reads the team's open cases";
    auto refused = call(user, "GET", "/api/v1/people/" + restricted);
    ASSERT_EQ(refused.status, 403);
    EXPECT_EQ(refused.header("content-type"), "application/problem+json");
    EXPECT_NE(refused.body.find("restricted"), std::string::npos);
    EXPECT_NE(refused.body.find("Ask the case manager"), std::string::npos);
    EXPECT_EQ(refused.body.find(last_name), std::string::npos) << "none of the case's data";
    EXPECT_EQ(call(user, "GET", "/api/v1/people/" + restricted + "/contacts").status, 403);
    EXPECT_EQ(call(user, "POST", "/api/v1/people/" + restricted + "/contacts", json_body({{"type", "phone"}, {"notes", "x"}})).status, 403);
    EXPECT_EQ(call(user, "GET", "/api/v1/people/" + restricted + "/due").status, 403);
    EXPECT_EQ(call(user, "GET", "/api/v1/people/" + restricted + "/tier").status, 403);
    auto search = call(user, "GET", "/api/v1/people?q=" + restricted);
    auto found = json::parse(search.body).at("results").as_array();
    ASSERT_EQ(found.size(), 1u) << "search says a case exists";
    EXPECT_EQ(found[0].at("access").as_string(), "ask-owner");
    EXPECT_EQ(search.body.find(last_name), std::string::npos) << "and nothing about the person";
    EXPECT_EQ(call("demo.other", "GET", "/api/v1/people/" + restricted).status, 403);
}

TEST_P(CaseAccess, TheTeamsSpoExcludesAndRestrictsAndEveryChangeIsAudited) {
    const auto user = colleague();
    const auto code = colleague_code();
    std::string crn;
    for (const auto& c : caseload()) {
        if (!c.at("restricted").as_bool()) {
            crn = std::string(c.at("crn").as_string());
            break;
        }
    }
    const std::string list = "/api/v1/people/" + crn + "/access-list";
    ASSERT_EQ(call(user, "GET", "/api/v1/people/" + crn).status, 200);

    EXPECT_EQ(call("demo.po", "POST", list, json_body({{"staffCode", code}, {"kind", "exclusion"}, {"reason", "relative"}})).status, 403)
        << "a practitioner cannot change who sees a case";
    EXPECT_EQ(call("demo.spo", "POST", list, json_body({{"staffCode", code}, {"kind", "exclusion"}})).status, 422);
    EXPECT_EQ(call("demo.spo", "POST", list, json_body({{"staffCode", "NOPE999"}, {"kind", "exclusion"}, {"reason", "x"}})).status, 422);
    auto excluded = call("demo.spo", "POST", list, json_body({{"staffCode", code}, {"kind", "exclusion"}, {"reason", "Relative of the person"}}));
    ASSERT_EQ(excluded.status, 201) << excluded.body;
    auto refused = call(user, "GET", "/api/v1/people/" + crn);
    EXPECT_EQ(refused.status, 403);
    EXPECT_NE(refused.body.find("excluded"), std::string::npos);
    EXPECT_EQ(call("demo.po", "GET", "/api/v1/people/" + crn).status, 200);
    EXPECT_EQ(call("demo.spo", "POST", list, json_body({{"staffCode", code}, {"kind", "exclusion"}, {"reason", "again"}})).status, 422);

    const auto entry = json::parse(excluded.body).at("id").as_int64();
    EXPECT_EQ(call("demo.spo", "DELETE", list + "/" + std::to_string(entry)).status, 204);
    EXPECT_EQ(call(user, "GET", "/api/v1/people/" + crn).status, 200);

    // Restricting to the colleague keeps the case manager on the list.
    ASSERT_EQ(call("demo.spo", "POST", list, json_body({{"staffCode", code}, {"kind", "restriction"}, {"reason", "Sensitive"}})).status, 201);
    EXPECT_EQ(call(user, "GET", "/api/v1/people/" + crn).status, 200);
    EXPECT_EQ(call("demo.po", "GET", "/api/v1/people/" + crn).status, 200) << "the case manager was listed too";
    auto now_list = json::parse(call("demo.spo", "GET", list).body).as_object();
    EXPECT_TRUE(now_list.at("restricted").as_bool());
    EXPECT_EQ(now_list.at("restrictedTo").as_array().size(), 2u);
    EXPECT_EQ(call("demo.other", "GET", list).status, 403);

    EXPECT_EQ(audit_rows("case.access.exclusion.add", crn), 1);
    EXPECT_EQ(audit_rows("case.access.exclusion.remove", crn), 1);
    EXPECT_EQ(audit_rows("case.access.restriction.add", crn), 1);

    // The page for the SPO.
    Browser tab(service().port());
    ASSERT_EQ(tab.sign_in("demo.spo", "onecase-demo-2026").status, 303);
    auto page = tab.get("/cases/" + crn + "/access");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find(code), std::string::npos);
    auto bad = tab.post_form("/cases/" + crn + "/access", {{"csrf", tab.csrf_from(page.body)}, {"kind", "exclusion"}, {"staffCode", code}, {"reason", ""}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("Give the reason"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Databases, CaseAccess, ::testing::ValuesIn(backends()), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
