// Issue #8, every change audited with before and after, on both databases: a change's
// audit row carries the fields it touched, read in the change's own transaction; the
// API, the CSV export and the audit page show them; a refused or invalid change writes
// none.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>

#include "access/audit_changes.hpp"
#include "platform/clock.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono;

struct Change {
    std::optional<std::string> before, after;
};

std::optional<std::string> text_or_null(const json::value& v) {
    if (v.is_null()) return std::nullopt;
    return std::string(v.as_string());
}

class AuditChanges : public SharedServiceTest {
protected:
    RunningService& service() { return shared_service("onecase_audit_changes"); }
    HttpResult call(const std::string& user, const std::string& method, const std::string& path, const std::string& body = "") {
        auto& token = tokens_[GetParam() + user];
        if (token.empty()) token = service().token_for(user);
        std::map<std::string, std::string> headers{{"Authorization", "Bearer " + token}};
        if (!body.empty()) headers["Content-Type"] = "application/json";
        return http_request(service().port(), method, path, headers, body);
    }
    json::value get_json(const std::string& user, const std::string& path) {
        auto r = call(user, "GET", path);
        EXPECT_EQ(r.status, 200) << path << ": " << r.body;
        return json::parse(r.body);
    }
    std::string nth_crn_of(const std::string& user, std::size_t n) {
        return std::string(get_json(user, "/api/v1/caseload").at("cases").at(n).at("crn").as_string());
    }
    // The changes of the newest audit row for `action` on `crn`, by field, read as an
    // auditor reads them: through the API.
    std::map<std::string, Change> latest_changes(const std::string& crn, const std::string& action) {
        // An empty crn: the newest row for the action on any case or none (staff, policies).
        auto rows = get_json("demo.auditor", "/api/v1/audit?limit=1&action=" + action + (crn.empty() ? "" : "&crn=" + crn))
                        .at("rows")
                        .as_array();
        EXPECT_EQ(rows.size(), 1u) << action << " on " << crn;
        std::map<std::string, Change> out;
        if (rows.empty()) return out;
        for (const auto& c : rows.at(0).at("changes").as_array()) {
            out[std::string(c.at("field").as_string())] = {text_or_null(c.at("before")), text_or_null(c.at("after"))};
        }
        return out;
    }
    std::int64_t count(const std::string& sql, const db::Params& params = {}) {
        auto conn = service().database().acquire();
        return conn->query(sql, params).at(0).int64(0);
    }
    std::int64_t rows_with_changes(const std::string& crn) {
        return count("SELECT COUNT(*) FROM audit_log WHERE crn = ? AND changes IS NOT NULL", {crn});
    }
    static std::string local_start(int days_ahead, const char* time = "10:00") {
        const auto day = platform::london_date(platform::SystemClock().now() + days(days_ahead));
        return platform::format_date(day) + "T" + time + ":00";
    }
    static inline std::map<std::string, std::string> tokens_;
};

void expect_change(const std::map<std::string, Change>& changes, const std::string& field,
                   const std::optional<std::string>& before, const std::optional<std::string>& after) {
    auto it = changes.find(field);
    ASSERT_NE(it, changes.end()) << "no change of " << field;
    EXPECT_EQ(it->second.before, before) << field;
    EXPECT_EQ(it->second.after, after) << field;
}

TEST_P(AuditChanges, AnAppointmentMoveRecordsTheOldAndNewTimeAndARefusedOrInvalidMoveRecordsNothing) {
    const auto crn = nth_crn_of("demo.po", 0);
    auto booked = call("demo.po", "POST", "/api/v1/people/" + crn + "/appointments",
                       json::serialize(json::object{{"type", "phone"}, {"start", local_start(10)}, {"durationMinutes", 15}}));
    ASSERT_EQ(booked.status, 201) << booked.body;
    const auto a = json::parse(booked.body).as_object();
    const std::string path = "/api/v1/appointments/" + std::to_string(a.at("id").as_int64());
    const std::string start_before(a.at("startUtc").as_string());
    expect_change(latest_changes(crn, "appointment.book"), "start_at", std::nullopt, start_before);

    auto moved = call("demo.po", "PUT", path, json::serialize(json::object{{"version", 1}, {"start", local_start(11, "14:30")}}));
    ASSERT_EQ(moved.status, 200) << moved.body;
    const std::string start_after(json::parse(moved.body).at("startUtc").as_string());
    auto changes = latest_changes(crn, "appointment.move");
    expect_change(changes, "start_at", start_before, start_after);
    expect_change(changes, "version", "1", "2");
    EXPECT_EQ(changes.count("duration_minutes"), 0u) << "an unchanged field is not listed";

    // Refused (another region's practitioner), invalid (in the past), stale: no change, no changes row.
    const auto with_changes = rows_with_changes(crn);
    EXPECT_EQ(call("demo.other", "PUT", path, json::serialize(json::object{{"version", 2}, {"start", local_start(12)}})).status, 403);
    EXPECT_EQ(call("demo.po", "PUT", path, json::serialize(json::object{{"version", 2}, {"start", local_start(-2)}})).status, 422);
    EXPECT_EQ(call("demo.po", "PUT", path, json::serialize(json::object{{"version", 1}, {"start", local_start(12)}})).status, 409);
    EXPECT_EQ(call("demo.po", "POST", path + "/cancel", json::serialize(json::object{{"version", 2}, {"reason", " "}})).status, 422);
    EXPECT_EQ(rows_with_changes(crn), with_changes);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE crn = ? AND action LIKE '%.refused' AND changes IS NOT NULL", {crn}), 0);

    auto cancelled = call("demo.po", "POST", path + "/cancel",
                          json::serialize(json::object{{"version", 2}, {"reason", "Starts work that day"}}));
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    changes = latest_changes(crn, "appointment.cancel");
    expect_change(changes, "status", "booked", "cancelled");
    expect_change(changes, "cancel_reason", std::nullopt, "Starts work that day");
}

TEST_P(AuditChanges, AContactCorrectionRecordsTheTextItReplaced) {
    const auto crn = nth_crn_of("demo.po", 1);
    const std::string base = "/api/v1/people/" + crn + "/contacts";
    auto created = call("demo.po", "POST", base, json_body({{"type", "phone"}, {"notes", "Said he was at work"}}));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = json::parse(created.body).at("id").as_int64();
    expect_change(latest_changes(crn, "contact.create"), "notes", std::nullopt, "Said he was at work");

    auto edited = call("demo.po", "PUT", base + "/" + std::to_string(id),
                       json::serialize(json::object{{"type", "phone"}, {"notes", "Said he was at college"}, {"version", 1}}));
    ASSERT_EQ(edited.status, 200) << edited.body;
    auto changes = latest_changes(crn, "contact.update");
    expect_change(changes, "notes", "Said he was at work", "Said he was at college");
    expect_change(changes, "version", "1", "2");
    EXPECT_EQ(changes.count("type"), 0u);

    const auto with_changes = rows_with_changes(crn);
    EXPECT_EQ(call("demo.po", "PUT", base + "/" + std::to_string(id),
                   json::serialize(json::object{{"type", "phone"}, {"notes", ""}, {"version", 2}})).status, 422);
    EXPECT_EQ(call("demo.other", "PUT", base + "/" + std::to_string(id),
                   json::serialize(json::object{{"type", "phone"}, {"notes", "not mine"}, {"version", 2}})).status, 403);
    EXPECT_EQ(rows_with_changes(crn), with_changes);
}

TEST_P(AuditChanges, AReallocationRecordsTheOldAndNewCaseManager) {
    const auto crn = nth_crn_of("demo.po", 2);
    const std::string po(get_json("demo.po", "/api/v1/me").at("staffCode").as_string());
    std::string other;
    const auto candidates = get_json("demo.spo", "/api/v1/allocations/" + crn + "/candidates");
    for (const auto& c : candidates.at("candidates").as_array()) {
        if (c.at("staffCode").as_string() != po && c.at("gradeSuitable").as_bool()) {
            other = std::string(c.at("staffCode").as_string());
            break;
        }
    }
    ASSERT_FALSE(other.empty());
    auto r = call("demo.spo", "POST", "/api/v1/allocations",
                  json_body({{"crn", crn}, {"staffCode", other}, {"reason", "Balancing the team's caseloads"}}));
    ASSERT_EQ(r.status, 201) << r.body;
    expect_change(latest_changes(crn, "case.allocate"), "case_manager", po, other);

    // A practitioner may not allocate: nothing written.
    const auto with_changes = rows_with_changes(crn);
    EXPECT_EQ(call("demo.po", "POST", "/api/v1/allocations", json_body({{"crn", crn}, {"staffCode", po}, {"reason", "x"}})).status, 403);
    EXPECT_EQ(rows_with_changes(crn), with_changes);
}

TEST_P(AuditChanges, ADeregistrationAndATierRecalculationRecordBeforeAndAfter) {
    const auto crn = nth_crn_of("demo.po", 3);
    const std::string regs = "/api/v1/people/" + crn + "/registrations";
    auto added = call("demo.po", "POST", regs, R"({"type":"WEAPONS","notes":"Knife found at home"})");
    ASSERT_EQ(added.status, 201) << added.body;
    const auto reg = json::parse(added.body).as_object();
    const auto id = std::to_string(reg.at("id").as_int64());
    const std::string tier_with(reg.at("tier").at("tier").as_string());
    expect_change(latest_changes(crn, "registration.create"), "type", std::nullopt, "WEAPONS");

    EXPECT_EQ(call("demo.po", "POST", regs + "/" + id + "/deregister", R"({"reason":" "})").status, 422);
    EXPECT_EQ(call("demo.other", "POST", regs + "/" + id + "/deregister", R"({"reason":"not mine"})").status, 403);
    auto removed = call("demo.po", "POST", regs + "/" + id + "/deregister", R"({"reason":"Weapons no longer a concern"})");
    ASSERT_EQ(removed.status, 200) << removed.body;
    const std::string tier_without(json::parse(removed.body).at("tier").at("tier").as_string());
    auto changes = latest_changes(crn, "registration.deregister");
    expect_change(changes, "deregistered_reason", std::nullopt, "Weapons no longer a concern");
    ASSERT_TRUE(changes.count("deregistered_on"));
    EXPECT_FALSE(changes["deregistered_on"].before);
    EXPECT_TRUE(changes["deregistered_on"].after);
    if (tier_with != tier_without) expect_change(changes, "tier", tier_with, tier_without);
    else EXPECT_EQ(changes.count("tier"), 0u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'registration.deregister' AND crn = ?", {crn}), 1)
        << "the refused and invalid attempts wrote no change row";

    // A tier left stale on the record (as after an import) is put right, and the row says from what.
    {
        auto conn = service().database().acquire();
        conn->execute("UPDATE people SET tier = 'D0' WHERE crn = ?", {crn});
    }
    auto recalculated = call("demo.po", "POST", "/api/v1/people/" + crn + "/tier/recalculate");
    ASSERT_EQ(recalculated.status, 200) << recalculated.body;
    expect_change(latest_changes(crn, "tier.recalculate"), "tier", "D0", tier_without);
    // Again: the tier did not move, so the row has no changes.
    ASSERT_EQ(call("demo.po", "POST", "/api/v1/people/" + crn + "/tier/recalculate").status, 200);
    EXPECT_TRUE(latest_changes(crn, "tier.recalculate").empty());
}

TEST_P(AuditChanges, AnAccessListChangeRecordsTheListBeforeAndAfter) {
    std::string crn;
    const auto caseload = get_json("demo.po", "/api/v1/caseload");
    for (const auto& c : caseload.at("cases").as_array()) {
        if (!c.at("restricted").as_bool()) crn = std::string(c.at("crn").as_string());
    }
    ASSERT_FALSE(crn.empty());
    std::string colleague;
    {
        auto conn = service().database().acquire();
        colleague = conn->query("SELECT s.code FROM staff s JOIN staff po ON po.team_id = s.team_id JOIN users u ON u.staff_id = po.id "
                                "WHERE u.username = 'demo.po' AND s.id <> po.id AND s.grade IN ('PO', 'PSO') "
                                "AND s.id NOT IN (SELECT staff_id FROM users WHERE staff_id IS NOT NULL) ORDER BY s.code LIMIT 1")
                        .at(0)
                        .text(0);
    }
    const std::string list = "/api/v1/people/" + crn + "/access-list";
    const auto with_changes = rows_with_changes(crn);
    EXPECT_EQ(call("demo.po", "POST", list, json_body({{"staffCode", colleague}, {"kind", "exclusion"}, {"reason", "x"}})).status, 403);
    EXPECT_EQ(call("demo.spo", "POST", list, json_body({{"staffCode", "NOPE999"}, {"kind", "exclusion"}, {"reason", "x"}})).status, 422);
    EXPECT_EQ(rows_with_changes(crn), with_changes);

    auto excluded = call("demo.spo", "POST", list,
                         json_body({{"staffCode", colleague}, {"kind", "exclusion"}, {"reason", "Relative of the person"}}));
    ASSERT_EQ(excluded.status, 201) << excluded.body;
    auto changes = latest_changes(crn, "case.access.exclusion.add");
    expect_change(changes, "staff", std::nullopt, colleague);
    expect_change(changes, "reason", std::nullopt, "Relative of the person");
    expect_change(changes, "excluded", std::nullopt, colleague);

    const auto entry = json::parse(excluded.body).at("id").as_int64();
    ASSERT_EQ(call("demo.spo", "DELETE", list + "/" + std::to_string(entry)).status, 204);
    changes = latest_changes(crn, "case.access.exclusion.remove");
    expect_change(changes, "staff", colleague, std::nullopt);
    expect_change(changes, "excluded", colleague, std::nullopt);
}

TEST_P(AuditChanges, TheApiCsvAndPageShowTheChangesEscaped) {
    const auto crn = nth_crn_of("demo.po", 4);
    const std::string base = "/api/v1/people/" + crn + "/contacts";
    auto created = call("demo.po", "POST", base, json_body({{"type", "phone"}, {"notes", "first, \"quoted\""}}));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = json::parse(created.body).at("id").as_int64();
    ASSERT_EQ(call("demo.po", "PUT", base + "/" + std::to_string(id),
                   json::serialize(json::object{{"type", "phone"}, {"notes", "<script>x</script>"}, {"version", 1}})).status,
              200);

    ASSERT_EQ(call("demo.po", "GET", "/api/v1/people/" + crn).status, 200);
    // API: every row has a changes array; a read's is empty.
    auto rows = get_json("demo.auditor", "/api/v1/audit?crn=" + crn).at("rows").as_array();
    bool update_seen = false, read_seen = false;
    for (const auto& row : rows) {
        ASSERT_TRUE(row.at("changes").is_array()) << json::serialize(row);
        if (row.at("action") == "contact.update") {
            update_seen = true;
            EXPECT_EQ(row.at("changes").at(0).at("field").as_string(), "notes");
            EXPECT_EQ(row.at("changes").at(0).at("before").as_string(), "first, \"quoted\"");
            EXPECT_EQ(row.at("changes").at(0).at("after").as_string(), "<script>x</script>");
        }
        if (row.at("action") == "case.view" || row.at("action") == "contact.view") {
            read_seen = true;
            EXPECT_TRUE(row.at("changes").as_array().empty());
        }
    }
    EXPECT_TRUE(update_seen);
    EXPECT_TRUE(read_seen);

    // CSV: a changes column holding the same JSON, quoted as CSV needs.
    auto csv = call("demo.auditor", "GET", "/api/v1/audit.csv?action=contact.update&crn=" + crn);
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.body.rfind("id,at,user,action,crn,remote_address,detail,changes\r\n", 0), 0u) << csv.body;
    const auto stored = access::changes_to_json({{"notes", "first, \"quoted\"", "<script>x</script>"},
                                                 {"version", "1", "2"}});
    std::string quoted = "\"";
    for (char ch : stored) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    quoted += "\"\r\n";
    EXPECT_NE(csv.body.find(quoted), std::string::npos) << csv.body;

    // The page: "field: before → after", the text escaped.
    Browser b(service().port());
    ASSERT_EQ(b.sign_in("demo.auditor", "onecase-demo-2026").status, 303);
    auto page = b.get("/audit?action=contact.update&crn=" + crn);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("notes</span>: first, &quot;quoted&quot;"), std::string::npos) << page.body;
    EXPECT_NE(page.body.find("&lt;script&gt;x&lt;/script&gt;"), std::string::npos) << page.body;
    EXPECT_EQ(page.body.find("<script>x</script>"), std::string::npos);
}

TEST_P(AuditChanges, ContractedHoursAndAWorkloadModelVersionRecordWhatTheyReplaced) {
    const std::string po(get_json("demo.po", "/api/v1/me").at("staffCode").as_string());
    std::optional<std::string> minutes_before;
    {
        auto conn = service().database().acquire();
        minutes_before = conn->query("SELECT contracted_minutes FROM staff WHERE code = ?", {po}).at(0).opt_text(0);
    }
    EXPECT_EQ(call("demo.po", "PUT", "/api/v1/staff/" + po + "/contracted-hours", R"({"contractedHours":30})").status, 403);
    ASSERT_EQ(call("demo.spo", "PUT", "/api/v1/staff/" + po + "/contracted-hours", R"({"contractedHours":30})").status, 200);
    auto changes = latest_changes("", "workload.contracted_hours.update");
    if (minutes_before == "1800") EXPECT_TRUE(changes.empty());
    else expect_change(changes, "contracted_minutes", minutes_before, "1800");
    ASSERT_EQ(call("demo.spo", "PUT", "/api/v1/staff/" + po + "/contracted-hours", R"({"contractedHours":null})").status, 200);
    expect_change(latest_changes("", "workload.contracted_hours.update"), "contracted_minutes", "1800", std::nullopt);

    const auto model = get_json("demo.admin", "/api/v1/policies/workload");
    const auto previous = model.at("versions").as_array().back();
    const std::string old_points = json::serialize(previous.at("settings").at("tierPoints").at("custody").at("A0"));
    const auto body = json::serialize(json::object{
        {"settings", json::object{{"tierPoints", json::object{{"custody", json::object{{"A0", old_points == "13" ? 14 : 13}}}}}}},
        {"note", "Custody A0 reweighed"},
        {"effectiveFrom", "2099-02-01"}});
    auto added = call("demo.admin", "POST", "/api/v1/policies/workload", body);
    ASSERT_EQ(added.status, 201) << added.body;
    const auto version = json::parse(added.body).at("version").as_int64();
    changes = latest_changes("", "policy.create");
    expect_change(changes, "version", std::to_string(previous.at("version").as_int64()), std::to_string(version));
    expect_change(changes, "effective_from", std::string(previous.at("effectiveFrom").as_string()), "2099-02-01");
    expect_change(changes, "settings.tierPoints.custody.A0", old_points, old_points == "13" ? "14" : "13");
    EXPECT_EQ(changes.count("settings.tierPoints.custody.A1"), 0u) << "an unchanged setting is not listed";
}

INSTANTIATE_TEST_SUITE_P(Databases, AuditChanges, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
