// A case's contact history a page at a time, on the case page and in the API: every
// contact appears once, newest first, whatever the ties in time; a contact recorded
// with an earlier date is still reachable from the banner that says it was saved.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <regex>
#include <set>

#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;

class ContactPaging : public SharedServiceTest {
protected:
    RunningService& service() { return shared_service("onecase_contact_paging"); }
    HttpResult call(const std::string& method, const std::string& target, const std::string& body = "") {
        if (token_[GetParam()].empty()) token_[GetParam()] = service().token_for("demo.po");
        std::map<std::string, std::string> headers{{"Authorization", "Bearer " + token_[GetParam()]}};
        if (!body.empty()) headers["Content-Type"] = "application/json";
        return http_request(service().port(), method, target, headers, body);
    }
    std::string crn_at(std::size_t i) {
        return std::string(json::parse(call("GET", "/api/v1/caseload").body).at("cases").at(i).at("crn").as_string());
    }
    // The case's contact ids as the API lists them all, newest first.
    std::vector<std::int64_t> all_ids(const std::string& crn) {
        std::vector<std::int64_t> ids;
        const auto r = call("GET", "/api/v1/people/" + crn + "/contacts?limit=1000");
        EXPECT_EQ(r.status, 200) << r.body.substr(0, 300);
        const auto listed = json::parse(r.body);
        for (const auto& c : listed.at("contacts").as_array()) {
            ids.push_back(c.at("id").as_int64());
        }
        return ids;
    }
    // Sixty contacts over twenty minutes of 2019, three to a minute: ties in time.
    void record_sixty(const std::string& crn) {
        for (int i = 0; i < 60; ++i) {
            const std::string minute = (i / 3 < 10 ? "0" : "") + std::to_string(i / 3);
            auto r = call("POST", "/api/v1/people/" + crn + "/contacts",
                          json_body({{"type", "phone"}, {"notes", "Paging call " + std::to_string(i)},
                                     {"date", "2019-03-04T10:" + minute + ":00Z"}}));
            ASSERT_EQ(r.status, 201) << r.body;
        }
    }
    static std::vector<std::int64_t> anchors_in(const std::string& html) {
        std::vector<std::int64_t> ids;
        static const std::regex anchor(R"re(<li class="onecase-contact" id="contact-(\d+)")re");
        for (std::sregex_iterator it(html.begin(), html.end(), anchor), end; it != end; ++it) ids.push_back(std::stoll((*it)[1]));
        return ids;
    }
    static std::string older_link(const std::string& html) {
        static const std::regex link(R"re(href="(/cases/[^"?]+\?olderThan=\d+)#contact-history" rel="next")re");
        std::smatch m;
        return std::regex_search(html, m, link) ? m[1].str() : "";
    }
    static inline std::map<std::string, std::string> token_;
};

TEST_P(ContactPaging, TheCasePageShowsFiftyAtATimeAndEveryContactOnce) {
    const auto crn = crn_at(0);
    record_sixty(crn);
    const auto expected = all_ids(crn);
    ASSERT_GT(expected.size(), 60u);
    const std::string total = std::to_string(expected.size());

    auto page = call("GET", "/cases/" + crn);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Showing contacts 1 to 50 of " + total), std::string::npos);
    EXPECT_NE(page.body.find(total + " in total, newest first"), std::string::npos);
    EXPECT_EQ(page.body.find("Newest contacts"), std::string::npos) << "already the newest";

    std::vector<std::int64_t> shown;
    std::string next = "/cases/" + crn;
    for (int pages = 0; !next.empty(); ++pages) {
        ASSERT_LT(pages, 10) << "the pages never end";
        auto p = call("GET", next);
        ASSERT_EQ(p.status, 200);
        const auto ids = anchors_in(p.body);
        ASSERT_LE(ids.size(), 50u);
        const std::string from = std::to_string(shown.size() + 1);
        EXPECT_NE(p.body.find("Showing contacts " + from + " to " + std::to_string(shown.size() + ids.size()) + " of " + total),
                  std::string::npos)
            << next;
        if (pages > 0) {
            EXPECT_NE(p.body.find("Newest contacts"), std::string::npos);
        }
        shown.insert(shown.end(), ids.begin(), ids.end());
        next = older_link(p.body);
    }
    EXPECT_EQ(shown, expected) << "each contact once, in the API's newest-first order";

    // An address whose contact has gone, or is not this case's, starts from the newest.
    auto stale = call("GET", "/cases/" + crn + "?olderThan=999999999");
    ASSERT_EQ(stale.status, 200);
    EXPECT_EQ(anchors_in(stale.body), std::vector<std::int64_t>(expected.begin(), expected.begin() + 50));
}

TEST_P(ContactPaging, TheApiPagesOnFromTheLastContactAClientHas) {
    const auto crn = crn_at(1);
    record_sixty(crn);
    const auto expected = all_ids(crn);
    ASSERT_GT(expected.size(), 60u);

    std::vector<std::int64_t> paged;
    std::string target = "/api/v1/people/" + crn + "/contacts?limit=7";
    for (;;) {
        auto r = call("GET", target);
        ASSERT_EQ(r.status, 200) << r.body;
        const auto list = json::parse(r.body).at("contacts").as_array();
        for (const auto& c : list) paged.push_back(c.at("id").as_int64());
        if (list.size() < 7) break;
        target = "/api/v1/people/" + crn + "/contacts?limit=7&olderThan=" + std::to_string(paged.back());
    }
    EXPECT_EQ(paged, expected);

    const auto other_case_contact = all_ids(crn_at(0));
    ASSERT_FALSE(other_case_contact.empty());
    for (const auto& bad : std::vector<std::string>{"999999999", "0", "abc", std::to_string(other_case_contact[0])}) {
        auto r = call("GET", "/api/v1/people/" + crn + "/contacts?olderThan=" + bad);
        EXPECT_EQ(r.status, 422) << bad << ": " << r.body;
        EXPECT_NE(r.body.find("olderThan must be the id of one of this case's contacts"), std::string::npos) << bad;
    }
}

TEST_P(ContactPaging, TheSavedBannerReachesAContactDatedBeforeThePageShown) {
    const auto crn = crn_at(2);
    record_sixty(crn);
    Browser b(service().port());
    ASSERT_EQ(b.sign_in("demo.po", "onecase-demo-2026").status, 303);
    const auto csrf = b.csrf_from(b.get("/cases/" + crn).body);

    auto backdated = b.post_form("/cases/" + crn + "/contacts",
                                 {{"type", "phone"}, {"notes", "Call from 2001 found in old papers"}, {"date", "2001-01-02"},
                                  {"time", "09:00"}, {"csrf", csrf}});
    ASSERT_EQ(backdated.status, 303);
    const auto location = backdated.header("location").value();
    const auto id = location.substr(location.find("recorded=") + 9, location.find('#') - location.find("recorded=") - 9);
    auto page = b.get(location.substr(0, location.find('#')));
    EXPECT_NE(page.body.find("Contact recorded"), std::string::npos);
    EXPECT_NE(page.body.find("href=\"/cases/" + crn + "/contacts/" + id + "\">contact history"), std::string::npos)
        << "the oldest contact is not on the first page, so the banner links to its own page";
    EXPECT_EQ(b.get("/cases/" + crn + "/contacts/" + id).status, 200);

    auto today = b.post_form("/cases/" + crn + "/contacts", {{"type", "phone"}, {"notes", "Rang today"}, {"csrf", csrf}});
    ASSERT_EQ(today.status, 303);
    const auto now_location = today.header("location").value();
    const auto now_id = now_location.substr(now_location.find("recorded=") + 9,
                                            now_location.find('#') - now_location.find("recorded=") - 9);
    auto now_page = b.get(now_location.substr(0, now_location.find('#')));
    EXPECT_NE(now_page.body.find("href=\"#contact-" + now_id + "\">contact history"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Databases, ContactPaging, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
