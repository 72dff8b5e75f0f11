// Puts the two axes together (TierV2Reader.kt: protect letter, change digit, "S" suffix
// when unsupervised) and holds the shared rule tables.
#include "risk/tiering.hpp"

#include <chrono>

#include <fmt/format.h>

#include "risk/tier_rules.hpp"

namespace onecase::risk {

const std::vector<ComplexityFactor> kAllComplexityFactors = {
    ComplexityFactor::kMentalHealth,    ComplexityFactor::kAttemptedSuicideOrSelfHarm,
    ComplexityFactor::kVulnerability,   ComplexityFactor::kChildConcerns,
    ComplexityFactor::kChildProtection, ComplexityFactor::kRiskToChildren,
    ComplexityFactor::kPublicInterest,  ComplexityFactor::kAdultAtRisk,
    ComplexityFactor::kStreetGangs,     ComplexityFactor::kTerrorism,
};

const std::vector<NeedSection> kAllNeedSections = {
    NeedSection::kAccommodation,      NeedSection::kEducationTrainingEmployability,
    NeedSection::kRelationships,      NeedSection::kLifestyleAndAssociates,
    NeedSection::kDrugMisuse,         NeedSection::kAlcoholMisuse,
    NeedSection::kThinkingAndBehaviour, NeedSection::kAttitudes,
    NeedSection::kFinance,            NeedSection::kEmotionalWellbeing,
};

std::string_view code(ComplexityFactor f) {
    switch (f) {
        case ComplexityFactor::kMentalHealth: return "mental_health";
        case ComplexityFactor::kAttemptedSuicideOrSelfHarm: return "attempted_suicide_or_self_harm";
        case ComplexityFactor::kVulnerability: return "vulnerability";
        case ComplexityFactor::kChildConcerns: return "child_concerns";
        case ComplexityFactor::kChildProtection: return "child_protection";
        case ComplexityFactor::kRiskToChildren: return "risk_to_children";
        case ComplexityFactor::kPublicInterest: return "public_interest";
        case ComplexityFactor::kAdultAtRisk: return "adult_at_risk";
        case ComplexityFactor::kStreetGangs: return "street_gangs";
        case ComplexityFactor::kTerrorism: return "terrorism";
    }
    return "";
}

std::string_view label(ComplexityFactor f) {
    switch (f) {
        case ComplexityFactor::kMentalHealth: return "Mental health issues";
        case ComplexityFactor::kAttemptedSuicideOrSelfHarm: return "Attempted suicide or self-harm";
        case ComplexityFactor::kVulnerability: return "Vulnerability issue";
        case ComplexityFactor::kChildConcerns: return "Child concerns";
        case ComplexityFactor::kChildProtection: return "Child protection";
        case ComplexityFactor::kRiskToChildren: return "Risk to children";
        case ComplexityFactor::kPublicInterest: return "Public interest case";
        case ComplexityFactor::kAdultAtRisk: return "Safeguarding: adult at risk";
        case ComplexityFactor::kStreetGangs: return "Street gangs";
        case ComplexityFactor::kTerrorism: return "Terrorism Act offender";
    }
    return "";
}

std::string_view code(NeedSection s) {
    switch (s) {
        case NeedSection::kAccommodation: return "accommodation";
        case NeedSection::kEducationTrainingEmployability: return "education_training_employability";
        case NeedSection::kRelationships: return "relationships";
        case NeedSection::kLifestyleAndAssociates: return "lifestyle_and_associates";
        case NeedSection::kDrugMisuse: return "drug_misuse";
        case NeedSection::kAlcoholMisuse: return "alcohol_misuse";
        case NeedSection::kThinkingAndBehaviour: return "thinking_and_behaviour";
        case NeedSection::kAttitudes: return "attitudes";
        case NeedSection::kFinance: return "finance";
        case NeedSection::kEmotionalWellbeing: return "emotional_wellbeing";
    }
    return "";
}

std::string_view label(NeedSection s) {
    switch (s) {
        case NeedSection::kAccommodation: return "Accommodation";
        case NeedSection::kEducationTrainingEmployability: return "Education, training and employability";
        case NeedSection::kRelationships: return "Relationships";
        case NeedSection::kLifestyleAndAssociates: return "Lifestyle and associates";
        case NeedSection::kDrugMisuse: return "Drug misuse";
        case NeedSection::kAlcoholMisuse: return "Alcohol misuse";
        case NeedSection::kThinkingAndBehaviour: return "Thinking and behaviour";
        case NeedSection::kAttitudes: return "Attitudes";
        case NeedSection::kFinance: return "Financial management and income";
        case NeedSection::kEmotionalWellbeing: return "Emotional well-being";
    }
    return "";
}

namespace rules {

int need_weighting(NeedSection s) {
    switch (s) {
        case NeedSection::kThinkingAndBehaviour:
        case NeedSection::kAttitudes: return 2;
        case NeedSection::kFinance:
        case NeedSection::kEmotionalWellbeing: return 0;
        default: return 1;
    }
}

int severity_score(NeedSeverity s) {
    switch (s) {
        case NeedSeverity::kNoNeed: return 0;
        case NeedSeverity::kStandard: return 1;
        case NeedSeverity::kSevere: return 2;
    }
    return 0;
}

std::optional<std::string> why_no_valid_assessment(const TierInputs& in) {
    if (!in.assessment) return "There is no OASys assessment";
    const Assessment& a = *in.assessment;
    if (a.type != AssessmentType::kLayer3)
        return std::string("The assessment is a ") +
               (a.type == AssessmentType::kLayer1 ? "Layer 1" : "standalone") + " assessment, not Layer 3";
    if (a.status != AssessmentStatus::kComplete && a.status != AssessmentStatus::kLockedIncomplete)
        return std::string("The assessment is not complete");
    // "Completed within 55 weeks": not before the date 55 weeks before today.
    using std::chrono::sys_days;
    const sys_days oldest_counted = sys_days(in.calculated_on) - std::chrono::weeks(kAssessmentValidForWeeks);
    if (sys_days(a.completed_on) < oldest_counted)
        return fmt::format("The assessment was completed on {}, more than {} weeks before {}",
                           platform::display_date(a.completed_on), kAssessmentValidForWeeks,
                           platform::display_date(in.calculated_on));
    return std::nullopt;
}

}  // namespace rules

TierResult calculate_tier(const TierInputs& inputs) {
    TierResult out;
    out.protect = calculate_protect_level(inputs);
    out.change = calculate_change_level(inputs);
    out.tier = fmt::format("{}{}{}", out.protect.level, out.change.level, inputs.unsupervised ? "S" : "");
    return out;
}

}  // namespace onecase::risk
