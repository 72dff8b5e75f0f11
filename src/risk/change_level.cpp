// The change level (needs axis): ChangeLevelCalculator.kt and MandateForChange.kt in
// hmpps-tier (see tiering.hpp for the commit).
#include <fmt/format.h>

#include "risk/tier_rules.hpp"
#include "risk/tiering.hpp"

namespace onecase::risk {
namespace {

using namespace rules;

// MandateForChange.kt: a current custodial sentence, or a current requirement that is
// neither unpaid work nor "order extended" and is not restrictive, gives a mandate.
// No current sentence at all means no mandate.
bool has_mandate_for_change(const std::vector<CurrentSentence>& sentences) {
    for (const auto& s : sentences) {
        if (s.custodial) return true;
        for (const auto& r : s.requirements)
            if (r.kind == RequirementKind::kOther && !r.restrictive) return true;
    }
    return false;
}

std::string no_mandate_reason(const std::vector<CurrentSentence>& sentences) {
    if (sentences.empty())
        return "No current sentence, so no mandate for change: change level 0";
    return "No custodial sentence and no requirement other than unpaid work or restrictive "
           "requirements, so no mandate for change: change level 0";
}

std::string_view severity_words(NeedSeverity s) {
    switch (s) {
        case NeedSeverity::kNoNeed: return "no need";
        case NeedSeverity::kStandard: return "a standard need";
        case NeedSeverity::kSevere: return "a severe need";
    }
    return "";
}

std::string points_text(int points) { return points == 1 ? "1 point" : fmt::format("{} points", points); }

int level_for(int points) {
    if (points >= kChange3Threshold) return 3;
    if (points >= kChange2Threshold) return 2;
    return 1;
}

}  // namespace

ChangeLevel calculate_change_level(const TierInputs& in) {
    ChangeLevel out;
    // The order matters: a case with no mandate is 0 even with no assessment.
    if (!has_mandate_for_change(in.current_sentences)) {
        out.level = 0;
        out.factors.push_back({"no_mandate_for_change", 0, no_mandate_reason(in.current_sentences)});
        return out;
    }
    if (auto why = why_no_valid_assessment(in)) {
        out.level = kNoValidAssessmentChangeLevel;
        out.factors.push_back({"no_valid_assessment", 0,
                               fmt::format("{}, so change level {} is given without points", *why,
                                           kNoValidAssessmentChangeLevel)});
        return out;
    }

    for (const auto& [section, severity] : in.assessment->needs) {
        const int weighting = need_weighting(section);
        const int points = weighting * severity_score(severity);
        std::string reason = fmt::format("{}: {}", label(section), severity_words(severity));
        if (weighting == 0)
            reason += ", not weighted in the national rules: 0 points";
        else if (weighting == 1 || severity == NeedSeverity::kNoNeed)
            reason += ": " + points_text(points);
        else
            reason += fmt::format(", weighted x{}: {}", weighting, points_text(points));
        out.factors.push_back({fmt::format("need_{}", code(section)), points, std::move(reason)});
    }
    if (in.ogrs_percent) {
        const int points = *in.ogrs_percent / kOgrsPointsDivisor;
        out.factors.push_back({"ogrs", points,
                               fmt::format("OGRS is {}%: one point per whole 10%, {}", *in.ogrs_percent,
                                           points_text(points))});
    }
    if (in.iom_nominal)
        out.factors.push_back({"iom_nominal", kIomNominalPoints,
                               fmt::format("Integrated Offender Management nominal: {} points", kIomNominalPoints)});

    for (const auto& f : out.factors) out.points += f.points;
    out.level = level_for(out.points);
    return out;
}

}  // namespace onecase::risk
