// The tiering rules, one test per rule and per boundary. Expected values are those of
// hmpps-tier at affac98 (its BDD features under src/test/resources/.../bdd/ say the same
// in prose: calculateRSRScore.6.2, calculateROSHScore.6.4, ROSHandRSRRule.6.5,
// MAPPA.6.7, additionalFactors*.6.9/6.11, assessAndProtectAxis.7.1, OGRS.8.2,
// criminogenicNeeds.8.4, IOM.8.6, mandateForChange.9.5, changeTierThresholds.10.1).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "risk/tiering.hpp"

using namespace onecase;
using namespace onecase::risk;

namespace {

platform::Date date(const char* text) { return *platform::parse_date(text); }

// A man on a custodial sentence (so a mandate for change) with a complete Layer 3
// assessment from June and nothing else: D1.
TierInputs base() {
    TierInputs in;
    in.calculated_on = date("2026-11-22");
    in.gender = Gender::kMale;
    in.current_sentences = {CurrentSentence{true, {}}};
    Assessment a;
    a.type = AssessmentType::kLayer3;
    a.status = AssessmentStatus::kComplete;
    a.completed_on = date("2026-06-01");
    in.assessment = a;
    return in;
}

TierInputs woman() {
    TierInputs in = base();
    in.gender = Gender::kFemale;
    return in;
}

const TierFactor* find_factor(const std::vector<TierFactor>& factors, const std::string& name) {
    for (const auto& f : factors)
        if (f.name == name) return &f;
    return nullptr;
}

int protect_points(const TierInputs& in) { return calculate_protect_level(in).points; }
int change_points(const TierInputs& in) { return calculate_change_level(in).points; }

TierInputs with_rsr(double percent) {
    TierInputs in = base();
    in.rsr_percent = percent;
    return in;
}

TierInputs with_rosh(RoshLevel r) {
    TierInputs in = base();
    in.rosh = r;
    return in;
}

TierInputs with_mappa(int level) {
    TierInputs in = base();
    in.mappa_level = level;
    in.mappa_category = 2;
    return in;
}

TierInputs with_need(NeedSection s, NeedSeverity v) {
    TierInputs in = base();
    in.assessment->needs[s] = v;
    return in;
}

TierInputs with_ogrs(int percent) {
    TierInputs in = base();
    in.ogrs_percent = percent;
    return in;
}

}  // namespace

// ---- RSR (ProtectLevelCalculator.kt getRsrPoints, RsrThresholds.kt) ----

TEST(TieringRsr, RsrOfExactlySevenPercentScoresTwenty) { EXPECT_EQ(protect_points(with_rsr(7.0)), 20); }
TEST(TieringRsr, RsrJustBelowSevenPercentScoresTen) { EXPECT_EQ(protect_points(with_rsr(6.99)), 10); }
TEST(TieringRsr, RsrOfExactlyThreePercentScoresTen) { EXPECT_EQ(protect_points(with_rsr(3.0)), 10); }
TEST(TieringRsr, RsrJustBelowThreePercentScoresNothing) { EXPECT_EQ(protect_points(with_rsr(2.99)), 0); }
TEST(TieringRsr, RsrOfZeroScoresNothing) { EXPECT_EQ(protect_points(with_rsr(0)), 0); }
TEST(TieringRsr, RsrOf99Point98PercentIsStillInTheTopBand) { EXPECT_EQ(protect_points(with_rsr(99.98)), 20); }

// hmpps-tier's top bound is BigDecimal(99.99), built from a double: 99.98999...
TEST(TieringRsr, RsrOf99Point99PercentOrMoreScoresNothingAsInHmppsTier) {
    EXPECT_EQ(protect_points(with_rsr(99.99)), 0);
    EXPECT_EQ(protect_points(with_rsr(100)), 0);
}

TEST(TieringRsr, NoRsrScoresNothingAndIsNotListed) {
    const auto p = calculate_protect_level(base());
    EXPECT_EQ(p.points, 0);
    EXPECT_EQ(find_factor(p.factors, "rsr"), nullptr);
}

// ---- RoSH (getRoshPoints) ----

TEST(TieringRosh, VeryHighScores150HighTwentyMediumTenLowNothing) {
    EXPECT_EQ(protect_points(with_rosh(RoshLevel::kVeryHigh)), 150);
    EXPECT_EQ(protect_points(with_rosh(RoshLevel::kHigh)), 20);
    EXPECT_EQ(protect_points(with_rosh(RoshLevel::kMedium)), 10);
    EXPECT_EQ(protect_points(with_rosh(RoshLevel::kLow)), 0);
}

// ---- Only the higher of RSR and RoSH counts (total minus the lower) ----

TEST(TieringRsrAndRosh, OnlyTheHigherOfRsrAndRoshCounts) {
    struct Row { double rsr; RoshLevel rosh; int points; const char* counted; };
    const std::vector<Row> rows = {
        {7.0, RoshLevel::kVeryHigh, 150, "rosh"},  // ROSHandRSRRule.6.5
        {7.0, RoshLevel::kMedium, 20, "rsr"},
        {22.0, RoshLevel::kMedium, 20, "rsr"},
        {3.0, RoshLevel::kHigh, 20, "rosh"},
        {1.0, RoshLevel::kMedium, 10, "rosh"},
        {5.0, RoshLevel::kLow, 10, "rsr"},
    };
    for (const auto& row : rows) {
        TierInputs in = with_rsr(row.rsr);
        in.rosh = row.rosh;
        const auto p = calculate_protect_level(in);
        EXPECT_EQ(p.points, row.points) << row.rsr;
        EXPECT_GT(find_factor(p.factors, row.counted)->points, 0) << row.rsr;
    }
}

TEST(TieringRsrAndRosh, WhenRsrAndRoshScoreTheSameOneCountsAndTheOtherIsShownAsNotCounted) {
    TierInputs in = with_rsr(7.5);
    in.rosh = RoshLevel::kHigh;
    const auto p = calculate_protect_level(in);
    EXPECT_EQ(p.points, 20);
    EXPECT_EQ(find_factor(p.factors, "rosh")->points, 20);
    EXPECT_EQ(find_factor(p.factors, "rsr")->points, 0);
    EXPECT_NE(find_factor(p.factors, "rsr")->reason.find("not counted"), std::string::npos);
}

// ---- MAPPA (getMappaPoints) ----

TEST(TieringMappa, MappaLevelThreeScores150) { EXPECT_EQ(protect_points(with_mappa(3)), 150); }
TEST(TieringMappa, MappaLevelTwoScores150) { EXPECT_EQ(protect_points(with_mappa(2)), 150); }
TEST(TieringMappa, MappaLevelOneScoresFive) { EXPECT_EQ(protect_points(with_mappa(1)), 5); }
TEST(TieringMappa, MappaCategoryWithoutLevelScoresNothing) {
    TierInputs in = base();
    in.mappa_category = 1;
    EXPECT_EQ(protect_points(in), 0);
}

// ---- Complexity factors (getComplexityPoints: 2 each) ----

TEST(TieringComplexity, EachComplexityFactorScoresTwo) {
    for (ComplexityFactor f : kAllComplexityFactors) {
        TierInputs in = base();
        in.complexity_factors = {f};
        const auto p = calculate_protect_level(in);
        EXPECT_EQ(p.points, 2) << code(f);
        EXPECT_EQ(find_factor(p.factors, std::string(code(f)))->points, 2) << code(f);
    }
}

TEST(TieringComplexity, AllTenComplexityFactorsScoreTwenty) {
    TierInputs in = base();
    in.complexity_factors = {kAllComplexityFactors.begin(), kAllComplexityFactors.end()};
    EXPECT_EQ(protect_points(in), 20);
    EXPECT_EQ(calculate_protect_level(in).level, 'B');
}

// ---- Additional factors for women (AdditionalFactorsForWomen.kt) ----

TEST(TieringWomen, BreachOrRecallScoresTwoForAWoman) {
    TierInputs in = woman();
    in.previous_enforcement_activity = true;
    EXPECT_EQ(protect_points(in), 2);
}

TEST(TieringWomen, BreachOrRecallScoresNothingForAMan) {
    TierInputs in = base();
    in.previous_enforcement_activity = true;
    EXPECT_EQ(protect_points(in), 0);
}

TEST(TieringWomen, ParentingResponsibilitiesScoreTwoForAWoman) {
    TierInputs in = woman();
    in.assessment->parenting_responsibilities = true;
    EXPECT_EQ(protect_points(in), 2);
}

TEST(TieringWomen, ImpulsivityOrTemperControlScoresTwoOnlyOnce) {
    struct Row { int impulsivity, temper_control, points; };
    const std::vector<Row> rows = {{0, 0, 0}, {1, 0, 2}, {0, 1, 2}, {2, 0, 2}, {0, 2, 2}, {1, 1, 2}, {2, 2, 2}};
    for (const auto& row : rows) {
        TierInputs in = woman();
        in.assessment->impulsivity = row.impulsivity;
        in.assessment->temper_control = row.temper_control;
        EXPECT_EQ(protect_points(in), row.points) << row.impulsivity << "/" << row.temper_control;
    }
}

TEST(TieringWomen, ParentingAndSelfControlAndBreachScoreSix) {
    TierInputs in = woman();
    in.assessment->parenting_responsibilities = true;
    in.assessment->impulsivity = 1;
    in.assessment->temper_control = 1;
    in.previous_enforcement_activity = true;
    EXPECT_EQ(protect_points(in), 6);
}

TEST(TieringWomen, WomensFactorsScoreNothingForAMan) {
    for (Gender g : {Gender::kMale, Gender::kOther, Gender::kNotKnown}) {
        TierInputs in = base();
        in.gender = g;
        in.assessment->parenting_responsibilities = true;
        in.assessment->impulsivity = 2;
        EXPECT_EQ(protect_points(in), 0);
    }
}

TEST(TieringWomen, OasysAnswersFromAnAssessmentThatDoesNotCountScoreNothingButBreachStillDoes) {
    TierInputs in = woman();
    in.assessment->completed_on = date("2025-01-01");  // older than 55 weeks
    in.assessment->parenting_responsibilities = true;
    in.assessment->impulsivity = 2;
    in.previous_enforcement_activity = true;
    EXPECT_EQ(protect_points(in), 2);
    EXPECT_NE(find_factor(calculate_protect_level(in).factors, "breach_or_recall"), nullptr);
}

TEST(TieringWomen, NinePointsAndABreachTakeAWomanFromDToC) {  // additionalFactorsFemaleBreachRecall.6.11.1
    TierInputs in = woman();
    in.mappa_level = 1;
    in.complexity_factors = {ComplexityFactor::kMentalHealth, ComplexityFactor::kVulnerability};
    EXPECT_EQ(calculate_protect_level(in).level, 'D');
    in.previous_enforcement_activity = true;
    EXPECT_EQ(calculate_protect_level(in).level, 'C');
}

// ---- Protect thresholds (assessAndProtectAxis.7.1): A >= 150, B >= 20, C >= 10 ----

TEST(TieringProtectThresholds, EachThresholdOnBothSides) {
    struct Row { std::optional<RoshLevel> rosh; std::optional<int> mappa; int complexity; int points; char level; };
    const std::vector<Row> rows = {
        {std::nullopt, 3, 1, 152, 'A'},
        {std::nullopt, 2, 0, 150, 'A'},
        {RoshLevel::kVeryHigh, std::nullopt, 0, 150, 'A'},
        {RoshLevel::kHigh, 1, 10, 45, 'B'},  // 51 (with women's factors) is the most below A
        {RoshLevel::kHigh, 1, 0, 25, 'B'},
        {RoshLevel::kHigh, std::nullopt, 0, 20, 'B'},
        {RoshLevel::kMedium, 1, 2, 19, 'C'},
        {std::nullopt, 1, 3, 11, 'C'},
        {RoshLevel::kMedium, std::nullopt, 0, 10, 'C'},
        {std::nullopt, 1, 2, 9, 'D'},
        {std::nullopt, std::nullopt, 0, 0, 'D'},
    };
    for (const auto& row : rows) {
        TierInputs in = base();
        in.rosh = row.rosh;
        in.mappa_level = row.mappa;
        for (int i = 0; i < row.complexity; ++i) in.complexity_factors.insert(kAllComplexityFactors[i]);
        const auto p = calculate_protect_level(in);
        EXPECT_EQ(p.points, row.points);
        EXPECT_EQ(p.level, row.level) << row.points;
    }
}

TEST(TieringProtectThresholds, MostPointsBelowLevelAIsFiftyOne) {
    TierInputs in = woman();
    in.rosh = RoshLevel::kHigh;
    in.rsr_percent = 50;
    in.mappa_level = 1;
    in.complexity_factors = {kAllComplexityFactors.begin(), kAllComplexityFactors.end()};
    in.previous_enforcement_activity = true;
    in.assessment->parenting_responsibilities = true;
    in.assessment->temper_control = 2;
    const auto p = calculate_protect_level(in);
    EXPECT_EQ(p.points, 51);
    EXPECT_EQ(p.level, 'B');
}

// ---- Needs (Need.kt weightings x NeedSeverity.kt scores) ----

TEST(TieringNeeds, EachNeedScoresItsWeightingTimesSeverity) {
    struct Row { NeedSection section; int no_need, standard, severe; };
    const std::vector<Row> rows = {
        {NeedSection::kAccommodation, 0, 1, 2},
        {NeedSection::kEducationTrainingEmployability, 0, 1, 2},
        {NeedSection::kRelationships, 0, 1, 2},
        {NeedSection::kLifestyleAndAssociates, 0, 1, 2},
        {NeedSection::kDrugMisuse, 0, 1, 2},
        {NeedSection::kAlcoholMisuse, 0, 1, 2},
        {NeedSection::kThinkingAndBehaviour, 0, 2, 4},
        {NeedSection::kAttitudes, 0, 2, 4},
        {NeedSection::kFinance, 0, 0, 0},
        {NeedSection::kEmotionalWellbeing, 0, 0, 0},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(change_points(with_need(row.section, NeedSeverity::kNoNeed)), row.no_need) << code(row.section);
        EXPECT_EQ(change_points(with_need(row.section, NeedSeverity::kStandard)), row.standard) << code(row.section);
        EXPECT_EQ(change_points(with_need(row.section, NeedSeverity::kSevere)), row.severe) << code(row.section);
    }
}

TEST(TieringNeeds, NeedsAddUp) {
    TierInputs in = base();
    in.assessment->needs = {{NeedSection::kAccommodation, NeedSeverity::kStandard},
                            {NeedSection::kAlcoholMisuse, NeedSeverity::kStandard},
                            {NeedSection::kAttitudes, NeedSeverity::kSevere}};
    EXPECT_EQ(change_points(in), 6);
}

// ---- OGRS (getOgrsPoints: whole tens) and IOM ----

TEST(TieringOgrs, OgrsScoresOnePointPerWholeTenPercent) {
    const std::vector<std::pair<int, int>> rows = {{0, 0}, {9, 0}, {10, 1}, {19, 1}, {50, 5},
                                                   {59, 5}, {60, 6}, {90, 9}, {99, 9}, {100, 10}};
    for (auto [ogrs, points] : rows) EXPECT_EQ(change_points(with_ogrs(ogrs)), points) << ogrs;
}

TEST(TieringIom, IntegratedOffenderManagementNominalScoresTwo) {
    TierInputs in = base();
    in.iom_nominal = true;
    EXPECT_EQ(change_points(in), 2);
}

// ---- Change thresholds (changeTierThresholds.10.1): 3 >= 20, 2 >= 10, else 1 ----

TEST(TieringChangeThresholds, EachThresholdOnBothSides) {
    struct Row { int ogrs; bool iom; bool severe_needs; bool ete; int points; int level; };
    const std::vector<Row> rows = {
        {100, false, true, true, 21, 3},
        {100, false, true, false, 20, 3},
        {90, false, true, false, 19, 2},
        {90, true, false, false, 11, 2},
        {100, false, false, false, 10, 2},
        {90, false, false, false, 9, 1},
        {0, false, false, false, 0, 1},
    };
    for (const auto& row : rows) {
        TierInputs in = with_ogrs(row.ogrs);
        in.iom_nominal = row.iom;
        if (row.severe_needs)
            in.assessment->needs = {{NeedSection::kThinkingAndBehaviour, NeedSeverity::kSevere},
                                    {NeedSection::kAttitudes, NeedSeverity::kSevere},
                                    {NeedSection::kAccommodation, NeedSeverity::kSevere}};
        if (row.ete) in.assessment->needs[NeedSection::kEducationTrainingEmployability] = NeedSeverity::kStandard;
        const auto c = calculate_change_level(in);
        EXPECT_EQ(c.points, row.points);
        EXPECT_EQ(c.level, row.level) << row.points;
    }
}

// ---- Mandate for change (MandateForChange.kt): no mandate is change level 0 ----

TEST(TieringMandate, OnlyNoMandateForChangeGivesChangeLevelZero) {
    using K = RequirementKind;
    struct Row { const char* what; std::vector<CurrentSentence> sentences; int level; };
    const std::vector<Row> rows = {
        {"custodial sentence", {CurrentSentence{true, {}}}, 1},
        {"custodial sentence with unpaid work", {CurrentSentence{true, {Requirement{K::kUnpaidWork, false}}}}, 1},
        {"no current sentence", {}, 0},
        {"community sentence with no requirements", {CurrentSentence{false, {}}}, 0},
        {"only unpaid work", {CurrentSentence{false, {Requirement{K::kUnpaidWork, false}}}}, 0},
        {"unpaid work and order extended",
         {CurrentSentence{false, {Requirement{K::kUnpaidWork, false}, Requirement{K::kOrderExtended, false}}}},
         0},
        {"only a restrictive requirement", {CurrentSentence{false, {Requirement{K::kOther, true}}}}, 0},
        {"a non-restrictive requirement", {CurrentSentence{false, {Requirement{K::kOther, false}}}}, 1},
        {"two sentences, one with a mandate",
         {CurrentSentence{false, {Requirement{K::kUnpaidWork, false}}}, CurrentSentence{true, {}}},
         1},
    };
    for (const auto& row : rows) {
        TierInputs in = with_ogrs(50);
        in.current_sentences = row.sentences;
        const auto c = calculate_change_level(in);
        EXPECT_EQ(c.level, row.level) << row.what;
        if (row.level == 0) {
            EXPECT_EQ(c.points, 0) << row.what;
            ASSERT_EQ(c.factors.size(), 1u);
            EXPECT_EQ(c.factors[0].name, "no_mandate_for_change");
        }
    }
}

TEST(TieringMandate, NoMandateForChangeComesBeforeNoAssessment) {
    TierInputs in = base();
    in.current_sentences = {};
    in.assessment.reset();
    EXPECT_EQ(calculate_change_level(in).level, 0);
}

// ---- No valid assessment: change level 2 without points ----

TEST(TieringAssessment, NoAssessmentGivesChangeLevelTwoWithNoPoints) {
    TierInputs in = with_ogrs(100);
    in.iom_nominal = true;
    in.assessment.reset();
    const auto c = calculate_change_level(in);
    EXPECT_EQ(c.level, 2);
    EXPECT_EQ(c.points, 0);
    ASSERT_EQ(c.factors.size(), 1u);
    EXPECT_EQ(c.factors[0].name, "no_valid_assessment");
}

TEST(TieringAssessment, OnlyACompleteOrLockedIncompleteLayerThreeAssessmentCounts) {
    struct Row { AssessmentType type; AssessmentStatus status; int level; };
    const std::vector<Row> rows = {
        {AssessmentType::kLayer3, AssessmentStatus::kComplete, 3},
        {AssessmentType::kLayer3, AssessmentStatus::kLockedIncomplete, 3},
        {AssessmentType::kLayer3, AssessmentStatus::kOpen, 2},
        {AssessmentType::kLayer3, AssessmentStatus::kSigned, 2},
        {AssessmentType::kLayer1, AssessmentStatus::kComplete, 2},
        {AssessmentType::kStandalone, AssessmentStatus::kComplete, 2},
    };
    for (const auto& row : rows) {
        TierInputs in = with_ogrs(100);
        in.assessment->needs = {{NeedSection::kThinkingAndBehaviour, NeedSeverity::kSevere},
                                {NeedSection::kAttitudes, NeedSeverity::kSevere},
                                {NeedSection::kAccommodation, NeedSeverity::kSevere}};
        in.assessment->type = row.type;
        in.assessment->status = row.status;
        EXPECT_EQ(calculate_change_level(in).level, row.level);
    }
}

TEST(TieringAssessment, AnAssessmentCompletedExactlyFiftyFiveWeeksAgoStillCounts) {
    TierInputs in = with_ogrs(100);
    in.assessment->completed_on = date("2025-11-02");  // 2026-11-22 minus 55 weeks
    EXPECT_EQ(calculate_change_level(in).level, 2);
    EXPECT_EQ(calculate_change_level(in).points, 10);
}

TEST(TieringAssessment, AnAssessmentCompletedFiftyFiveWeeksAndOneDayAgoDoesNotCount) {
    TierInputs in = with_ogrs(100);
    in.assessment->completed_on = date("2025-11-01");
    const auto c = calculate_change_level(in);
    EXPECT_EQ(c.level, 2);
    EXPECT_EQ(c.points, 0);
    EXPECT_EQ(c.factors[0].name, "no_valid_assessment");
    EXPECT_NE(c.factors[0].reason.find("1 Nov 2025"), std::string::npos) << c.factors[0].reason;
}

// ---- The tier ----

TEST(TieringTier, TierIsTheProtectLetterThenTheChangeDigit) {
    TierInputs in = with_rosh(RoshLevel::kHigh);
    in.ogrs_percent = 60;
    in.assessment->needs = {{NeedSection::kAttitudes, NeedSeverity::kSevere}};
    EXPECT_EQ(calculate_tier(in).tier, "B2");
    EXPECT_EQ(calculate_tier(base()).tier, "D1");
}

TEST(TieringTier, AnUnsupervisedCaseHasTheSuffixS) {
    TierInputs in = base();
    in.unsupervised = true;
    EXPECT_EQ(calculate_tier(in).tier, "D1S");
}

TEST(TieringTier, AllSixteenTiersAreReachable) {
    const std::vector<std::pair<std::optional<RoshLevel>, char>> protect = {
        {RoshLevel::kVeryHigh, 'A'}, {RoshLevel::kHigh, 'B'}, {RoshLevel::kMedium, 'C'}, {std::nullopt, 'D'}};
    for (const auto& [rosh, letter] : protect) {
        for (int change = 0; change <= 3; ++change) {
            TierInputs in = base();
            in.rosh = rosh;
            if (change == 0) in.current_sentences = {};
            if (change == 2) in.ogrs_percent = 100;
            if (change == 3) {  // 4 + 4 + 10 + 2 = 20
                in.assessment->needs = {{NeedSection::kThinkingAndBehaviour, NeedSeverity::kSevere},
                                        {NeedSection::kAttitudes, NeedSeverity::kSevere}};
                in.ogrs_percent = 100;
                in.iom_nominal = true;
            }
            EXPECT_EQ(calculate_tier(in).tier, std::string(1, letter) + std::to_string(change));
        }
    }
}

TEST(TieringTier, TheFactorsOfEachLevelAddUpToItsPoints) {
    TierInputs in = woman();
    in.rosh = RoshLevel::kHigh;
    in.rsr_percent = 12.5;
    in.mappa_level = 1;
    in.complexity_factors = {ComplexityFactor::kStreetGangs};
    in.previous_enforcement_activity = true;
    in.ogrs_percent = 47;
    in.iom_nominal = true;
    in.assessment->needs = {{NeedSection::kDrugMisuse, NeedSeverity::kSevere},
                            {NeedSection::kFinance, NeedSeverity::kSevere}};
    const auto r = calculate_tier(in);
    int protect = 0, change = 0;
    for (const auto& f : r.protect.factors) protect += f.points;
    for (const auto& f : r.change.factors) change += f.points;
    EXPECT_EQ(protect, r.protect.points);
    EXPECT_EQ(change, r.change.points);
    EXPECT_EQ(r.protect.points, 29);
    EXPECT_EQ(r.change.points, 8);
    EXPECT_EQ(r.tier, "B1");
}

TEST(TieringTier, SameInputsGiveTheSameResult) {
    TierInputs in = with_rsr(8);
    const auto a = calculate_tier(in), b = calculate_tier(in);
    EXPECT_EQ(a.tier, b.tier);
    EXPECT_EQ(a.protect.factors.size(), b.protect.factors.size());
}
