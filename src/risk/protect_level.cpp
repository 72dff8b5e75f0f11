// The protect level (harm axis): ProtectLevelCalculator.kt and
// AdditionalFactorsForWomen.kt in hmpps-tier (see tiering.hpp for the commit).
#include <cmath>

#include <fmt/format.h>

#include "risk/tier_rules.hpp"
#include "risk/tiering.hpp"

namespace onecase::risk {
namespace {

using namespace rules;

std::string_view rosh_words(RoshLevel r) {
    switch (r) {
        case RoshLevel::kLow: return "low";
        case RoshLevel::kMedium: return "medium";
        case RoshLevel::kHigh: return "high";
        case RoshLevel::kVeryHigh: return "very high";
    }
    return "";
}

TierFactor rosh_factor(RoshLevel r) {
    int points = 0;
    switch (r) {
        case RoshLevel::kVeryHigh: points = kRoshVeryHighPoints; break;
        case RoshLevel::kHigh: points = kRoshHighPoints; break;
        case RoshLevel::kMedium: points = kRoshMediumPoints; break;
        case RoshLevel::kLow: points = 0; break;
    }
    return {"rosh", points, fmt::format("Risk of serious harm (RoSH) is {}: {} points", rosh_words(r), points)};
}

TierFactor rsr_factor(double percent) {
    // Whole hundredths, so the band edges compare exactly (see tier_rules.hpp).
    const long hundredths = std::lround(percent * 100.0);
    const std::string shown = fmt::format("{:.2f}%", static_cast<double>(hundredths) / 100.0);
    if (hundredths >= kRsrTopBandLowest && hundredths <= kRsrTopBandHighest)
        return {"rsr", kRsrTopBandPoints,
                fmt::format("RSR is {}, in the 7% and over band: {} points", shown, kRsrTopBandPoints)};
    if (hundredths >= kRsrMiddleBandLowest && hundredths <= kRsrMiddleBandHighest)
        return {"rsr", kRsrMiddleBandPoints,
                fmt::format("RSR is {}, in the 3% to 6.99% band: {} points", shown, kRsrMiddleBandPoints)};
    if (hundredths > kRsrTopBandHighest)
        return {"rsr", 0,
                fmt::format("RSR is {}, above the top band's limit of 99.98% in the national rules: 0 points",
                            shown)};
    return {"rsr", 0, fmt::format("RSR is {}, below 3%: 0 points", shown)};
}

// Only the higher of RSR and RoSH counts (ProtectLevelCalculator.kt subtracts the lower
// from the total). The lower stays in the explanation with 0 points; on a tie RoSH is the
// one that counts.
void keep_higher_of_rsr_and_rosh(TierFactor& rsr, TierFactor& rosh) {
    if (rsr.points == 0 || rosh.points == 0) return;
    TierFactor& lower = rsr.points > rosh.points ? rosh : rsr;
    const TierFactor& higher = rsr.points > rosh.points ? rsr : rosh;
    lower.reason += fmt::format("; not counted, because only the higher of RSR and RoSH counts and {} "
                                "scores {}",
                                higher.name == "rsr" ? "RSR" : "RoSH", higher.points);
    lower.points = 0;
}

TierFactor mappa_factor(std::optional<int> level, std::optional<int> category) {
    const std::string category_words = category ? fmt::format(", category {}", *category) : "";
    if (!level)
        return {"mappa", 0, fmt::format("MAPPA{} with no level: 0 points", category_words)};
    const int points = *level >= 2 ? kMappaLevel2Or3Points : (*level == 1 ? kMappaLevel1Points : 0);
    return {"mappa", points, fmt::format("MAPPA level {}{}: {} points", *level, category_words, points)};
}

void add_factors_for_women(const TierInputs& in, std::vector<TierFactor>& out) {
    if (in.previous_enforcement_activity)
        out.push_back({"breach_or_recall", kWomenFactorPoints,
                       fmt::format("Breach or recall on a current sentence (additional factor for women): "
                                   "{} points",
                                   kWomenFactorPoints)});
    // The OASys answers come from the assessment that counts for tiering; an outdated or
    // incomplete one is not given to hmpps-tier at all.
    if (!in.assessment || rules::why_no_valid_assessment(in)) return;
    const Assessment& a = *in.assessment;
    if (a.parenting_responsibilities)
        out.push_back({"parenting_responsibilities", kWomenFactorPoints,
                       fmt::format("Parenting or caring responsibilities (OASys 6.9, additional factor for "
                                   "women): {} points",
                                   kWomenFactorPoints)});
    if (a.impulsivity > 0 || a.temper_control > 0)
        out.push_back({"self_control", kWomenFactorPoints,
                       fmt::format("Problems with impulsivity or temper control (OASys 11.2/11.4, "
                                   "additional factor for women, counted once): {} points",
                                   kWomenFactorPoints)});
}

char level_for(int points) {
    if (points >= kProtectAThreshold) return 'A';
    if (points >= kProtectBThreshold) return 'B';
    if (points >= kProtectCThreshold) return 'C';
    return 'D';
}

}  // namespace

ProtectLevel calculate_protect_level(const TierInputs& in) {
    ProtectLevel out;
    std::optional<TierFactor> rsr = in.rsr_percent ? std::optional(rsr_factor(*in.rsr_percent)) : std::nullopt;
    std::optional<TierFactor> rosh = in.rosh ? std::optional(rosh_factor(*in.rosh)) : std::nullopt;
    if (rsr && rosh) keep_higher_of_rsr_and_rosh(*rsr, *rosh);
    if (rosh) out.factors.push_back(*rosh);
    if (rsr) out.factors.push_back(*rsr);
    if (in.mappa_level || in.mappa_category) out.factors.push_back(mappa_factor(in.mappa_level, in.mappa_category));
    for (ComplexityFactor f : in.complexity_factors)
        out.factors.push_back({std::string(code(f)), kComplexityFactorPoints,
                               fmt::format("{} (complexity factor): {} points", label(f), kComplexityFactorPoints)});
    if (in.gender == Gender::kFemale) add_factors_for_women(in, out.factors);

    for (const auto& f : out.factors) out.points += f.points;
    out.level = level_for(out.points);
    return out;
}

}  // namespace onecase::risk
