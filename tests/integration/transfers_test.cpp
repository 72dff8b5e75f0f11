// Reallocation and transfers between teams and PDUs on both databases
// (docs/workload.md, "Reallocation and transfers"): a transfer to another PDU waits in
// the receiving team's queue, keeps its case manager until the receiving SPO allocates
// it from the same ranked candidates, and keeps its history; withdrawing and declining;
// who may do what; the grade-rule page; and crediting reports and tasks on a page.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>

#include "platform/clock.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;

class Transfers : public SharedServiceTest {
protected:
    RunningService& service() { return shared_service("onecase_transfers"); }
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
    std::string text(const std::string& sql, const db::Params& params = {}) {
        auto conn = service().database().acquire();
        return conn->query(sql, params).at(0).text(0);
    }
    std::string spo_team() { return std::string(get_json("demo.spo", "/api/v1/me").at("teamCode").as_string()); }
    // A team other than demo.spo's: in another region when `far`, else the nearest
    // (same PDU, else same region, else the last team; the small demo data has few).
    std::string other_team(bool far) {
        auto conn = service().database().acquire();
        const auto sql = far ? "SELECT t.code FROM teams t JOIN pdus d ON d.id = t.pdu_id WHERE d.region_id <> ("
                               " SELECT d2.region_id FROM teams t2 JOIN pdus d2 ON d2.id = t2.pdu_id WHERE t2.code = ?) ORDER BY t.id"
                             : "SELECT t.code FROM teams t JOIN pdus d ON d.id = t.pdu_id JOIN teams own ON own.code = ?"
                               " JOIN pdus od ON od.id = own.pdu_id WHERE t.id <> own.id"
                               " ORDER BY CASE WHEN t.pdu_id = own.pdu_id THEN 0 WHEN d.region_id = od.region_id THEN 1 ELSE 2 END, t.id DESC";
        auto rows = conn->query(sql, {spo_team()});
        EXPECT_FALSE(rows.empty());
        return rows.at(0).text(0);
    }
    // An SPO user for a team: its SPO-grade member if it has one without a user.
    std::string spo_for(const std::string& team, const std::string& username) {
        auto conn = service().database().acquire();
        if (conn->query("SELECT COUNT(*) FROM users WHERE username = ?", {username}).at(0).int64(0) == 0) {
            auto staff = conn->query(
                "SELECT s.id FROM staff s JOIN teams t ON t.id = s.team_id WHERE t.code = ?"
                " AND s.id NOT IN (SELECT staff_id FROM users WHERE staff_id IS NOT NULL)"
                " ORDER BY CASE WHEN s.grade = 'SPO' THEN 0 ELSE 1 END, s.id LIMIT 1",
                {team});
            EXPECT_FALSE(staff.empty());
            conn->execute("INSERT INTO users (username, password_hash, role, staff_id, active, created_at)"
                          " VALUES (?, 'x', 'spo', ?, 1, '2026-01-01T00:00:00Z')",
                          {username, staff.at(0).int64(0)});
        }
        return username;
    }
    std::string staff_code_of(const std::string& user) { return std::string(get_json(user, "/api/v1/me").at("staffCode").as_string()); }
    // The n-th of demo.po's current cases on no access list (one is restricted).
    std::string po_case(std::size_t n) {
        auto conn = service().database().acquire();
        auto rows = conn->query(
            "SELECT p.crn FROM people p JOIN users u ON u.staff_id = p.case_manager_staff_id WHERE u.username = 'demo.po'"
            " AND p.current_case = 1 AND p.id NOT IN (SELECT person_id FROM case_access_lists) ORDER BY p.crn");
        EXPECT_GT(rows.size(), n);
        return rows.at(n).text(0);
    }
    bool in_queue(const std::string& user, const std::string& team, const std::string& crn) {
        auto q = get_json(user, "/api/v1/allocations/queue?team=" + team).at("cases").as_array();
        return std::any_of(q.begin(), q.end(), [&](const json::value& c) { return c.at("crn").as_string() == crn; });
    }
    std::string case_manager(const std::string& crn) {
        return text("SELECT COALESCE(s.code, '') FROM people p LEFT JOIN staff s ON s.id = p.case_manager_staff_id WHERE p.crn = ?", {crn});
    }
    std::int64_t notified(const std::string& staff_code, const std::string& crn, const std::string& kind) {
        return count("SELECT COUNT(*) FROM notifications n JOIN staff s ON s.id = n.staff_id WHERE s.code = ? AND n.crn = ? AND n.kind = ?",
                     {staff_code, crn, kind});
    }
};

TEST_P(Transfers, ATransferToAnotherPduWaitsInTheReceivingQueueUntilAllocated) {
    const auto crn = po_case(0);
    const auto po = staff_code_of("demo.po");
    const auto far = other_team(true);
    const auto receiver = spo_for(far, "test.far.spo");
    ASSERT_EQ(case_manager(crn), po);

    // Bad requests change nothing and say what is wrong.
    auto missing = call("demo.spo", "POST", "/api/v1/transfers", json_body({{"crn", crn}, {"toTeam", far}}));
    ASSERT_EQ(missing.status, 422) << missing.body;
    EXPECT_EQ(json::parse(missing.body).at("errors").at(0).at("field").as_string(), "reason");
    auto own = call("demo.spo", "POST", "/api/v1/transfers", json_body({{"crn", crn}, {"toTeam", spo_team()}, {"reason", "x"}}));
    ASSERT_EQ(own.status, 422);
    EXPECT_EQ(json::parse(own.body).at("errors").at(0).at("field").as_string(), "toTeam");
    auto unknown = call("demo.spo", "POST", "/api/v1/transfers", json_body({{"crn", crn}, {"toTeam", "NOSUCH"}, {"reason", "x"}}));
    ASSERT_EQ(unknown.status, 422);
    EXPECT_NE(unknown.body.find("There is no team with code NOSUCH"), std::string::npos);
    // Only the sending team's SPO (or head of PDU) sends its cases away.
    EXPECT_EQ(call("demo.po", "POST", "/api/v1/transfers", json_body({{"crn", crn}, {"toTeam", far}, {"reason", "x"}})).status, 403);
    EXPECT_EQ(call(receiver, "POST", "/api/v1/transfers", json_body({{"crn", crn}, {"toTeam", far}, {"reason", "x"}})).status, 403);
    EXPECT_EQ(count("SELECT COUNT(*) FROM case_transfers t JOIN people p ON p.id = t.person_id WHERE p.crn = ?", {crn}), 0);

    auto sent = call("demo.spo", "POST", "/api/v1/transfers",
                     json_body({{"crn", crn}, {"toTeam", far}, {"reason", "Moved to live with his sister in the receiving area"}}));
    ASSERT_EQ(sent.status, 201) << sent.body;
    auto t = json::parse(sent.body);
    EXPECT_EQ(t.at("status").as_string(), "pending");
    EXPECT_TRUE(t.at("crossesPdu").as_bool());
    EXPECT_EQ(t.at("toTeamCode").as_string(), far);
    // The case keeps its case manager until the receiving side allocates it.
    EXPECT_EQ(case_manager(crn), po);
    EXPECT_TRUE(in_queue(receiver, far, crn));
    EXPECT_FALSE(in_queue("demo.spo", spo_team(), crn));
    auto queued = get_json(receiver, "/api/v1/allocations/queue?team=" + far).at("cases").as_array();
    for (const auto& c : queued) {
        if (c.at("crn").as_string() == crn) {
            EXPECT_FALSE(c.at("transferFromTeam").is_null());
        }
    }
    EXPECT_EQ(notified(po, crn, "transfer_requested"), 1);
    EXPECT_EQ(notified(staff_code_of(receiver), crn, "transfer_received"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.transfer.request' AND crn = ?", {crn}), 1);
    // One transfer at a time; and the sending SPO no longer allocates it.
    EXPECT_EQ(call("demo.spo", "POST", "/api/v1/transfers", json_body({{"crn", crn}, {"toTeam", far}, {"reason", "again"}})).status, 409);
    EXPECT_EQ(call("demo.spo", "POST", "/api/v1/allocations", json_body({{"crn", crn}, {"staffCode", staff_code_of("demo.spo")}, {"reason", "x"}})).status,
              403);
    // The sender sees the transfer (to withdraw it) but not the other PDU's workloads.
    auto sender_view = get_json("demo.spo", "/api/v1/allocations/" + crn + "/candidates");
    EXPECT_TRUE(sender_view.at("canWithdraw").as_bool());
    EXPECT_TRUE(sender_view.at("candidates").as_array().empty());

    // The receiving SPO, in another region, sees the same information as for any case.
    auto v = get_json(receiver, "/api/v1/allocations/" + crn + "/candidates");
    EXPECT_EQ(v.at("teamCode").as_string(), far);
    EXPECT_TRUE(v.at("canAllocate").as_bool());
    EXPECT_TRUE(v.at("canDecline").as_bool());
    EXPECT_FALSE(v.at("canWithdraw").as_bool());
    EXPECT_EQ(v.at("transfer").at("status").as_string(), "pending");
    EXPECT_EQ(v.at("caseManager").at("code").as_string(), po);
    auto cands = v.at("candidates").as_array();
    ASSERT_FALSE(cands.empty());
    for (const auto& c : cands) {
        EXPECT_EQ(c.at("teamCode").as_string(), far);
        EXPECT_FALSE(c.at("reasons").as_array().empty());
        EXPECT_TRUE(c.as_object().contains("capacityPercentAfter"));
        EXPECT_TRUE(c.as_object().contains("tierCounts"));
        EXPECT_TRUE(c.as_object().contains("gradeSuitable"));
    }
    const std::string first(cands.at(0).at("staffCode").as_string());
    auto done = call(receiver, "POST", "/api/v1/allocations", json_body({{"crn", crn}, {"staffCode", first}, {"reason", ""}}));
    ASSERT_EQ(done.status, 201) << done.body;
    EXPECT_EQ(json::parse(done.body).at("previousStaffCode").as_string(), po);
    EXPECT_EQ(case_manager(crn), first);
    EXPECT_FALSE(in_queue(receiver, far, crn));
    // History: the allocation names the transfer it accepted; the transfer is accepted.
    auto after = get_json(receiver, "/api/v1/allocations/" + crn + "/candidates");
    EXPECT_TRUE(after.at("transfer").is_null());
    EXPECT_EQ(after.at("transfers").at(0).at("status").as_string(), "accepted");
    EXPECT_EQ(after.at("history").at(0).at("toStaffCode").as_string(), first);
    EXPECT_EQ(after.at("history").at(0).at("fromStaffCode").as_string(), po);
    EXPECT_FALSE(after.at("history").at(0).at("transferFromTeam").is_null());
    EXPECT_EQ(count("SELECT COUNT(*) FROM case_transfers x JOIN allocations a ON a.id = x.allocation_id JOIN people p ON p.id = x.person_id"
                    " WHERE p.crn = ? AND x.status = 'accepted' AND a.transfer_id = x.id",
                    {crn}),
              1);
    EXPECT_EQ(notified(po, crn, "reallocated"), 1);
    EXPECT_EQ(notified(first, crn, "allocated"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.allocate' AND crn = ? AND detail LIKE '%transfer=%'", {crn}), 1);
    // Nothing left to withdraw.
    const auto id = std::to_string(t.at("id").as_int64());
    EXPECT_EQ(call("demo.spo", "POST", "/api/v1/transfers/" + id + "/withdraw", json_body({{"reason", "late"}})).status, 403)
        << "the case is no longer demo.spo's to see";
}

TEST_P(Transfers, ATransferIsDeclinedOrWithdrawnWithAReasonAndTheCaseGoesBack) {
    const auto near = other_team(false);
    const auto receiver = spo_for(near, "test.near.spo");
    // An unallocated case from demo.spo's queue goes to the neighbouring team's queue.
    auto queue = get_json("demo.spo", "/api/v1/allocations/queue?team=" + spo_team()).at("cases").as_array();
    ASSERT_FALSE(queue.empty());
    const std::string crn(queue.back().at("crn").as_string());
    auto sent = call("demo.spo", "POST", "/api/v1/transfers", json_body({{"crn", crn}, {"toTeam", near}, {"reason", "Lives nearer their office"}}));
    ASSERT_EQ(sent.status, 201) << sent.body;
    const bool same_pdu = count("SELECT COUNT(*) FROM teams a JOIN teams b ON a.pdu_id = b.pdu_id WHERE a.code = ? AND b.code = ?",
                                {near, spo_team()}) == 1;
    EXPECT_EQ(json::parse(sent.body).at("crossesPdu").as_bool(), !same_pdu);
    const auto id = std::to_string(json::parse(sent.body).at("id").as_int64());
    EXPECT_FALSE(in_queue("demo.spo", spo_team(), crn));
    EXPECT_TRUE(in_queue(receiver, near, crn));

    // Each side does only its own part, and a reason is needed.
    EXPECT_EQ(call("demo.spo", "POST", "/api/v1/transfers/" + id + "/decline", json_body({{"reason", "no"}})).status, 403);
    EXPECT_EQ(call(receiver, "POST", "/api/v1/transfers/" + id + "/withdraw", json_body({{"reason", "no"}})).status, 403);
    auto blank = call(receiver, "POST", "/api/v1/transfers/" + id + "/decline", json_body({{"reason", " "}}));
    ASSERT_EQ(blank.status, 422) << blank.body;
    EXPECT_EQ(json::parse(blank.body).at("errors").at(0).at("field").as_string(), "reason");
    auto declined = call(receiver, "POST", "/api/v1/transfers/" + id + "/decline", json_body({{"reason", "Address is in your area"}}));
    ASSERT_EQ(declined.status, 200) << declined.body;
    EXPECT_EQ(json::parse(declined.body).at("status").as_string(), "declined");
    EXPECT_TRUE(in_queue("demo.spo", spo_team(), crn));
    EXPECT_FALSE(in_queue(receiver, near, crn));
    EXPECT_EQ(notified(staff_code_of("demo.spo"), crn, "transfer_declined"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.transfer.decline' AND crn = ?", {crn}), 1);
    EXPECT_EQ(call(receiver, "POST", "/api/v1/transfers/" + id + "/decline", json_body({{"reason", "again"}})).status, 409);

    // Sent again and withdrawn by the sender.
    auto again = call("demo.spo", "POST", "/api/v1/transfers", json_body({{"crn", crn}, {"toTeam", near}, {"reason", "Second try"}}));
    ASSERT_EQ(again.status, 201) << again.body;
    const auto id2 = std::to_string(json::parse(again.body).at("id").as_int64());
    auto withdrawn = call("demo.spo", "POST", "/api/v1/transfers/" + id2 + "/withdraw", json_body({{"reason", "Staying put after all"}}));
    ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
    EXPECT_EQ(json::parse(withdrawn.body).at("status").as_string(), "withdrawn");
    EXPECT_TRUE(in_queue("demo.spo", spo_team(), crn));
    EXPECT_EQ(notified(staff_code_of(receiver), crn, "transfer_withdrawn"), 1);
    auto v = get_json("demo.spo", "/api/v1/allocations/" + crn + "/candidates");
    ASSERT_EQ(v.at("transfers").as_array().size(), 2u);
    EXPECT_EQ(v.at("transfers").at(0).at("status").as_string(), "withdrawn");
    EXPECT_EQ(v.at("transfers").at(1).at("closeReason").as_string(), "Address is in your area");
    EXPECT_TRUE(v.at("canTransfer").as_bool());
}

TEST_P(Transfers, PagesOfferReallocateOrTransferAndSayWhatIsWrong) {
    const auto crn = po_case(1);
    const auto far = other_team(true);
    Browser spo(service().port());
    spo.sign_in("demo.spo", "onecase-demo-2026");
    // From the case page to its allocation page.
    auto case_page = spo.get("/cases/" + crn);
    ASSERT_EQ(case_page.status, 200);
    EXPECT_NE(case_page.body.find("id=\"reallocate-link\" href=\"/allocations/" + crn + "\">Reallocate or transfer"), std::string::npos);
    auto page = spo.get("/allocations/" + crn);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Reallocate or transfer"), std::string::npos);
    EXPECT_NE(page.body.find("/allocations/" + crn + "/transfer"), std::string::npos);
    auto form = spo.get("/allocations/" + crn + "/transfer");
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("<optgroup"), std::string::npos);
    EXPECT_NE(form.body.find("value=\"" + far + "\""), std::string::npos);
    auto wrong = spo.post_form("/allocations/" + crn + "/transfer", {{"csrf", spo.csrf_from(form.body)}, {"toTeam", ""}, {"reason", "Moving"}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_NE(wrong.body.find("Choose the team to transfer the case to"), std::string::npos);
    EXPECT_NE(wrong.body.find("Moving</textarea>"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM case_transfers x JOIN people p ON p.id = x.person_id WHERE p.crn = ?", {crn}), 0);
    auto sent = spo.post_form("/allocations/" + crn + "/transfer", {{"csrf", spo.csrf_from(form.body)}, {"toTeam", far}, {"reason", "Moving"}});
    ASSERT_EQ(sent.status, 303) << sent.body.substr(0, 1000);
    const auto id = text("SELECT CAST(x.id AS TEXT) FROM case_transfers x JOIN people p ON p.id = x.person_id WHERE p.crn = ?", {crn});
    // The sender's page shows the pending transfer and withdraws it, with a reason.
    auto pending = spo.get("/allocations/" + crn);
    ASSERT_EQ(pending.status, 200);
    EXPECT_NE(pending.body.find("pending-transfer"), std::string::npos);
    EXPECT_NE(pending.body.find("Withdraw transfer"), std::string::npos);
    EXPECT_EQ(pending.body.find("Choose a case manager"), std::string::npos);
    auto no_reason = spo.post_form("/allocations/" + crn + "/transfer/withdraw", {{"csrf", spo.csrf_from(pending.body)}, {"transferId", id}, {"reason", ""}});
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_NE(no_reason.body.find("Enter why the transfer is not going ahead"), std::string::npos);
    auto withdrawn = spo.post_form("/allocations/" + crn + "/transfer/withdraw",
                                   {{"csrf", spo.csrf_from(pending.body)}, {"transferId", id}, {"reason", "Not moving after all"}});
    EXPECT_EQ(withdrawn.status, 303);
    EXPECT_EQ(text("SELECT status FROM case_transfers WHERE id = ?", {std::stoll(id)}), "withdrawn");
    auto after = spo.get("/allocations/" + crn);
    EXPECT_NE(after.body.find("transfer-history"), std::string::npos);
    EXPECT_NE(after.body.find("Not moving after all"), std::string::npos);
}

TEST_P(Transfers, AnAdminEditsTheGradeRulesOnAPage) {
    Browser admin(service().port());
    admin.sign_in("demo.admin", "onecase-demo-2026");
    auto page = admin.get("/admin/policies/workload/grade-rules");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("name=\"rule.rosh.very_high.PO\" type=\"checkbox\" value=\"1\" checked"), std::string::npos);
    EXPECT_NE(page.body.find("name=\"rule.rosh.medium.PO\" type=\"checkbox\" value=\"1\">"), std::string::npos);
    Browser spo(service().port());
    spo.sign_in("demo.spo", "onecase-demo-2026");
    EXPECT_EQ(spo.get("/admin/policies/workload/grade-rules").status, 403);
    const auto versions = count("SELECT COUNT(*) FROM policy_versions WHERE policy = 'workload'");
    const auto csrf = admin.csrf_from(page.body);
    // Only SPOs (never offered as candidates) for tier A: refused, with the boxes kept.
    auto bad = admin.post_form("/admin/policies/workload/grade-rules", {{"csrf", csrf}, {"rule.tier.A.SPO", "1"}, {"note", "Try"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("Tier A: tick at least one grade offered as a candidate (PO, PQiP or PSO), or none for no rule"), std::string::npos);
    EXPECT_NE(bad.body.find("name=\"rule.tier.A.SPO\" type=\"checkbox\" value=\"1\" checked"), std::string::npos);
    auto no_note = admin.post_form("/admin/policies/workload/grade-rules", {{"csrf", csrf}, {"rule.tier.A.PO", "1"}, {"note", ""}});
    EXPECT_EQ(no_note.status, 422);
    EXPECT_NE(no_note.body.find("Enter a note saying why the model changes"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM policy_versions WHERE policy = 'workload'"), versions);
    // A later version adds medium RoSH to POs and PQiPs; every other setting is kept.
    auto saved = admin.post_form("/admin/policies/workload/grade-rules",
                                 {{"csrf", csrf}, {"rule.rosh.very_high.PO", "1"}, {"rule.rosh.high.PO", "1"}, {"rule.rosh.medium.PO", "1"},
                                  {"rule.rosh.medium.PQiP", "1"}, {"rule.tier.A.PO", "1"}, {"rule.tier.B.PO", "1"}, {"rule.tier.B.PQiP", "1"},
                                  {"effectiveFrom", "2099-01-01"}, {"note", "Medium RoSH to qualified staff"}});
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
    EXPECT_EQ(count("SELECT COUNT(*) FROM policy_versions WHERE policy = 'workload'"), versions + 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'policy.create' AND detail LIKE '%medium%'"), 1);
    auto doc = get_json("demo.admin", "/api/v1/policies/workload");
    const auto& last = doc.at("versions").as_array().back().at("settings");
    EXPECT_EQ(last.at("gradeRules").as_array().size(), 5u);
    EXPECT_EQ(json::serialize(last.at("gradeRules").at(2)), R"({"rosh":"medium","grades":["PO","PQiP"]})");
    EXPECT_EQ(json::serialize(last.at("tierPoints")), json::serialize(doc.at("inForce").at("settings").at("tierPoints")));
    EXPECT_EQ(doc.at("versions").as_array().back().at("effectiveFrom").as_string(), "2099-01-01");
}

// Reports and weighted tasks credited on a page from the workload page (the team's SPO).
TEST_P(Transfers, TheTeamsSpoCreditsAReportOnAPage) {
    const auto po = staff_code_of("demo.po");
    const auto before = get_json("demo.spo", "/api/v1/staff/" + po + "/workload").at("points").as_int64();
    Browser spo(service().port());
    spo.sign_in("demo.spo", "onecase-demo-2026");
    auto workload = spo.get("/staff/" + po + "/workload");
    ASSERT_EQ(workload.status, 200);
    EXPECT_NE(workload.body.find("/staff/" + po + "/tasks/new"), std::string::npos);
    auto form = spo.get("/staff/" + po + "/tasks/new");
    ASSERT_EQ(form.status, 200);
    const auto csrf = spo.csrf_from(form.body);
    auto none = spo.post_form("/staff/" + po + "/tasks/new", {{"csrf", csrf}, {"kind", ""}, {"date", "2026-11-20"}});
    EXPECT_EQ(none.status, 422);
    EXPECT_NE(none.body.find("Choose a report or task"), std::string::npos);
    EXPECT_NE(none.body.find("value=\"2026-11-20\""), std::string::npos);
    auto future = spo.post_form("/staff/" + po + "/tasks/new", {{"csrf", csrf}, {"kind", "psr_standard"}, {"date", "2999-01-01"}});
    EXPECT_EQ(future.status, 422);
    EXPECT_NE(future.body.find("The date must be today or earlier"), std::string::npos);
    EXPECT_NE(future.body.find("value=\"psr_standard\" checked"), std::string::npos);
    const auto today = platform::format_date(platform::london_date(platform::SystemClock().now()));
    auto saved = spo.post_form("/staff/" + po + "/tasks/new", {{"csrf", csrf}, {"kind", "psr_standard"}, {"date", today}});
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 1000);
    const auto after = get_json("demo.spo", "/api/v1/staff/" + po + "/workload").at("points").as_int64();
    EXPECT_EQ(after - before, 138) << "a standard pre-sentence report under the default model";
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'workload.task.create' AND detail LIKE ?", {"staff=" + po + "%"}), 1);
    // The practitioner sees their workload but does not credit themselves.
    Browser own(service().port());
    own.sign_in("demo.po", "onecase-demo-2026");
    EXPECT_EQ(own.get("/staff/" + po + "/tasks/new").status, 403);
    EXPECT_EQ(call("demo.po", "POST", "/api/v1/staff/" + po + "/tasks", json_body({{"kind", "psr_fast"}, {"date", today}})).status, 403);
}

INSTANTIATE_TEST_SUITE_P(Engines, Transfers, ::testing::ValuesIn(backends()));

}  // namespace
}  // namespace onecase::testing
