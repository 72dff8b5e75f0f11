// Workload and allocation on both databases: the workload API's numbers for a known
// caseload, the queue, ranked candidates with reasons, allocating (case manager,
// history, notifications, e-mail, audit), the reason the grade rule and the ranking
// require, reductions, the model's versions, who may do what, and the pages.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "platform/clock.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;

class Workload : public SharedServiceTest {
protected:
    RunningService& service() {
        // The e-mail sink is chosen when the application is built: one file per engine.
        setenv("ONECASE_MAIL_FILE", mail_file().c_str(), 1);
        return shared_service("onecase_workload");
    }
    std::string mail_file() {
        return (std::filesystem::temp_directory_path() / ("onecase-workload-mail-" + GetParam() + "-" + std::to_string(::getpid()) + ".jsonl"))
            .string();
    }
    HttpResult call(const std::string& user, const std::string& method, const std::string& path, const std::string& body = "") {
        return http_request(service().port(), method, path,
                            {{"Authorization", "Bearer " + service().token_for(user)}, {"Content-Type", "application/json"}}, body);
    }
    json::value get_json(const std::string& user, const std::string& path) {
        auto r = call(user, "GET", path);
        EXPECT_EQ(r.status, 200) << path << ": " << r.body;
        return json::parse(r.body);
    }
    std::int64_t count(const std::string& sql, const db::Params& params = {}) {
        auto conn = service().database().acquire();
        return conn->query(sql, params).at(0).int64(0);
    }
    std::string spo_team() { return std::string(get_json("demo.spo", "/api/v1/me").at("teamCode").as_string()); }
    json::array queue() { return get_json("demo.spo", "/api/v1/allocations/queue?team=" + spo_team()).at("cases").as_array(); }
    // The n-th case still waiting in demo.spo's team queue.
    std::string queued_crn(std::size_t n) {
        auto q = queue();
        EXPECT_GT(q.size(), n);
        return q.size() > n ? std::string(q[n].at("crn").as_string()) : "";
    }
};

// A member of staff with a caseload we know, in demo.po's team: three tiered cases of
// three types, one untiered, a report yesterday, 22.2 contracted hours and a reduction
// of 3.7 hours covering the whole month. docs/workload.md gives the arithmetic.
TEST_P(Workload, TheApiMeasuresAKnownCaseload) {
    auto& svc = service();
    const std::string code = "WLTEST01";
    {
        auto conn = svc.database().acquire();
        auto team = conn->query("SELECT s.team_id FROM staff s JOIN users u ON u.staff_id = s.id WHERE u.username = 'demo.po'").at(0).int64(0);
        conn->execute("INSERT INTO staff (code, first_name, last_name, grade, team_id, contracted_minutes) VALUES (?, 'Known', 'Caseload', 'PO', ?, 1332)",
                      {code, team});
        const auto staff = conn->query("SELECT id FROM staff WHERE code = ?", {code}).at(0).int64(0);
        struct Case {
            const char* crn;
            const char* tier;
            const char* disposal;
        };
        for (const Case& c : {Case{"W900001", "C2", "community_order"}, Case{"W900002", "A3", "licence"},
                              Case{"W900003", "B1", "custody"}, Case{"W900004", nullptr, "suspended_sentence_order"}}) {
            conn->execute("INSERT INTO people (crn, first_name, last_name, date_of_birth, gender, case_manager_staff_id, tier, current_case, created_at)"
                          " VALUES (?, 'Test', 'Person', '1990-01-01', 'M', ?, ?, 1, '2026-01-01T00:00:00Z')",
                          {std::string(c.crn), staff, c.tier ? db::Value{std::string(c.tier)} : db::Value{db::null}});
            const auto person = conn->query("SELECT id FROM people WHERE crn = ?", {std::string(c.crn)}).at(0).int64(0);
            conn->execute("INSERT INTO events (person_id, event_number, offence, court, conviction_date, disposal_type, start_date, active)"
                          " VALUES (?, 1, 'Theft', 'Court', '2026-01-01', ?, '2026-01-02', 1)",
                          {person, std::string(c.disposal)});
        }
        // A terminated case does not count.
        conn->execute("INSERT INTO people (crn, first_name, last_name, date_of_birth, gender, case_manager_staff_id, tier, current_case, created_at)"
                      " VALUES ('W900005', 'Old', 'Case', '1990-01-01', 'M', ?, 'A3', 0, '2020-01-01T00:00:00Z')",
                      {staff});
        const auto yesterday = platform::format_date(platform::Date{std::chrono::floor<std::chrono::days>(platform::SystemClock{}.now()) - std::chrono::days(1)});
        conn->execute("INSERT INTO workload_tasks (staff_id, kind, task_date, created_at) VALUES (?, 'psr_standard', ?, '2026-01-01T00:00:00Z')",
                      {staff, yesterday});
        conn->execute("INSERT INTO workload_reductions (staff_id, reason, minutes_per_week, start_date, notes, created_at)"
                      " VALUES (?, 'union_duties', 222, '2000-01-01', '', '2026-01-01T00:00:00Z')",
                      {staff});
    }
    auto w = get_json("demo.spo", "/api/v1/staff/" + code + "/workload");
    EXPECT_EQ(w.at("casePoints").as_int64(), 63 + 219 + 47 + 63);
    EXPECT_EQ(w.at("taskPoints").as_int64(), 138);
    EXPECT_EQ(w.at("points").as_int64(), 530);
    EXPECT_EQ(w.at("availablePoints").as_int64(), 1088);  // floor(2176 × (22.2 − 3.7) / 37)
    EXPECT_DOUBLE_EQ(w.at("capacityPercent").as_double(), 48.7);
    EXPECT_EQ(w.at("cases").as_int64(), 4);
    EXPECT_EQ(w.at("untieredCases").as_int64(), 1);
    EXPECT_EQ(w.at("tierCounts").at("A3").as_int64(), 1);
    EXPECT_DOUBLE_EQ(w.at("contractedHours").to_number<double>(), 22.2);
    EXPECT_EQ(w.at("reductions").as_array().size(), 1u);
    EXPECT_EQ(w.at("caseList").as_array().size(), 4u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'workload.view' AND detail = ?", {"staff=" + code}), 1);

    // The team view holds the same numbers for that member, and the chart.
    auto team = get_json("demo.spo", "/api/v1/teams/" + spo_team() + "/workload");
    bool found = false;
    for (const auto& m : team.at("members").as_array()) {
        if (m.at("staffCode").as_string() != code) continue;
        found = true;
        EXPECT_EQ(m.at("points").as_int64(), 530);
        EXPECT_EQ(m.at("availablePoints").as_int64(), 1088);
    }
    EXPECT_TRUE(found);
}

TEST_P(Workload, APractitionerSeesOnlyTheirOwnWorkloadAndCannotAllocate) {
    const auto me = get_json("demo.po", "/api/v1/me");
    const std::string own(me.at("staffCode").as_string());
    auto w = get_json("demo.po", "/api/v1/staff/" + own + "/workload");
    EXPECT_EQ(w.at("cases").as_int64(), 45);
    EXPECT_TRUE(w.at("capacityPercent").is_double());
    const auto spo = std::string(get_json("demo.spo", "/api/v1/me").at("staffCode").as_string());
    EXPECT_EQ(call("demo.po", "GET", "/api/v1/staff/" + spo + "/workload").status, 403);
    EXPECT_EQ(call("demo.po", "GET", "/api/v1/teams/" + spo_team() + "/workload").status, 403);
    EXPECT_EQ(call("demo.po", "GET", "/api/v1/allocations/queue?team=" + spo_team()).status, 403);
    const auto crn = queued_crn(0);
    EXPECT_EQ(call("demo.po", "GET", "/api/v1/allocations/" + crn + "/candidates").status, 403);
    auto refused = call("demo.po", "POST", "/api/v1/allocations", json_body({{"crn", crn}, {"staffCode", own}, {"reason", "me"}}));
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE crn = ? AND case_manager_staff_id IS NULL", {crn}), 1);
    // demo.other's SPO is in another PDU: the queue is not theirs either.
    EXPECT_EQ(call("demo.other", "GET", "/api/v1/staff/" + own + "/workload").status, 403);
}

TEST_P(Workload, TheQueueListsUnallocatedCasesOldestFirst) {
    auto q = queue();
    ASSERT_GE(q.size(), 3u) << "the demo puts several unallocated cases in demo.spo's team";
    std::string previous;
    for (const auto& c : q) {
        const std::string crn(c.at("crn").as_string());
        EXPECT_EQ(crn.size(), 7u);
        EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE crn = ? AND case_manager_staff_id IS NULL AND current_case = 1", {crn}), 1);
        ASSERT_TRUE(c.at("sentenceStart").is_string());
        const std::string start(c.at("sentenceStart").as_string());
        EXPECT_LE(previous, start);
        previous = start;
        EXPECT_TRUE(c.as_object().contains("tier"));
        EXPECT_TRUE(c.at("flags").is_array());
        EXPECT_TRUE(c.at("dueDate").is_string());
        EXPECT_TRUE(c.at("sentence").is_string());
    }
    auto pdu = get_json("demo.spo", "/api/v1/allocations/queue?pdu=" + std::string(get_json("demo.spo", "/api/v1/allocations/queue").at("pduCode").as_string()));
    EXPECT_GE(pdu.at("cases").as_array().size(), q.size());
}

TEST_P(Workload, APersonRecordedByTheTeamWaitsInItsQueue) {
    auto r = call("demo.po", "POST", "/api/v1/people",
                  json_body({{"firstName", "Queued"}, {"lastName", "Newcomer"}, {"dateOfBirth", "1991-04-05"}, {"gender", "Female"}}));
    ASSERT_EQ(r.status, 201) << r.body;
    const std::string crn(json::parse(r.body).at("crn").as_string());
    auto q = queue();
    EXPECT_TRUE(std::any_of(q.begin(), q.end(), [&](const json::value& c) { return c.at("crn").as_string() == crn; }));
    // No sentence yet: it sorts by when it was received, and has no due date.
    for (const auto& c : q) {
        if (c.at("crn").as_string() == crn) {
            EXPECT_TRUE(c.at("dueDate").is_null());
        }
    }
    auto conn = service().database().acquire();
    conn->execute("UPDATE people SET current_case = 0 WHERE crn = ?", {crn});  // out of the other tests' way
}

TEST_P(Workload, CandidatesComeBestFirstWithReasons) {
    const auto crn = queued_crn(0);
    auto v = get_json("demo.spo", "/api/v1/allocations/" + crn + "/candidates");
    const auto& cands = v.at("candidates").as_array();
    ASSERT_GE(cands.size(), 3u);
    double last_after = -1;
    bool suitable_block = true;
    int rank = 0;
    for (const auto& c : cands) {
        EXPECT_EQ(c.at("rank").as_int64(), ++rank);
        EXPECT_FALSE(c.at("staffCode").as_string().empty());
        EXPECT_EQ(c.at("teamCode").as_string(), spo_team());
        ASSERT_FALSE(c.at("reasons").as_array().empty());
        EXPECT_NE(std::string(c.at("reasons").at(0).as_string()).find("Capacity"), std::string::npos);
        const bool suitable = c.at("gradeSuitable").as_bool();
        if (!suitable) suitable_block = false;
        else EXPECT_TRUE(suitable_block) << "grade-suitable candidates come first";
        if (suitable && c.at("capacityPercentAfter").is_double() && !c.at("heldBefore").as_bool()) {
            const double after = c.at("capacityPercentAfter").as_double();
            EXPECT_GE(after, last_after);
            last_after = after;
            EXPECT_GT(after, c.at("capacityPercent").as_double());
        }
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'allocation.candidates.view' AND crn = ?", {crn}), 1);
    auto wide = get_json("demo.spo", "/api/v1/allocations/" + crn + "/candidates?scope=pdu");
    EXPECT_GE(wide.at("candidates").as_array().size(), cands.size());
}

TEST_P(Workload, AllocatingChangesTheCaseManagerKeepsHistoryAndNotifiesBoth) {
    const auto crn = queued_crn(0);
    auto v = get_json("demo.spo", "/api/v1/allocations/" + crn + "/candidates");
    const std::string first(v.at("candidates").at(0).at("staffCode").as_string());
    auto r = call("demo.spo", "POST", "/api/v1/allocations", json_body({{"crn", crn}, {"staffCode", first}, {"reason", ""}}));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(json::parse(r.body).at("rank").as_int64(), 1);
    auto person = get_json("demo.spo", "/api/v1/people/" + crn);
    EXPECT_EQ(person.at("caseManager").at("code").as_string(), first);
    for (const auto& q : queue()) EXPECT_NE(q.at("crn").as_string(), crn);
    EXPECT_EQ(count("SELECT COUNT(*) FROM allocations a JOIN people p ON p.id = a.person_id WHERE p.crn = ? AND a.from_staff_id IS NULL", {crn}), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.allocate' AND crn = ?", {crn}), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM notifications n JOIN staff s ON s.id = n.staff_id WHERE s.code = ? AND n.crn = ? AND n.kind = 'allocated'",
                    {first, crn}),
              1);

    // Reallocated to demo.po (not the first-ranked): a reason is needed, then the old
    // case manager is told too, and demo.po sees it in their caseload and notifications.
    const std::string po(get_json("demo.po", "/api/v1/me").at("staffCode").as_string());
    auto again = get_json("demo.spo", "/api/v1/allocations/" + crn + "/candidates");
    std::int64_t po_rank = 0;
    for (const auto& c : again.at("candidates").as_array())
        if (c.at("staffCode").as_string() == po) po_rank = c.at("rank").as_int64();
    ASSERT_GT(po_rank, 0) << "demo.po is a candidate in their own team";
    if (po_rank > 1) {
        auto refused = call("demo.spo", "POST", "/api/v1/allocations", json_body({{"crn", crn}, {"staffCode", po}}));
        ASSERT_EQ(refused.status, 422) << refused.body;
        EXPECT_EQ(json::parse(refused.body).at("errors").at(0).at("field").as_string(), "reason");
        EXPECT_EQ(get_json("demo.spo", "/api/v1/people/" + crn).at("caseManager").at("code").as_string(), first);
    }
    auto moved = call("demo.spo", "POST", "/api/v1/allocations",
                      json_body({{"crn", crn}, {"staffCode", po}, {"reason", "Knows the family from a previous order"}}));
    ASSERT_EQ(moved.status, 201) << moved.body;
    EXPECT_EQ(json::parse(moved.body).at("previousStaffCode").as_string(), first);
    EXPECT_EQ(count("SELECT COUNT(*) FROM notifications n JOIN staff s ON s.id = n.staff_id WHERE s.code = ? AND n.crn = ? AND n.kind = 'reallocated'",
                    {first, crn}),
              1);
    auto caseload = get_json("demo.po", "/api/v1/caseload").at("cases").as_array();
    EXPECT_TRUE(std::any_of(caseload.begin(), caseload.end(), [&](const json::value& c) { return c.at("crn").as_string() == crn; }));
    auto notes = get_json("demo.po", "/api/v1/notifications");
    EXPECT_GE(notes.at("unread").as_int64(), 1);
    EXPECT_NE(json::serialize(notes).find(crn), std::string::npos);
    auto history = get_json("demo.spo", "/api/v1/allocations/" + crn + "/candidates").at("history").as_array();
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history.at(0).at("toStaffCode").as_string(), po);
    EXPECT_EQ(history.at(0).at("reason").as_string(), "Knows the family from a previous order");
    // The e-mail sink got one mail per notification, after the commit.
    std::ifstream mail(mail_file());
    std::string all((std::istreambuf_iterator<char>(mail)), std::istreambuf_iterator<char>());
    EXPECT_NE(all.find("New case allocated: " + crn), std::string::npos);
    EXPECT_NE(all.find("Case reallocated: " + crn), std::string::npos);
}

TEST_P(Workload, ReallocatingMovesTheOldCaseManagersAppointmentsStillToComeAndNothingElse) {
    const auto crn = queued_crn(0);
    const auto candidates = get_json("demo.spo", "/api/v1/allocations/" + crn + "/candidates").at("candidates").as_array();
    ASSERT_GE(candidates.size(), 3u);
    const std::string po(get_json("demo.po", "/api/v1/me").at("staffCode").as_string());
    std::string first, bystander;
    for (const auto& c : candidates) {
        const std::string code(c.at("staffCode").as_string());
        if (code == po) continue;
        (first.empty() ? first : bystander) = code;
        if (!bystander.empty()) break;
    }
    auto r = call("demo.spo", "POST", "/api/v1/allocations",
                  json_body({{"crn", crn}, {"staffCode", first}, {"reason", "Covering until the team settles"}}));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(json::parse(r.body).at("appointmentsHandedOver").as_int64(), 0) << "a first allocation has no case manager to take from";

    // With the first case manager: one to come, one past, one cancelled; one to come with someone else.
    auto book = [&](const std::string& staff, const std::string& start, bool cancelled) {
        auto conn = service().database().acquire();
        return conn->query("INSERT INTO appointments (person_id, type, start_at, staff_id, cancelled_at)"
                           " SELECT p.id, 'office_visit', ?, s.id, ? FROM people p, staff s WHERE p.crn = ? AND s.code = ? RETURNING id",
                           {start, cancelled ? db::Value{std::string("2026-01-01T09:00:00Z")} : db::Value{db::null}, crn, staff})
            .at(0)
            .int64(0);
    };
    const auto to_come = book(first, "2099-03-02T10:00:00Z", false);
    const auto past = book(first, "2001-03-02T10:00:00Z", false);
    const auto cancelled = book(first, "2099-03-03T10:00:00Z", true);
    const auto someone_elses = book(bystander, "2099-03-04T10:00:00Z", false);
    auto staff_of = [&](std::int64_t id) {
        auto conn = service().database().acquire();
        return conn->query("SELECT s.code FROM appointments a JOIN staff s ON s.id = a.staff_id WHERE a.id = ?", {id}).at(0).text(0);
    };

    auto moved = call("demo.spo", "POST", "/api/v1/allocations",
                      json_body({{"crn", crn}, {"staffCode", po}, {"reason", "Knows the family from a previous order"}}));
    ASSERT_EQ(moved.status, 201) << moved.body;
    EXPECT_EQ(json::parse(moved.body).at("appointmentsHandedOver").as_int64(), 1);
    EXPECT_EQ(staff_of(to_come), po) << "the appointment to come is in the new case manager's diary";
    EXPECT_EQ(staff_of(past), first) << "a past appointment keeps who it was with";
    EXPECT_EQ(staff_of(cancelled), first);
    EXPECT_EQ(staff_of(someone_elses), bystander) << "an appointment with someone else is theirs still";
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'appointment.hand_over' AND crn = ? AND detail LIKE ?",
                    {crn, "appointment=" + std::to_string(to_come) + " %"}),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'appointment.hand_over' AND crn = ? AND changes LIKE ?",
                    {crn, "%\"" + first + "\"%\"" + po + "\"%"}),
              1)
        << "the change reads old case manager → new";
    EXPECT_EQ(count("SELECT COUNT(*) FROM notifications n JOIN staff s ON s.id = n.staff_id WHERE s.code = ? AND n.crn = ?"
                    " AND n.message LIKE '%1 booked appointment moves%'",
                    {po, crn}),
              1);

    // The page says so after allocating.
    auto page = http_request(service().port(), "GET", "/allocations?team=" + spo_team() + "&allocated=" + crn + "&to=X&moved=1",
                             {{"Authorization", "Bearer " + service().token_for("demo.spo")}});
    EXPECT_NE(page.body.find("1 booked appointment moved to their diary."), std::string::npos);
}

TEST_P(Workload, GoingAgainstTheGradeRuleNeedsAReason) {
    const auto crn = queued_crn(1);
    {
        auto conn = service().database().acquire();
        const auto person = conn->query("SELECT id FROM people WHERE crn = ?", {crn}).at(0).int64(0);
        conn->execute("INSERT INTO registrations (person_id, type_code, description, level, registered_on) VALUES (?, 'ROSH', 'Risk of serious harm', 'High', '2026-11-01')",
                      {person});
        // A PSO in the team, so there is someone the rule refuses.
        if (conn->query("SELECT COUNT(*) FROM staff WHERE code = 'WLPSO01'").at(0).int64(0) == 0) {
            auto team = conn->query("SELECT team_id FROM staff WHERE code = ?", {std::string(get_json("demo.spo", "/api/v1/me").at("staffCode").as_string())});
            conn->execute("INSERT INTO staff (code, first_name, last_name, grade, team_id) VALUES ('WLPSO01', 'Pat', 'Service', 'PSO', ?)",
                          {team.at(0).int64(0)});
        }
    }
    auto v = get_json("demo.spo", "/api/v1/allocations/" + crn + "/candidates");
    EXPECT_EQ(v.at("case").at("rosh").as_string(), "high");
    const json::value* pso = nullptr;
    for (const auto& c : v.at("candidates").as_array())
        if (c.at("staffCode").as_string() == "WLPSO01") pso = &c;
    ASSERT_NE(pso, nullptr);
    EXPECT_FALSE(pso->at("gradeSuitable").as_bool());
    EXPECT_EQ(pso->at("gradeRule").as_string(), "A high RoSH case goes to a PO, not a PSO");
    EXPECT_NE(v.at("candidates").at(0).at("grade").as_string(), "PSO");
    auto refused = call("demo.spo", "POST", "/api/v1/allocations", json_body({{"crn", crn}, {"staffCode", "WLPSO01"}, {"reason", " "}}));
    ASSERT_EQ(refused.status, 422) << refused.body;
    auto problem = json::parse(refused.body);
    EXPECT_EQ(problem.at("errors").at(0).at("field").as_string(), "reason");
    EXPECT_NE(std::string(problem.at("errors").at(0).at("message").as_string()).find("RoSH"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE crn = ? AND case_manager_staff_id IS NULL", {crn}), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM allocations a JOIN people p ON p.id = a.person_id WHERE p.crn = ?", {crn}), 0);
    auto unknown = call("demo.spo", "POST", "/api/v1/allocations", json_body({{"crn", crn}, {"staffCode", "NOSUCH"}}));
    EXPECT_EQ(unknown.status, 422);
    auto done = call("demo.spo", "POST", "/api/v1/allocations",
                     json_body({{"crn", crn}, {"staffCode", "WLPSO01"}, {"reason", "Co-worked with the team's PO for the first month"}}));
    ASSERT_EQ(done.status, 201) << done.body;
    EXPECT_TRUE(json::parse(done.body).at("againstGradeRule").as_bool());
    EXPECT_EQ(count("SELECT COUNT(*) FROM allocations a JOIN people p ON p.id = a.person_id WHERE p.crn = ? AND a.against_grade_rule = 1", {crn}), 1);
}

TEST_P(Workload, ReductionsAreRecordedByTheTeamsSpoAndChangeAvailablePoints) {
    const auto team = get_json("demo.spo", "/api/v1/teams/" + spo_team() + "/workload");
    std::string code;
    std::int64_t contracted = 0;
    for (const auto& m : team.at("members").as_array()) {
        if (m.at("grade").as_string() == "PO" && m.at("reductions").as_array().empty() && !m.at("staffCode").as_string().starts_with("WL")) {
            code = std::string(m.at("staffCode").as_string());
            contracted = std::llround(m.at("contractedHours").to_number<double>() * 60);
            break;
        }
    }
    ASSERT_FALSE(code.empty());
    auto bad = call("demo.spo", "POST", "/api/v1/staff/" + code + "/reductions",
                    json_body({{"reason", "holiday"}, {"hoursPerWeek", "0"}, {"startDate", "2026-02-30"}}));
    ASSERT_EQ(bad.status, 422);
    EXPECT_EQ(json::parse(bad.body).at("errors").as_array().size(), 3u);
    EXPECT_EQ(call("demo.po", "POST", "/api/v1/staff/" + code + "/reductions",
                   json_body({{"reason", "training"}, {"hoursPerWeek", "7.4"}, {"startDate", "2000-01-01"}}))
                  .status,
              403);
    auto ok = call("demo.spo", "POST", "/api/v1/staff/" + code + "/reductions",
                   json_body({{"reason", "training"}, {"hoursPerWeek", "7.4"}, {"startDate", "2000-01-01"}}));
    ASSERT_EQ(ok.status, 201) << ok.body;
    auto after = json::parse(ok.body).at("workload");
    // 7.4 hours a week off the whole month: floor(2176 × (contracted − 444 minutes) / 2220).
    EXPECT_EQ(after.at("availablePoints").as_int64(), 2176 * (contracted - 444) / 2220);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'workload.reduction.create' AND detail LIKE ?", {"staff=" + code + "%"}), 1);
}

TEST_P(Workload, OnlyAnAdminAddsAModelVersion) {
    const std::string body = R"({"settings":{"tierPoints":{"custody":{"A0":12}}},"note":"Custody A0 weighs something","effectiveFrom":"2099-01-01"})";
    EXPECT_EQ(call("demo.spo", "POST", "/api/v1/policies/workload", body).status, 403);
    auto bad = call("demo.admin", "POST", "/api/v1/policies/workload", R"({"settings":{"tierPoints":{"custody":{"Z9":1}}},"note":""})");
    ASSERT_EQ(bad.status, 422);
    auto ok = call("demo.admin", "POST", "/api/v1/policies/workload", body);
    ASSERT_EQ(ok.status, 201) << ok.body;
    auto doc = json::parse(ok.body);
    EXPECT_GE(doc.at("version").as_int64(), 2);
    EXPECT_EQ(doc.at("inForce").at("version").as_int64(), 1) << "a version from 2099 is not in force yet";
    EXPECT_EQ(doc.at("versions").as_array().back().at("settings").at("tierPoints").at("custody").at("A0").as_int64(), 12);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'policy.create' AND detail LIKE 'policy=workload%'"), 1);
    // An admin sees figures, not which cases (admins do not read cases).
    const std::string po(get_json("demo.po", "/api/v1/me").at("staffCode").as_string());
    auto admin_view = get_json("demo.admin", "/api/v1/staff/" + po + "/workload");
    auto own_view = get_json("demo.po", "/api/v1/staff/" + po + "/workload");
    EXPECT_EQ(admin_view.at("cases"), own_view.at("cases"));
    EXPECT_EQ(admin_view.at("points"), own_view.at("points"));
    EXPECT_FALSE(admin_view.as_object().contains("caseList"));
    EXPECT_TRUE(own_view.as_object().contains("caseList"));
    EXPECT_EQ(get_json("demo.po", "/api/v1/policies/workload").at("defaults").at("tierPoints").at("community").at("A3").as_int64(), 206);
}

TEST_P(Workload, PagesRender) {
    Browser spo(service().port());
    spo.sign_in("demo.spo", "onecase-demo-2026");
    auto team = spo.get("/teams/" + spo_team() + "/workload");
    ASSERT_EQ(team.status, 200);
    EXPECT_NE(team.body.find("<svg"), std::string::npos);
    EXPECT_NE(team.body.find("capacity-table"), std::string::npos);
    EXPECT_EQ(spo.get("/pdus/" + std::string(get_json("demo.spo", "/api/v1/allocations/queue").at("pduCode").as_string()) + "/workload").status, 200);
    auto region = spo.get("/regions/LDN/workload");
    ASSERT_EQ(region.status, 200);
    EXPECT_NE(region.body.find("workload-groups"), std::string::npos);
    auto region_api = get_json("demo.spo", "/api/v1/regions/LDN/workload");
    EXPECT_FALSE(region_api.at("pdus").as_array().empty());
    EXPECT_GT(region_api.at("totals").at("staff").as_int64(), team.body.empty() ? 0 : 3);
    EXPECT_EQ(call("demo.spo", "GET", "/api/v1/regions/WAL/workload").status, 403) << "another region";
    EXPECT_EQ(call("demo.po", "GET", "/api/v1/regions/LDN/workload").status, 403);
    auto q = spo.get("/allocations");
    ASSERT_EQ(q.status, 200);
    const auto crn = queued_crn(0);
    EXPECT_NE(q.body.find(crn), std::string::npos);
    auto batch = spo.get("/allocations/batch");
    ASSERT_EQ(batch.status, 200);
    EXPECT_NE(batch.body.find("batch-proposal"), std::string::npos);
    EXPECT_NE(batch.body.find(crn), std::string::npos);
    auto page = spo.get("/allocations/" + crn);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Choose a case manager"), std::string::npos);
    // Choosing the second-ranked without a reason: the page says why, keeps the choice.
    auto v = get_json("demo.spo", "/api/v1/allocations/" + crn + "/candidates");
    const std::string second(v.at("candidates").at(1).at("staffCode").as_string());
    auto refused = spo.post_form("/allocations/" + crn, {{"csrf", spo.csrf_from(page.body)}, {"staffCode", second}, {"reason", ""}});
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("Give a reason for choosing someone other than the first-ranked candidate"), std::string::npos);
    EXPECT_NE(refused.body.find("value=\"" + second + "\" checked"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE crn = ? AND case_manager_staff_id IS NULL", {crn}), 1);

    Browser po(service().port());
    po.sign_in("demo.po", "onecase-demo-2026");
    auto mine = po.get("/workload");
    ASSERT_EQ(mine.status, 200);
    EXPECT_NE(mine.body.find("My workload"), std::string::npos);
    EXPECT_EQ(po.get("/allocations").status, 403);
    EXPECT_EQ(po.get("/notifications").status, 200);

    Browser admin(service().port());
    admin.sign_in("demo.admin", "onecase-demo-2026");
    auto model = admin.get("/admin/policies/workload");
    ASSERT_EQ(model.status, 200);
    EXPECT_NE(model.body.find("tierPoints.community.A3"), std::string::npos);
    auto invalid = admin.post_form("/admin/policies/workload", {{"csrf", admin.csrf_from(model.body)}, {"tierPoints.community.A3", "lots"}, {"note", "x"}});
    EXPECT_EQ(invalid.status, 422);
    EXPECT_NE(invalid.body.find("value=\"lots\""), std::string::npos);
    // The form carries every number; unchanged numbers with a note save a new version.
    std::map<std::string, std::string> fields{{"csrf", admin.csrf_from(model.body)}, {"note", "Yearly review, no change"},
                                              {"effectiveFrom", "2099-06-01"}};
    const std::string marker = "name=\"";
    for (auto at = model.body.find(marker); at != std::string::npos; at = model.body.find(marker, at + 1)) {
        const auto end = model.body.find('"', at + marker.size());
        const auto name = model.body.substr(at + marker.size(), end - at - marker.size());
        const auto value_at = model.body.find("value=\"", end);
        if (name == "csrf" || name == "note" || name == "effectiveFrom" || value_at == std::string::npos) continue;
        fields[name] = model.body.substr(value_at + 7, model.body.find('"', value_at + 7) - value_at - 7);
    }
    auto saved = admin.post_form("/admin/policies/workload", fields);
    EXPECT_EQ(saved.status, 303) << saved.body.substr(0, 2000);

    // Reductions by page: an error beside the field with the text kept, then saved.
    const std::string colleague(get_json("demo.spo", "/api/v1/teams/" + spo_team() + "/workload").at("members").at(0).at("staffCode").as_string());
    auto form = spo.get("/staff/" + colleague + "/reductions/new");
    ASSERT_EQ(form.status, 200);
    auto wrong = spo.post_form("/staff/" + colleague + "/reductions/new",
                               {{"csrf", spo.csrf_from(form.body)}, {"reason", "training"}, {"hoursPerWeek", "seven"}, {"startDate", "2026-11-01"}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_NE(wrong.body.find("Enter the hours a week"), std::string::npos);
    EXPECT_NE(wrong.body.find("value=\"seven\""), std::string::npos);
    auto right = spo.post_form("/staff/" + colleague + "/reductions/new",
                               {{"csrf", spo.csrf_from(form.body)}, {"reason", "training"}, {"hoursPerWeek", "3.5"}, {"startDate", "2026-11-01"},
                                {"endDate", "2026-11-30"}});
    EXPECT_EQ(right.status, 303);
    EXPECT_EQ(po.get("/staff/" + colleague + "/reductions/new").status, 403);
}

// Runs last in the suite: it allocates the rest of demo.spo's queue.
TEST_P(Workload, ZBatchProposalIsFeasibleAndAppliesAllOrNothing) {
    const auto team = spo_team();
    auto queued = queue();
    ASSERT_GE(queued.size(), 2u);
    const std::string rosh_crn(queued.at(0).at("crn").as_string());
    {
        auto conn = service().database().acquire();
        const auto person = conn->query("SELECT id FROM people WHERE crn = ?", {rosh_crn}).at(0).int64(0);
        conn->execute("INSERT INTO registrations (person_id, type_code, description, level, registered_on) VALUES (?, 'ROSH', 'Risk of serious harm', 'Very high', '2026-11-01')",
                      {person});
        if (conn->query("SELECT COUNT(*) FROM staff WHERE code = 'WLPSO01'").at(0).int64(0) == 0)
            conn->execute("INSERT INTO staff (code, first_name, last_name, grade, team_id) SELECT 'WLPSO01', 'Pat', 'Service', 'PSO', team_id FROM staff WHERE code = ?",
                          {std::string(get_json("demo.spo", "/api/v1/me").at("staffCode").as_string())});
    }
    auto proposal = get_json("demo.spo", "/api/v1/allocations/batch?team=" + team);
    const auto& cases = proposal.at("cases").as_array();
    ASSERT_EQ(cases.size(), queued.size());
    EXPECT_TRUE(proposal.at("capacitySpread").at("proposal").is_double());
    std::set<std::string> grades_po;
    for (const auto& s : proposal.at("staff").as_array())
        if (s.at("grade").as_string() == "PO") grades_po.insert(std::string(s.at("staffCode").as_string()));
    json::array assignments;
    for (const auto& c : cases) {
        ASSERT_TRUE(c.at("proposedStaffCode").is_string()) << "every demo case has a suitable candidate";
        const std::string code(c.at("proposedStaffCode").as_string());
        bool suitable = false;
        for (const auto& s : c.at("suitableStaffCodes").as_array()) suitable = suitable || s.as_string() == code;
        EXPECT_TRUE(suitable) << "the proposal keeps the grade rules";
        if (c.at("crn").as_string() == rosh_crn) {
            EXPECT_TRUE(grades_po.count(code)) << "very high RoSH goes to a PO";
        }
        assignments.push_back(json::object{{"crn", c.at("crn")}, {"staffCode", code}});
    }
    EXPECT_EQ(call("demo.po", "GET", "/api/v1/allocations/batch?team=" + team).status, 403);

    // Edited against the grade rule without a reason: refused, and nothing allocated.
    json::array edited = assignments;
    edited.at(0).as_object()["staffCode"] = "WLPSO01";
    auto refused = call("demo.spo", "POST", "/api/v1/allocations/batch", json::serialize(json::object{{"assignments", edited}}));
    ASSERT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(json::parse(refused.body).at("errors").at(0).at("field").as_string(), "assignments.0.reason");
    EXPECT_EQ(queue().size(), queued.size());

    auto applied = call("demo.spo", "POST", "/api/v1/allocations/batch", json::serialize(json::object{{"assignments", assignments}}));
    ASSERT_EQ(applied.status, 201) << applied.body;
    EXPECT_EQ(json::parse(applied.body).at("allocated").as_array().size(), cases.size());
    EXPECT_TRUE(queue().empty());
    for (const auto& a : assignments)
        EXPECT_EQ(get_json("demo.spo", "/api/v1/people/" + std::string(a.at("crn").as_string())).at("caseManager").at("code"), a.at("staffCode"));
    EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.allocate' AND detail LIKE '% batch %'"), std::int64_t(cases.size()));
}

INSTANTIATE_TEST_SUITE_P(Engines, Workload, ::testing::ValuesIn(backends()));

}  // namespace
}  // namespace onecase::testing
