#include <gtest/gtest.h>

#include "contacts/enforcement_rules.hpp"

using namespace onecase;
using namespace onecase::contacts;
using platform::Date;

namespace {

constexpr std::int64_t kThisOrder = 1;
constexpr std::int64_t kOtherOrder = 2;

Date d(const char* iso) { return *platform::parse_date(iso); }

ComplianceFailure unacceptable(const char* date, std::int64_t order = kThisOrder) { return {order, d(date), false}; }
ComplianceFailure acceptable(const char* date, std::int64_t order = kThisOrder) { return {order, d(date), true}; }

EnforcementAction warning(const char* date, std::int64_t order = kThisOrder) {
    return {order, EnforcementActionKind::warning, d(date), false, ""};
}
EnforcementAction withdrawn_warning(const char* date) {
    return {kThisOrder, EnforcementActionKind::warning, d(date), true, ""};
}
EnforcementAction breach_started(const char* date) {
    return {kThisOrder, EnforcementActionKind::breach_started, d(date), false, ""};
}
EnforcementAction breach_resolved(const char* date) {
    return {kThisOrder, EnforcementActionKind::breach_resolved, d(date), false, ""};
}
EnforcementAction decided_not_to_breach(const char* date, const char* why) {
    return {kThisOrder, EnforcementActionKind::decided_not_to_breach, d(date), false, why};
}

struct Row {
    const char* situation;
    OrderType order;
    ComplianceFailure failure;
    EnforcementHistory history;
    EnforcementProposal expected;
    const char* reason_has;
};

void check(const std::vector<Row>& rows, const EnforcementPolicy& policy = {}) {
    for (const auto& row : rows) {
        auto got = propose_enforcement(row.order, row.failure, row.history, policy);
        EXPECT_EQ(enforcement_proposal_code(got.proposal), enforcement_proposal_code(row.expected)) << row.situation;
        EXPECT_NE(got.reason.find(row.reason_has), std::string::npos)
            << row.situation << "\n  reason: " << got.reason << "\n  wanted: " << row.reason_has;
    }
}

const auto CO = OrderType::community_order;
const auto SSO = OrderType::suspended_sentence_order;
using P = EnforcementProposal;

}  // namespace

TEST(Enforcement, FirstUnacceptableFailureOnACommunityOrderProposesAWarning) {
    check({
        {"missed first unpaid work session", CO, unacceptable("2026-03-03"), {}, P::warning,
         "This is the first unacceptable failure on this community order"},
        {"same on a suspended sentence order", SSO, unacceptable("2026-03-03"), {}, P::warning,
         "first unacceptable failure on this suspended sentence order"},
    });
}

TEST(Enforcement, SecondFailureWithinTwelveMonthsOfWarningMeansBreach) {
    auto got = propose_enforcement(CO, unacceptable("2026-06-10"), {{unacceptable("2026-03-03")}, {warning("2026-03-05")}});
    EXPECT_EQ(got.proposal, P::breach_due);
    EXPECT_EQ(got.live_warning, d("2026-03-05"));
    EXPECT_EQ(got.warning_window_ends, d("2027-03-04"));
    EXPECT_EQ(got.reason,
              "A further unacceptable failure on 10 Jun 2026, within 12 months of the warning given on 5 Mar 2026 on "
              "this community order (the 12 months run to 4 Mar 2027). Breach is due: an SPO must start breach "
              "proceedings or record why not.");
}

TEST(Enforcement, TwelveMonthsBeginWithTheWarningDayAndEndTheDayBeforeTheAnniversary) {
    const EnforcementHistory warned{{}, {warning("2025-03-03")}};
    check({
        {"failure on the day of the warning letter", CO, unacceptable("2025-03-03"), warned, P::breach_due, "within 12 months"},
        {"the last day of the 12 months", CO, unacceptable("2026-03-02"), warned, P::breach_due, "run to 2 Mar 2026"},
        {"the anniversary is outside", CO, unacceptable("2026-03-03"), warned, P::warning, "ran out on 2 Mar 2026"},
        {"long after", SSO, unacceptable("2027-01-01"), warned, P::warning, "a new warning is due"},
    });
}

TEST(Enforcement, AWarningOnTheLeapDayRunsToTheEndOfFebruary) {
    const EnforcementHistory leap{{}, {warning("2024-02-29")}};
    const EnforcementHistory march_first{{}, {warning("2023-03-01")}};
    check({
        {"leap-day warning, failure 28 Feb next year", CO, unacceptable("2025-02-28"), leap, P::breach_due, "run to 28 Feb 2025"},
        {"leap-day warning, failure 1 Mar next year", CO, unacceptable("2025-03-01"), leap, P::warning, "ran out on 28 Feb 2025"},
        {"warning 1 Mar 2023, failure on the leap day", CO, unacceptable("2024-02-29"), march_first, P::breach_due, "run to 29 Feb 2024"},
        {"warning 1 Mar 2023, failure 1 Mar 2024", CO, unacceptable("2024-03-01"), march_first, P::warning, "ran out on 29 Feb 2024"},
    });
}

TEST(Enforcement, OnlyLiveWarningsOnTheSameOrderCount) {
    check({
        {"warning on another order", CO, unacceptable("2026-04-01"), {{}, {warning("2026-03-01", kOtherOrder)}},
         P::warning, "first unacceptable failure on this community order"},
        {"failure on another order earlier", CO, unacceptable("2026-04-01"), {{unacceptable("2026-03-01", kOtherOrder)}, {}},
         P::warning, "first unacceptable failure"},
        {"withdrawn warning", CO, unacceptable("2026-04-01"), {{unacceptable("2026-02-01")}, {withdrawn_warning("2026-02-03")}},
         P::warning, "was withdrawn and does not count"},
        {"withdrawn warning but an older live one", CO, unacceptable("2026-04-01"),
         {{}, {warning("2025-12-01"), withdrawn_warning("2026-02-03")}}, P::breach_due, "warning given on 1 Dec 2025"},
        {"expired warning then a newer warning", CO, unacceptable("2026-04-01"),
         {{}, {warning("2024-01-10"), warning("2026-01-10")}}, P::breach_due, "warning given on 10 Jan 2026"},
        {"earlier failures but no warning recorded", CO, unacceptable("2026-04-01"), {{unacceptable("2026-03-01")}, {}},
         P::warning, "There is no warning on this community order"},
    });
}

TEST(Enforcement, AcceptableAbsencesNeverCount) {
    const EnforcementHistory warned{{}, {warning("2026-03-01")}};
    check({
        {"acceptable absence with a live warning", CO, acceptable("2026-04-01"), warned, P::none, "accepted as reasonable"},
        {"acceptable absence on licence", OrderType::licence, acceptable("2026-04-01"), {}, P::none, "never counts"},
        {"only acceptable absences before", CO, unacceptable("2026-04-01"), {{acceptable("2026-03-01"), acceptable("2026-03-08")}, {}},
         P::warning, "This is the first unacceptable failure"},
    });
}

TEST(Enforcement, ABreachAlreadyStartedTakesTheFailure) {
    check({
        {"breach open", CO, unacceptable("2026-05-01"),
         {{}, {warning("2026-01-05"), breach_started("2026-03-10")}}, P::none, "still open on this community order"},
        {"breach resolved, order continues: a new warning first", CO, unacceptable("2026-05-01"),
         {{}, {warning("2026-01-05"), breach_started("2026-03-10"), breach_resolved("2026-04-02")}}, P::warning,
         "followed by breach proceedings started on 10 Mar 2026"},
        {"breach resolved, then a new warning, then a failure", CO, unacceptable("2026-06-01"),
         {{}, {warning("2026-01-05"), breach_started("2026-03-10"), breach_resolved("2026-04-02"), warning("2026-05-01")}},
         P::breach_due, "warning given on 1 May 2026"},
    });
}

TEST(Enforcement, ADecisionNotToBreachLeavesTheWarningLive) {
    check({
        {"next failure after a decision not to breach", CO, unacceptable("2026-06-01"),
         {{}, {warning("2026-01-05"), decided_not_to_breach("2026-03-02", "in hospital; GP letter on file")}},
         P::breach_due, "On 2 Mar 2026 it was decided not to breach (in hospital; GP letter on file)"},
    });
}

TEST(Enforcement, AFailureRecordedLateFromBeforeTheWarningNeedsNoNewWarning) {
    check({
        {"failure dated before the warning letter", CO, unacceptable("2026-02-27"), {{}, {warning("2026-03-02")}},
         P::none, "happened before the warning given on 2 Mar 2026"},
    });
}

TEST(Enforcement, LicenceAndPssFailuresProposeRecallConsideration) {
    const EnforcementHistory warned{{}, {warning("2026-03-01")}};
    check({
        {"licence, first failure", OrderType::licence, unacceptable("2026-04-01"), {}, P::recall_consideration,
         "Consider whether recall to prison is needed"},
        {"licence, with a warning letter on file", OrderType::licence, unacceptable("2026-04-01"), warned,
         P::recall_consideration, "while on licence"},
        {"post-sentence supervision", OrderType::pss, unacceptable("2026-04-01"), {}, P::recall_consideration,
         "magistrates' court"},
        {"custody before release", OrderType::custody, unacceptable("2026-04-01"), {}, P::none,
         "community enforcement does not apply"},
    });
}

TEST(Enforcement, ThePolicyIsData) {
    EnforcementPolicy six_months;
    six_months.warning_window_months = 6;
    six_months.pss = EnforcementRoute::warning_then_breach;
    check({
        {"five months after the warning", CO, unacceptable("2026-08-01"), {{}, {warning("2026-03-05")}}, P::breach_due,
         "within 6 months"},
        {"seven months after the warning", CO, unacceptable("2026-10-05"), {{}, {warning("2026-03-05")}}, P::warning,
         "ran out on 4 Sep 2026"},
        {"PSS routed to warnings", OrderType::pss, unacceptable("2026-04-01"), {}, P::warning,
         "first unacceptable failure on this post-sentence supervision"},
    },
          six_months);
}
