// Issue 8 injection and escaping, through the real server on both databases: SQL
// metacharacters and script payloads in every free-text field a user sends (contact
// notes, names, appointment location and notes, cancel and de-registration reasons,
// registration notes, access-list reasons) and in search boxes and query parameters
// come back as text: stored and returned in JSON exactly, rendered escaped in pages
// (never a raw tag), and every table still there afterwards.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/request.hpp"
#include "platform/clock.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;
const std::string kDemoPassword = "onecase-demo-2026";

// Each row a payload an attacker would try first.
const std::vector<std::string> kPayloads = {
    "'; DROP TABLE people;--",
    "\" OR 1=1",
    "%_\\",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "{{x}}",
};

// As the template engine escapes text (kainjow mustache): & < > " '.
std::string html_escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

// No page ever carries a payload's markup raw.
void expect_no_raw_markup(const HttpResult& page, const std::string& where) {
    for (const char* raw : {"<script>alert(1)</script>", "<img src=x onerror", "\" OR 1=1"}) {
        EXPECT_EQ(page.body.find(raw), std::string::npos) << where << " carries raw " << raw;
    }
}

// `payload` appears on the page, as text.
void expect_shown_escaped(const HttpResult& page, const std::string& payload, const std::string& where) {
    EXPECT_EQ(page.status, 200) << where;
    EXPECT_NE(page.body.find(html_escaped(payload)), std::string::npos) << where << " does not show " << payload;
    expect_no_raw_markup(page, where);
}

class Injection : public SharedServiceTest {
protected:
    RunningService& service() { return shared_service("onecase_injection"); }

    HttpResult api(const std::string& user, const std::string& method, const std::string& target,
                   const std::string& body = "") {
        auto& token = tokens_[GetParam() + "/" + user];
        if (token.empty()) token = service().token_for(user);
        std::map<std::string, std::string> headers{{"Authorization", "Bearer " + token}};
        if (!body.empty()) headers["Content-Type"] = "application/json";
        return http_request(service().port(), method, target, headers, body);
    }
    json::object api_json(const std::string& user, const std::string& method, const std::string& target,
                          const json::object& body, int expect) {
        auto r = api(user, method, target, json::serialize(body));
        EXPECT_EQ(r.status, expect) << method << " " << target << ": " << r.body;
        if (r.status != expect) return {};
        return json::parse(r.body).as_object();
    }
    Browser signed_in(const std::string& user) {
        Browser b(service().port());
        EXPECT_EQ(b.sign_in(user, kDemoPassword).status, 303);
        return b;
    }
    // A case demo.po holds that is not restricted, so demo.spo manages its access list.
    std::string open_case() {
        auto cases = json::parse(api("demo.po", "GET", "/api/v1/caseload").body).at("cases").as_array();
        for (const auto& c : cases) {
            if (!c.at("restricted").as_bool()) return std::string(c.at("crn").as_string());
        }
        ADD_FAILURE() << "demo.po holds no unrestricted case";
        return "";
    }
    std::int64_t count(const std::string& table) {
        auto conn = service().database().acquire();
        return conn->query("SELECT COUNT(*) FROM " + table).at(0).int64(0);
    }
    // The tables a DROP or a broken WHERE would empty are all there, with rows.
    void expect_tables_intact() {
        for (const char* table : {"people", "contacts", "appointments", "users", "staff", "audit_log"}) {
            EXPECT_GT(count(table), 0) << table;
        }
    }

    static inline std::map<std::string, std::string> tokens_;
};

TEST_P(Injection, ContactNotesAreStoredVerbatimAndShownEscaped) {
    const auto crn = open_case();
    auto browser = signed_in("demo.po");
    for (const auto& payload : kPayloads) {
        SCOPED_TRACE(payload);
        // Through the API.
        auto saved = api_json("demo.po", "POST", "/api/v1/people/" + crn + "/contacts",
                              {{"type", "phone"}, {"notes", payload}}, 201);
        ASSERT_FALSE(saved.empty());
        EXPECT_EQ(saved.at("notes").as_string(), payload);
        const auto id = std::to_string(saved.at("id").as_int64());
        auto read = api("demo.po", "GET", "/api/v1/people/" + crn + "/contacts/" + id);
        ASSERT_EQ(read.status, 200);
        EXPECT_EQ(json::parse(read.body).at("notes").as_string(), payload);
        expect_shown_escaped(browser.get("/cases/" + crn + "/contacts/" + id), payload, "the contact page");

        // Through the page's form.
        auto page = browser.get("/cases/" + crn);
        auto posted = browser.post_form("/cases/" + crn + "/contacts",
                                        {{"csrf", browser.csrf_from(page.body)}, {"type", "phone"}, {"notes", payload}});
        EXPECT_EQ(posted.status, 303) << posted.body;
        expect_shown_escaped(browser.get("/cases/" + crn), payload, "the case page");
    }
    auto all = json::parse(api("demo.po", "GET", "/api/v1/people/" + crn + "/contacts?limit=1000").body).at("contacts").as_array();
    for (const auto& payload : kPayloads) {
        int copies = 0;
        for (const auto& c : all) copies += c.at("notes").as_string() == payload;
        EXPECT_EQ(copies, 2) << payload << ": one from the API, one from the form";
    }
    // The history search shows the stored notes as text around its highlights.
    auto history = browser.get("/cases/" + crn + "/search?q=alert");
    EXPECT_EQ(history.status, 200);
    EXPECT_NE(history.body.find("<mark>alert</mark>"), std::string::npos);
    // Both engines' excerpts keep the tag text, escaped: no markup gets through raw.
    EXPECT_NE(history.body.find("&quot;&gt;&lt;img src=x onerror=<mark>alert</mark>(1)&gt;"), std::string::npos);
    // PostgreSQL's parser does not index what is inside <script>…</script>.
    if (GetParam() == "sqlite") {
        EXPECT_NE(history.body.find("&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;"), std::string::npos);
    }
    expect_no_raw_markup(history, "the history search");
    expect_tables_intact();
}

TEST_P(Injection, NamesOfANewPersonAreStoredVerbatimAndShownEscaped) {
    auto browser = signed_in("demo.po");
    const auto people_before = count("people");
    int recorded = 0;
    for (const auto& payload : kPayloads) {
        SCOPED_TRACE(payload);
        auto saved = api_json("demo.po", "POST", "/api/v1/people",
                              {{"firstName", payload}, {"middleNames", payload}, {"lastName", payload},
                               {"dateOfBirth", "1980-02-03"}, {"gender", "Female"}},
                              201);
        ASSERT_FALSE(saved.empty());
        ++recorded;
        const std::string crn(saved.at("crn").as_string());
        auto read = api("demo.po", "GET", "/api/v1/people/" + crn);
        ASSERT_EQ(read.status, 200) << read.body;
        auto person = json::parse(read.body).as_object();
        EXPECT_EQ(person.at("firstName").as_string(), payload);
        EXPECT_EQ(person.at("middleNames").as_string(), payload);
        EXPECT_EQ(person.at("lastName").as_string(), payload);
        expect_shown_escaped(browser.get("/cases/" + crn), payload, "the case page");
    }
    EXPECT_EQ(count("people"), people_before + recorded);
    expect_tables_intact();
}

TEST_P(Injection, AppointmentLocationNotesAndCancelReasonAreStoredVerbatimAndShownEscaped) {
    const auto crn = open_case();
    auto browser = signed_in("demo.po");
    const auto day = platform::london_date(platform::SystemClock().now() + std::chrono::days(21));
    int minute = 0;
    for (const auto& payload : kPayloads) {
        SCOPED_TRACE(payload);
        const std::string start = platform::format_date(day) + "T1" + std::to_string(minute++) + ":00:00";
        auto booked = api_json("demo.po", "POST", "/api/v1/people/" + crn + "/appointments",
                               {{"type", "other"}, {"start", start}, {"durationMinutes", 30},
                                {"location", payload}, {"notes", payload}},
                               201);
        ASSERT_FALSE(booked.empty());
        EXPECT_EQ(booked.at("location").as_string(), payload);
        EXPECT_EQ(booked.at("notes").as_string(), payload);
        const auto id = std::to_string(booked.at("id").as_int64());
        expect_shown_escaped(browser.get("/appointments/" + id), payload, "the appointment page");

        auto cancelled = api_json("demo.po", "POST", "/api/v1/appointments/" + id + "/cancel",
                                  {{"version", booked.at("version")}, {"reason", payload}}, 200);
        EXPECT_EQ(cancelled.at("status").as_string(), "cancelled");
        auto read = json::parse(api("demo.po", "GET", "/api/v1/appointments/" + id).body).as_object();
        EXPECT_EQ(read.at("cancelReason").as_string(), payload);
        EXPECT_EQ(read.at("location").as_string(), payload);
        expect_shown_escaped(browser.get("/appointments/" + id), payload, "the cancelled appointment page");
    }
    expect_tables_intact();
}

TEST_P(Injection, RegistrationNotesAndDeregistrationReasonAreStoredVerbatimAndShownEscaped) {
    const auto crn = open_case();
    auto browser = signed_in("demo.po");
    for (const auto& payload : kPayloads) {
        SCOPED_TRACE(payload);
        auto added = api_json("demo.po", "POST", "/api/v1/people/" + crn + "/registrations",
                              {{"type", "WEAPONS"}, {"notes", payload}}, 201);
        ASSERT_FALSE(added.empty());
        EXPECT_EQ(added.at("notes").as_string(), payload);
        const auto id = std::to_string(added.at("id").as_int64());
        expect_shown_escaped(browser.get("/cases/" + crn + "/risk"), payload, "the risk page");

        auto removed = api_json("demo.po", "POST", "/api/v1/people/" + crn + "/registrations/" + id + "/deregister",
                                {{"reason", payload}}, 200);
        ASSERT_FALSE(removed.empty());
        EXPECT_EQ(removed.at("deregisteredReason").as_string(), payload);
        auto listed = json::parse(api("demo.po", "GET", "/api/v1/people/" + crn + "/registrations").body);
        int matching = 0;
        for (const auto& r : listed.at("registrations").as_array()) {
            if (std::to_string(r.at("id").as_int64()) != id) continue;
            ++matching;
            EXPECT_EQ(r.at("notes").as_string(), payload);
            EXPECT_EQ(r.at("deregisteredReason").as_string(), payload);
        }
        EXPECT_EQ(matching, 1);
        expect_no_raw_markup(browser.get("/cases/" + crn + "/risk"), "the risk page after de-registration");
    }
    expect_tables_intact();
}

TEST_P(Injection, AccessListReasonIsStoredVerbatimAndShownEscaped) {
    const auto crn = open_case();
    std::string colleague;
    {
        auto conn = service().database().acquire();
        colleague = conn->query(
                            "SELECT s.code FROM staff s JOIN staff po ON po.team_id = s.team_id JOIN users u ON u.staff_id = po.id "
                            "WHERE u.username = 'demo.po' AND s.id <> po.id "
                            "AND s.id NOT IN (SELECT staff_id FROM users WHERE staff_id IS NOT NULL) ORDER BY s.id LIMIT 1")
                        .at(0)
                        .text(0);
    }
    auto spo = signed_in("demo.spo");
    const std::string list = "/api/v1/people/" + crn + "/access-list";
    for (const auto& payload : kPayloads) {
        SCOPED_TRACE(payload);
        auto added = api("demo.spo", "POST", list,
                         json_body({{"staffCode", colleague}, {"kind", "exclusion"}, {"reason", payload}}));
        ASSERT_EQ(added.status, 201) << added.body;
        auto read = json::parse(api("demo.spo", "GET", list).body).as_object();
        std::string entry_id;
        for (const auto& e : read.at("excluded").as_array()) {
            if (e.at("staffCode").as_string() != colleague) continue;
            EXPECT_EQ(e.at("reason").as_string(), payload);
            entry_id = std::to_string(e.at("id").as_int64());
        }
        ASSERT_FALSE(entry_id.empty());
        expect_shown_escaped(spo.get("/cases/" + crn + "/access"), payload, "the access page");
        EXPECT_EQ(api("demo.spo", "DELETE", list + "/" + entry_id).status, 204);
    }
    expect_tables_intact();
}

TEST_P(Injection, SearchBoxesTakeThePayloadsAsText) {
    const auto crn = open_case();
    auto browser = signed_in("demo.po");
    for (const auto& payload : kPayloads) {
        SCOPED_TRACE(payload);
        const auto q = http::url_encode(payload);
        auto people = api("demo.po", "GET", "/api/v1/people?q=" + q);
        EXPECT_LT(people.status, 500) << people.body;
        if (people.status == 200) {
            auto results = json::parse(people.body).at("results").as_array();
            // A LIKE wildcard that leaked into SQL would match everyone.
            if (payload == "%_\\") {
                EXPECT_TRUE(results.empty()) << people.body;
            }
        }
        auto search_page = browser.get("/search?q=" + q);
        expect_shown_escaped(search_page, payload, "the people search page");

        auto history = api("demo.po", "GET", "/api/v1/people/" + crn + "/history?q=" + q + "&type=" + q);
        EXPECT_LT(history.status, 500) << history.body;
        EXPECT_NO_THROW((void)json::parse(history.body));
        auto history_page = browser.get("/cases/" + crn + "/search?q=" + q + "&from=" + q);
        EXPECT_LT(history_page.status, 500);
        EXPECT_NE(history_page.body.find(html_escaped(payload)), std::string::npos) << "the query is shown back";
        expect_no_raw_markup(history_page, "the history search page");
    }
    expect_tables_intact();
}

TEST_P(Injection, QueryParametersAndPathsAreShownAsText) {
    const auto crn = open_case();
    auto browser = signed_in("demo.po");
    auto auditor = signed_in("demo.auditor");
    for (const auto& payload : kPayloads) {
        SCOPED_TRACE(payload);
        const auto v = http::url_encode(payload);
        // Pages that take parameters: each answers (an error page is fine) without raw markup.
        const std::vector<std::string> targets = {
            "/diary?staffCode=" + v + "&date=" + v,
            "/due?show=" + v,
            "/allocations?team=" + v + "&scope=" + v,
            "/cases/" + crn + "?recorded=" + v,
            "/cases/" + crn + "/risk?done=" + v,
            "/caseload?q=" + v,
            "/cases/" + v,
            "/" + v,
        };
        for (const auto& target : targets) {
            auto page = browser.get(target);
            EXPECT_LT(page.status, 500) << target;
            expect_no_raw_markup(page, target);
        }
        auto sign_in = http_request(service().port(), "GET", "/sign-in?returnTo=" + v);
        EXPECT_EQ(sign_in.status, 200);
        expect_no_raw_markup(sign_in, "the sign-in page");
        auto missing = browser.get("/no-such/" + v);
        EXPECT_EQ(missing.status, 404);
        expect_no_raw_markup(missing, "the not-found page");

        auto audit = auditor.get("/audit?crn=" + v + "&user=" + v);
        EXPECT_LT(audit.status, 500);
        expect_no_raw_markup(audit, "the audit page");
        auto audit_api = api("demo.auditor", "GET", "/api/v1/audit?crn=" + v);
        EXPECT_LT(audit_api.status, 500);
        EXPECT_NO_THROW((void)json::parse(audit_api.body));
    }
    expect_tables_intact();
}

INSTANTIATE_TEST_SUITE_P(Databases, Injection, ::testing::ValuesIn(backends()), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
