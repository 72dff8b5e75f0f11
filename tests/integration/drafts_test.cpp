// Never losing a word: drafts belong to their user and go when the record is saved;
// a form posted after the session ended is kept and comes back after signing in; a
// stale edit on the contact page gets the conflict page with the editor's text.
// Run on both databases.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/request.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;

class Drafts : public SharedServiceTest {
protected:
    RunningService& service() { return shared_service("onecase_drafts"); }
    std::map<std::string, std::string> auth(const std::string& user) {
        return {{"Authorization", "Bearer " + service().token_for(user)}, {"Content-Type", "application/json"}};
    }
    std::string first_case_of(const std::string& user) {
        auto caseload = http_request(service().port(), "GET", "/api/v1/caseload", auth(user));
        return std::string(json::parse(caseload.body).at("cases").at(0).at("crn").as_string());
    }
    std::int64_t contact_count(const std::string& crn) {
        auto conn = service().database().acquire();
        return conn->query("SELECT COUNT(*) FROM contacts c JOIN people p ON p.id = c.person_id WHERE p.crn = ?", {crn})
            .at(0)
            .int64(0);
    }
};

std::string cookie_value(const HttpResult& r, const std::string& name) {
    for (auto [it, end] = r.headers.equal_range("set-cookie"); it != end; ++it) {
        if (it->second.rfind(name + "=", 0) == 0) return it->second.substr(name.size() + 1, it->second.find(';') - name.size() - 1);
    }
    return "";
}

TEST_P(Drafts, BelongToTheirUserAndGoWhenTheRecordIsSaved) {
    const auto crn = first_case_of("demo.po");
    const std::string key = "/api/v1/drafts/contact-new:" + crn;
    const auto body = json::serialize(json::object{{"crn", crn}, {"fields", json::object{{"type", "phone"}, {"notes", "half a thought — ünïcode"}}}});
    auto put = http_request(service().port(), "PUT", key, auth("demo.po"), body);
    ASSERT_EQ(put.status, 200) << put.body;

    auto got = http_request(service().port(), "GET", key, auth("demo.po"));
    ASSERT_EQ(got.status, 200);
    auto draft = json::parse(got.body).as_object();
    EXPECT_EQ(draft.at("fields").at("notes").as_string(), "half a thought — ünïcode");
    EXPECT_EQ(draft.at("crn").as_string(), crn);
    EXPECT_FALSE(draft.at("fromExpiredSession").as_bool());

    auto list = http_request(service().port(), "GET", "/api/v1/drafts?formKey=contact-new:" + crn, auth("demo.po"));
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(json::parse(list.body).at("drafts").as_array().size(), 1u);
    auto none = http_request(service().port(), "GET", "/api/v1/drafts?formKey=contact-new:" + crn, auth("demo.spo"));
    EXPECT_EQ(json::parse(none.body).at("drafts").as_array().size(), 0u);

    // Someone else's drafts are invisible, and no one keeps drafts on a case they cannot change.
    EXPECT_EQ(http_request(service().port(), "GET", key, auth("demo.spo")).status, 404);
    EXPECT_EQ(http_request(service().port(), "PUT", key, auth("demo.other"), body).status, 403);
    EXPECT_EQ(http_request(service().port(), "GET", "/api/v1/drafts/NOT%20A%20KEY", auth("demo.po")).status, 404);
    EXPECT_EQ(http_request(service().port(), "PUT", key, auth("demo.po"), R"({"fields":{"notes":7}})").status, 422);
    EXPECT_EQ(http_request(service().port(), "GET", key, {}).status, 401);

    // Saving the contact removes the draft in the same commit.
    auto saved = http_request(service().port(), "POST", "/api/v1/people/" + crn + "/contacts", auth("demo.po"),
                              json_body({{"type", "phone"}, {"notes", "the whole thought"}}));
    ASSERT_EQ(saved.status, 201) << saved.body;
    EXPECT_EQ(http_request(service().port(), "GET", key, auth("demo.po")).status, 404);

    EXPECT_EQ(http_request(service().port(), "PUT", key, auth("demo.po"), body).status, 200);
    EXPECT_EQ(http_request(service().port(), "DELETE", key, auth("demo.po")).status, 204);
    EXPECT_EQ(http_request(service().port(), "GET", key, auth("demo.po")).status, 404);
}

TEST_P(Drafts, AFormPostedAfterTheSessionEndedIsKeptAndComesBackAfterSigningIn) {
    const auto crn = first_case_of("demo.po");
    Browser tab(service().port());
    ASSERT_EQ(tab.sign_in("demo.po", "onecase-demo-2026").status, 303);
    auto page = tab.get("/cases/" + crn);
    ASSERT_EQ(page.status, 200);
    const auto csrf = tab.csrf_from(page.body);
    const auto cookie = tab.cookie_header();
    // The session ends (signed out in another tab, or timed out) while the note is typed.
    ASSERT_EQ(tab.post_form("/sign-out", {{"csrf", csrf}}).status, 303);

    const std::string notes = std::string(5000, 'x') + "\nThe end of a long note typed over half an hour.";
    std::map<std::string, std::string> form{{"csrf", csrf},
                                            {"draftKey", "contact-new:" + crn},
                                            {"draftCrn", crn},
                                            {"draftReturnTo", "/cases/" + crn + "#record-contact"},
                                            {"type", "office_visit"},
                                            {"date", "2026-01-05"},
                                            {"time", "10:15"},
                                            {"notes", notes}};
    std::string body;
    for (const auto& [k, v] : form) body += (body.empty() ? "" : "&") + http::url_encode(k) + "=" + http::url_encode(v);
    const auto before = contact_count(crn);
    auto forged = body;
    forged.replace(forged.find(csrf), csrf.size(), "not-the-token");
    auto refused = http_request(service().port(), "POST", "/cases/" + crn + "/contacts",
                                {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}}, forged);
    EXPECT_EQ(refused.status, 401) << "a form without its session's CSRF token is not kept";

    auto kept = http_request(service().port(), "POST", "/cases/" + crn + "/contacts",
                             {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}}, body);
    ASSERT_EQ(kept.status, 303);
    EXPECT_EQ(kept.header("location"), "/sign-in?kept=1&returnTo=" + http::url_encode("/cases/" + crn + "#record-contact"));
    EXPECT_EQ(contact_count(crn), before) << "nothing is saved without a session";

    Browser again(service().port());
    auto sign_in_page = again.get(*kept.header("location"));
    EXPECT_NE(sign_in_page.body.find("Nothing you typed has been lost"), std::string::npos);
    ASSERT_EQ(again.sign_in("demo.po", "onecase-demo-2026").status, 303);
    auto back = again.get("/cases/" + crn);
    ASSERT_EQ(back.status, 200);
    EXPECT_NE(back.body.find("Your session ended before this was saved"), std::string::npos);
    EXPECT_NE(back.body.find("The end of a long note typed over half an hour."), std::string::npos);
    EXPECT_NE(back.body.find("value=\"10:15\""), std::string::npos);

    auto saved = again.post_form("/cases/" + crn + "/contacts",
                                 {{"csrf", again.csrf_from(back.body)}, {"type", "office_visit"}, {"date", "2026-01-05"},
                                  {"time", "10:15"}, {"notes", notes}});
    ASSERT_EQ(saved.status, 303);
    EXPECT_EQ(cookie_value(saved, "onecase_saved_drafts"), http::url_encode("contact-new:" + crn));
    EXPECT_EQ(contact_count(crn), before + 1);
    auto after = again.get("/cases/" + crn);
    EXPECT_EQ(after.body.find("Unsaved text restored"), std::string::npos) << "the draft went with the save";
}

TEST_P(Drafts, AStaleEditOnTheContactPageShowsTheConflictWithTheEditorsText) {
    const auto crn = first_case_of("demo.po");
    auto created = http_request(service().port(), "POST", "/api/v1/people/" + crn + "/contacts", auth("demo.po"),
                                json_body({{"type", "phone"}, {"notes", "as first written"}}));
    ASSERT_EQ(created.status, 201);
    const auto id = std::to_string(json::parse(created.body).at("id").as_int64());
    const std::string path = "/cases/" + crn + "/contacts/" + id;

    Browser po(service().port());
    Browser spo(service().port());
    ASSERT_EQ(po.sign_in("demo.po", "onecase-demo-2026").status, 303);
    ASSERT_EQ(spo.sign_in("demo.spo", "onecase-demo-2026").status, 303);
    auto po_page = po.get(path);
    auto spo_page = spo.get(path);
    ASSERT_EQ(po_page.status, 200);
    ASSERT_EQ(spo_page.status, 200) << "the SPO may change a case in their team";
    EXPECT_NE(po_page.body.find("name=\"version\" value=\"1\""), std::string::npos);

    auto fields = [](const std::string& csrf, const std::string& version, const std::string& notes) {
        return std::map<std::string, std::string>{{"csrf", csrf},   {"version", version}, {"type", "phone"},
                                                  {"date", "2026-01-06"}, {"time", "09:00"}, {"notes", notes}};
    };
    ASSERT_EQ(po.post_form(path, fields(po.csrf_from(po_page.body), "1", "the practitioner's correction")).status, 303);
    auto conflict = spo.post_form(path, fields(spo.csrf_from(spo_page.body), "1", "the SPO's own words"));
    ASSERT_EQ(conflict.status, 409);
    EXPECT_NE(conflict.body.find("Someone else changed this contact"), std::string::npos);
    EXPECT_NE(conflict.body.find("the SPO&apos;s own words"), std::string::npos) << "the editor's text is in the form";
    EXPECT_NE(conflict.body.find("the practitioner&apos;s correction"), std::string::npos) << "beside the other version";
    EXPECT_NE(conflict.body.find("name=\"version\" value=\"2\""), std::string::npos);

    // Leaving and coming back does not lose the SPO's text: it was kept as their draft.
    auto reopened = spo.get(path);
    EXPECT_NE(reopened.body.find("the SPO&apos;s own words"), std::string::npos);
    ASSERT_EQ(spo.post_form(path, fields(spo.csrf_from(reopened.body), "2", "the SPO's own words")).status, 303);

    auto final_page = po.get(path);
    EXPECT_NE(final_page.body.find("Version 2"), std::string::npos);
    EXPECT_NE(final_page.body.find("Version 1"), std::string::npos);
    EXPECT_NE(final_page.body.find("by demo.spo"), std::string::npos);
    auto conn = service().database().acquire();
    EXPECT_EQ(conn->query("SELECT COUNT(*) FROM audit_log WHERE action = 'contact.update' AND detail LIKE ?",
                          {"contact=" + id + " %"}).at(0).int64(0), 2);
    // Bad input keeps the text and changes nothing.
    auto bad_page = po.get(path);
    auto bad_fields = fields(po.csrf_from(bad_page.body), "3", "kept text");
    bad_fields["date"] = "2026-02-30";
    auto bad = po.post_form(path, bad_fields);
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("kept text"), std::string::npos);
}

TEST_P(Drafts, AnyFormThatSavesItsRecordDropsItsDraft) {
    const auto crn = first_case_of("demo.po");
    const std::string key = "warning:" + crn;
    ASSERT_EQ(http_request(service().port(), "PUT", "/api/v1/drafts/" + key, auth("demo.po"),
                           json::serialize(json::object{{"crn", crn}, {"fields", json::object{{"reason", "late twice"}}}}))
                  .status,
              200);
    std::int64_t event_number = 0;
    {
        auto conn = service().database().acquire();
        event_number = conn->query("SELECT e.event_number FROM events e JOIN people p ON p.id = e.person_id "
                                   "WHERE p.crn = ? AND e.active = 1 ORDER BY e.event_number LIMIT 1",
                                   {crn})
                           .at(0)
                           .int64(0);
    }
    Browser tab(service().port());
    ASSERT_EQ(tab.sign_in("demo.po", "onecase-demo-2026").status, 303);
    auto page = tab.get("/cases/" + crn + "/enforcement/warning");
    ASSERT_EQ(page.status, 200);
    auto saved = tab.post_form("/cases/" + crn + "/enforcement/warning",
                               {{"csrf", tab.csrf_from(page.body)}, {"draftKey", key}, {"eventNumber", std::to_string(event_number)},
                                {"date", "2026-01-07"}, {"reason", "late twice"}});
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
    EXPECT_EQ(cookie_value(saved, "onecase_saved_drafts"), http::url_encode(key));
    EXPECT_EQ(http_request(service().port(), "GET", "/api/v1/drafts/" + key, auth("demo.po")).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Databases, Drafts, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
