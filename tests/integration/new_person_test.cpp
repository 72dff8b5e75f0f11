// Recording a new person through the API on both databases: a CRN is allocated, bad
// input changes nothing, and the same PNC ID cannot be recorded twice.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "platform/identifiers.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;

class NewPerson : public SharedServiceTest {
protected:
    RunningService& service() { return shared_service("onecase_new_person"); }
    HttpResult post(const std::string& user, const std::string& body) {
        return http_request(service().port(), "POST", "/api/v1/people",
                            {{"Authorization", "Bearer " + service().token_for(user)}, {"Content-Type", "application/json"}},
                            body);
    }
    std::int64_t people() {
        auto conn = service().database().acquire();
        return conn->query("SELECT COUNT(*) FROM people").at(0).int64(0);
    }
};

TEST_P(NewPerson, GetsANewCrnAndCanBeOpened) {
    const char check = platform::pnc_check_letter(19, 1234);
    auto r = post("demo.po", json_body({{"firstName", "Siobhán"}, {"lastName", "O'Neill"}, {"dateOfBirth", "1990-07-03"},
                                        {"gender", "Female"}, {"pnc", std::string("19/1234") + check}}));
    ASSERT_EQ(r.status, 201) << r.body;
    auto o = json::parse(r.body).as_object();
    const std::string crn(o.at("crn").as_string());
    EXPECT_TRUE(platform::is_valid_crn(crn));
    EXPECT_EQ(o.at("pnc").as_string(), std::string("2019/0001234") + check);

    auto again = post("demo.spo", json_body({{"firstName", "Sam"}, {"lastName", "Lee"}, {"dateOfBirth", "1985-01-01"}, {"gender", "Male"}}));
    ASSERT_EQ(again.status, 201) << again.body;
    EXPECT_NE(json::parse(again.body).at("crn").as_string(), crn);

    auto read = http_request(service().port(), "GET", "/api/v1/people/" + crn,
                             {{"Authorization", "Bearer " + service().token_for("demo.po")}});
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_EQ(json::parse(read.body).at("lastName").as_string(), "O'Neill");
}

TEST_P(NewPerson, SamePncTwiceIsAConflictNamingTheExistingCrn) {
    const char check = platform::pnc_check_letter(20, 777);
    const auto body = json_body({{"firstName", "Ann"}, {"lastName", "Twice"}, {"dateOfBirth", "1970-03-04"}, {"gender", "Female"},
                                 {"pnc", std::string("2020/0000777") + check}});
    auto first = post("demo.po", body);
    ASSERT_EQ(first.status, 201) << first.body;
    const auto before = people();
    auto second = post("demo.po", body);
    EXPECT_EQ(second.status, 409);
    EXPECT_NE(second.body.find(std::string(json::parse(first.body).at("crn").as_string())), std::string::npos);
    EXPECT_EQ(people(), before);
}

TEST_P(NewPerson, BadInputNamesTheFieldsAndChangesNothing) {
    const auto before = people();
    auto r = post("demo.po", json_body({{"firstName", ""}, {"lastName", "X"}, {"dateOfBirth", "1990-13-01"}, {"gender", "Female"},
                                        {"noms", "123"}}));
    EXPECT_EQ(r.status, 422);
    for (const char* f : {"firstName", "dateOfBirth", "noms"}) {
        EXPECT_NE(r.body.find(std::string("\"field\":\"") + f + "\""), std::string::npos) << f << " in " << r.body;
    }
    EXPECT_EQ(post("demo.po", "[]").status, 400);
    EXPECT_EQ(post("demo.admin", json_body({{"firstName", "A"}, {"lastName", "B"}, {"dateOfBirth", "1990-01-01"}, {"gender", "Male"}})).status, 403);
    EXPECT_EQ(people(), before);
}

TEST_P(NewPerson, ThePageKeepsWhatWasTypedBesideTheErrorsThenOpensTheNewCase) {
    Browser b(service().port());
    ASSERT_EQ(b.sign_in("demo.po", "onecase-demo-2026").status, 303);
    auto form = b.get("/people/new");
    ASSERT_EQ(form.status, 200);
    const auto csrf = b.csrf_from(form.body);
    const auto before = people();

    auto invalid = b.post_form("/people", {{"csrf", csrf}, {"firstName", "Kathryn"}, {"lastName", ""},
                                           {"dateOfBirth", "1990-02-30"}, {"gender", "Female"}});
    EXPECT_EQ(invalid.status, 422);
    EXPECT_NE(invalid.body.find("Enter a last name"), std::string::npos);
    EXPECT_NE(invalid.body.find("Date of birth must be a real date"), std::string::npos);
    EXPECT_NE(invalid.body.find("value=\"Kathryn\""), std::string::npos) << "typed text is kept";
    EXPECT_EQ(people(), before);

    auto created = b.post_form("/people", {{"csrf", csrf}, {"firstName", "Kathryn"}, {"lastName", "Smyth"},
                                           {"dateOfBirth", "1990-02-28"}, {"gender", "Female"}});
    ASSERT_EQ(created.status, 303) << created.body;
    const auto location = created.header("location").value_or("");
    ASSERT_EQ(location.rfind("/cases/", 0), 0u);
    auto page = b.get(location);
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Kathryn Smyth"), std::string::npos);
    EXPECT_EQ(people(), before + 1);
}

INSTANTIATE_TEST_SUITE_P(Databases, NewPerson, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
