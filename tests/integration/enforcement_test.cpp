// Appointment outcomes and enforcement through the real HTTP server on both databases:
// an unacceptable failure proposes a warning, breach or recall consideration by the
// order's history and the policy in force; people act on the proposals; everything is
// audited. Each test books its appointments on a new order of a demo.po case, so the
// tests' histories never mix.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <thread>

#include "platform/clock.hpp"
#include "platform/date_arithmetic.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono;

platform::Instant now() { return floor<seconds>(system_clock::now()); }
std::string days_ago_instant(int days) { return platform::format_instant(now() - hours(24 * days)); }
std::string days_ago_date(int days) { return platform::format_date(platform::add_days(platform::london_date(now()), -days)); }

struct Order {
    std::int64_t person_id = 0;
    std::string crn;
    std::int64_t event_id = 0;
    std::int64_t number = 0;
};

class Enforcement : public SharedServiceTest {
protected:
    RunningService& service() { return shared_service("onecase_enforcement"); }

    HttpResult api(const std::string& user, const std::string& method, const std::string& target,
                   const std::string& body = "", RunningService* on = nullptr) {
        RunningService& s = on ? *on : service();
        auto& token = tokens_[s.url() + user];
        if (token.empty()) token = s.token_for(user);
        std::map<std::string, std::string> headers{{"Authorization", "Bearer " + token}};
        if (!body.empty()) headers["Content-Type"] = "application/json";
        return http_request(s.port(), method, target, headers, body);
    }

    // A new order of `disposal` on the first case demo.po holds.
    Order new_order(const std::string& disposal, RunningService* on = nullptr) {
        RunningService& s = on ? *on : service();
        auto conn = s.database().acquire();
        auto person = conn->query(
                              "SELECT p.id, p.crn FROM people p JOIN users u ON u.staff_id = p.case_manager_staff_id "
                              "WHERE u.username = 'demo.po' ORDER BY p.crn LIMIT 1")
                          .at(0);
        Order o{person.int64(0), person.text(1), 0, 0};
        o.number = conn->query("SELECT COALESCE(MAX(event_number), 0) + 1 FROM events WHERE person_id = ?", {o.person_id})
                       .at(0)
                       .int64(0);
        o.event_id = conn->query("INSERT INTO events (person_id, event_number, offence, court, conviction_date, disposal_type, "
                                 "length_months, start_date, active) VALUES (?, ?, 'Theft from a shop', 'Test Magistrates', ?, ?, "
                                 "12, ?, 1) RETURNING id",
                                 {o.person_id, o.number, days_ago_date(400), disposal, days_ago_date(400)})
                         .at(0)
                         .int64(0);
        return o;
    }

    // An appointment on the order, `days` ago (negative: in the future), with no outcome.
    std::int64_t appointment(const Order& o, int days, RunningService* on = nullptr) {
        RunningService& s = on ? *on : service();
        auto conn = s.database().acquire();
        return conn->query("INSERT INTO appointments (person_id, type, start_at, duration_minutes, location, event_id, version) "
                           "VALUES (?, 'office_visit', ?, 30, 'Test office', ?, 1) RETURNING id",
                           {o.person_id, days_ago_instant(days), o.event_id})
            .at(0)
            .int64(0);
    }

    HttpResult outcome(std::int64_t id, const json::object& body, const std::string& user = "demo.po",
                       RunningService* on = nullptr) {
        return api(user, "POST", "/api/v1/appointments/" + std::to_string(id) + "/outcome", json::serialize(body), on);
    }

    HttpResult fail(const Order& o, int days, RunningService* on = nullptr) {
        return outcome(appointment(o, days, on),
                       {{"outcome", "failed_to_attend"}, {"acceptable", false}, {"notes", "Did not attend; no reason given."}},
                       "demo.po", on);
    }

    HttpResult warn(const Order& o, int days, RunningService* on = nullptr) {
        return api("demo.po", "POST", "/api/v1/people/" + o.crn + "/enforcement-actions",
                   json::serialize(json::object{{"eventNumber", o.number}, {"kind", "warning"}, {"date", days_ago_date(days)},
                                                {"reason", "Missed appointment"}}),
                   on);
    }

    static std::string proposal_of(const HttpResult& r) {
        const auto doc = json::parse(r.body);
        const auto& e = doc.at("enforcement");
        return e.is_null() ? "(not assessed)" : std::string(e.at("proposal").as_string());
    }
    static std::int64_t proposal_id_of(const HttpResult& r) {
        return json::parse(r.body).at("enforcement").at("proposalId").as_int64();
    }

    std::int64_t count(const std::string& sql, const db::Params& params) {
        auto conn = service().database().acquire();
        return conn->query(sql, params).at(0).int64(0);
    }

    static inline std::map<std::string, std::string> tokens_;
};

TEST_P(Enforcement, UnacceptableFailureOnACommunityOrderProposesAWarningAndRecordsTheContact) {
    const auto o = new_order("community_order");
    const auto id = appointment(o, 2);
    auto r = outcome(id, {{"outcome", "failed_to_attend"}, {"acceptable", false}, {"notes", "Did not attend; phone off."}});
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(proposal_of(r), "warning");
    const auto body = json::parse(r.body);
    EXPECT_EQ(body.at("appointment").at("outcome").as_string(), "failed_to_attend");
    EXPECT_EQ(body.at("appointment").at("acceptable").as_bool(), false);
    EXPECT_EQ(body.at("appointment").at("version").as_int64(), 2);
    const auto contact_id = body.at("contact").at("id").as_int64();
    EXPECT_EQ(body.at("appointment").at("outcomeContactId").as_int64(), contact_id);

    // The contact records it: appointment's type and time, the notes, linked both ways.
    EXPECT_EQ(count("SELECT COUNT(*) FROM contacts WHERE id = ? AND appointment_id = ? AND event_id = ? AND type = 'office_visit' "
                    "AND notes = 'Did not attend; phone off.' AND contact_at = (SELECT start_at FROM appointments WHERE id = ?)",
                    {contact_id, id, o.event_id, id}),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM enforcement_proposals WHERE event_id = ? AND proposal = 'warning' AND "
                    "resolved_at IS NULL AND appointment_id = ?",
                    {o.event_id, id}),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'appointment.outcome' AND crn = ? AND detail LIKE ?",
                    {o.crn, "appointment=" + std::to_string(id) + " %"}),
              1);

    auto view = api("demo.po", "GET", "/api/v1/people/" + o.crn + "/enforcement");
    ASSERT_EQ(view.status, 200);
    EXPECT_NE(view.body.find("\"proposal\":\"warning\""), std::string::npos);
    EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'enforcement.view' AND crn = ?", {o.crn}), 1);
}

TEST_P(Enforcement, RecordingAWarningResolvesTheWarningProposal) {
    const auto o = new_order("community_order");
    auto r = fail(o, 3);
    ASSERT_EQ(proposal_of(r), "warning");
    const auto proposal = proposal_id_of(r);

    // The letter date is required and cannot be in the future; bad input changes nothing.
    auto no_date = api("demo.po", "POST", "/api/v1/people/" + o.crn + "/enforcement-actions",
                       json::serialize(json::object{{"eventNumber", o.number}, {"kind", "warning"}}));
    EXPECT_EQ(no_date.status, 422);
    EXPECT_NE(no_date.body.find("date of the warning letter"), std::string::npos);
    EXPECT_EQ(warn(o, -2).status, 422);

    auto w = warn(o, 1);
    ASSERT_EQ(w.status, 201) << w.body;
    EXPECT_EQ(json::parse(w.body).at("proposalsResolved").as_int64(), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM enforcement_proposals WHERE id = ? AND resolved_at IS NOT NULL AND "
                    "resolved_by_action_id = ?",
                    {proposal, json::parse(w.body).at("id").as_int64()}),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'enforcement_action.create' AND crn = ?", {o.crn}) >= 1, true);

    // Withdrawing needs a reason; a withdrawn warning is kept and marked.
    const auto action = std::to_string(json::parse(w.body).at("id").as_int64());
    EXPECT_EQ(api("demo.po", "POST", "/api/v1/enforcement-actions/" + action + "/withdraw", R"({"reason":"  "})").status, 422);
    auto withdrawn = api("demo.po", "POST", "/api/v1/enforcement-actions/" + action + "/withdraw",
                         R"({"reason":"Letter sent to the wrong address"})");
    ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
    EXPECT_TRUE(json::parse(withdrawn.body).at("withdrawn").as_bool());
    EXPECT_EQ(api("demo.po", "POST", "/api/v1/enforcement-actions/" + action + "/withdraw", R"({"reason":"again"})").status, 409);
    // With the warning withdrawn, the next failure earns a warning again, not a breach.
    EXPECT_EQ(proposal_of(fail(o, 0)), "warning");
}

TEST_P(Enforcement, SecondFailureWithinTwelveMonthsIsBreachDueForTheSpoOnly) {
    const auto o = new_order("community_order");
    ASSERT_EQ(proposal_of(fail(o, 60)), "warning");
    ASSERT_EQ(warn(o, 50).status, 201);
    auto second = fail(o, 10);
    ASSERT_EQ(second.status, 201) << second.body;
    ASSERT_EQ(proposal_of(second), "breach_due");
    const auto id = proposal_id_of(second);
    EXPECT_EQ(json::parse(second.body).at("enforcement").at("liveWarning").as_string(), days_ago_date(50));

    auto list = api("demo.spo", "GET", "/api/v1/enforcement/breaches");
    ASSERT_EQ(list.status, 200) << list.body;
    bool listed = false;
    const auto listed_doc = json::parse(list.body);
    for (const auto& p : listed_doc.at("proposals").as_array()) {
        if (p.at("id").as_int64() != id) continue;
        listed = true;
        EXPECT_EQ(p.at("crn").as_string(), o.crn);
        EXPECT_EQ(p.at("liveWarning").as_string(), days_ago_date(50));
        EXPECT_FALSE(p.at("warningWindowEnds").is_null());
    }
    EXPECT_TRUE(listed) << list.body;
    EXPECT_EQ(api("demo.po", "GET", "/api/v1/enforcement/breaches").status, 403);

    const std::string resolve = "/api/v1/enforcement-proposals/" + std::to_string(id) + "/resolve";
    EXPECT_EQ(api("demo.po", "POST", resolve, R"({"decision":"start_breach"})").status, 403);
    EXPECT_EQ(api("demo.other", "POST", resolve, R"({"decision":"start_breach"})").status, 403);
    auto no_reason = api("demo.spo", "POST", resolve, R"({"decision":"do_not_breach","reason":""})");
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_NE(no_reason.body.find("reason not to breach"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM enforcement_proposals WHERE id = ? AND resolved_at IS NULL", {id}), 1);

    auto decided = api("demo.spo", "POST", resolve,
                       R"({"decision":"do_not_breach","reason":"In hospital that week; letter from the ward seen."})");
    ASSERT_EQ(decided.status, 200) << decided.body;
    const auto d = json::parse(decided.body);
    EXPECT_EQ(d.at("action").at("kind").as_string(), "decided_not_to_breach");
    EXPECT_FALSE(d.at("proposal").at("open").as_bool());
    EXPECT_EQ(api("demo.spo", "POST", resolve, R"({"decision":"start_breach"})").status, 409);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'enforcement_proposal.resolve' AND crn = ?", {o.crn}), 1);
    EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'enforcement.breaches.view'", {}), 1);

    // The decision covered that failure only: the next one in the window is breach due again.
    auto third = fail(o, 1);
    ASSERT_EQ(proposal_of(third), "breach_due");
    auto started = api("demo.spo", "POST", "/api/v1/enforcement-proposals/" + std::to_string(proposal_id_of(third)) + "/resolve",
                       R"({"decision":"start_breach"})");
    ASSERT_EQ(started.status, 200) << started.body;
    EXPECT_EQ(json::parse(started.body).at("action").at("kind").as_string(), "breach_started");
}

TEST_P(Enforcement, FailureOnLicenceRaisesRecallConsiderationForTheSpo) {
    const auto o = new_order("licence");
    auto r = fail(o, 1);
    ASSERT_EQ(r.status, 201) << r.body;
    ASSERT_EQ(proposal_of(r), "recall_consideration");
    const auto id = proposal_id_of(r);
    auto list = api("demo.spo", "GET", "/api/v1/enforcement/breaches");
    EXPECT_NE(list.body.find("\"id\":" + std::to_string(id) + ","), std::string::npos);
    const std::string resolve = "/api/v1/enforcement-proposals/" + std::to_string(id) + "/resolve";
    EXPECT_EQ(api("demo.po", "POST", resolve, R"({"decision":"acknowledge","reason":"x"})").status, 403);
    EXPECT_EQ(api("demo.spo", "POST", resolve, R"({"decision":"acknowledge"})").status, 422);
    auto ok = api("demo.spo", "POST", resolve, R"({"decision":"acknowledge","reason":"Not recalling: first failure, now engaging."})");
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_TRUE(json::parse(ok.body).at("action").is_null());
    EXPECT_EQ(json::parse(ok.body).at("proposal").at("resolution").as_string(), "Not recalling: first failure, now engaging.");
}

TEST_P(Enforcement, AcceptableAbsenceAndComplianceProposeNothing) {
    const auto o = new_order("community_order");
    auto r = outcome(appointment(o, 2), {{"outcome", "failed_to_attend"}, {"acceptable", true}, {"notes", "Hospital appointment; letter seen."}});
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_TRUE(json::parse(r.body).at("enforcement").is_null());
    auto ok = outcome(appointment(o, 1), {{"outcome", "attended_complied"}});
    ASSERT_EQ(ok.status, 201) << ok.body;
    EXPECT_TRUE(json::parse(ok.body).at("appointment").at("acceptable").as_bool());
    // Attended but failed to comply, marked acceptable, is not a failure either.
    auto marked = outcome(appointment(o, 1), {{"outcome", "attended_failed_to_comply"}, {"acceptable", true}, {"notes", "Left early for a job interview, agreed."}});
    ASSERT_EQ(marked.status, 201) << marked.body;
    EXPECT_TRUE(json::parse(marked.body).at("enforcement").is_null());
    EXPECT_EQ(count("SELECT COUNT(*) FROM enforcement_proposals WHERE event_id = ?", {o.event_id}), 0);
    // Unmarked, it is unacceptable.
    auto failed = outcome(appointment(o, 0), {{"outcome", "attended_failed_to_comply"}, {"notes", "Arrived intoxicated."}});
    EXPECT_EQ(proposal_of(failed), "warning");
}

TEST_P(Enforcement, AnOutcomeIsRecordedOnceAndBadInputChangesNothing) {
    const auto o = new_order("community_order");
    const auto id = appointment(o, 1);
    EXPECT_EQ(outcome(id, {{"outcome", "failed_to_attend"}, {"notes", "x"}}).status, 422);  // acceptable missing
    auto blank = outcome(id, {{"outcome", "failed_to_attend"}, {"acceptable", false}, {"notes", " "}});
    EXPECT_EQ(blank.status, 422);
    EXPECT_NE(blank.body.find("reason for the absence"), std::string::npos);
    EXPECT_EQ(outcome(id, {{"outcome", "went_fishing"}}).status, 422);
    EXPECT_EQ(outcome(id, {{"outcome", "attended_complied"}, {"version", 7}}).status, 409);  // stale version
    EXPECT_EQ(outcome(appointment(o, -3), {{"outcome", "attended_complied"}}).status, 422);  // not happened yet
    EXPECT_EQ(count("SELECT COUNT(*) FROM appointments WHERE id = ? AND outcome IS NULL AND version = 1", {id}), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM contacts WHERE appointment_id = ?", {id}), 0);

    ASSERT_EQ(outcome(id, {{"outcome", "attended_complied"}, {"version", 1}}).status, 201);
    auto again = outcome(id, {{"outcome", "failed_to_attend"}, {"acceptable", false}, {"notes", "second try"}});
    ASSERT_EQ(again.status, 409);
    EXPECT_EQ(again.header("content-type"), "application/problem+json");
    EXPECT_EQ(json::parse(again.body).at("current").at("outcome").as_string(), "attended_complied");
    EXPECT_EQ(count("SELECT COUNT(*) FROM contacts WHERE appointment_id = ?", {id}), 1);
    // Other people's cases are refused.
    EXPECT_EQ(outcome(appointment(o, 1), {{"outcome", "attended_complied"}}, "demo.other").status, 403);
}

TEST_P(Enforcement, ConcurrentOutcomesForOneAppointmentLetExactlyOneWin) {
    const auto o = new_order("community_order");
    const auto id = appointment(o, 1);
    api("demo.po", "GET", "/api/v1/me");  // the token exists before the threads start
    std::vector<int> statuses(6);
    std::vector<std::thread> people;
    for (std::size_t i = 0; i < statuses.size(); ++i)
        people.emplace_back([&, i] {
            statuses[i] = outcome(id, {{"outcome", "failed_to_attend"}, {"acceptable", false},
                                       {"notes", "Recorded by person " + std::to_string(i)}})
                              .status;
        });
    for (auto& t : people) t.join();
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1);
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), 5);
    EXPECT_EQ(count("SELECT COUNT(*) FROM contacts WHERE appointment_id = ?", {id}), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM enforcement_proposals WHERE appointment_id = ?", {id}), 1);
}

TEST_P(Enforcement, RescheduledBooksTheNewAppointment) {
    const auto o = new_order("community_order");
    const auto id = appointment(o, 0);
    const auto when = platform::format_instant(now() + hours(24 * 7));
    EXPECT_EQ(outcome(id, {{"outcome", "rescheduled"}, {"newStart", days_ago_instant(1)}}).status, 422);
    auto r = outcome(id, {{"outcome", "rescheduled"}, {"notes", "Asked to move: job interview."}, {"newStart", when}});
    ASSERT_EQ(r.status, 201) << r.body;
    const auto b = json::parse(r.body);
    EXPECT_TRUE(b.at("enforcement").is_null());
    const auto moved = b.at("rescheduledTo").at("id").as_int64();
    EXPECT_EQ(b.at("appointment").at("rescheduledToId").as_int64(), moved);
    EXPECT_EQ(count("SELECT COUNT(*) FROM appointments WHERE id = ? AND start_at = ? AND event_id = ? AND outcome IS NULL",
                    {moved, when, o.event_id}),
              1);
}

TEST_P(Enforcement, OutcomePageShowsErrorsBesideTheFieldsWithTheTextKept) {
    const auto o = new_order("community_order");
    const auto id = appointment(o, 1);
    Browser browser(service().port());
    browser.sign_in("demo.po", "onecase-demo-2026");
    const std::string path = "/appointments/" + std::to_string(id) + "/outcome";
    auto form = browser.get(path);
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("data-draft-key=\"outcome:" + std::to_string(id) + "\""), std::string::npos);
    const std::string notes = "Phoned twice, no answer. Siobhán's mother says she is away.";
    auto bad = browser.post_form(path, {{"csrf", browser.csrf_from(form.body)}, {"outcome", "failed_to_attend"}, {"notes", notes}, {"version", "1"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("Select whether the absence was acceptable"), std::string::npos);
    // The typed notes are back in the textarea (the apostrophe HTML-escaped).
    EXPECT_NE(bad.body.find(">Phoned twice, no answer. Siobhán"), std::string::npos);
    EXPECT_NE(bad.body.find("s mother says she is away.</textarea>"), std::string::npos);
    auto ok = browser.post_form(path, {{"csrf", browser.csrf_from(form.body)}, {"outcome", "failed_to_attend"}, {"acceptable", "no"},
                                       {"notes", notes}, {"version", "1"}});
    ASSERT_EQ(ok.status, 303) << ok.body;
    auto page = browser.get("/cases/" + o.crn);
    EXPECT_NE(page.body.find("Warning due"), std::string::npos);
}

TEST_P(Enforcement, WarningsAndBreachDecisionsOnThePages) {
    const auto o = new_order("community_order");
    ASSERT_EQ(proposal_of(fail(o, 40)), "warning");
    Browser po(service().port());
    po.sign_in("demo.po", "onecase-demo-2026");
    const std::string warning_path = "/cases/" + o.crn + "/enforcement/warning";
    auto form = po.get(warning_path);
    ASSERT_EQ(form.status, 200);
    const auto csrf = po.csrf_from(form.body);
    auto bad = po.post_form(warning_path, {{"csrf", csrf}, {"eventNumber", std::to_string(o.number)}, {"date", ""},
                                           {"reason", "Letter about 13 October"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("Enter the date of the warning letter"), std::string::npos);
    EXPECT_NE(bad.body.find(">Letter about 13 October</textarea>"), std::string::npos);
    auto ok = po.post_form(warning_path, {{"csrf", csrf}, {"eventNumber", std::to_string(o.number)}, {"date", days_ago_date(30)},
                                          {"reason", "Letter about 13 October"}});
    ASSERT_EQ(ok.status, 303) << ok.body;
    EXPECT_EQ(count("SELECT COUNT(*) FROM enforcement_proposals WHERE event_id = ? AND resolved_at IS NULL", {o.event_id}), 0);

    const auto breach = fail(o, 5);
    ASSERT_EQ(proposal_of(breach), "breach_due");
    const std::string proposal_path = "/enforcement-proposals/" + std::to_string(proposal_id_of(breach));
    // The practitioner sees it waiting for the SPO, with no form, and cannot post one.
    auto seen = po.get(proposal_path);
    EXPECT_NE(seen.body.find("Awaiting SPO decision"), std::string::npos);
    EXPECT_EQ(seen.body.find("Save decision"), std::string::npos);
    EXPECT_EQ(po.post_form(proposal_path, {{"csrf", csrf}, {"decision", "start_breach"}}).status, 403);
    EXPECT_NE(po.get("/cases/" + o.crn).body.find("Awaiting SPO decision"), std::string::npos);

    Browser spo(service().port());
    spo.sign_in("demo.spo", "onecase-demo-2026");
    auto page = spo.get(proposal_path);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Save decision"), std::string::npos);
    const auto spo_csrf = spo.csrf_from(page.body);
    auto no_reason = spo.post_form(proposal_path, {{"csrf", spo_csrf}, {"decision", "do_not_breach"}, {"reason", "   "}});
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_NE(no_reason.body.find("Enter the reason not to breach"), std::string::npos);
    auto started = spo.post_form(proposal_path, {{"csrf", spo_csrf}, {"decision", "start_breach"}, {"from", "breaches"}});
    ASSERT_EQ(started.status, 303);
    EXPECT_EQ(started.header("location"), "/enforcement/breaches");
    EXPECT_EQ(count("SELECT COUNT(*) FROM enforcement_actions WHERE event_id = ? AND kind = 'breach_started'", {o.event_id}), 1);
    // While the breach is open, a further failure proposes nothing new.
    auto during = fail(o, 1);
    EXPECT_EQ(proposal_of(during), "none");
    EXPECT_TRUE(json::parse(during.body).at("enforcement").at("proposalId").is_null());
}

TEST_P(Enforcement, BreachListPageIsForSposAndTheLayoutLinksIt) {
    Browser spo(service().port());
    spo.sign_in("demo.spo", "onecase-demo-2026");
    auto page = spo.get("/enforcement/breaches");
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("href=\"/enforcement/breaches\""), std::string::npos);
    Browser po(service().port());
    po.sign_in("demo.po", "onecase-demo-2026");
    EXPECT_EQ(po.get("/enforcement/breaches").status, 403);
    EXPECT_EQ(po.get("/caseload").body.find("href=\"/enforcement/breaches\""), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Databases, Enforcement, ::testing::ValuesIn(backends()), [](const auto& info) { return info.param; });

// The policy is global, so its test has a service of its own.
class EnforcementPolicy : public Enforcement {};

TEST_P(EnforcementPolicy, ASixMonthWindowTurnsABreachIntoAWarning) {
    RunningService own(GetParam(), "onecase_enforcement_policy");
    // A warning about eight months ago, then a failure: within 12 months, so breach due.
    const auto a = new_order("community_order", &own);
    ASSERT_EQ(warn(a, 240, &own).status, 201);
    EXPECT_EQ(proposal_of(fail(a, 1, &own)), "breach_due");

    const std::string path = "/api/v1/policies/enforcement";
    const std::string six = R"({"settings":{"warningWindowMonths":6},"note":"Pilot: six-month window"})";
    EXPECT_EQ(api("demo.po", "POST", path, six, &own).status, 403);
    auto bad = api("demo.admin", "POST", path, R"({"settings":{"warningWindowMonths":0,"routes":{"licence":"hang"}},"note":"x"})", &own);
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("routes.licence"), std::string::npos);
    EXPECT_EQ(api("demo.admin", "POST", path, R"({"settings":{"warningWindowMonths":6}})", &own).status, 422);  // no note
    auto added = api("demo.admin", "POST", path, six, &own);
    ASSERT_EQ(added.status, 201) << added.body;
    EXPECT_EQ(json::parse(added.body).at("version").as_int64(), 2);

    // The same history on another order now earns a fresh warning.
    const auto b = new_order("community_order", &own);
    ASSERT_EQ(warn(b, 240, &own).status, 201);
    auto r = fail(b, 1, &own);
    EXPECT_EQ(proposal_of(r), "warning");
    EXPECT_NE(r.body.find("ran out"), std::string::npos);

    auto read = api("demo.po", "GET", path, "", &own);
    ASSERT_EQ(read.status, 200);
    const auto doc = json::parse(read.body);
    EXPECT_EQ(doc.at("inForce").at("version").as_int64(), 2);
    EXPECT_EQ(doc.at("inForce").at("settings").at("warningWindowMonths").as_int64(), 6);
    EXPECT_EQ(doc.at("versions").as_array().size(), 1u);
    auto conn = own.database().acquire();
    EXPECT_EQ(conn->query("SELECT COUNT(*) FROM audit_log WHERE action = 'policy.create'").at(0).int64(0), 1);

    // The admin page: errors beside the fields with the typed text kept; old versions listed.
    Browser admin(own.port());
    admin.sign_in("demo.admin", "onecase-demo-2026");
    auto page = admin.get("/admin/policies/enforcement");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Pilot: six-month window"), std::string::npos);
    std::map<std::string, std::string> form{{"csrf", admin.csrf_from(page.body)}, {"warningWindowMonths", "forty"},
                                            {"note", "Back to the statute"}};
    for (const char* t : {"community_order", "suspended_sentence_order", "licence", "pss", "custody"})
        form[std::string("routes.") + t] = std::string(t) == "custody" ? "no_action"
                                           : std::string(t) == "licence" || std::string(t) == "pss" ? "recall_consideration"
                                                                                                     : "warning_then_breach";
    auto bad_page = admin.post_form("/admin/policies/enforcement", form);
    EXPECT_EQ(bad_page.status, 422);
    EXPECT_NE(bad_page.body.find("whole number of months from 1 to 36"), std::string::npos);
    EXPECT_NE(bad_page.body.find("value=\"forty\""), std::string::npos);
    EXPECT_NE(bad_page.body.find(">Back to the statute</textarea>"), std::string::npos);
    form["warningWindowMonths"] = "12";
    EXPECT_EQ(admin.post_form("/admin/policies/enforcement", form).status, 303);
    EXPECT_EQ(json::parse(api("demo.po", "GET", path, "", &own).body).at("inForce").at("version").as_int64(), 3);
    Browser po(own.port());
    po.sign_in("demo.po", "onecase-demo-2026");
    EXPECT_EQ(po.get("/admin/policies/enforcement").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Databases, EnforcementPolicy, ::testing::ValuesIn(backends()), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
