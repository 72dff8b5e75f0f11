// A write route checks access before it reads the request's body: someone refused gets
// 403 whatever they sent, never a 400 or 422 that tells them the route would otherwise
// have listened, and nothing changes. On both databases.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "access/users_store.hpp"
#include "platform/crypto.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;
const std::string kPassword = "onecase-demo-2026";

class WriteAccessFirst : public SharedServiceTest {
protected:
    RunningService& service() { return shared_service("onecase_write_access_first"); }
    HttpResult call(const std::string& user, const std::string& method, const std::string& path, const std::string& body) {
        return http_request(service().port(), method, path,
                            {{"Authorization", "Bearer " + service().token_for(user)}, {"Content-Type", "application/json"}}, body);
    }
    std::int64_t count(const std::string& sql, const db::Params& params = {}) {
        auto conn = service().database().acquire();
        return conn->query(sql, params).at(0).int64(0);
    }
    // What any of these writes would change.
    std::vector<std::int64_t> fingerprint() {
        return {count("SELECT COUNT(*) FROM contacts"),
                count("SELECT COALESCE(SUM(version), 0) FROM contacts"),
                count("SELECT COALESCE(SUM(version), 0) FROM appointments"),
                count("SELECT COUNT(*) FROM case_access_lists"),
                count("SELECT COUNT(*) FROM workload_tasks"),
                count("SELECT COUNT(*) FROM staff WHERE contracted_minutes IS NOT NULL"),
                count("SELECT COALESCE(SUM(contracted_minutes), 0) FROM staff"),
                count("SELECT COUNT(*) FROM audit_log WHERE changes IS NOT NULL")};
    }
};

TEST_P(WriteAccessFirst, ARefusedUserWithAnInvalidBodyGets403AndChangesNothing) {
    auto& s = service();
    const auto caseload = json::parse(call("demo.po", "GET", "/api/v1/caseload", "").body);
    const std::string crn(caseload.at("cases").at(0).at("crn").as_string());
    const std::string po(json::parse(call("demo.po", "GET", "/api/v1/me", "").body).at("staffCode").as_string());
    auto contact = call("demo.po", "POST", "/api/v1/people/" + crn + "/contacts", json_body({{"type", "phone"}, {"notes", "Rang"}}));
    ASSERT_EQ(contact.status, 201) << contact.body;
    const auto contact_id = std::to_string(json::parse(contact.body).at("id").as_int64());
    auto booked = call("demo.po", "POST", "/api/v1/people/" + crn + "/appointments",
                       R"({"type":"phone","start":"2030-01-07T10:00","durationMinutes":15})");
    ASSERT_EQ(booked.status, 201) << booked.body;
    const auto appointment = std::to_string(json::parse(booked.body).at("id").as_int64());

    const auto before = fingerprint();
    // demo.other works in another region: every case write of demo.po's is refused;
    // demo.po is no SPO: access lists, contracted hours and tasks are refused.
    struct Attempt {
        const char* user;
        std::string method, path, body;
    };
    const std::vector<Attempt> attempts{
        {"demo.other", "POST", "/api/v1/people/" + crn + "/contacts", "not json"},
        {"demo.other", "POST", "/api/v1/people/" + crn + "/contacts", R"({"type":42})"},
        {"demo.other", "PUT", "/api/v1/people/" + crn + "/contacts/" + contact_id, "not json"},
        {"demo.other", "PUT", "/api/v1/people/" + crn + "/contacts/" + contact_id, R"({"notes":"no version"})"},
        {"demo.po", "POST", "/api/v1/people/" + crn + "/access-list", "not json"},
        {"demo.po", "POST", "/api/v1/people/" + crn + "/access-list", R"({"kind":"nonsense"})"},
        {"demo.other", "PUT", "/api/v1/appointments/" + appointment, "not json"},
        {"demo.other", "PUT", "/api/v1/appointments/" + appointment, R"({"start":"yesterday"})"},
        {"demo.other", "POST", "/api/v1/appointments/" + appointment + "/cancel", "not json"},
        {"demo.other", "POST", "/api/v1/appointments/" + appointment + "/cancel", R"({"reason":""})"},
        {"demo.po", "PUT", "/api/v1/staff/" + po + "/contracted-hours", "not json"},
        {"demo.po", "PUT", "/api/v1/staff/" + po + "/contracted-hours", R"({"contractedHours":-3})"},
        {"demo.po", "POST", "/api/v1/staff/" + po + "/tasks", "not json"},
        {"demo.po", "POST", "/api/v1/staff/" + po + "/tasks", R"({"kind":"nonsense","date":"never"})"},
    };
    for (const auto& a : attempts) {
        auto r = call(a.user, a.method, a.path, a.body);
        EXPECT_EQ(r.status, 403) << a.user << " " << a.method << " " << a.path << " " << a.body << ": " << r.body;
    }

    // The pages: a form missing its version or every field.
    Browser other(s.port());
    ASSERT_EQ(other.sign_in("demo.other", kPassword).status, 303);
    const auto csrf = other.csrf_from(other.get("/caseload").body);
    ASSERT_FALSE(csrf.empty());
    for (const auto& path : {"/cases/" + crn + "/contacts", "/cases/" + crn + "/contacts/" + contact_id,
                             "/appointments/" + appointment + "/move", "/appointments/" + appointment + "/cancel"}) {
        EXPECT_EQ(other.post_form(path, {{"csrf", csrf}}).status, 403) << path;
    }
    EXPECT_EQ(fingerprint(), before) << "a refused request changed something";

    // The assessment form is for recording one, so it needs write access like its POST:
    // a victim liaison officer of the team reads the case but records nothing on it.
    {
        auto conn = s.database().acquire();
        if (!access::find_user(*conn, "test.reader")) {
            auto staff = conn->query(
                "SELECT s.id FROM staff s JOIN staff po ON po.code = ? WHERE s.team_id = po.team_id AND s.id <> po.id "
                "AND s.grade IN ('PO', 'PSO') AND s.id NOT IN (SELECT staff_id FROM users WHERE staff_id IS NOT NULL) "
                "ORDER BY s.id LIMIT 1",
                {po});
            ASSERT_FALSE(staff.empty());
            access::create_user(*conn, "test.reader", platform::hash_password(kPassword), access::Role::vlo,
                                staff.at(0).int64(0), platform::SystemClock{}.now());
        }
    }
    Browser reader(s.port());
    ASSERT_EQ(reader.sign_in("test.reader", kPassword).status, 303);
    ASSERT_EQ(reader.get("/cases/" + crn).status, 200) << "the reader can read the case";
    EXPECT_EQ(reader.get("/cases/" + crn + "/assessments/new").status, 403);
    Browser owner(s.port());
    ASSERT_EQ(owner.sign_in("demo.po", kPassword).status, 303);
    EXPECT_EQ(owner.get("/cases/" + crn + "/assessments/new").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Databases, WriteAccessFirst, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
