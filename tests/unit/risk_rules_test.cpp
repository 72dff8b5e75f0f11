#include <gtest/gtest.h>

#include "risk/assessment_rules.hpp"
#include "risk/registration_rules.hpp"
#include "risk/tier_inputs.hpp"

namespace onecase::risk {
namespace {

using namespace std::chrono;

const platform::Date kToday{year{2026} / 11 / 23};

std::vector<RegisterType> types() {
    return {{"ROSH", "Risk of serious harm", {"Low", "Medium", "High", "Very high"}, {}, 6, true, "rosh"},
            {"MAPPA", "MAPPA", {"Level 1", "Level 2", "Level 3"}, {"Category 1", "Category 2", "Category 3", "Category 4"}, 12, true, "mappa"},
            {"WEAPONS", "Weapons", {}, {}, 12, true, std::nullopt}};
}

std::string first_field(const Problem& p) { return p.errors.empty() ? "" : p.errors.front().field; }

TEST(RegistrationRules, AReviewDateFollowsTheTypesPeriodFromTheRegistrationDate) {
    auto r = validate_registration({"MAPPA", "Level 2", "Category 1", "2026-08-31", ""}, types(), {}, kToday);
    ASSERT_TRUE(r);
    EXPECT_EQ(platform::format_date(r->review_due), "2027-08-31");
    auto w = validate_registration({"WEAPONS", "", "", "", "knife found"}, types(), {}, kToday);
    ASSERT_TRUE(w);
    EXPECT_EQ(w->registered_on, kToday);
    EXPECT_FALSE(w->level);
    auto rosh = validate_registration({"ROSH", "High", "", "2026-08-31", ""}, types(), {}, kToday);
    ASSERT_TRUE(rosh);
    EXPECT_EQ(platform::format_date(rosh->review_due), "2027-02-28") << "31 Aug + 6 months ends in February";
}

TEST(RegistrationRules, RefusesWhatCannotBeRegistered) {
    EXPECT_EQ(first_field(validate_registration({"", "", "", "", ""}, types(), {}, kToday).problem()), "type");
    EXPECT_EQ(first_field(validate_registration({"NOPE", "", "", "", ""}, types(), {}, kToday).problem()), "type");
    EXPECT_EQ(first_field(validate_registration({"ROSH", "", "", "", ""}, types(), {}, kToday).problem()), "level");
    EXPECT_EQ(first_field(validate_registration({"ROSH", "Extreme", "", "", ""}, types(), {}, kToday).problem()), "level");
    EXPECT_EQ(first_field(validate_registration({"WEAPONS", "High", "", "", ""}, types(), {}, kToday).problem()), "level");
    EXPECT_EQ(first_field(validate_registration({"MAPPA", "Level 1", "", "", ""}, types(), {}, kToday).problem()), "category");
    EXPECT_EQ(first_field(validate_registration({"WEAPONS", "", "", "2026-11-24", ""}, types(), {}, kToday).problem()), "registeredOn");
    EXPECT_TRUE(validate_registration({"WEAPONS", "", "", "2026-11-23", ""}, types(), {}, kToday)) << "today is allowed";
    EXPECT_EQ(first_field(validate_registration({"WEAPONS", "", "", "2026-02-30", ""}, types(), {}, kToday).problem()), "registeredOn");
    EXPECT_EQ(first_field(validate_registration({"WEAPONS", "", "", "", ""}, types(), {"WEAPONS"}, kToday).problem()), "type");
    EXPECT_EQ(first_field(validate_registration({"WEAPONS", "", "", "", std::string("\xC3", 1)}, types(), {}, kToday).problem()), "notes");
}

TEST(RegistrationRules, ReviewsAndDeregistrationsNeedWordsAndSaneDates) {
    const platform::Date registered{year{2026} / 5 / 1};
    auto ok = validate_review({"", "", "still applies"}, types()[0], registered, kToday);
    ASSERT_TRUE(ok);
    EXPECT_EQ(platform::format_date(ok->next_review_due), "2027-05-23");
    EXPECT_EQ(first_field(validate_review({"", "", "  "}, types()[0], registered, kToday).problem()), "notes");
    EXPECT_EQ(first_field(validate_review({"2026-04-30", "", "x"}, types()[0], registered, kToday).problem()), "reviewedOn");
    EXPECT_EQ(first_field(validate_review({"", "2026-11-23", "x"}, types()[0], registered, kToday).problem()), "nextReviewDue");
    EXPECT_TRUE(validate_review({"", "2026-11-24", "x"}, types()[0], registered, kToday));
    EXPECT_EQ(first_field(validate_deregistration({"", ""}, registered, kToday).problem()), "reason");
    EXPECT_EQ(first_field(validate_deregistration({"2026-04-01", "ended"}, registered, kToday).problem()), "deregisteredOn");
    EXPECT_TRUE(validate_deregistration({"2026-05-01", "ended"}, registered, kToday));
}

TEST(AssessmentRules, PredictorsAreCheckedAndBanded) {
    AssessmentInput in;
    in.ogrs = "75";
    in.rsr = "6.9";
    in.rosh_overall = "very_high";
    in.needs = {{"drug_misuse", "severe"}, {"finance", ""}};
    auto a = validate_assessment(in, kToday);
    ASSERT_TRUE(a);
    EXPECT_EQ(*a->rsr, "6.90");
    EXPECT_EQ(a->rosh_overall, RoshLevel::kVeryHigh);
    EXPECT_EQ(a->needs.size(), 1u);
    EXPECT_EQ(ogrs_band(49), "Low");
    EXPECT_EQ(ogrs_band(50), "Medium");
    EXPECT_EQ(ogrs_band(74), "Medium");
    EXPECT_EQ(ogrs_band(75), "High");
    EXPECT_EQ(ogrs_band(90), "Very high");
    EXPECT_EQ(ovp_band(29), "Low");
    EXPECT_EQ(ovp_band(80), "Very high");
    EXPECT_EQ(rsr_band(2.99), "Low");
    EXPECT_EQ(rsr_band(3.0), "Medium");
    EXPECT_EQ(rsr_band(6.99), "Medium");
    EXPECT_EQ(rsr_band(7.0), "High");

    for (const char* bad_rsr : {"7.123", "101", "-1", "abc", "7.", ".5", "100.01"}) {
        AssessmentInput b;
        b.rsr = bad_rsr;
        EXPECT_FALSE(validate_assessment(b, kToday)) << bad_rsr;
    }
    AssessmentInput women;
    women.parenting_responsibilities = "yes";
    women.impulsivity = "2";
    women.temper_control = "0";
    auto w = validate_assessment(women, kToday);
    ASSERT_TRUE(w);
    EXPECT_EQ(w->parenting_responsibilities, true);
    EXPECT_EQ(w->impulsivity, 2);
    EXPECT_EQ(w->temper_control, 0);
    women.impulsivity = "3";
    women.parenting_responsibilities = "maybe";
    EXPECT_EQ(validate_assessment(women, kToday).problem().errors.size(), 2u);

    AssessmentInput hundred;
    hundred.rsr = "100";
    EXPECT_EQ(*validate_assessment(hundred, kToday)->rsr, "100.00");
    AssessmentInput wrong;
    wrong.ogrs = "50.5";
    wrong.rosh_staff = "extreme";
    wrong.needs = {{"gambling", "severe"}};
    wrong.assessed_on = "2026-11-24";
    auto p = validate_assessment(wrong, kToday);
    ASSERT_FALSE(p);
    EXPECT_EQ(p.problem().errors.size(), 4u);
}

TEST(TierInputs, RegistrationsAssessmentsAndSentencesMeanWhatTheRulesExpect) {
    TierFacts f;
    f.today = kToday;
    f.gender = "Female";
    f.flags = {{"rosh", "Medium", std::nullopt},
               {"rosh", "High", std::nullopt},
               {"mappa", "Level 1", "Category 2"},
               {"mappa", "Level 3", "Category 4"},
               {"child_concerns", std::nullopt, std::nullopt},
               {"iom", std::nullopt, std::nullopt}};
    f.sentences = {{"community_order", {"unpaid_work", "curfew"}}, {"licence", {}}};
    f.breach_or_recall = true;
    AssessmentRecord a;
    a.assessed_on = kToday;
    a.rsr = "6.90";
    a.ogrs = 55;
    a.complete = false;
    a.needs = {{NeedSection::kDrugMisuse, NeedSeverity::kSevere}};
    a.parenting_responsibilities = true;
    a.impulsivity = 2;
    f.latest_assessment = a;
    auto in = assemble_tier_inputs(f);
    EXPECT_EQ(in.gender, Gender::kFemale);
    EXPECT_EQ(in.rosh, RoshLevel::kHigh) << "the highest live RoSH";
    EXPECT_EQ(in.mappa_level, 3);
    EXPECT_EQ(in.mappa_category, 4);
    EXPECT_TRUE(in.complexity_factors.count(ComplexityFactor::kChildConcerns));
    EXPECT_TRUE(in.iom_nominal);
    EXPECT_TRUE(in.previous_enforcement_activity);
    ASSERT_EQ(in.current_sentences.size(), 2u);
    EXPECT_FALSE(in.current_sentences[0].custodial);
    EXPECT_EQ(in.current_sentences[0].requirements[0].kind, RequirementKind::kUnpaidWork);
    EXPECT_TRUE(in.current_sentences[0].requirements[1].restrictive);
    EXPECT_TRUE(in.current_sentences[1].custodial);
    EXPECT_DOUBLE_EQ(*in.rsr_percent, 6.9);
    EXPECT_EQ(in.ogrs_percent, 55);
    ASSERT_TRUE(in.assessment);
    EXPECT_EQ(in.assessment->status, AssessmentStatus::kOpen);
    EXPECT_TRUE(in.assessment->parenting_responsibilities);
    EXPECT_EQ(in.assessment->impulsivity, 2);
    EXPECT_EQ(in.assessment->temper_control, 0);

    TierFacts none;
    none.today = kToday;
    auto empty = assemble_tier_inputs(none);
    EXPECT_FALSE(empty.rosh);
    EXPECT_FALSE(empty.assessment);
    EXPECT_EQ(empty.gender, Gender::kNotKnown);
}

}  // namespace
}  // namespace onecase::risk
