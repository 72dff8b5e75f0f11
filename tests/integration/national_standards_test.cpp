// National standards from storage, through the real server, on SQLite and
// PostgreSQL. The clock is fixed at Wednesday 6 January 2027, 10:00 UTC, just after
// the Christmas bank holidays (25 and 28 December 2026, 1 January 2027), so the
// working-day counts below cross them. Each test has its own small organisation:
// region R1 with team TEAMA (SPO spo.a; practitioners po.1, po.2) and TEAMB (spo.b),
// region R2 with po.far; and admin.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "access/users_store.hpp"
#include "app/app.hpp"
#include "db/migrations.hpp"
#include "platform/crypto.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;

class FixedClock final : public platform::Clock {
public:
    explicit FixedClock(platform::Instant t) : t_(t) {}
    platform::Instant now() const override { return t_; }

private:
    platform::Instant t_;
};

constexpr const char* kPassword = "standards-test-2027";

class NationalStandards : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        // A database per test, named within PostgreSQL's 63-character limit.
        const std::string name = "onecase_ns_" + std::to_string(std::hash<std::string>{}(info->name()) % 100000000);
        db_ = db::open_database(fresh_database_url(GetParam(), name), db::OpenOptions{4, std::chrono::milliseconds(10000)});
        db::migrate(*db_);
        seed_organisation();
        app::AppConfig config{std::string(ONECASE_SOURCE_DIR) + "/web", std::string(ONECASE_SOURCE_DIR) + "/node_modules", {}};
        app_ = std::make_unique<app::Application>(*db_, clock_, config);
        http::ServerOptions options;
        options.port = 0;
        options.threads = 2;
        server_ = std::make_unique<http::Server>(
            options, [this](http::Request& req) { return app_->handle(req); },
            [this](const http::Request& req, std::exception_ptr e) { return app_->answer_failure(req, e); });
        server_->bind();
        thread_ = std::thread([this] { server_->run(); });
    }
    void TearDown() override {
        if (!server_) return;  // SetUp failed before starting it
        server_->stop();
        thread_.join();
    }

    std::int64_t insert(const std::string& sql, const db::Params& params) {
        auto conn = db_->acquire();
        return conn->query(sql + " RETURNING id", params).at(0).int64(0);
    }

    void seed_organisation() {
        const auto r1 = insert("INSERT INTO regions (code, name) VALUES (?, ?)", {std::string("R1"), std::string("Region one")});
        const auto r2 = insert("INSERT INTO regions (code, name) VALUES (?, ?)", {std::string("R2"), std::string("Region two")});
        const auto p1 = insert("INSERT INTO pdus (code, name, region_id) VALUES (?, ?, ?)", {std::string("P1"), std::string("PDU one"), r1});
        const auto p2 = insert("INSERT INTO pdus (code, name, region_id) VALUES (?, ?, ?)", {std::string("P2"), std::string("PDU two"), r2});
        team_a_ = insert("INSERT INTO teams (code, name, pdu_id) VALUES (?, ?, ?)", {std::string("TEAMA"), std::string("Team A"), p1});
        const auto team_b = insert("INSERT INTO teams (code, name, pdu_id) VALUES (?, ?, ?)", {std::string("TEAMB"), std::string("Team B"), p1});
        const auto team_far = insert("INSERT INTO teams (code, name, pdu_id) VALUES (?, ?, ?)", {std::string("TEAMF"), std::string("Team F"), p2});
        auto staff = [&](const char* code, const char* first, const char* grade, std::int64_t team) {
            return insert("INSERT INTO staff (code, first_name, last_name, grade, team_id) VALUES (?, ?, ?, ?, ?)",
                          {std::string(code), std::string(first), std::string("Tester"), std::string(grade), team});
        };
        const auto spo_a = staff("TA01", "Sam", "SPO", team_a_);
        po1_ = staff("TA02", "Pat", "PO", team_a_);
        po2_ = staff("TA03", "Alex", "PSO", team_a_);
        const auto spo_b = staff("TB01", "Bo", "SPO", team_b);
        const auto far = staff("TF01", "Fran", "PO", team_far);
        const auto hash = platform::hash_password(kPassword);
        auto conn = db_->acquire();
        const auto now = clock_.now();
        using access::Role;
        for (auto [user, role, s] : {std::tuple{"spo.a", Role::spo, std::optional(spo_a)},
                                     std::tuple{"po.1", Role::practitioner, std::optional(po1_)},
                                     std::tuple{"po.2", Role::practitioner, std::optional(po2_)},
                                     std::tuple{"spo.b", Role::spo, std::optional(spo_b)},
                                     std::tuple{"po.far", Role::practitioner, std::optional(far)},
                                     std::tuple{"admin", Role::admin, std::optional<std::int64_t>()}}) {
            const auto id = access::create_user(*conn, user, hash, role, s, now);
            tokens_[user] = access::create_api_token(*conn, id, "test", now, std::nullopt);
        }
    }

    // A person on a community order sentenced on `sentenced`, held by `staff_id`.
    std::string person(std::int64_t staff_id, const char* sentenced, const char* disposal = "community_order") {
        const std::string crn = "T" + std::to_string(100000 + ++people_);
        const auto id = insert(
            "INSERT INTO people (crn, first_name, last_name, date_of_birth, gender, case_manager_staff_id, tier,"
            " current_case, created_at) VALUES (?, ?, ?, '1990-01-01', 'Male', ?, 'C2', 1, ?)",
            {crn, std::string("Test"), "Person" + std::to_string(people_), staff_id, platform::format_instant(clock_.now())});
        insert("INSERT INTO events (person_id, event_number, offence, court, conviction_date, disposal_type, start_date, active)"
               " VALUES (?, 1, 'Theft', 'Leeds Magistrates', ?, ?, ?, 1)",
               {id, std::string(sentenced), std::string(disposal), std::string(sentenced)});
        ids_[crn] = id;
        return crn;
    }

    // A contact written straight to storage (as the appointments module writes an
    // outcome), dated `at` UTC, optionally recording an appointment's outcome.
    void contact(const std::string& crn, const char* type, const char* at, std::optional<const char*> outcome = std::nullopt) {
        db::Value appointment = db::null;
        if (outcome)
            appointment = insert("INSERT INTO appointments (person_id, type, start_at, staff_id, outcome) VALUES (?, ?, ?, ?, ?)",
                                 {ids_.at(crn), std::string(type), std::string(at), po1_, std::string(*outcome)});
        const auto now = platform::format_instant(clock_.now());
        insert("INSERT INTO contacts (person_id, type, contact_at, notes, created_at, updated_at, appointment_id)"
               " VALUES (?, ?, ?, 'Seen', ?, ?, ?)",
               {ids_.at(crn), std::string(type), std::string(at), now, now, appointment});
    }

    HttpResult get(const std::string& user, const std::string& target) {
        return http_request(server_->port(), "GET", target, {{"Authorization", "Bearer " + tokens_.at(user)}});
    }
    HttpResult post(const std::string& user, const std::string& target, const std::string& body) {
        return http_request(server_->port(), "POST", target,
                            {{"Authorization", "Bearer " + tokens_.at(user)}, {"Content-Type", "application/json"}}, body);
    }

    // The items of a case by kind, from the API.
    std::map<std::string, json::object> due(const std::string& crn, const std::string& user = "po.1") {
        auto r = get(user, "/api/v1/people/" + crn + "/due");
        EXPECT_EQ(r.status, 200) << r.body;
        std::map<std::string, json::object> out;
        if (r.status != 200) return out;
        const auto body = json::parse(r.body);
        for (const auto& item : body.at("items").as_array())
            out[std::string(item.at("kind").as_string())] = item.as_object();
        return out;
    }

    std::int64_t audit_rows(const std::string& action, const std::optional<std::string>& crn = std::nullopt) {
        auto conn = db_->acquire();
        if (crn) return conn->query("SELECT COUNT(*) FROM audit_log WHERE action = ? AND crn = ?", {action, *crn}).at(0).int64(0);
        return conn->query("SELECT COUNT(*) FROM audit_log WHERE action = ?", {action}).at(0).int64(0);
    }

    std::uint16_t port() const { return server_->port(); }

    // Wednesday 6 January 2027, 10:00 UTC (also 10:00 in London: GMT).
    FixedClock clock_{platform::Instant{std::chrono::sys_days{std::chrono::year{2027} / 1 / 6}} + std::chrono::hours(10)};
    std::unique_ptr<db::Database> db_;
    std::unique_ptr<app::Application> app_;
    std::unique_ptr<http::Server> server_;
    std::thread thread_;
    std::map<std::string, std::string> tokens_;
    std::map<std::string, std::int64_t> ids_;
    std::int64_t team_a_ = 0, po1_ = 0, po2_ = 0;
    int people_ = 0;
};

TEST_P(NationalStandards, SentencedThreeWorkingDaysAgoFirstAppointmentDueNotOverdue) {
    // 31 Dec is 3 working days before 6 Jan (1 Jan is a bank holiday).
    const auto crn = person(po1_, "2026-12-31");
    auto items = due(crn);
    ASSERT_TRUE(items.count("first_appointment"));
    const auto& first = items["first_appointment"];
    EXPECT_EQ(first.at("dueDate").as_string(), "2027-01-08");  // 4, 5, 6, 7, 8 January
    EXPECT_FALSE(first.at("overdue").as_bool());
    EXPECT_TRUE(first.at("overdueSince").is_null());
    EXPECT_FALSE(items.count("face_to_face_contact"));  // not before the first appointment
}

TEST_P(NationalStandards, SentencedTenWorkingDaysAgoOverdueSinceTheDayAfterTheDeadline) {
    // Friday 18 Dec is 10 working days before 6 Jan. Five working days from it skip
    // Christmas Day and the Boxing Day substitute: 21, 22, 23, 24, 29 December.
    const auto crn = person(po1_, "2026-12-18");
    auto items = due(crn);
    ASSERT_TRUE(items.count("first_appointment"));
    EXPECT_EQ(items["first_appointment"].at("dueDate").as_string(), "2026-12-29");
    EXPECT_TRUE(items["first_appointment"].at("overdue").as_bool());
    EXPECT_EQ(items["first_appointment"].at("overdueSince").as_string(), "2026-12-30");
    // The initial assessment (15 working days) is not overdue yet: 13 January.
    EXPECT_EQ(items["initial_assessment"].at("dueDate").as_string(), "2027-01-13");
    EXPECT_FALSE(items["initial_assessment"].at("overdue").as_bool());
}

TEST_P(NationalStandards, AFaceToFaceContactRecordedLateCountsFromItsOwnDate) {
    const auto crn = person(po1_, "2026-12-18");
    // Typed in today through the API, dated Monday 21 December (UK local time).
    auto r = post("po.1", "/api/v1/people/" + crn + "/contacts",
                  json_body({{"type", "office_visit"}, {"notes", "Induction, recorded late"}, {"date", "2026-12-21T10:00"}}));
    ASSERT_EQ(r.status, 201) << r.body;
    auto items = due(crn);
    EXPECT_FALSE(items.count("first_appointment"));
    ASSERT_TRUE(items.count("face_to_face_contact"));
    EXPECT_EQ(items["face_to_face_contact"].at("dueDate").as_string(), "2027-01-18");  // 21 Dec + 28 days
    EXPECT_FALSE(items["face_to_face_contact"].at("overdue").as_bool());
}

TEST_P(NationalStandards, AFailedToAttendAppointmentIsNotAContactMade) {
    const auto missed = person(po1_, "2026-12-18");
    contact(missed, "office_visit", "2026-12-22T10:00:00Z", "failed_to_attend");
    auto items = due(missed);
    ASSERT_TRUE(items.count("first_appointment"));
    EXPECT_TRUE(items["first_appointment"].at("overdue").as_bool());
    EXPECT_EQ(items["first_appointment"].at("overdueSince").as_string(), "2026-12-30");

    // The same appointment attended does count.
    const auto attended = person(po1_, "2026-12-18");
    contact(attended, "office_visit", "2026-12-22T10:00:00Z", "attended_complied");
    auto seen = due(attended);
    EXPECT_FALSE(seen.count("first_appointment"));
    EXPECT_EQ(seen["face_to_face_contact"].at("dueDate").as_string(), "2027-01-19");
}

TEST_P(NationalStandards, ADomesticAbuseRegistrationNeedsAHomeVisit) {
    const auto crn = person(po1_, "2026-12-01");
    contact(crn, "office_visit", "2026-12-02T10:00:00Z");
    EXPECT_FALSE(due(crn).count("home_visit"));
    insert("INSERT INTO registrations (person_id, type_code, description, registered_on) VALUES (?, ?, ?, ?)",
           {ids_.at(crn), std::string("DOMESTIC_ABUSE"), std::string("Domestic abuse perpetrator"), std::string("2026-12-31")});
    auto items = due(crn);
    ASSERT_TRUE(items.count("home_visit"));
    // 10 working days from Thursday 31 December, skipping 1 January: 15 January.
    EXPECT_EQ(items["home_visit"].at("dueDate").as_string(), "2027-01-15");
    EXPECT_NE(items["home_visit"].at("description").as_string().find("Domestic abuse"), std::string::npos);
    // A home visit meets it, and the next is due 3 months on.
    contact(crn, "home_visit", "2027-01-05T11:00:00Z");
    EXPECT_EQ(due(crn)["home_visit"].at("dueDate").as_string(), "2027-04-05");
}

TEST_P(NationalStandards, AnAssessmentContactMeetsTheInitialAssessmentAndStartsTheReviewCycle) {
    const auto crn = person(po1_, "2026-12-01");
    contact(crn, "initial_assessment", "2026-12-15T10:00:00Z");
    auto items = due(crn);
    EXPECT_FALSE(items.count("initial_assessment"));
    ASSERT_TRUE(items.count("sentence_plan_review"));
    EXPECT_EQ(items["sentence_plan_review"].at("dueDate").as_string(), "2027-06-15");
}

TEST_P(NationalStandards, ANewPolicyVersionChangesTheDueDate) {
    const auto crn = person(po1_, "2026-12-31");
    EXPECT_EQ(due(crn)["first_appointment"].at("dueDate").as_string(), "2027-01-08");
    auto settings = json::parse(get("admin", "/api/v1/policies/national-standards").body).at("inForce").at("settings").as_object();
    settings["firstAppointmentWorkingDays"] = 3;
    json::object body{{"effectiveFrom", "2027-01-06"}, {"note", "First appointment within 3 working days"}, {"settings", settings}};

    EXPECT_EQ(post("po.1", "/api/v1/policies/national-standards", json::serialize(body)).status, 403);
    auto past = body;
    past["effectiveFrom"] = "2027-01-05";
    auto refused = post("admin", "/api/v1/policies/national-standards", json::serialize(past));
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("effectiveFrom"), std::string::npos);

    auto r = post("admin", "/api/v1/policies/national-standards", json::serialize(body));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(json::parse(r.body).at("version").as_int64(), 2);
    EXPECT_EQ(audit_rows("policy.version.create"), 1);

    auto after = get("po.1", "/api/v1/people/" + crn + "/due");
    auto o = json::parse(after.body).as_object();
    EXPECT_EQ(o.at("policyVersion").as_int64(), 2);
    const auto& first = o.at("items").as_array().at(0);
    EXPECT_EQ(first.at("kind").as_string(), "first_appointment");
    EXPECT_EQ(first.at("dueDate").as_string(), "2027-01-06");  // 4, 5, 6 January: due today, not overdue
    EXPECT_FALSE(first.at("overdue").as_bool());

    // A version from a later date leaves today's answer alone.
    settings["firstAppointmentWorkingDays"] = 10;
    body["settings"] = settings;
    body["effectiveFrom"] = "2027-02-01";
    ASSERT_EQ(post("admin", "/api/v1/policies/national-standards", json::serialize(body)).status, 201);
    EXPECT_EQ(due(crn)["first_appointment"].at("dueDate").as_string(), "2027-01-06");
    auto versions = json::parse(get("po.1", "/api/v1/policies/national-standards").body);
    EXPECT_EQ(versions.at("versions").as_array().size(), 3u);
    EXPECT_EQ(versions.at("inForce").at("version").as_int64(), 2);

    // A correction for the same day: the later version wins.
    settings["firstAppointmentWorkingDays"] = 4;
    body["settings"] = settings;
    body["effectiveFrom"] = "2027-01-06";
    ASSERT_EQ(post("admin", "/api/v1/policies/national-standards", json::serialize(body)).status, 201);
    EXPECT_EQ(due(crn)["first_appointment"].at("dueDate").as_string(), "2027-01-07");
}

TEST_P(NationalStandards, TeamComplianceCountsAndPercentages) {
    // po.1: one case not yet due, one overdue. po.2: one case seen late, nothing overdue.
    person(po1_, "2026-12-31");
    person(po1_, "2026-12-18");
    const auto seen = person(po2_, "2026-12-18");
    contact(seen, "office_visit", "2026-12-21T10:00:00Z");

    auto r = get("spo.a", "/api/v1/teams/TEAMA/compliance");
    ASSERT_EQ(r.status, 200) << r.body;
    auto o = json::parse(r.body).as_object();
    std::map<std::string, json::object> rows;
    for (const auto& p : o.at("practitioners").as_array()) rows[std::string(p.at("staffCode").as_string())] = p.as_object();
    ASSERT_EQ(rows.size(), 2u) << r.body;  // the SPO holds no cases and is not a practitioner grade
    EXPECT_EQ(rows["TA02"].at("cases").as_int64(), 2);
    EXPECT_EQ(rows["TA02"].at("itemsOverdue").as_int64(), 1);
    EXPECT_EQ(rows["TA02"].at("itemsDue").as_int64(), 3);  // first appointment + 2 initial assessments
    EXPECT_EQ(rows["TA02"].at("percentWithNothingOverdue").as_int64(), 50);
    EXPECT_EQ(rows["TA03"].at("cases").as_int64(), 1);
    EXPECT_EQ(rows["TA03"].at("itemsOverdue").as_int64(), 0);
    EXPECT_EQ(rows["TA03"].at("itemsDue").as_int64(), 2);  // contact by 18 Jan, assessment by 13 Jan
    EXPECT_EQ(rows["TA03"].at("percentWithNothingOverdue").as_int64(), 100);
    const auto& totals = o.at("totals").as_object();
    EXPECT_EQ(totals.at("cases").as_int64(), 3);
    EXPECT_EQ(totals.at("itemsOverdue").as_int64(), 1);
    EXPECT_EQ(totals.at("itemsDue").as_int64(), 5);
    EXPECT_EQ(totals.at("percentWithNothingOverdue").as_int64(), 66);  // 2 of 3, rounded down
    EXPECT_EQ(audit_rows("team.compliance.view"), 1);

    auto drill = get("spo.a", "/api/v1/teams/TEAMA/compliance/TA02");
    ASSERT_EQ(drill.status, 200) << drill.body;
    const auto drilled = json::parse(drill.body);
    const auto& cases = drilled.at("cases").as_array();
    ASSERT_EQ(cases.size(), 2u);
    EXPECT_EQ(cases[0].at("overdue").as_array().size(), 1u);  // the overdue case first
    EXPECT_TRUE(cases[1].at("overdue").as_array().empty());
    EXPECT_EQ(get("spo.a", "/api/v1/teams/TEAMA/compliance/TB01").status, 404);
}

TEST_P(NationalStandards, OutsideScopeIsRefusedAndTheRefusalAudited) {
    const auto crn = person(po1_, "2026-12-18");
    for (const char* user : {"po.1", "spo.b", "admin"})
        EXPECT_EQ(get(user, "/api/v1/teams/TEAMA/compliance").status, 403) << user;
    EXPECT_EQ(get("spo.a", "/api/v1/teams/NOSUCH/compliance").status, 404);
    EXPECT_EQ(audit_rows("team.compliance.view.refused"), 4);
    EXPECT_EQ(audit_rows("team.compliance.view"), 0);

    // A practitioner in another region cannot read the case's due items.
    EXPECT_EQ(get("po.far", "/api/v1/people/" + crn + "/due").status, 403);
    EXPECT_EQ(audit_rows("due.view.refused", crn), 1);
    EXPECT_EQ(get("po.1", "/api/v1/people/X999999/due").status, 404);
    // Only admins reach the policy page.
    EXPECT_EQ(get("spo.a", "/admin/policies/national-standards").status, 403);
}

TEST_P(NationalStandards, ViewingDueItemsIsAudited) {
    const auto crn = person(po1_, "2026-12-18");
    EXPECT_EQ(audit_rows("due.view", crn), 0);
    due(crn);
    EXPECT_EQ(audit_rows("due.view", crn), 1);
    auto conn = db_->acquire();
    auto row = conn->query("SELECT username, at FROM audit_log WHERE action = 'due.view' AND crn = ?", {crn}).at(0);
    EXPECT_EQ(row.text(0), "po.1");
    EXPECT_EQ(row.text(1), "2027-01-06T10:00:00Z");
}

TEST_P(NationalStandards, WhatsDueListsTheCaseloadOverdueFirstWithFilters) {
    const auto soon = person(po1_, "2026-12-31");
    const auto late = person(po1_, "2026-12-18");
    person(po2_, "2026-12-01");  // someone else's case is not listed
    auto r = get("po.1", "/api/v1/me/due");
    ASSERT_EQ(r.status, 200) << r.body;
    auto items = json::parse(r.body).at("items").as_array();
    ASSERT_EQ(items.size(), 4u);  // first appointment and initial assessment on each
    EXPECT_EQ(items[0].at("crn").as_string(), late);
    EXPECT_TRUE(items[0].at("overdue").as_bool());
    EXPECT_EQ(items[1].at("crn").as_string(), soon);  // due 8 January
    auto overdue = json::parse(get("po.1", "/api/v1/me/due?show=overdue").body).at("items").as_array();
    ASSERT_EQ(overdue.size(), 1u);
    EXPECT_EQ(overdue[0].at("crn").as_string(), late);
    auto week = json::parse(get("po.1", "/api/v1/me/due?show=week").body).at("items").as_array();
    // Today to 13 January inclusive: the first appointment on 8 January and the late
    // case's assessment on the 13th; the other assessment (22 January) is later.
    ASSERT_EQ(week.size(), 2u);
    EXPECT_EQ(week[0].at("dueDate").as_string(), "2027-01-08");
    EXPECT_EQ(week[1].at("dueDate").as_string(), "2027-01-13");
    EXPECT_EQ(get("po.1", "/api/v1/me/due?show=later").status, 422);
    EXPECT_EQ(audit_rows("due.list.view"), 3);
}

TEST_P(NationalStandards, PagesShowWhatIsDueAndTheSpoLink) {
    const auto late = person(po1_, "2026-12-18");
    Browser po(port());
    ASSERT_EQ(po.sign_in("po.1", kPassword).status, 303);
    auto page = po.get("/due");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find(late), std::string::npos);
    EXPECT_NE(page.body.find("since 30 Dec 2026"), std::string::npos);
    EXPECT_NE(page.body.find("href=\"/due\""), std::string::npos);  // header link
    EXPECT_EQ(page.body.find("Team compliance"), std::string::npos);
    auto case_page = po.get("/cases/" + late);
    ASSERT_EQ(case_page.status, 200);
    EXPECT_NE(case_page.body.find("id=\"national-standards\""), std::string::npos);
    EXPECT_NE(case_page.body.find("govuk-tag--red\">Overdue"), std::string::npos);

    Browser spo(port());
    ASSERT_EQ(spo.sign_in("spo.a", kPassword).status, 303);
    auto team = spo.get("/teams/TEAMA/compliance");
    ASSERT_EQ(team.status, 200);
    EXPECT_NE(team.body.find("href=\"/teams/TEAMA/compliance\""), std::string::npos);
    EXPECT_NE(team.body.find("/teams/TEAMA/compliance/TA02"), std::string::npos);
    auto drill = spo.get("/teams/TEAMA/compliance/TA02");
    ASSERT_EQ(drill.status, 200);
    EXPECT_NE(drill.body.find(late), std::string::npos);
    EXPECT_EQ(po.get("/teams/TEAMA/compliance").status, 403);
}

TEST_P(NationalStandards, TheAdminFormKeepsWhatWasTypedBesideTheErrors) {
    Browser admin(port());
    ASSERT_EQ(admin.sign_in("admin", kPassword).status, 303);
    auto page = admin.get("/admin/policies/national-standards");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("In force: version 1"), std::string::npos);
    const auto csrf = admin.csrf_from(page.body);
    std::map<std::string, std::string> form = {
        {"csrf", csrf}, {"effectiveFrom", "2027-01-01"}, {"note", "Tighter first appointment"},
        {"firstAppointmentWorkingDays", "0"}, {"initialAssessmentWorkingDays", "15"}, {"faceToFaceEveryDays", "28"},
        {"afterReleaseFaceToFaceEveryDays", "7"}, {"afterReleaseWeeks", "12"}, {"afterReleaseProtectLevels", "A, B"},
        {"homeVisitWorkingDays", "10"}, {"homeVisitEveryMonths", "3"},
        {"homeVisitFlags", "DOMESTIC_ABUSE, CHILD_CONCERNS, CHILD_PROTECTION"}, {"sentencePlanReviewEveryMonths", "6"}};
    auto bad = admin.post_form("/admin/policies/national-standards", form);
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("First appointment must be from 1 to 60 working days"), std::string::npos);
    EXPECT_NE(bad.body.find("today or later"), std::string::npos);
    EXPECT_NE(bad.body.find("Tighter first appointment"), std::string::npos);
    EXPECT_NE(bad.body.find("value=\"2027-01-01\""), std::string::npos);
    EXPECT_EQ(audit_rows("policy.version.create"), 0);

    form["effectiveFrom"] = "2027-01-06";
    form["firstAppointmentWorkingDays"] = "3";
    auto good = admin.post_form("/admin/policies/national-standards", form);
    EXPECT_EQ(good.status, 303);
    auto after = admin.get("/admin/policies/national-standards?saved=2");
    EXPECT_NE(after.body.find("In force: version 2"), std::string::npos);
    EXPECT_NE(after.body.find("Version 2 of the national standards policy is saved"), std::string::npos);
    EXPECT_EQ(audit_rows("policy.version.create"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, NationalStandards, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
