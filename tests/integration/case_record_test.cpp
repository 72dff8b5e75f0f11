// The foundation journey through the real HTTP server on both databases: sign in,
// caseload, case summary, contact history, recording a contact, bad input, access.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;

class CaseRecord : public SharedServiceTest {
protected:
    RunningService& service() { return shared_service("onecase_case_record"); }
    std::map<std::string, std::string> auth(const std::string& user) {
        auto& tokens = tokens_[GetParam() + user];
        if (tokens.empty()) tokens = service().token_for(user);
        return {{"Authorization", "Bearer " + tokens}};
    }
    HttpResult api(const std::string& user, const std::string& method, const std::string& target,
                   const std::string& body = "") {
        auto headers = auth(user);
        if (!body.empty()) headers["Content-Type"] = "application/json";
        return http_request(service().port(), method, target, headers, body);
    }
    std::string first_crn_of(const std::string& user) {
        auto r = api(user, "GET", "/api/v1/caseload");
        return std::string(json::parse(r.body).at("cases").at(0).at("crn").as_string());
    }
    std::int64_t contact_count(const std::string& crn) {
        auto conn = service().database().acquire();
        return conn->query("SELECT COUNT(*) FROM contacts c JOIN people p ON p.id = c.person_id WHERE p.crn = ?", {crn})
            .at(0).int64(0);
    }
    std::int64_t audit_count(const std::string& action, const std::string& crn) {
        auto conn = service().database().acquire();
        return conn->query("SELECT COUNT(*) FROM audit_log WHERE action = ? AND crn = ?", {action, crn}).at(0).int64(0);
    }
    static inline std::map<std::string, std::string> tokens_;
};

TEST_P(CaseRecord, HealthCheckReportsTheDatabase) {
    auto r = http_request(service().port(), "GET", "/healthz");
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("\"database\":\"up\""), std::string::npos);
    EXPECT_EQ(http_request(service().port(), "GET", "/readyz").status, 200);
}

TEST_P(CaseRecord, ApiWithoutTokenIsRefusedAsProblemJson) {
    auto r = http_request(service().port(), "GET", "/api/v1/caseload");
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(r.header("content-type"), "application/problem+json");
    auto bad = http_request(service().port(), "GET", "/api/v1/caseload", {{"Authorization", "Bearer nope"}});
    EXPECT_EQ(bad.status, 401);
}

TEST_P(CaseRecord, CaseloadListsThePractitionersCases) {
    auto r = api("demo.po", "GET", "/api/v1/caseload");
    ASSERT_EQ(r.status, 200) << r.body;
    auto cases = json::parse(r.body).at("cases").as_array();
    EXPECT_GE(cases.size(), 30u);
    EXPECT_LE(cases.size(), 60u);
    for (const auto& c : cases) {
        EXPECT_EQ(c.at("crn").as_string().size(), 7u);
        EXPECT_FALSE(c.at("name").as_string().empty());
    }
}

TEST_P(CaseRecord, CaseSummaryHasIdentifiersSentenceAndCaseManager) {
    const auto crn = first_crn_of("demo.po");
    auto r = api("demo.po", "GET", "/api/v1/people/" + crn);
    ASSERT_EQ(r.status, 200) << r.body;
    auto o = json::parse(r.body).as_object();
    EXPECT_EQ(o.at("crn").as_string(), crn);
    EXPECT_FALSE(o.at("firstName").as_string().empty());
    EXPECT_FALSE(o.at("lastName").as_string().empty());
    EXPECT_EQ(o.at("dateOfBirth").as_string().size(), 10u);
    EXPECT_TRUE(o.contains("tier"));
    EXPECT_FALSE(o.at("caseManager").at("code").as_string().empty());
    EXPECT_FALSE(o.at("events").as_array().empty());
    EXPECT_FALSE(o.at("addresses").as_array().empty());
    EXPECT_GE(audit_count("case.view", crn), 1);
}

TEST_P(CaseRecord, RecordedContactIsReturnedStoredAndFirstInHistory) {
    const auto crn = first_crn_of("demo.po");
    const std::string notes = "Phoned Siobhán about her appointment 📞\nShe confirmed Thursday.";
    auto created = api("demo.po", "POST", "/api/v1/people/" + crn + "/contacts",
                       json_body({{"type", "phone"}, {"notes", notes}}));
    ASSERT_EQ(created.status, 201) << created.body;
    auto c = json::parse(created.body).as_object();
    EXPECT_EQ(c.at("notes").as_string(), notes);
    EXPECT_EQ(c.at("version").as_int64(), 1);

    auto list = api("demo.po", "GET", "/api/v1/people/" + crn + "/contacts?limit=5");
    ASSERT_EQ(list.status, 200);
    auto contacts = json::parse(list.body).at("contacts").as_array();
    ASSERT_LE(contacts.size(), 5u);
    EXPECT_EQ(contacts.at(0).at("id"), c.at("id"));
    EXPECT_EQ(contacts.at(0).at("notes").as_string(), notes);
    EXPECT_EQ(audit_count("contact.create", crn), 1);
}

TEST_P(CaseRecord, BadContactInputGetsFieldErrorsAndChangesNothing) {
    const auto crn = first_crn_of("demo.po");
    const auto before = contact_count(crn);
    struct Case { std::string body; int status; std::string field; };
    const std::vector<Case> cases = {
        {json_body({{"type", "phone"}, {"notes", "   "}}), 422, "notes"},
        {json_body({{"type", "carrier_pigeon"}, {"notes", "x"}}), 422, "type"},
        {json_body({{"notes", "no type"}}), 422, "type"},
        {json_body({{"type", "phone"}, {"notes", std::string(100'001, 'a')}}), 422, "notes"},
        {json_body({{"type", "phone"}, {"notes", "future"}, {"date", "2099-01-01T10:00"}}), 422, "date"},
        {json_body({{"type", "phone"}, {"notes", "bad date"}, {"date", "2026-02-30T10:00"}}), 422, "date"},
        {R"({"type":"phone","notes":42})", 422, "notes"},
        {"{not json", 400, ""},
        {"[1,2]", 400, ""},
    };
    for (const auto& c : cases) {
        auto r = api("demo.po", "POST", "/api/v1/people/" + crn + "/contacts", c.body);
        EXPECT_EQ(r.status, c.status) << c.body.substr(0, 80) << " -> " << r.body;
        EXPECT_EQ(r.header("content-type"), "application/problem+json");
        if (!c.field.empty()) {
            EXPECT_NE(r.body.find("\"field\":\"" + c.field + "\""), std::string::npos) << r.body;
        }
    }
    EXPECT_EQ(contact_count(crn), before);
}

TEST_P(CaseRecord, NotesOfExactlyOneHundredThousandCharactersAreKept) {
    const auto crn = first_crn_of("demo.po");
    std::string notes(50'000, 'a');
    for (int i = 0; i < 50'000; ++i) notes += "é";  // two bytes, one character
    auto r = api("demo.po", "POST", "/api/v1/people/" + crn + "/contacts", json_body({{"type", "letter"}, {"notes", notes}}));
    ASSERT_EQ(r.status, 201) << r.body.substr(0, 200);
    EXPECT_EQ(json::parse(r.body).at("notes").as_string(), notes);
}

TEST_P(CaseRecord, PractitionerInAnotherRegionCannotOpenOrWriteTheCase) {
    const auto crn = first_crn_of("demo.po");
    auto read = api("demo.other", "GET", "/api/v1/people/" + crn);
    EXPECT_EQ(read.status, 403);
    EXPECT_EQ(read.body.find("firstName"), std::string::npos);
    auto write = api("demo.other", "POST", "/api/v1/people/" + crn + "/contacts", json_body({{"type", "phone"}, {"notes", "x"}}));
    EXPECT_EQ(write.status, 403);
    auto admin = api("demo.admin", "GET", "/api/v1/people/" + crn);
    EXPECT_EQ(admin.status, 403);
}

TEST_P(CaseRecord, UnknownCrnIsNotFound) {
    EXPECT_EQ(api("demo.po", "GET", "/api/v1/people/Z999999").status, 404);
    EXPECT_EQ(api("demo.po", "GET", "/api/v1/people/not-a-crn").status, 404);
}

TEST_P(CaseRecord, SearchFindsAnExactCrn) {
    const auto crn = first_crn_of("demo.po");
    auto r = api("demo.po", "GET", "/api/v1/people?q=" + crn);
    ASSERT_EQ(r.status, 200);
    auto results = json::parse(r.body).at("results").as_array();
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].at("crn").as_string(), crn);
    EXPECT_FALSE(results[0].at("caseManager").at("code").as_string().empty()) << "whom to contact about the case";
    auto lower = api("demo.po", "GET", "/api/v1/people?q=" + std::string(1, char(std::tolower(crn[0]))) + crn.substr(1));
    EXPECT_EQ(json::parse(lower.body).at("results").as_array().size(), 1u);
}

TEST_P(CaseRecord, PagesSignInShowCaseloadAndRecordAPhoneCallInOneStep) {
    Browser b(service().port());
    auto redirected = b.get("/caseload");
    EXPECT_EQ(redirected.status, 303);
    EXPECT_EQ(redirected.header("location").value_or("").rfind("/sign-in", 0), 0u);

    auto wrong = b.sign_in("demo.po", "wrong password");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_NE(wrong.body.find("Enter a correct username and password"), std::string::npos);
    auto nobody = b.sign_in("no.such.user", "wrong password");
    EXPECT_NE(nobody.body.find("Enter a correct username and password"), std::string::npos);

    auto signed_in = b.sign_in("demo.po", "onecase-demo-2026");
    ASSERT_EQ(signed_in.status, 303);
    auto caseload = b.get("/caseload");
    ASSERT_EQ(caseload.status, 200);
    EXPECT_NE(caseload.body.find("My caseload"), std::string::npos);

    const auto crn = first_crn_of("demo.po");
    auto page = b.get("/cases/" + crn);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Contact history"), std::string::npos);
    EXPECT_NE(page.header("content-security-policy").value_or("").find("frame-ancestors 'none'"), std::string::npos);
    const auto csrf = b.csrf_from(page.body);
    ASSERT_FALSE(csrf.empty());

    auto forged = b.post_form("/cases/" + crn + "/contacts", {{"type", "phone"}, {"notes", "forged"}});
    EXPECT_EQ(forged.status, 403);

    auto invalid = b.post_form("/cases/" + crn + "/contacts",
                               {{"type", "phone"}, {"notes", ""}, {"date", "2026-13-01"}, {"time", "09:00"}, {"csrf", csrf}});
    EXPECT_EQ(invalid.status, 422);
    EXPECT_NE(invalid.body.find("Enter notes about the contact"), std::string::npos);

    const std::string note = "Rang <b>Jo</b> & agreed a home visit";
    auto kept = b.post_form("/cases/" + crn + "/contacts",
                            {{"type", "phone"}, {"notes", note}, {"date", "2026-13-01"}, {"time", "09:00"}, {"csrf", csrf}});
    EXPECT_EQ(kept.status, 422);
    EXPECT_NE(kept.body.find("Rang &lt;b&gt;Jo&lt;/b&gt; &amp; agreed a home visit"), std::string::npos)
        << "typed text must come back, escaped";

    auto saved = b.post_form("/cases/" + crn + "/contacts", {{"type", "phone"}, {"notes", note}, {"csrf", csrf}});
    ASSERT_EQ(saved.status, 303);
    auto after = b.get(saved.header("location").value());
    EXPECT_NE(after.body.find("Contact recorded"), std::string::npos);
    EXPECT_NE(after.body.find("Rang &lt;b&gt;Jo&lt;/b&gt; &amp; agreed a home visit"), std::string::npos);

    // A browser that lands on an address with no page gets a page, not JSON.
    auto missing = b.get("/no-such-page");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.header("content-type").value_or("").rfind("text/html", 0), 0u);
    EXPECT_NE(missing.body.find("Page not found"), std::string::npos);
    EXPECT_EQ(b.get("/cases/" + crn + "/contacts").status, 405);
    EXPECT_EQ(b.get("/cases/" + crn + "/contacts").header("content-type").value_or("").rfind("text/html", 0), 0u);

    auto search = b.get("/search?q=" + crn);
    EXPECT_EQ(search.status, 303) << "an exact CRN goes straight to the case";
    EXPECT_EQ(search.header("location"), "/cases/" + crn);

    auto out = b.post_form("/sign-out", {{"csrf", csrf}});
    EXPECT_EQ(out.status, 303);
    EXPECT_EQ(b.get("/caseload").status, 303);
}

INSTANTIATE_TEST_SUITE_P(Databases, CaseRecord, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
