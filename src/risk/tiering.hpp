#pragma once
// The tier of a case: a protect level A-D (harm) and a change level 0-3 (needs),
// written "B2", with every factor that scored and why.
//
// Rule source: HMPPS's tier service, github.com/ministryofjustice/hmpps-tier at commit
// affac98aa31db76f1856de066cb9a65e54c43cee (17 Aug 2026), the "protect axis + change
// axis" model that service still calculates for allocation:
//   service/calculation/ProtectLevelCalculator.kt, ChangeLevelCalculator.kt,
//   AdditionalFactorsForWomen.kt, MandateForChange.kt; domain/enums/Need.kt,
//   NeedSeverity.kt, ComplexityFactor.kt, RsrThresholds.kt; model/TierDto.kt (suffix);
//   service/TierCalculationService.kt (which inputs reach the calculators).
// (paths under src/main/kotlin/uk/gov/justice/digital/hmpps/hmppstier/). Which
// assessment counts is decided upstream of hmpps-tier, by
// ministryofjustice/hmpps-assess-risks-and-needs services/TierService.kt and
// restclient/OasysApiRestClient.kt at commit 9f5a6b6b8bdee6145af2508d29604d40a556bcc0.
// docs/tiering.md has the tables, worked examples and the known quirks.
//
// Not here: hmpps-tier's newer single-axis tier (A-G from OGRS4 predictors,
// TierCalculator.kt), which it calculates beside this one behind a feature flag.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.hpp"

namespace onecase::risk {

enum class RoshLevel { kLow, kMedium, kHigh, kVeryHigh };

// Only kFemale matters to the rules (the additional factors for women).
enum class Gender { kMale, kFemale, kOther, kNotKnown };

// The registrations hmpps-tier counts as complexity factors (Delius register codes in
// brackets): ComplexityFactor.kt.
enum class ComplexityFactor {
    kMentalHealth,               // RMDO
    kAttemptedSuicideOrSelfHarm, // ALSH
    kVulnerability,              // RVLN
    kChildConcerns,              // RCCO
    kChildProtection,            // RCPR
    kRiskToChildren,             // RCHD
    kPublicInterest,             // RPIR
    kAdultAtRisk,                // RVAD
    kStreetGangs,                // STRG
    kTerrorism,                  // RTAO
};

// OASys criminogenic need sections: Need.kt.
enum class NeedSection {
    kAccommodation,
    kEducationTrainingEmployability,
    kRelationships,
    kLifestyleAndAssociates,
    kDrugMisuse,
    kAlcoholMisuse,
    kThinkingAndBehaviour,
    kAttitudes,
    kFinance,
    kEmotionalWellbeing,
};

enum class NeedSeverity { kNoNeed, kStandard, kSevere };

enum class AssessmentType { kLayer3, kLayer1, kStandalone };
enum class AssessmentStatus { kOpen, kSigned, kComplete, kLockedIncomplete };

// For the mandate for change (MandateForChange.kt): unpaid work and "order extended"
// never give a mandate; any other requirement does unless it is restrictive.
enum class RequirementKind { kUnpaidWork, kOrderExtended, kOther };

struct Requirement {
    RequirementKind kind = RequirementKind::kOther;
    bool restrictive = false;  // e.g. curfew, exclusion
};

// A sentence not yet terminated.
struct CurrentSentence {
    bool custodial = false;  // Delius sentence types NC and SC
    std::vector<Requirement> requirements;
};

// The person's latest OASys assessment.
struct Assessment {
    AssessmentType type = AssessmentType::kLayer3;
    AssessmentStatus status = AssessmentStatus::kComplete;
    platform::Date completed_on;
    std::map<NeedSection, NeedSeverity> needs;  // sections not assessed are absent
    // OASys answers used only for women (AdditionalFactorsForWomen.kt).
    bool parenting_responsibilities = false;  // 6.9 answered Yes
    int impulsivity = 0;                      // 11.2: 0, 1 or 2
    int temper_control = 0;                   // 11.4: 0, 1 or 2
};

struct TierInputs {
    platform::Date calculated_on;  // "today": an assessment older than 55 weeks does not count
    Gender gender = Gender::kNotKnown;
    std::optional<RoshLevel> rosh;
    std::optional<double> rsr_percent;   // taken to two decimal places, as OASys records it
    std::optional<int> mappa_level;      // 1-3
    std::optional<int> mappa_category;   // 1-4; shown in the explanation, scores nothing
    std::set<ComplexityFactor> complexity_factors;
    bool previous_enforcement_activity = false;  // breach or recall on a current sentence
    std::optional<int> ogrs_percent;             // 0-100
    bool iom_nominal = false;                    // Integrated Offender Management (IIOM)
    bool unsupervised = false;                   // Delius PRC registration: tier gets suffix "S"
    std::vector<CurrentSentence> current_sentences;
    std::optional<Assessment> assessment;
};

struct TierFactor {
    std::string name;    // stable code, e.g. "rosh", "mappa", "need_attitudes"
    int points = 0;      // the points of a level's factors add up to the level's points
    std::string reason;  // for a practitioner, e.g. "RoSH is high: 20 points"
};

struct ProtectLevel {
    char level = 'D';  // 'A' (highest) to 'D'
    int points = 0;
    std::vector<TierFactor> factors;
};

struct ChangeLevel {
    int level = 1;  // 0 to 3 (highest)
    int points = 0;
    std::vector<TierFactor> factors;
};

struct TierResult {
    std::string tier;  // e.g. "B2", or "B2S" when unsupervised
    ProtectLevel protect;
    ChangeLevel change;
};

// Computes the tier of a case from its registrations, predictor scores, current
// sentences and latest assessment. Pure: same inputs, same result; never touches
// storage or the clock (`inputs.calculated_on` stands for today). Never fails: every
// combination of inputs has a tier, as in hmpps-tier. Values outside the documented
// ranges are the caller's bug; tier_json.hpp rejects them at the edge.
TierResult calculate_tier(const TierInputs& inputs);

// The two axes on their own, for tests and for explaining one axis.
ProtectLevel calculate_protect_level(const TierInputs& inputs);
ChangeLevel calculate_change_level(const TierInputs& inputs);

// Stable codes used in factor names and in the JSON schema ("mental_health",
// "thinking_and_behaviour", ...), and the words a practitioner reads.
std::string_view code(ComplexityFactor f);
std::string_view code(NeedSection s);
std::string_view label(ComplexityFactor f);
std::string_view label(NeedSection s);
extern const std::vector<ComplexityFactor> kAllComplexityFactors;
extern const std::vector<NeedSection> kAllNeedSections;

}  // namespace onecase::risk
