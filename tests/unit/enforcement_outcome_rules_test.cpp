// The pure parts of recording outcomes and acting on enforcement: outcome validation,
// history assembled from stored rows, actions, resolutions, the live warning shown to
// the SPO, and the enforcement policy JSON.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "enforcement/outcome_rules.hpp"
#include "enforcement/policy_rules.hpp"

using namespace onecase;
using namespace onecase::enforcement;
using contacts::EnforcementActionKind;
using contacts::EnforcementRoute;

namespace {

platform::Instant at(const char* iso) { return *platform::parse_instant(iso); }
platform::Date d(const char* iso) { return *platform::parse_date(iso); }

const auto kStart = at("2026-11-20T10:00:00Z");
const auto kNow = at("2026-11-23T09:00:00Z");

std::vector<std::string> fields(const Problem& p) {
    std::vector<std::string> out;
    for (const auto& e : p.errors) out.push_back(e.field);
    return out;
}

struct OutcomeCase {
    const char* situation;
    OutcomeInput input;
    platform::Instant start;
    std::vector<std::string> error_fields;  // empty: valid
};

TEST(OutcomeRules, ValidatesWhatHappenedAgainstTheAppointment) {
    const std::vector<OutcomeCase> cases = {
        {"attended and complied", {"attended_complied", std::nullopt, "", {}, {}, {}}, kStart, {}},
        {"no outcome chosen", {"", std::nullopt, "", {}, {}, {}}, kStart, {"outcome"}},
        {"unknown outcome", {"went_fishing", std::nullopt, "", {}, {}, {}}, kStart, {"outcome"}},
        {"absence without acceptable", {"failed_to_attend", std::nullopt, "No reason", {}, {}, {}}, kStart, {"acceptable"}},
        {"absence without a reason", {"failed_to_attend", false, "  \n", {}, {}, {}}, kStart, {"notes"}},
        {"unacceptable absence with reason", {"failed_to_attend", false, "No reason given", {}, {}, {}}, kStart, {}},
        {"failure to comply needs notes", {"attended_failed_to_comply", std::nullopt, "", {}, {}, {}}, kStart, {"notes"}},
        {"outcome before the appointment", {"attended_complied", std::nullopt, "", {}, {}, {}}, at("2026-11-24T10:00:00Z"), {"outcome"}},
        {"rescheduling ahead is fine", {"rescheduled", std::nullopt, "", {}, {}, {}}, at("2026-11-24T10:00:00Z"), {}},
        {"rescheduled to the future", {"rescheduled", std::nullopt, "", "2026-12-01T10:00", {}, {}}, kStart, {}},
        {"rescheduled to the past", {"rescheduled", std::nullopt, "", "2026-11-01T10:00", {}, {}}, kStart, {"newDate"}},
        {"rescheduled to nonsense", {"rescheduled", std::nullopt, "", "next Tuesday", {}, {}}, kStart, {"newDate"}},
        {"page date without time", {"rescheduled", std::nullopt, "", {}, "2026-12-01", ""}, kStart, {"newTime"}},
        {"page date and time", {"rescheduled", std::nullopt, "", {}, "2026-12-01", "9:30"}, kStart, {}},
        {"a new time on another outcome", {"attended_complied", std::nullopt, "", "2026-12-01T10:00", {}, {}}, kStart, {"newDate"}},
        {"notes not UTF-8", {"attended_complied", std::nullopt, "\xff\xfe", {}, {}, {}}, kStart, {"notes"}},
    };
    for (const auto& c : cases) {
        auto r = validate_outcome(c.input, c.start, kNow);
        if (c.error_fields.empty()) {
            EXPECT_TRUE(r.ok()) << c.situation << ": " << (r.ok() ? "" : r.problem().errors.at(0).message);
        } else {
            ASSERT_FALSE(r.ok()) << c.situation;
            EXPECT_EQ(fields(r.problem()), c.error_fields) << c.situation;
            EXPECT_EQ(r.problem().status, 422);
        }
    }
}

TEST(OutcomeRules, WhichOutcomesAreUnacceptableFailures) {
    auto v = [](OutcomeInput in) { return *validate_outcome(in, kStart, kNow); };
    EXPECT_TRUE(v({"failed_to_attend", false, "x", {}, {}, {}}).is_unacceptable_failure());
    EXPECT_FALSE(v({"failed_to_attend", true, "x", {}, {}, {}}).is_unacceptable_failure());
    // Failing to comply is unacceptable unless marked acceptable.
    EXPECT_TRUE(v({"attended_failed_to_comply", std::nullopt, "x", {}, {}, {}}).is_unacceptable_failure());
    EXPECT_EQ(v({"attended_failed_to_comply", std::nullopt, "x", {}, {}, {}}).acceptable, false);
    EXPECT_FALSE(v({"attended_failed_to_comply", true, "x", {}, {}, {}}).is_unacceptable_failure());
    EXPECT_EQ(v({"attended_complied", false, "", {}, {}, {}}).acceptable, true);
    EXPECT_FALSE(v({"rescheduled", std::nullopt, "", {}, {}, {}}).acceptable.has_value());
    EXPECT_EQ(v({"rescheduled", std::nullopt, "", "2026-12-01T10:00", {}, {}}).new_start, at("2026-12-01T10:00:00Z"));
    // UK local time: 1 June is in British Summer Time.
    EXPECT_EQ(v({"rescheduled", std::nullopt, "", {}, "2027-06-01", "10:00"}).new_start, at("2027-06-01T09:00:00Z"));
}

ActionRecord action(const char* kind, const char* date, std::int64_t event = 7, bool withdrawn = false) {
    ActionRecord a;
    a.event_id = event;
    a.kind = kind;
    a.action_date = date;
    if (withdrawn) a.withdrawn_at = "2026-01-01T00:00:00Z";
    return a;
}

TEST(OutcomeRules, HistoryIsAssembledFromStoredRows) {
    const std::vector<OutcomeRow> outcomes = {
        {7, "2026-04-30T23:30:00Z", "failed_to_attend", false},          // 1 May in London (BST)
        {7, "2026-04-02T09:00:00Z", "failed_to_attend", true},           // acceptable absence
        {7, "2026-05-02T09:00:00Z", "attended_failed_to_comply", std::nullopt},  // no flag: unacceptable
        {7, "2026-06-02T09:00:00Z", "attended_complied", true},          // not a failure
        {7, "2026-07-02T09:00:00Z", "rescheduled", std::nullopt},        // not a failure
        {7, "garbage", "failed_to_attend", false},                       // unreadable: left out
    };
    const std::vector<ActionRecord> actions = {action("warning", "2026-04-01"), action("warning", "2026-02-01", 7, true),
                                               action("decided_not_to_breach", "2026-05-10"), action("telling_off", "2026-05-11"),
                                               action("breach_started", "not a date")};
    auto h = history_from_rows(outcomes, actions);
    ASSERT_EQ(h.failures.size(), 3u);
    EXPECT_EQ(h.failures[0].date, d("2026-05-01"));
    EXPECT_FALSE(h.failures[0].acceptable);
    EXPECT_TRUE(h.failures[1].acceptable);
    EXPECT_FALSE(h.failures[2].acceptable);
    ASSERT_EQ(h.actions.size(), 3u);
    EXPECT_EQ(h.actions[0].kind, EnforcementActionKind::warning);
    EXPECT_FALSE(h.actions[0].withdrawn);
    EXPECT_TRUE(h.actions[1].withdrawn);
    EXPECT_EQ(h.actions[2].kind, EnforcementActionKind::decided_not_to_breach);

    // Fed to the rules: the warning of 1 April is live, so a failure in May is breach due.
    auto a = contacts::propose_enforcement(contacts::OrderType::community_order, {7, d("2026-06-10"), false}, h);
    EXPECT_EQ(a.proposal, contacts::EnforcementProposal::breach_due);
}

TEST(OutcomeRules, LiveWarningIsTheLatestUnwithdrawnWarningWhoseWindowCoversTheFailure) {
    const std::vector<ActionRecord> actions = {action("warning", "2025-03-03"), action("warning", "2025-09-01", 7, true),
                                               action("breach_started", "2025-10-01")};
    auto live = live_warning_on(actions, d("2026-03-02"), 12);
    ASSERT_TRUE(live);
    EXPECT_EQ(live->given, d("2025-03-03"));
    EXPECT_EQ(live->window_ends, d("2026-03-02"));
    EXPECT_FALSE(live_warning_on(actions, d("2026-03-03"), 12)) << "the anniversary is outside";
    EXPECT_FALSE(live_warning_on(actions, d("2025-10-01"), 6)) << "a 6-month window ended on 2 September";
    EXPECT_FALSE(live_warning_on(actions, d("2025-03-02"), 12)) << "before the warning";
}

TEST(OutcomeRules, ActionsNeedAKindARealPastDateAndAReasonNotToBreach) {
    const auto today = d("2026-11-23");
    EXPECT_TRUE(validate_action({"warning", "2026-11-20", ""}, today).ok());
    EXPECT_EQ(fields(validate_action({"warning", "", ""}, today).problem()), std::vector<std::string>{"date"});
    EXPECT_EQ(validate_action({"warning", "", ""}, today).problem().errors[0].message, "Enter the date of the warning letter");
    EXPECT_EQ(fields(validate_action({"warning", "2026-11-24", ""}, today).problem()), std::vector<std::string>{"date"});
    EXPECT_EQ(fields(validate_action({"warning", "2026-02-30", ""}, today).problem()), std::vector<std::string>{"date"});
    EXPECT_EQ(fields(validate_action({"caution", "2026-11-20", ""}, today).problem()), std::vector<std::string>{"kind"});
    EXPECT_EQ(fields(validate_action({"decided_not_to_breach", "2026-11-20", " "}, today).problem()),
              std::vector<std::string>{"reason"});
    EXPECT_TRUE(validate_action({"decided_not_to_breach", "2026-11-20", "In hospital"}, today).ok());
}

TEST(OutcomeRules, ResolutionsMatchTheProposal) {
    const auto today = d("2026-11-23");
    auto start = validate_resolution("breach_due", {"start_breach", "", ""}, today);
    ASSERT_TRUE(start.ok());
    EXPECT_EQ(start->action, EnforcementActionKind::breach_started);
    EXPECT_EQ(start->date, today);
    EXPECT_EQ(fields(validate_resolution("breach_due", {"do_not_breach", "", ""}, today).problem()),
              std::vector<std::string>{"reason"});
    auto dont = validate_resolution("breach_due", {"do_not_breach", "Letter from the ward", "2026-11-22"}, today);
    ASSERT_TRUE(dont.ok());
    EXPECT_EQ(dont->action, EnforcementActionKind::decided_not_to_breach);
    EXPECT_EQ(dont->date, d("2026-11-22"));
    EXPECT_EQ(fields(validate_resolution("breach_due", {"acknowledge", "x", ""}, today).problem()),
              std::vector<std::string>{"decision"});
    auto recall = validate_resolution("recall_consideration", {"acknowledge", "Not recalling", ""}, today);
    ASSERT_TRUE(recall.ok());
    EXPECT_FALSE(recall->action.has_value());
    EXPECT_EQ(fields(validate_resolution("recall_consideration", {"acknowledge", "", ""}, today).problem()),
              std::vector<std::string>{"reason"});
    EXPECT_EQ(fields(validate_resolution("warning", {"give_warning", "", ""}, today).problem()),
              std::vector<std::string>{"date"});
    EXPECT_TRUE(resolution_needs_spo("breach_due"));
    EXPECT_TRUE(resolution_needs_spo("recall_consideration"));
    EXPECT_FALSE(resolution_needs_spo("warning"));
}

TEST(EnforcementPolicyJson, ReadsAndWritesTheSettings) {
    auto p = parse_enforcement_policy(boost::json::parse(R"({"warningWindowMonths":6,"routes":{"pss":"warning_then_breach"}})"));
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->warning_window_months, 6);
    EXPECT_EQ(p->pss, EnforcementRoute::warning_then_breach);
    EXPECT_EQ(p->licence, EnforcementRoute::recall_consideration) << "unnamed routes keep the default";
    // Written out complete, and read back the same.
    auto json = enforcement_policy_json(*p);
    EXPECT_EQ(json.at("routes").at("custody").as_string(), "no_action");
    auto again = parse_enforcement_policy(json);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->warning_window_months, 6);
    EXPECT_EQ(again->pss, EnforcementRoute::warning_then_breach);
}

TEST(EnforcementPolicyJson, RefusesBadSettingsWithFieldErrors) {
    struct Bad {
        const char* json;
        std::vector<std::string> fields;
    };
    const std::vector<Bad> bad = {
        {R"([])", {"settings"}},
        {R"({"warningWindowMonths":0})", {"warningWindowMonths"}},
        {R"({"warningWindowMonths":37})", {"warningWindowMonths"}},
        {R"({"warningWindowMonths":"12"})", {"warningWindowMonths"}},
        {R"({"routes":{"licence":"hang"}})", {"routes.licence"}},
        {R"({"routes":{"parole":"no_action"}})", {"routes.parole"}},
        {R"({"routes":[]})", {"routes"}},
        {R"({"window":12})", {"window"}},
    };
    for (const auto& b : bad) {
        auto r = parse_enforcement_policy(boost::json::parse(b.json));
        ASSERT_FALSE(r.ok()) << b.json;
        EXPECT_EQ(fields(r.problem()), b.fields) << b.json;
    }
}

}  // namespace
