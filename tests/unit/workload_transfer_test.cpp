// The pure rules of transfers between teams and PDUs, and of the grade-rule table as
// an admin edits it on a page (docs/workload.md).
#include <gtest/gtest.h>

#include "workload/grade_rule_form.hpp"
#include "workload/transfer_rules.hpp"

namespace onecase::workload {
namespace {

access::Principal person(access::Role role, std::int64_t team, std::int64_t pdu) {
    access::Principal p;
    p.role = role;
    access::StaffScope s;
    s.staff_id = 99;
    s.team_id = team;
    s.pdu_id = pdu;
    p.staff = s;
    return p;
}

TEST(TransferRules, TheTeamsSpoOrTheHeadOfItsPduSendsAndReceives) {
    const TeamPlace team{1, 10}, elsewhere{2, 20};
    EXPECT_TRUE(can_send_transfer(person(access::Role::spo, 1, 10), team));
    EXPECT_FALSE(can_send_transfer(person(access::Role::spo, 3, 10), team)) << "another team's SPO in the same PDU";
    EXPECT_TRUE(can_send_transfer(person(access::Role::head_of_pdu, 3, 10), team));
    EXPECT_FALSE(can_send_transfer(person(access::Role::head_of_pdu, 3, 20), team));
    EXPECT_FALSE(can_send_transfer(person(access::Role::practitioner, 1, 10), team));
    EXPECT_FALSE(can_send_transfer(person(access::Role::admin, 1, 10), team));
    access::Principal no_staff;
    no_staff.role = access::Role::spo;
    EXPECT_FALSE(can_send_transfer(no_staff, team));
    EXPECT_TRUE(can_receive_transfer(person(access::Role::spo, 2, 20), elsewhere));
    EXPECT_FALSE(can_receive_transfer(person(access::Role::spo, 1, 10), elsewhere));
    EXPECT_TRUE(crosses_pdu(team, elsewhere));
    EXPECT_FALSE(crosses_pdu(team, TeamPlace{3, 10}));
}

TEST(TransferRules, ARequestNeedsAnotherRealTeamAndAReason) {
    const TeamPlace from{1, 10};
    EXPECT_TRUE(check_transfer_request(from, "T2", TeamPlace{2, 20}, "Moved house").empty());
    auto none = check_transfer_request(from, "", std::nullopt, "");
    ASSERT_EQ(none.size(), 2u);
    EXPECT_EQ(none[0].field, "toTeam");
    EXPECT_EQ(none[0].message, "Choose the team to transfer the case to");
    EXPECT_EQ(none[1].field, "reason");
    auto unknown = check_transfer_request(from, "NOPE", std::nullopt, "x");
    ASSERT_EQ(unknown.size(), 1u);
    EXPECT_EQ(unknown[0].message, "There is no team with code NOPE");
    auto same = check_transfer_request(from, "T1", TeamPlace{1, 10}, "x");
    ASSERT_EQ(same.size(), 1u);
    EXPECT_EQ(same[0].field, "toTeam");
    EXPECT_EQ(check_transfer_request(from, "T2", TeamPlace{2, 10}, " \n").at(0).field, "reason");
    EXPECT_EQ(check_transfer_request(from, "T2", TeamPlace{2, 10}, std::string(2001, 'x')).size(), 1u);
    EXPECT_TRUE(check_transfer_close("Address is in your area").empty());
    EXPECT_EQ(check_transfer_close("  ").at(0).field, "reason");
}

TEST(GradeRuleForm, RowsShowTheDefaultRulesAndIntersectRepeatedOnes) {
    auto rows = grade_rule_rows(default_policy().grade_rules);
    ASSERT_EQ(rows.size(), 8u);
    EXPECT_EQ(rows[0].key, "rosh.very_high");
    EXPECT_EQ(rows[0].grades, std::vector<std::string>{"PO"});
    EXPECT_TRUE(rows[2].grades.empty()) << "medium RoSH has no rule";
    EXPECT_EQ(rows[5].key, "tier.B");
    EXPECT_EQ(rows[5].grades, (std::vector<std::string>{"PO", "PQiP"}));
    // Two rules for one row: a case must meet both, so only PO.
    auto twice = grade_rule_rows({{"", "C", {"PO", "PSO"}}, {"", "C", {"PO", "PQiP"}}});
    EXPECT_EQ(twice[6].grades, std::vector<std::string>{"PO"});
}

TEST(GradeRuleForm, TickedBoxesBecomeRulesAndBadOnesAreNamed) {
    const auto p = default_policy();
    auto rules = grade_rules_from_form({"rosh.very_high.PO", "rosh.high.PO", "rosh.high.PQiP", "tier.D.PSO"}, p);
    ASSERT_TRUE(rules) << rules.problem().title;
    ASSERT_EQ(rules->size(), 3u);
    EXPECT_EQ((*rules)[1].rosh, "high");
    EXPECT_EQ((*rules)[1].grades, (std::vector<std::string>{"PO", "PQiP"}));
    EXPECT_EQ((*rules)[2].protect, "D");
    // No boxes: no rules at all.
    auto empty = grade_rules_from_form({}, p);
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->empty());
    // A row allowing only SPOs (never offered as candidates) could never be allocated.
    auto spo_only = grade_rules_from_form({"tier.A.SPO"}, p);
    ASSERT_FALSE(spo_only);
    ASSERT_EQ(spo_only.problem().errors.size(), 1u);
    EXPECT_EQ(spo_only.problem().errors[0].field, "tier.A");
    EXPECT_NE(spo_only.problem().errors[0].message.find("PO, PQiP or PSO"), std::string::npos);
    auto unknown = grade_rules_from_form({"tier.A.PO", "tier.A.CEO", "tier.Z.PO"}, p);
    ASSERT_FALSE(unknown);
    ASSERT_EQ(unknown.problem().errors.size(), 2u);
    EXPECT_EQ(unknown.problem().errors[0].message, "Tier A: CEO is not a grade in the workload model");
    EXPECT_EQ(unknown.problem().errors[1].field, "rules");
}

}  // namespace
}  // namespace onecase::workload
