// Caseload lists and team compliance counts from due items: order, filters, counts,
// percentages; and who may see team compliance or change the policy.
#include <gtest/gtest.h>

#include "standards/access_rules.hpp"
#include "standards/due.hpp"

namespace onecase::standards {
namespace {

platform::Date d(const char* iso) { return *platform::parse_date(iso); }

// A community order sentenced on `sentenced`, seen face to face on `seen` if given.
SupervisedCase order(const char* crn, const char* last, const char* sentenced, const char* seen = nullptr) {
    SupervisedCase c;
    c.crn = crn;
    c.first_name = "A";
    c.last_name = last;
    contacts::CaseFacts f;
    f.start_date = d(sentenced);
    if (seen) f.face_to_face_contacts.push_back(d(seen));
    f.assessment_completed = f.start_date;  // keeps each case to its contact items
    c.facts = f;
    return c;
}

const platform::BankHolidays& holidays() {
    static const auto h = platform::england_and_wales_bank_holidays();
    return h;
}

const contacts::NationalStandardsPolicy kPolicy{};

TEST(StandardsDue, OverdueFirstLongestOverdueAtTheTopThenSoonest) {
    // Today Wednesday 6 January 2027. First appointments: 5 working days of sentence.
    const std::vector<SupervisedCase> cases = {
        order("X000001", "Soon", "2026-12-31"),              // due 8 Jan
        order("X000002", "Late", "2026-12-18"),              // due 29 Dec (Christmas holidays), overdue
        order("X000003", "Later", "2026-12-14"),             // due 21 Dec, overdue longer
        order("X000004", "Seen", "2026-12-14", "2026-12-15"),  // seen: next contact 12 Jan
    };
    const Judgement j{d("2027-01-06"), holidays(), kPolicy};
    auto all = caseload_items(cases, j, DueFilter::all);
    std::vector<std::string> order_seen;
    for (const auto& ci : all)
        if (ci.item.kind != contacts::DueKind::sentence_plan_review) order_seen.push_back(ci.case_->crn);
    EXPECT_EQ(order_seen, (std::vector<std::string>{"X000003", "X000002", "X000001", "X000004"}));
    EXPECT_EQ(platform::format_date(all[1].item.due_date), "2026-12-29");
    EXPECT_EQ(platform::format_date(*all[1].item.overdue_since), "2026-12-30");

    auto overdue = caseload_items(cases, j, DueFilter::overdue);
    ASSERT_EQ(overdue.size(), 2u);
    for (const auto& ci : overdue) EXPECT_TRUE(ci.item.overdue);

    auto week = caseload_items(cases, j, DueFilter::next_7_days);
    ASSERT_EQ(week.size(), 2u);  // 8 and 12 January; 13 January would be the 8th day
    EXPECT_EQ(week[0].case_->crn, "X000001");
    EXPECT_EQ(week[1].case_->crn, "X000004");
}

TEST(StandardsDue, NoActiveOrderMeansNothingDue) {
    SupervisedCase c;
    c.crn = "X000009";
    EXPECT_TRUE(due_for(c, Judgement{d("2027-01-06"), holidays(), kPolicy}).empty());
}

TEST(StandardsDue, FiltersParse) {
    EXPECT_EQ(parse_due_filter(""), DueFilter::all);
    EXPECT_EQ(parse_due_filter("overdue"), DueFilter::overdue);
    EXPECT_EQ(parse_due_filter("week"), DueFilter::next_7_days);
    EXPECT_FALSE(parse_due_filter("tomorrow"));
    EXPECT_EQ(due_filter_code(DueFilter::next_7_days), "week");
}

TEST(StandardsDue, ComplianceCountsAndPercentRoundedDown) {
    const std::vector<SupervisedCase> cases = {
        order("X000001", "Soon", "2026-12-31"),
        order("X000002", "Late", "2026-12-18"),
        order("X000003", "Later", "2026-12-14"),
    };
    const Judgement j{d("2027-01-06"), holidays(), kPolicy};
    auto counts = count_compliance({&cases[0], &cases[1], &cases[2]}, j);
    EXPECT_EQ(counts.cases, 3);
    EXPECT_EQ(counts.items_overdue, 2);
    EXPECT_EQ(counts.cases_nothing_overdue, 1);
    EXPECT_EQ(counts.percent_nothing_overdue(), 33);
    // 2 of 3 is 66.7%: rounded down, so a team only shows 100% with nothing overdue.
    auto two = count_compliance({&cases[0], &cases[0], &cases[1]}, j);
    EXPECT_EQ(two.percent_nothing_overdue(), 66);
    EXPECT_FALSE(count_compliance({}, j).percent_nothing_overdue());
    ComplianceCounts total;
    total.add(counts);
    total.add(two);
    EXPECT_EQ(total.cases, 6);
    EXPECT_EQ(total.items_overdue, 3);
}

TEST(StandardsDue, ItemJsonForTheApi) {
    const std::vector<SupervisedCase> cases = {order("X000002", "Late", "2026-12-18")};
    auto items = due_for(cases[0], Judgement{d("2027-01-06"), holidays(), kPolicy});
    ASSERT_FALSE(items.empty());
    auto o = due_item_json(items[0]);
    EXPECT_EQ(o.at("kind").as_string(), "first_appointment");
    EXPECT_EQ(o.at("dueDate").as_string(), "2026-12-29");
    EXPECT_TRUE(o.at("overdue").as_bool());
    EXPECT_EQ(o.at("overdueSince").as_string(), "2026-12-30");
    auto v = due_item_view(items[0], d("2027-01-06"));
    EXPECT_EQ(v.at("tag").as_string(), "Overdue");
    EXPECT_EQ(v.at("daysOverdue").as_int64(), 8);  // 30 Dec to 6 Jan inclusive
}

access::Principal principal(access::Role role, std::optional<std::int64_t> team, std::int64_t pdu = 70) {
    access::Principal p;
    p.role = role;
    if (team) {
        access::StaffScope s;
        s.team_id = *team;
        s.pdu_id = pdu;
        p.staff = s;
    }
    return p;
}

TEST(StandardsAccess, TeamComplianceIsForTheTeamsSpo) {
    using access::Role;
    EXPECT_TRUE(can_view_team_compliance(principal(Role::spo, 7), 7, 70));
    EXPECT_FALSE(can_view_team_compliance(principal(Role::spo, 8), 7, 70)) << "another team's SPO, same PDU";
    EXPECT_FALSE(can_view_team_compliance(principal(Role::practitioner, 7), 7, 70));
    EXPECT_FALSE(can_view_team_compliance(principal(Role::admin, std::nullopt), 7, 70));
    EXPECT_FALSE(can_view_team_compliance(principal(Role::spo, std::nullopt), 7, 70));
    // The head of the team's PDU oversees every team in it, and no other PDU's.
    EXPECT_TRUE(can_view_team_compliance(principal(Role::head_of_pdu, 9, 70), 7, 70));
    EXPECT_FALSE(can_view_team_compliance(principal(Role::head_of_pdu, 9, 71), 7, 70));
}

TEST(StandardsAccess, OnlyAdminsChangeThePolicy) {
    EXPECT_TRUE(can_change_policy(principal(access::Role::admin, std::nullopt)));
    EXPECT_FALSE(can_change_policy(principal(access::Role::spo, 1)));
    EXPECT_FALSE(can_change_policy(principal(access::Role::practitioner, 1)));
}

}  // namespace
}  // namespace onecase::standards
