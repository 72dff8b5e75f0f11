#pragma once
// The point values and thresholds of the tiering rules, each with the hmpps-tier file
// it comes from (paths as in tiering.hpp). Internal to the risk module: callers use
// calculate_tier. They are constants, not configuration, on purpose: onecase must give
// the tier the national service gives, so a change here follows a change there.
#include <optional>
#include <string>

#include "risk/tiering.hpp"

namespace onecase::risk::rules {

// ProtectLevelCalculator.kt: total >= 150 is A, 20-149 B, 10-19 C, below 10 D.
inline constexpr int kProtectAThreshold = 150;
inline constexpr int kProtectBThreshold = 20;
inline constexpr int kProtectCThreshold = 10;

// ProtectLevelCalculator.kt getRoshPoints.
inline constexpr int kRoshVeryHighPoints = 150;
inline constexpr int kRoshHighPoints = 20;
inline constexpr int kRoshMediumPoints = 10;

// ProtectLevelCalculator.kt getRsrPoints with RsrThresholds.kt, in hundredths of a
// percent. The bands are closed ranges 7.00..99.99 and 3.00..6.99, but hmpps-tier
// builds them with BigDecimal(double): BigDecimal(99.99) is 99.98999..., so an RSR of
// exactly 99.99 (or 100) is outside the top band and scores 0; BigDecimal(6.99) is
// 6.99000...2, so 6.99 is inside the middle band. To two decimal places that gives:
inline constexpr int kRsrTopBandLowest = 700;      // 7.00%
inline constexpr int kRsrTopBandHighest = 9998;    // 99.98%
inline constexpr int kRsrMiddleBandLowest = 300;   // 3.00%
inline constexpr int kRsrMiddleBandHighest = 699;  // 6.99%
inline constexpr int kRsrTopBandPoints = 20;
inline constexpr int kRsrMiddleBandPoints = 10;

// ProtectLevelCalculator.kt getMappaPoints.
inline constexpr int kMappaLevel2Or3Points = 150;
inline constexpr int kMappaLevel1Points = 5;

// ProtectLevelCalculator.kt getComplexityPoints: 2 per distinct factor.
inline constexpr int kComplexityFactorPoints = 2;

// AdditionalFactorsForWomen.kt: 2 each for parenting responsibilities, for self-control
// (impulsivity or temper control, counted once), and for breach or recall.
inline constexpr int kWomenFactorPoints = 2;

// ChangeLevelCalculator.kt: total >= 20 is 3, 10-19 is 2, below 10 is 1; 0 only when
// there is no mandate for change; 2 with 0 points when there is no valid assessment.
inline constexpr int kChange3Threshold = 20;
inline constexpr int kChange2Threshold = 10;
inline constexpr int kNoValidAssessmentChangeLevel = 2;
inline constexpr int kOgrsPointsDivisor = 10;  // whole points: OGRS 59% scores 5
inline constexpr int kIomNominalPoints = 2;

// hmpps-assess-risks-and-needs TierService.kt: the assessment hmpps-tier is given is the
// latest Layer 3 assessment, COMPLETE or LOCKED_INCOMPLETE, completed on or after the
// date 55 weeks before today.
inline constexpr int kAssessmentValidForWeeks = 55;

// Need.kt: accommodation, ETE, relationships, lifestyle, drugs, alcohol 1; thinking and
// behaviour, attitudes 2; finance, emotional wellbeing 0.
int need_weighting(NeedSection section);
// NeedSeverity.kt: no need 0, standard 1, severe 2.
int severity_score(NeedSeverity severity);

// Why the case has no assessment that counts, or nullopt when it has one.
std::optional<std::string> why_no_valid_assessment(const TierInputs& inputs);

}  // namespace onecase::risk::rules
