// Registrations, assessments and the tier, on both databases: a change to an input
// recalculates the tier in the same commit, records its history, and the page shows
// the tier with why. Bad input changes nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;

class Risk : public SharedServiceTest {
protected:
    RunningService& service() { return shared_service("onecase_risk"); }
    std::map<std::string, std::string> auth(const std::string& user = "demo.po") {
        return {{"Authorization", "Bearer " + service().token_for(user)}, {"Content-Type", "application/json"}};
    }
    HttpResult call(const std::string& method, const std::string& path, const std::string& body = "",
                    const std::string& user = "demo.po") {
        return http_request(service().port(), method, path, auth(user), body);
    }
    // A case of demo.po with no live RoSH or MAPPA registration, so a MAPPA level 2
    // registration decides its protect level.
    std::string case_without_harm_flags(std::size_t nth) {
        auto caseload = json::parse(call("GET", "/api/v1/caseload").body).at("cases").as_array();
        const auto crn = std::string(caseload.at(nth).at("crn").as_string());
        auto regs = json::parse(call("GET", "/api/v1/people/" + crn + "/registrations").body).at("registrations").as_array();
        for (const auto& r : regs) {
            const auto type = r.at("type").as_string();
            if (r.at("active").as_bool() && (type == "ROSH" || type == "MAPPA")) {
                auto d = call("POST", "/api/v1/people/" + crn + "/registrations/" + std::to_string(r.at("id").as_int64()) + "/deregister",
                              R"({"reason":"Set up for the test"})");
                EXPECT_EQ(d.status, 200) << d.body;
            }
        }
        return crn;
    }
    std::int64_t audit_rows(const std::string& action, const std::string& crn) {
        auto conn = service().database().acquire();
        return conn->query("SELECT COUNT(*) FROM audit_log WHERE action = ? AND crn = ?", {action, crn}).at(0).int64(0);
    }
};

TEST_P(Risk, ARegistrationChangesTheTierRecordsItsHistoryAndThePageSaysWhy) {
    const auto crn = case_without_harm_flags(0);
    auto before = json::parse(call("POST", "/api/v1/people/" + crn + "/tier/recalculate").body).as_object();
    const std::string tier_before(before.at("tier").as_string());
    EXPECT_NE(tier_before.front(), 'A') << "no RoSH or MAPPA: not protect level A";

    auto added = call("POST", "/api/v1/people/" + crn + "/registrations",
                      R"({"type":"MAPPA","level":"Level 2","category":"Category 1","notes":"Level 2 management agreed at MAPPA meeting"})");
    ASSERT_EQ(added.status, 201) << added.body;
    auto reg = json::parse(added.body).as_object();
    EXPECT_EQ(reg.at("tier").at("tier").as_string().c_str()[0], 'A');
    EXPECT_EQ(reg.at("tier").at("protect").at("level").as_string(), "A");
    const auto id = reg.at("id").as_int64();
    EXPECT_FALSE(reg.at("reviewDue").is_null());

    auto tier = json::parse(call("GET", "/api/v1/people/" + crn + "/tier").body).as_object();
    EXPECT_EQ(tier.at("tier").as_string().c_str()[0], 'A');
    const auto& history = tier.at("history").as_array();
    ASSERT_GE(history.size(), 2u);
    EXPECT_EQ(history[0].at("reason").as_string(), "registration added: MAPPA (Level 2)");
    bool mappa_factor = false;
    for (const auto& f : tier.at("explanation").at("protect").at("factors").as_array()) {
        if (f.at("name").as_string() == "mappa") mappa_factor = f.at("points").as_int64() == 150;
    }
    EXPECT_TRUE(mappa_factor) << "MAPPA level 2 scores 150 in the explanation";

    // The page shows the tier and why.
    Browser tab(service().port());
    ASSERT_EQ(tab.sign_in("demo.po", "onecase-demo-2026").status, 303);
    auto page = tab.get("/cases/" + crn + "/risk");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("id=\"tier-value\">A"), std::string::npos);
    EXPECT_NE(page.body.find("registration added: MAPPA (Level 2)"), std::string::npos);
    EXPECT_NE(page.body.find("MAPPA level 2"), std::string::npos) << "the factor's reason";
    EXPECT_NE(page.body.find("Flags on " + crn), std::string::npos) << "high-signal flags at the top of the page";

    // Reviewing keeps the tier; de-registering recalculates it.
    auto reviewed = call("POST", "/api/v1/people/" + crn + "/registrations/" + std::to_string(id) + "/review",
                         R"({"notes":"Still managed at level 2","nextReviewDue":"2099-01-31"})");
    ASSERT_EQ(reviewed.status, 200) << reviewed.body;
    EXPECT_EQ(json::parse(reviewed.body).at("reviewDue").as_string(), "2099-01-31");
    EXPECT_EQ(json::parse(reviewed.body).at("reviews").as_array().size(), 1u);
    // The review date is on the national-standards due list.
    auto due = json::parse(call("GET", "/api/v1/people/" + crn + "/due").body).at("items").as_array();
    bool listed = false;
    for (const auto& item : due) {
        if (item.at("kind").as_string() == "registration_review" && item.at("dueDate").as_string() == "2099-01-31") {
            listed = std::string(item.at("description").as_string()).find("MAPPA (Level 2)") != std::string::npos;
        }
    }
    EXPECT_TRUE(listed) << "the registration's review is due on the case";
    auto removed = call("POST", "/api/v1/people/" + crn + "/registrations/" + std::to_string(id) + "/deregister",
                        R"({"reason":"MAPPA management ended"})");
    ASSERT_EQ(removed.status, 200) << removed.body;
    EXPECT_EQ(json::parse(removed.body).at("tier").at("tier").as_string(), tier_before);
    EXPECT_EQ(call("POST", "/api/v1/people/" + crn + "/registrations/" + std::to_string(id) + "/deregister",
                   R"({"reason":"again"})").status, 409);
    auto after = json::parse(call("GET", "/api/v1/people/" + crn + "/tier").body).as_object();
    EXPECT_EQ(after.at("history").as_array().at(0).at("reason").as_string(), "registration removed: MAPPA (Level 2)");
    EXPECT_EQ(audit_rows("registration.create", crn), 1);
    EXPECT_EQ(audit_rows("registration.review", crn), 1);
    EXPECT_GE(audit_rows("registration.deregister", crn), 1);
    EXPECT_GE(audit_rows("tier.view", crn), 2);
}

TEST_P(Risk, BadRegistrationsAreRefusedWithReasonsAndChangeNothing) {
    const auto crn = case_without_harm_flags(1);
    const auto count = [&] {
        return json::parse(call("GET", "/api/v1/people/" + crn + "/registrations").body).at("registrations").as_array().size();
    };
    const auto n = count();
    auto field_of = [](const HttpResult& r) { return std::string(json::parse(r.body).at("errors").at(0).at("field").as_string()); };
    auto unknown = call("POST", "/api/v1/people/" + crn + "/registrations", R"({"type":"NOT_A_TYPE"})");
    EXPECT_EQ(unknown.status, 422);
    EXPECT_EQ(field_of(unknown), "type");
    auto no_level = call("POST", "/api/v1/people/" + crn + "/registrations", R"({"type":"ROSH"})");
    EXPECT_EQ(no_level.status, 422);
    EXPECT_EQ(field_of(no_level), "level");
    auto future = call("POST", "/api/v1/people/" + crn + "/registrations", R"({"type":"WEAPONS","registeredOn":"2999-01-01"})");
    EXPECT_EQ(future.status, 422);
    EXPECT_EQ(field_of(future), "registeredOn");
    ASSERT_EQ(call("POST", "/api/v1/people/" + crn + "/registrations", R"({"type":"ROSH","level":"High"})").status, 201);
    auto twice = call("POST", "/api/v1/people/" + crn + "/registrations", R"({"type":"ROSH","level":"Medium"})");
    EXPECT_EQ(twice.status, 422) << "one live registration of a type: review or de-register it";
    EXPECT_EQ(count(), n + 1);
    EXPECT_EQ(call("POST", "/api/v1/people/" + crn + "/registrations", R"({"type":"WEAPONS"})", "demo.other").status, 403);
    EXPECT_EQ(call("GET", "/api/v1/people/" + crn + "/tier", "", "demo.other").status, 403);
    EXPECT_EQ(call("POST", "/api/v1/people/" + crn + "/registrations", "not json").status, 400);

    // The page form comes back with the errors beside the fields and the text kept.
    Browser tab(service().port());
    ASSERT_EQ(tab.sign_in("demo.po", "onecase-demo-2026").status, 303);
    auto page = tab.get("/cases/" + crn + "/risk");
    auto bad = tab.post_form("/cases/" + crn + "/registrations",
                             {{"csrf", tab.csrf_from(page.body)}, {"type", "MAPPA"}, {"level", "Level 1"}, {"notes", "kept words"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("Select the category of MAPPA"), std::string::npos);
    EXPECT_NE(bad.body.find("kept words"), std::string::npos);
    EXPECT_EQ(count(), n + 1);
}

TEST_P(Risk, AnAssessmentIsKeptWithBandsAndFeedsTheTier) {
    const auto crn = case_without_harm_flags(2);
    auto saved = call("POST", "/api/v1/people/" + crn + "/assessments",
                      R"({"assessedOn":"2026-01-10","rosh":{"overall":"high","children":"high","public":"medium"},)"
                      R"("ogrs":82,"ovp":35,"rsr":7.5,"ospC":"low","needs":{"drug_misuse":"severe","accommodation":"standard"},)"
                      R"("parentingResponsibilities":true,"impulsivity":2,"notes":"Layer 3 completed in interview"})");
    ASSERT_EQ(saved.status, 201) << saved.body;
    auto a = json::parse(saved.body).as_object();
    EXPECT_EQ(a.at("ogrs").at("band").as_string(), "High") << "OGRS 75-89% is high";
    EXPECT_EQ(a.at("rsr").at("percent").as_string(), "7.50");
    EXPECT_EQ(a.at("rsr").at("band").as_string(), "High");
    EXPECT_EQ(a.at("needs").at("drug_misuse").as_string(), "severe");
    EXPECT_TRUE(a.at("parentingResponsibilities").as_bool());
    EXPECT_EQ(a.at("impulsivity").as_int64(), 2);
    EXPECT_TRUE(a.at("temperControl").is_null());
    bool rsr_scored = false;
    for (const auto& f : a.at("tier").at("protect").at("factors").as_array()) {
        if (f.at("name").as_string() == "rsr") rsr_scored = f.at("points").as_int64() == 20;
    }
    EXPECT_TRUE(rsr_scored) << "RSR 7.50% scores 20";

    auto list = json::parse(call("GET", "/api/v1/people/" + crn + "/assessments").body).at("assessments").as_array();
    ASSERT_FALSE(list.empty());
    EXPECT_EQ(list[0].at("assessedOn").as_string(), "2026-01-10");

    auto bad = call("POST", "/api/v1/people/" + crn + "/assessments", R"({"rsr":"7.123","ogrs":101,"needs":{"drug_misuse":"awful"}})");
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(json::parse(bad.body).at("errors").as_array().size(), 3u);
    EXPECT_EQ(json::parse(call("GET", "/api/v1/people/" + crn + "/assessments").body).at("assessments").as_array().size(), list.size());
}

TEST_P(Risk, StartingABreachRecalculatesTheTierAsEnforcementActivity) {
    // Breach or recall scores for women (hmpps-tier's additional factors for women).
    std::string crn;
    std::int64_t event_number = 0;
    {
        auto conn = service().database().acquire();
        auto women = conn->query("SELECT p.crn FROM people p JOIN staff s ON s.id = p.case_manager_staff_id "
                                 "JOIN users u ON u.staff_id = s.id WHERE u.username = 'demo.po' AND p.gender = 'Female' "
                                 "AND EXISTS (SELECT 1 FROM events e WHERE e.person_id = p.id AND e.active = 1) "
                                 "ORDER BY p.crn LIMIT 1");
        ASSERT_FALSE(women.empty()) << "demo.po supervises at least one woman";
        crn = women[0].text(0);
        event_number = conn->query("SELECT e.event_number FROM events e JOIN people p ON p.id = e.person_id "
                                   "WHERE p.crn = ? AND e.active = 1 ORDER BY e.event_number LIMIT 1",
                                   {crn})
                           .at(0)
                           .int64(0);
    }
    auto body = json::serialize(json::object{{"eventNumber", event_number}, {"kind", "breach_started"},
                                             {"date", "2026-01-12"}, {"reason", "Second unacceptable absence"}});
    auto started = call("POST", "/api/v1/people/" + crn + "/enforcement-actions", body, "demo.spo");
    ASSERT_EQ(started.status, 201) << started.body;
    auto factors = json::parse(call("GET", "/api/v1/people/" + crn + "/tier").body).at("explanation").at("protect").at("factors");
    bool breach_scored = false;
    for (const auto& f : factors.as_array()) {
        if (f.at("points").as_int64() > 0 && std::string(f.at("reason").as_string()).find("reach") != std::string::npos) breach_scored = true;
    }
    EXPECT_TRUE(breach_scored) << json::serialize(factors);
    auto tier = json::parse(call("GET", "/api/v1/people/" + crn + "/tier").body).as_object();
    EXPECT_EQ(tier.at("history").at(0).at("reason").as_string(), "breach started");
}

INSTANTIATE_TEST_SUITE_P(Databases, Risk, ::testing::ValuesIn(backends()), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
