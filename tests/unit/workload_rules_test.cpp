// The workload arithmetic against the worked examples in docs/workload.md, the grade
// rule table, ranking, the check of an SPO's choice, reductions and the policy JSON.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "workload/capacity.hpp"
#include "workload/policy_json.hpp"
#include "workload/ranking.hpp"
#include "workload/reduction_rules.hpp"

namespace onecase::workload {
namespace {

namespace json = boost::json;

platform::Date d(const char* iso) { return *platform::parse_date(iso); }

const Period kNovember = month_of(d("2026-11-23"));

std::vector<CaseItem> cases(int n, const char* tier, const char* type) {
    std::vector<CaseItem> out;
    for (int i = 0; i < n; ++i) out.push_back(CaseItem{"X" + std::to_string(100000 + i), tier ? std::optional<std::string>(tier) : std::nullopt, type});
    return out;
}

TEST(WorkloadPoints, DefaultsAreHmppsPublishedWeightings) {
    const auto p = default_policy();
    EXPECT_EQ(case_points(p, "A3", "community"), 206);
    EXPECT_EQ(case_points(p, "D0", "community"), 29);
    EXPECT_EQ(case_points(p, "A3", "licence"), 219);
    EXPECT_EQ(case_points(p, "B2", "licence"), 132);
    EXPECT_EQ(case_points(p, "A1", "custody"), 59);
    EXPECT_EQ(case_points(p, "C0", "custody"), 0);
    EXPECT_EQ(p.task_points.at("psr_standard"), 138);
    EXPECT_EQ(p.task_points.at("psr_fast"), 65);
    EXPECT_EQ(p.task_points.at("parole_report"), 120);
    EXPECT_EQ(p.grades.at("PO").nominal_points, 2176);
    EXPECT_EQ(p.grades.at("PO").contracted_minutes, 37 * 60);
}

// Worked example 1: a full-time PO in November 2026.
TEST(WorkloadPoints, WorkedExampleOneFullTimePo) {
    const auto p = default_policy();
    std::vector<CaseItem> held = cases(10, "C2", "community");
    for (auto& c : cases(5, "B2", "licence")) held.push_back(c);
    for (auto& c : cases(3, "A1", "custody")) held.push_back(c);
    for (auto& c : cases(2, nullptr, "community")) held.push_back(c);
    const std::vector<TaskItem> tasks = {{"psr_standard", d("2026-11-10")},
                                         {"psr_standard", d("2026-10-20")}};  // outside the 30 days ending 23 Nov
    const auto b = workload_points(p, held, tasks, d("2026-11-23"));
    EXPECT_EQ(b.case_points, 630 + 660 + 177 + 126);
    EXPECT_EQ(b.task_points, 138);
    EXPECT_EQ(b.total, 1731);
    EXPECT_EQ(b.cases, 20);
    EXPECT_EQ(b.untiered_cases, 2);
    EXPECT_EQ(b.case_counts.at("licence").at("B2"), 5);
    const auto a = available_points(p, "PO", std::nullopt, {}, kNovember);
    EXPECT_EQ(a.available_points, 2176);
    EXPECT_DOUBLE_EQ(a.available_hours, 37.0);
    EXPECT_EQ(capacity_percent(b.total, a.available_points), 79.5);
}

// Worked example 2: contracted hours scale the grade's points.
TEST(WorkloadCapacity, WorkedExampleTwoPartTimePso) {
    const auto a = available_points(default_policy(), "PSO", 1350, {}, kNovember);
    EXPECT_EQ(a.available_points, 1323);  // floor(2176 × 22.5 / 37) = floor(1323.24)
    EXPECT_EQ(capacity_percent(900, a.available_points), 68.0);
}

// Worked example 3: a reduction starting mid-month counts for the days it covers.
TEST(WorkloadCapacity, WorkedExampleThreeReductionStartingMidMonth) {
    const Reduction training{"training", 450, d("2026-11-16"), d("2026-12-31")};
    EXPECT_EQ(days_covered(training, kNovember), 15);
    const auto a = available_points(default_policy(), "PO", std::nullopt, {training}, kNovember);
    EXPECT_EQ(a.available_points, 1955);  // floor(2176 × (37 − 7.5 × 15/30) / 37)
    EXPECT_DOUBLE_EQ(a.reduction_hours, 3.8);
    EXPECT_DOUBLE_EQ(a.available_hours, 33.3);
    EXPECT_EQ(capacity_percent(1800, a.available_points), 92.1);
}

// Worked example 4: a reduction ending mid-month.
TEST(WorkloadCapacity, WorkedExampleFourReductionEndingMidMonth) {
    const Reduction ill{"ill_health", 1110, d("2026-10-20"), d("2026-11-10")};
    EXPECT_EQ(days_covered(ill, kNovember), 10);
    const auto a = available_points(default_policy(), "PO", std::nullopt, {ill}, kNovember);
    EXPECT_EQ(a.available_points, 1813);
    EXPECT_EQ(capacity_percent(1813, a.available_points), 100.0);
}

// Worked example 5: several reductions; one outside the month does not count.
TEST(WorkloadCapacity, WorkedExampleFiveReductionsInsideAndOutsideTheMonth) {
    const Reduction union_week{"union_duties", 222, d("2026-11-09"), d("2026-11-13")};
    const Reduction december{"other", 600, d("2026-12-01"), std::nullopt};
    const Reduction open_ended{"union_duties", 0, d("2025-01-01"), std::nullopt};
    EXPECT_EQ(days_covered(union_week, kNovember), 5);
    EXPECT_EQ(days_covered(december, kNovember), 0);
    EXPECT_EQ(days_covered(open_ended, kNovember), 30);
    const auto a = available_points(default_policy(), "PO", std::nullopt, {union_week, december, open_ended}, kNovember);
    EXPECT_EQ(a.available_points, 2139);
}

// Worked example 6: reductions beyond the contracted week leave nothing, and no %.
TEST(WorkloadCapacity, WorkedExampleSixNoAvailablePointsMeansNoPercentage) {
    const Reduction all{"ill_health", 40 * 60, d("2026-11-01"), std::nullopt};
    const auto a = available_points(default_policy(), "PO", std::nullopt, {all}, kNovember);
    EXPECT_EQ(a.available_points, 0);
    EXPECT_DOUBLE_EQ(a.available_hours, 0.0);
    EXPECT_FALSE(capacity_percent(500, 0).has_value());
}

TEST(WorkloadCapacity, UnknownGradeHasNoPoints) {
    const auto a = available_points(default_policy(), "CA", std::nullopt, {}, kNovember);
    EXPECT_FALSE(a.known_grade);
    EXPECT_EQ(a.available_points, 0);
}

TEST(WorkloadCapacity, PercentToOneDecimalHalvesUp) {
    EXPECT_EQ(capacity_percent(1, 3), 33.3);
    EXPECT_EQ(capacity_percent(2, 3), 66.7);
    EXPECT_EQ(capacity_percent(1, 16), 6.3);  // 6.25 rounds up
    EXPECT_EQ(capacity_percent(0, 2176), 0.0);
    EXPECT_EQ(capacity_percent(2400, 2000), 120.0);
}

TEST(WorkloadCapacity, MonthOfFebruaryInALeapYear) {
    const auto p = month_of(d("2028-02-10"));
    EXPECT_EQ(platform::format_date(p.first), "2028-02-01");
    EXPECT_EQ(platform::format_date(p.last), "2028-02-29");
    EXPECT_EQ(p.days(), 29);
}

Candidate candidate(const char* code, const char* grade, std::int64_t points, std::int64_t available = 2176) {
    Candidate c;
    c.staff_code = code;
    c.name = code;
    c.grade = grade;
    c.points = points;
    c.available_points = available;
    c.office = "Islington";
    return c;
}

TEST(WorkloadRanking, HighRoshGoesToAPoNotAPsoEvenWhenThePsoHasMoreRoom) {
    const auto p = default_policy();
    const CaseToAllocate c{"X100001", std::string("C2"), "high", "community"};
    auto ranked = rank_candidates(p, c, {candidate("PSO1", "PSO", 200), candidate("PO1", "PO", 1500)});
    ASSERT_EQ(ranked.size(), 2u);
    EXPECT_EQ(ranked[0].candidate.staff_code, "PO1");
    EXPECT_TRUE(ranked[0].grade_suitable);
    EXPECT_FALSE(ranked[1].grade_suitable);
    EXPECT_EQ(ranked[1].grade_rule, "A high RoSH case goes to a PO, not a PSO");
    EXPECT_EQ(ranked[1].rank, 2);
}

TEST(WorkloadRanking, GradeRuleTableByTier) {
    const auto p = default_policy();
    std::string why;
    EXPECT_FALSE(grade_suitable(p, "PQiP", {"X1", std::string("A1"), "", "community"}, &why));
    EXPECT_EQ(why, "A tier A case goes to a PO, not a PQiP");
    EXPECT_TRUE(grade_suitable(p, "PQiP", {"X1", std::string("B1"), "", "community"}, nullptr));
    EXPECT_FALSE(grade_suitable(p, "PSO", {"X1", std::string("B1"), "", "community"}, &why));
    EXPECT_EQ(why, "A tier B case goes to a PO or PQiP, not a PSO");
    EXPECT_TRUE(grade_suitable(p, "PSO", {"X1", std::string("D2"), "medium", "community"}, nullptr));
    EXPECT_FALSE(grade_suitable(p, "PQiP", {"X1", std::nullopt, "very_high", "licence"}, &why));
    EXPECT_EQ(why, "A very high RoSH case goes to a PO, not a PQiP");
}

TEST(WorkloadRanking, LowestCapacityAfterFirstWithReasons) {
    const auto p = default_policy();
    const CaseToAllocate c{"X100001", std::string("C2"), "", "community"};  // 63 points
    auto ranked = rank_candidates(p, c, {candidate("B", "PO", 1000), candidate("A", "PSO", 400)});
    EXPECT_EQ(ranked[0].candidate.staff_code, "A");
    EXPECT_EQ(ranked[0].capacity_percent, 18.4);        // 400 / 2176
    EXPECT_EQ(ranked[0].capacity_percent_after, 21.3);  // 463 / 2176
    ASSERT_GE(ranked[0].reasons.size(), 3u);
    EXPECT_EQ(ranked[0].reasons[0], "Capacity 18.4% now, 21.3% with this case (+63 points)");
    EXPECT_EQ(ranked[0].reasons[2], "Grade PSO suits this case");
}

TEST(WorkloadRanking, ContinuityOutweighsASmallCapacityDifference) {
    const auto p = default_policy();
    const CaseToAllocate c{"X100001", std::string("D2"), "", "community"};  // 41 points
    auto before = candidate("HELD", "PO", 1000);  // 47.8% after
    before.held_before = true;
    auto ranked = rank_candidates(p, c, {candidate("LOWER", "PO", 850), before});  // 41.0% after
    EXPECT_EQ(ranked[0].candidate.staff_code, "HELD");
    EXPECT_EQ(ranked[0].reasons[3], "Held this person before (continuity)");
    auto far = candidate("HELD", "PO", 1400);  // 66.2% after: more than the 10-point bonus
    far.held_before = true;
    EXPECT_EQ(rank_candidates(p, c, {candidate("LOWER", "PO", 850), far})[0].candidate.staff_code, "LOWER");
}

TEST(WorkloadRanking, TiesGoToFewerRecentAllocationsThenStaffCode) {
    const auto p = default_policy();
    const CaseToAllocate c{"X100001", std::string("D2"), "", "community"};
    auto busy = candidate("A", "PO", 500);
    busy.recent_allocations = 3;
    auto ranked = rank_candidates(p, c, {busy, candidate("C", "PO", 500), candidate("B", "PO", 500)});
    EXPECT_EQ(ranked[0].candidate.staff_code, "B");
    EXPECT_EQ(ranked[1].candidate.staff_code, "C");
    EXPECT_EQ(ranked[2].candidate.staff_code, "A");
}

TEST(WorkloadRanking, NoAvailablePointsRanksLast) {
    const auto p = default_policy();
    const CaseToAllocate c{"X100001", std::string("D2"), "", "community"};
    auto ranked = rank_candidates(p, c, {candidate("OFF", "PO", 0, 0), candidate("ON", "PO", 2000)});
    EXPECT_EQ(ranked[0].candidate.staff_code, "ON");
    EXPECT_FALSE(ranked[1].capacity_percent_after.has_value());
}

TEST(WorkloadChoice, ReasonNeededAgainstTheRankingOrTheGradeRule) {
    const auto p = default_policy();
    const CaseToAllocate c{"X100001", std::string("C2"), "very_high", "community"};
    auto ranked = rank_candidates(p, c, {candidate("PO1", "PO", 100), candidate("PO2", "PO", 900), candidate("PSO1", "PSO", 0)});
    ASSERT_EQ(ranked[0].candidate.staff_code, "PO1");
    auto top = check_choice(ranked, "PO1", "");
    ASSERT_TRUE(top);
    EXPECT_FALSE(top->against_ranking);
    auto second = check_choice(ranked, "PO2", "  ");
    ASSERT_FALSE(second);
    EXPECT_EQ(second.problem().errors.at(0).field, "reason");
    EXPECT_TRUE(check_choice(ranked, "PO2", "Knows the family")->against_ranking);
    auto pso = check_choice(ranked, "PSO1", "");
    ASSERT_FALSE(pso);
    EXPECT_EQ(pso.problem().errors.at(0).message, "Give a reason: A very high RoSH case goes to a PO, not a PSO");
    auto with_reason = check_choice(ranked, "PSO1", "Co-worked with a PO");
    ASSERT_TRUE(with_reason);
    EXPECT_TRUE(with_reason->against_grade_rule);
    EXPECT_EQ(check_choice(ranked, "NOPE", "x").problem().errors.at(0).field, "staffCode");
    EXPECT_EQ(check_choice(ranked, "", "x").problem().errors.at(0).field, "staffCode");
}

TEST(WorkloadReductions, ValidatesEveryField) {
    auto ok = parse_reduction({"training", "7.5", "2026-11-16", "2026-12-31", ""});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->minutes_per_week, 450);
    auto bad = parse_reduction({"holiday", "0", "2026-13-01", "2026-01-01", ""});
    ASSERT_FALSE(bad);
    std::vector<std::string> fields;
    for (const auto& e : bad.problem().errors) fields.push_back(e.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"reason", "hoursPerWeek", "startDate"}));
    auto backwards = parse_reduction({"other", "3", "2026-11-10", "2026-11-01", ""});
    ASSERT_FALSE(backwards);
    EXPECT_EQ(backwards.problem().errors.at(0).field, "endDate");
    EXPECT_EQ(backwards.problem().errors.at(1).field, "notes");  // "other" needs notes
    EXPECT_EQ(parse_reduction({"union_duties", "3.7", "2026-11-09", "", ""})->minutes_per_week, 222);
}

TEST(WorkloadPolicyJson, DefaultsRoundTrip) {
    const auto o = workload_policy_json(default_policy());
    auto back = parse_workload_policy(o);
    ASSERT_TRUE(back) << back.problem().errors.at(0).field;
    EXPECT_EQ(json::serialize(workload_policy_json(*back)), json::serialize(o));
    EXPECT_EQ(o.at("tierPoints").at("community").at("A3").as_int64(), 206);
}

TEST(WorkloadPolicyJson, ChangesAndNamedErrors) {
    auto ok = parse_workload_policy(json::parse(R"({"tierPoints":{"custody":{"A0":10}},"grades":{"PSO":{"nominalPoints":1800}}})"));
    ASSERT_TRUE(ok);
    EXPECT_EQ(case_points(*ok, "A0", "custody"), 10);
    EXPECT_EQ(ok->grades.at("PSO").nominal_points, 1800);
    EXPECT_EQ(ok->grades.at("PSO").contracted_minutes, 37 * 60);
    auto bad = parse_workload_policy(json::parse(
        R"({"tierPoints":{"community":{"E1":5,"A3":-1},"remand":{}},"grades":{"PO":{"contractedHours":0}},"colour":1,
            "gradeRules":[{"rosh":"extreme","grades":[]}]})"));
    ASSERT_FALSE(bad);
    std::vector<std::string> fields;
    for (const auto& e : bad.problem().errors) fields.push_back(e.field);
    for (const char* f : {"tierPoints.community.E1", "tierPoints.community.A3", "tierPoints.remand",
                          "grades.PO.contractedHours", "colour", "gradeRules.0.rosh", "gradeRules.0.grades"})
        EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f;
}

TEST(WorkloadPolicy, VersionInForceOnADay) {
    auto v1 = default_policy();
    auto v2 = default_policy();
    v2.version = 2;
    v2.effective_from = d("2026-12-01");
    const std::vector<WorkloadPolicy> versions{v1, v2};
    EXPECT_EQ(policy_in_force(versions, d("2026-11-30")).version, 1);
    EXPECT_EQ(policy_in_force(versions, d("2026-12-01")).version, 2);
}

}  // namespace
}  // namespace onecase::workload
