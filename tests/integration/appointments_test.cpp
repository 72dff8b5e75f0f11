// Appointments through the real HTTP server on both databases: booking by API and
// page, moving with a version check, cancelling with a reason, the diary showing
// only what its reader may see, access refused outside scope, audit rows, and RAR
// days counted from linked contacts and attended appointments.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "appointments/views.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono;

class Appointments : public SharedServiceTest {
protected:
    RunningService& service() { return shared_service("onecase_appointments"); }
    HttpResult api(const std::string& user, const std::string& method, const std::string& target,
                   const std::string& body = "") {
        auto& token = tokens_[GetParam() + user];
        if (token.empty()) token = service().token_for(user);
        std::map<std::string, std::string> headers{{"Authorization", "Bearer " + token}};
        if (!body.empty()) headers["Content-Type"] = "application/json";
        return http_request(service().port(), method, target, headers, body);
    }
    std::string first_crn_of(const std::string& user) {
        auto r = api(user, "GET", "/api/v1/caseload");
        return std::string(json::parse(r.body).at("cases").at(0).at("crn").as_string());
    }
    std::string staff_code_of(const std::string& user) {
        return std::string(json::parse(api(user, "GET", "/api/v1/me").body).at("staffCode").as_string());
    }
    std::int64_t audit_count(const std::string& action, const std::string& detail_like = "%") {
        auto conn = service().database().acquire();
        return conn->query("SELECT COUNT(*) FROM audit_log WHERE action = ? AND detail LIKE ?", {action, detail_like})
            .at(0)
            .int64(0);
    }
    // UK local "YYYY-MM-DDTHH:MM:00" `days_ahead` days from now.
    static std::string local_start(int days_ahead, const char* time = "10:00") {
        const auto day = platform::london_date(platform::SystemClock().now() + days(days_ahead));
        return platform::format_date(day) + "T" + time + ":00";
    }
    json::object book(const std::string& user, const std::string& crn, const json::object& body, int expect = 201) {
        auto r = api(user, "POST", "/api/v1/people/" + crn + "/appointments", json::serialize(body));
        EXPECT_EQ(r.status, expect) << r.body;
        return json::parse(r.body).as_object();
    }
    static inline std::map<std::string, std::string> tokens_;
};

TEST_P(Appointments, BookReadListAndAudit) {
    const auto crn = first_crn_of("demo.po");
    const auto start = local_start(14);
    auto a = book("demo.po", crn,
                  {{"type", "office_visit"}, {"start", start}, {"durationMinutes", 45}, {"notes", "Bring payslips"}});
    EXPECT_EQ(a.at("start").as_string(), start);
    EXPECT_EQ(a.at("startUtc").as_string(), platform::format_instant(*platform::parse_london_local(start)));
    EXPECT_EQ(a.at("durationMinutes").as_int64(), 45);
    EXPECT_EQ(a.at("status").as_string(), "booked");
    EXPECT_EQ(a.at("version").as_int64(), 1);
    EXPECT_EQ(a.at("staff").at("code").as_string(), staff_code_of("demo.po"));
    EXPECT_FALSE(a.at("location").as_string().empty()) << "an office visit defaults to the practitioner's office";
    const auto id = a.at("id").as_int64();
    EXPECT_EQ(audit_count("appointment.book", "appointment=" + std::to_string(id) + " %"), 1);

    auto read = api("demo.po", "GET", "/api/v1/appointments/" + std::to_string(id));
    ASSERT_EQ(read.status, 200);
    EXPECT_EQ(json::parse(read.body).at("notes").as_string(), "Bring payslips");
    EXPECT_EQ(audit_count("appointment.view", "appointment=" + std::to_string(id)), 1);

    auto list = api("demo.po", "GET", "/api/v1/people/" + crn + "/appointments");
    ASSERT_EQ(list.status, 200);
    bool found = false;
    const auto listed = json::parse(list.body);
    for (const auto& item : listed.at("appointments").as_array()) {
        found = found || item.at("id").as_int64() == id;
        EXPECT_TRUE(item.as_object().contains("status"));
    }
    EXPECT_TRUE(found);

    // With someone else: their diary, not the booker's.
    auto with_spo = book("demo.po", crn,
                         {{"type", "video"},
                          {"start", local_start(15)},
                          {"durationMinutes", 30},
                          {"staffCode", staff_code_of("demo.spo")}});
    EXPECT_EQ(with_spo.at("staff").at("code").as_string(), staff_code_of("demo.spo"));
    book("demo.po", crn,
         {{"type", "video"}, {"start", local_start(15)}, {"durationMinutes", 30}, {"staffCode", "NOSUCH"}}, 422);

    // The case page lists it as upcoming, with a link to it.
    Browser b(service().port());
    b.sign_in("demo.po", "onecase-demo-2026");
    auto page = b.get("/cases/" + crn);
    EXPECT_NE(page.body.find("href=\"/appointments/" + std::to_string(id) + "\""), std::string::npos);
    EXPECT_NE(page.body.find("Book an appointment"), std::string::npos);
}

TEST_P(Appointments, BadBookingsChangeNothing) {
    const auto crn = first_crn_of("demo.po");
    auto before = json::parse(api("demo.po", "GET", "/api/v1/people/" + crn + "/appointments").body)
                      .at("appointments")
                      .as_array()
                      .size();
    auto past =
        book("demo.po", crn, {{"type", "office_visit"}, {"start", local_start(-1)}, {"durationMinutes", 30}}, 422);
    EXPECT_NE(json::serialize(past).find("recorded as a contact"), std::string::npos);
    book("demo.po", crn, {{"type", "email"}, {"start", local_start(3)}, {"durationMinutes", 30}}, 422);
    book("demo.po", crn, {{"type", "phone"}, {"start", local_start(3)}, {"durationMinutes", 481}}, 422);
    book("demo.po", crn, {{"type", "phone"}, {"start", "2027-02-30T10:00"}, {"durationMinutes", 30}}, 422);
    book("demo.po", crn,
         {{"type", "phone"}, {"start", local_start(3)}, {"durationMinutes", 30}, {"requirementId", 999999999}}, 422);
    book("demo.po", crn, {{"type", "phone"}, {"start", local_start(3)}, {"durationMinutes", "thirty"}}, 422);
    auto after = json::parse(api("demo.po", "GET", "/api/v1/people/" + crn + "/appointments").body)
                     .at("appointments")
                     .as_array()
                     .size();
    EXPECT_EQ(before, after);
}

TEST_P(Appointments, MoveChecksTheVersionAndCancelNeedsAReason) {
    const auto crn = first_crn_of("demo.po");
    auto a = book("demo.po", crn, {{"type", "phone"}, {"start", local_start(10)}, {"durationMinutes", 15}});
    const std::string path = "/api/v1/appointments/" + std::to_string(a.at("id").as_int64());

    const auto new_start = local_start(11, "14:30");
    auto moved = api("demo.po", "PUT", path, json::serialize(json::object{{"version", 1}, {"start", new_start}}));
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(json::parse(moved.body).at("start").as_string(), new_start);
    EXPECT_EQ(json::parse(moved.body).at("version").as_int64(), 2);
    EXPECT_EQ(json::parse(moved.body).at("durationMinutes").as_int64(), 15);

    auto stale = api("demo.po", "PUT", path, json::serialize(json::object{{"version", 1}, {"start", local_start(12)}}));
    ASSERT_EQ(stale.status, 409);
    EXPECT_EQ(stale.header("content-type"), "application/problem+json");
    EXPECT_EQ(json::parse(stale.body).at("current").at("start").as_string(), new_start);
    EXPECT_EQ(json::parse(stale.body).at("current").at("version").as_int64(), 2);

    EXPECT_EQ(
        api("demo.po", "PUT", path, json::serialize(json::object{{"version", 2}, {"start", local_start(-2)}})).status,
        422);
    EXPECT_EQ(api("demo.po", "PUT", path, json::serialize(json::object{{"start", local_start(12)}})).status, 422);

    auto no_reason =
        api("demo.po", "POST", path + "/cancel", json::serialize(json::object{{"version", 2}, {"reason", "  "}}));
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_NE(no_reason.body.find("reason"), std::string::npos);
    auto stale_cancel =
        api("demo.po", "POST", path + "/cancel", json::serialize(json::object{{"version", 1}, {"reason", "x"}}));
    EXPECT_EQ(stale_cancel.status, 409);

    auto cancelled = api("demo.po", "POST", path + "/cancel",
                         json::serialize(json::object{{"version", 2}, {"reason", "Person starts work that day"}}));
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    auto c = json::parse(cancelled.body).as_object();
    EXPECT_EQ(c.at("status").as_string(), "cancelled");
    EXPECT_EQ(c.at("cancelReason").as_string(), "Person starts work that day");
    EXPECT_FALSE(c.at("cancelledAt").is_null());
    // Kept, and cannot be moved or cancelled again.
    EXPECT_EQ(api("demo.po", "GET", path).status, 200);
    EXPECT_EQ(
        api("demo.po", "PUT", path, json::serialize(json::object{{"version", 3}, {"start", local_start(12)}})).status,
        422);
    EXPECT_EQ(
        api("demo.po", "POST", path + "/cancel", json::serialize(json::object{{"version", 3}, {"reason", "again"}}))
            .status,
        422);

    const auto id = std::to_string(a.at("id").as_int64());
    EXPECT_EQ(audit_count("appointment.move", "appointment=" + id + " %"), 1);
    EXPECT_EQ(audit_count("appointment.cancel", "appointment=" + id), 1);
}

TEST_P(Appointments, ACancelledAppointmentIsNotTheNextOneOnTheCaseload) {
    const auto crn = first_crn_of("demo.po");
    // Ninety seconds ahead, at an odd second: sooner than any demo appointment.
    const auto start = appointments::local_iso(platform::SystemClock().now() + seconds(90));
    auto a = book("demo.po", crn, {{"type", "phone"}, {"start", start}, {"durationMinutes", 10}});
    const auto next = [&] {
        const auto caseload = json::parse(api("demo.po", "GET", "/api/v1/caseload").body);
        for (const auto& c : caseload.at("cases").as_array()) {
            if (c.at("crn").as_string() == crn) return json::value(c.at("nextAppointment"));
        }
        return json::value(nullptr);
    };
    EXPECT_EQ(next(), json::value(a.at("startUtc")));
    ASSERT_EQ(api("demo.po", "POST", "/api/v1/appointments/" + std::to_string(a.at("id").as_int64()) + "/cancel",
                  json::serialize(json::object{{"version", 1}, {"reason", "Phoned to say he is in hospital"}}))
                  .status,
              200);
    EXPECT_NE(next(), json::value(a.at("startUtc")));
}

TEST_P(Appointments, OutsideScopeIsForbiddenAndChangesNothing) {
    const auto crn = first_crn_of("demo.po");
    auto a = book("demo.po", crn, {{"type", "video"}, {"start", local_start(9)}, {"durationMinutes", 30}});
    const std::string path = "/api/v1/appointments/" + std::to_string(a.at("id").as_int64());
    auto body = json::serialize(json::object{{"type", "phone"}, {"start", local_start(9)}, {"durationMinutes", 30}});
    EXPECT_EQ(api("demo.other", "POST", "/api/v1/people/" + crn + "/appointments", body).status, 403);
    EXPECT_EQ(api("demo.other", "GET", "/api/v1/people/" + crn + "/appointments").status, 403);
    EXPECT_EQ(api("demo.other", "GET", path).status, 403);
    EXPECT_EQ(api("demo.other", "PUT", path, json::serialize(json::object{{"version", 1}, {"start", local_start(20)}}))
                  .status,
              403);
    EXPECT_EQ(
        api("demo.other", "POST", path + "/cancel", json::serialize(json::object{{"version", 1}, {"reason", "no"}}))
            .status,
        403);
    EXPECT_EQ(api("demo.admin", "GET", path).status, 403);
    EXPECT_EQ(json::parse(api("demo.po", "GET", path).body).at("version").as_int64(), 1);
    EXPECT_EQ(api("demo.po", "GET", "/api/v1/appointments/999999999").status, 404);
}

TEST_P(Appointments, DiaryShowsOnlyTheReadersOwnOrTheirTeams) {
    const auto crn = first_crn_of("demo.po");
    const auto start = local_start(21, "11:00");
    auto a = book("demo.po", crn,
                  {{"type", "home_visit"}, {"start", start}, {"durationMinutes", 60}, {"location", "Hostel, room 4"}});
    const auto id = a.at("id").as_int64();
    const auto day = start.substr(0, 10);
    const auto diary_of = [&](const std::string& user, const std::string& extra = "") {
        return api(user, "GET", "/api/v1/diary?from=" + day + "&to=" + day + extra);
    };
    auto contains = [&](const HttpResult& r) {
        const auto diary = json::parse(r.body);
        for (const auto& e : diary.at("appointments").as_array()) {
            if (e.at("id").as_int64() == id) return true;
        }
        return false;
    };
    auto own = diary_of("demo.po");
    ASSERT_EQ(own.status, 200) << own.body;
    EXPECT_TRUE(contains(own));
    const auto own_diary = json::parse(own.body);
    for (const auto& e : own_diary.at("appointments").as_array()) {
        EXPECT_EQ(e.at("staff").at("code").as_string(), staff_code_of("demo.po"));
    }
    auto other = diary_of("demo.other");
    ASSERT_EQ(other.status, 200);
    EXPECT_FALSE(contains(other));
    EXPECT_EQ(diary_of("demo.other", "&staffCode=" + staff_code_of("demo.po")).status, 403);
    auto spo = diary_of("demo.spo", "&staffCode=" + staff_code_of("demo.po"));
    ASSERT_EQ(spo.status, 200) << spo.body;
    EXPECT_TRUE(contains(spo));
    EXPECT_EQ(api("demo.po", "GET", "/api/v1/diary?from=2026-01-01&to=2026-03-01").status, 422);
    EXPECT_EQ(api("demo.po", "GET", "/api/v1/diary?from=2026-01-31&to=2026-01-01").status, 422);
    EXPECT_GE(audit_count("diary.view", "staff=" + staff_code_of("demo.po") + " from=" + day + "%"), 2);
    EXPECT_GE(audit_count("diary.view.refused"), 1);

    // Day and week pages, with the entry linking to the case.
    Browser b(service().port());
    b.sign_in("demo.po", "onecase-demo-2026");
    auto day_page = b.get("/diary?date=" + day);
    ASSERT_EQ(day_page.status, 200);
    EXPECT_NE(day_page.body.find("href=\"/cases/" + crn + "\""), std::string::npos);
    EXPECT_NE(day_page.body.find("Hostel, room 4"), std::string::npos);
    auto week_page = b.get("/diary?week=" + day);
    ASSERT_EQ(week_page.status, 200);
    EXPECT_NE(week_page.body.find("Week beginning"), std::string::npos);
    EXPECT_NE(week_page.body.find("/appointments/" + std::to_string(id)), std::string::npos);
    EXPECT_EQ(b.get("/diary?date=tomorrow").status, 400);
}

TEST_P(Appointments, AwaitingOutcomeIsShownAndLinksToTheOutcomePage) {
    const auto crn = first_crn_of("demo.po");
    auto a = book("demo.po", crn, {{"type", "office_visit"}, {"start", local_start(5)}, {"durationMinutes", 30}});
    const auto id = a.at("id").as_int64();
    {
        // Time passes: the start is now yesterday.
        auto conn = service().database().acquire();
        conn->execute("UPDATE appointments SET start_at = ? WHERE id = ?",
                      {platform::format_instant(platform::SystemClock().now() - hours(24)), id});
    }
    auto read = api("demo.po", "GET", "/api/v1/appointments/" + std::to_string(id));
    EXPECT_EQ(json::parse(read.body).at("status").as_string(), "awaiting_outcome");
    Browser b(service().port());
    b.sign_in("demo.po", "onecase-demo-2026");
    auto page = b.get("/cases/" + crn);
    EXPECT_NE(page.body.find("/appointments/" + std::to_string(id) + "/outcome"), std::string::npos);
    EXPECT_NE(page.body.find("Awaiting outcome"), std::string::npos);
}

TEST_P(Appointments, PagesBookMoveAndCancel) {
    const auto crn = first_crn_of("demo.po");
    Browser b(service().port());
    b.sign_in("demo.po", "onecase-demo-2026");
    auto form = b.get("/cases/" + crn + "/appointments/new");
    ASSERT_EQ(form.status, 200);
    const auto csrf = b.csrf_from(form.body);
    const auto day = local_start(15).substr(0, 10);

    EXPECT_EQ(
        b.post_form("/cases/" + crn + "/appointments", {{"type", "phone"}, {"date", day}, {"time", "10:00"}}).status,
        403)
        << "no CSRF token";
    auto invalid = b.post_form("/cases/" + crn + "/appointments", {{"csrf", csrf},
                                                                   {"type", "phone"},
                                                                   {"date", day},
                                                                   {"time", "25:00"},
                                                                   {"durationMinutes", "30"},
                                                                   {"notes", "Keep <this> text"}});
    EXPECT_EQ(invalid.status, 422);
    EXPECT_NE(invalid.body.find("Enter a real time"), std::string::npos);
    EXPECT_NE(invalid.body.find("Keep &lt;this&gt; text"), std::string::npos);

    auto booked = b.post_form("/cases/" + crn + "/appointments", {{"csrf", csrf},
                                                                  {"type", "phone"},
                                                                  {"date", day},
                                                                  {"time", "10:00"},
                                                                  {"durationMinutes", "30"},
                                                                  {"notes", "Keep <this> text"}});
    ASSERT_EQ(booked.status, 303);
    const auto location = booked.header("location").value();
    auto shown = b.get(location);
    EXPECT_NE(shown.body.find("Appointment booked"), std::string::npos);
    const auto id_text = location.substr(std::string("/appointments/").size(),
                                         location.find('?') - std::string("/appointments/").size());

    auto move_form = b.get("/appointments/" + id_text + "/move");
    ASSERT_EQ(move_form.status, 200);
    auto moved = b.post_form("/appointments/" + id_text + "/move", {{"csrf", csrf},
                                                                    {"version", "1"},
                                                                    {"date", day},
                                                                    {"time", "15:00"},
                                                                    {"durationMinutes", "30"},
                                                                    {"location", ""}});
    ASSERT_EQ(moved.status, 303);
    auto stale = b.post_form("/appointments/" + id_text + "/move", {{"csrf", csrf},
                                                                    {"version", "1"},
                                                                    {"date", day},
                                                                    {"time", "16:00"},
                                                                    {"durationMinutes", "30"},
                                                                    {"location", ""}});
    EXPECT_EQ(stale.status, 409);
    EXPECT_NE(stale.body.find("Someone else changed this appointment"), std::string::npos);

    auto no_reason =
        b.post_form("/appointments/" + id_text + "/cancel", {{"csrf", csrf}, {"version", "2"}, {"reason", ""}});
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_NE(no_reason.body.find("Enter why the appointment is cancelled"), std::string::npos);
    auto cancelled = b.post_form("/appointments/" + id_text + "/cancel",
                                 {{"csrf", csrf}, {"version", "2"}, {"reason", "Booked in error"}});
    ASSERT_EQ(cancelled.status, 303);
    EXPECT_NE(b.get(cancelled.header("location").value()).body.find("Booked in error"), std::string::npos);

    auto api_view = json::parse(api("demo.po", "GET", "/api/v1/appointments/" + id_text).body).as_object();
    EXPECT_EQ(api_view.at("status").as_string(), "cancelled");
    EXPECT_EQ(api_view.at("start").as_string(), day + "T15:00:00");
}

TEST_P(Appointments, RarDaysCountLinkedContactsAndAttendedAppointments) {
    // Find a case of demo.po with a current RAR.
    std::string crn;
    std::int64_t rar_id = 0;
    const auto caseload = json::parse(api("demo.po", "GET", "/api/v1/caseload").body);
    for (const auto& c : caseload.at("cases").as_array()) {
        const std::string candidate(c.at("crn").as_string());
        auto reqs = json::parse(api("demo.po", "GET", "/api/v1/people/" + candidate + "/requirements").body);
        for (const auto& r : reqs.at("requirements").as_array()) {
            if (!r.at("rar").is_null() && rar_id == 0) {
                crn = candidate;
                rar_id = r.at("id").as_int64();
            }
        }
        if (rar_id) break;
    }
    ASSERT_NE(rar_id, 0) << "the demo caseload has a current RAR";
    const auto used = [&] {
        auto reqs = json::parse(api("demo.po", "GET", "/api/v1/people/" + crn + "/requirements").body);
        for (const auto& r : reqs.at("requirements").as_array()) {
            if (r.at("id").as_int64() == rar_id) return r.at("rar").as_object();
        }
        return json::object{};
    };
    const auto before = used().at("daysUsed").as_int64();
    const auto max_days = used().at("maxDays").as_int64();

    const auto record = [&](const std::string& when) {
        auto r =
            api("demo.po", "POST", "/api/v1/people/" + crn + "/contacts",
                json::serialize(json::object{
                    {"type", "office_visit"}, {"notes", "RAR session"}, {"date", when}, {"requirementId", rar_id}}));
        EXPECT_EQ(r.status, 201) << r.body;
        EXPECT_EQ(json::parse(r.body).at("requirementId").as_int64(), rar_id);
    };
    // Two sessions on one day in a past summer count once; 23:30 UTC is the next UK day.
    record("2025-07-01T10:00:00Z");
    record("2025-07-01T14:00:00Z");
    record("2025-07-01T23:30:00Z");
    EXPECT_EQ(used().at("daysUsed").as_int64(), before + 2);

    // A booked appointment does not use a day; once attended it does; cancelled never.
    auto a =
        book("demo.po", crn,
             {{"type", "office_visit"}, {"start", local_start(7)}, {"durationMinutes", 60}, {"requirementId", rar_id}});
    EXPECT_EQ(a.at("requirement").at("id").as_int64(), rar_id);
    auto c =
        book("demo.po", crn,
             {{"type", "office_visit"}, {"start", local_start(8)}, {"durationMinutes", 60}, {"requirementId", rar_id}});
    EXPECT_EQ(used().at("daysUsed").as_int64(), before + 2);
    EXPECT_EQ(api("demo.po", "POST", "/api/v1/appointments/" + std::to_string(c.at("id").as_int64()) + "/cancel",
                  json::serialize(json::object{{"version", 1}, {"reason", "Course full"}}))
                  .status,
              200);
    {
        // What the outcome page records, in the past.
        auto conn = service().database().acquire();
        conn->execute("UPDATE appointments SET start_at = ?, outcome = 'attended_complied' WHERE id = ?",
                      {std::string("2025-07-03T09:00:00Z"), a.at("id").as_int64()});
        conn->execute("UPDATE appointments SET start_at = ? WHERE id = ?",
                      {std::string("2025-07-04T09:00:00Z"), c.at("id").as_int64()});
    }
    const auto after = used();
    EXPECT_EQ(after.at("daysUsed").as_int64(), before + 3);
    EXPECT_EQ(after.at("daysRemaining").as_int64(), std::max<std::int64_t>(0, max_days - before - 3));

    // Not a requirement of this person's current order: refused, nothing recorded.
    auto wrong = api("demo.po", "POST", "/api/v1/people/" + crn + "/contacts",
                     json::serialize(json::object{{"type", "phone"}, {"notes", "x"}, {"requirementId", 999999999}}));
    EXPECT_EQ(wrong.status, 422);

    Browser b(service().port());
    b.sign_in("demo.po", "onecase-demo-2026");
    auto page = b.get("/cases/" + crn);
    EXPECT_NE(page.body.find(std::to_string(before + 3) + " of " + std::to_string(max_days) + " days used"),
              std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Databases, Appointments, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
