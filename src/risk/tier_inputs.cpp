#include "risk/tier_inputs.hpp"

#include <charconv>

namespace onecase::risk {

namespace {

std::optional<RoshLevel> rosh_from_level(const std::string& level) {
    if (level == "Low") return RoshLevel::kLow;
    if (level == "Medium") return RoshLevel::kMedium;
    if (level == "High") return RoshLevel::kHigh;
    if (level == "Very high") return RoshLevel::kVeryHigh;
    return std::nullopt;
}

// "Level 2" -> 2, "Category 4" -> 4.
std::optional<int> trailing_number(const std::optional<std::string>& text) {
    if (!text || text->empty()) return std::nullopt;
    const auto space = text->rfind(' ');
    const char* begin = text->data() + (space == std::string::npos ? 0 : space + 1);
    int n = 0;
    auto r = std::from_chars(begin, text->data() + text->size(), n);
    if (r.ec != std::errc{} || r.ptr != text->data() + text->size()) return std::nullopt;
    return n;
}

std::optional<ComplexityFactor> complexity_factor(const std::string& code_text) {
    for (auto f : kAllComplexityFactors) {
        if (code(f) == code_text) return f;
    }
    return std::nullopt;
}

}  // namespace

bool is_restrictive_requirement(const std::string& category) {
    return category == "curfew" || category == "exclusion" || category == "prohibited_activity" ||
           category == "foreign_travel_prohibition" || category == "residence" || category == "alcohol_abstinence";
}

TierInputs assemble_tier_inputs(const TierFacts& facts) {
    TierInputs in;
    in.calculated_on = facts.today;
    in.gender = facts.gender == "Female" ? Gender::kFemale
                : facts.gender == "Male" ? Gender::kMale
                : facts.gender.empty()   ? Gender::kNotKnown
                                         : Gender::kOther;
    for (const auto& f : facts.flags) {
        if (f.tier_factor == "rosh") {
            if (auto l = rosh_from_level(f.level.value_or(""))) {
                if (!in.rosh || *l > *in.rosh) in.rosh = l;
            }
        } else if (f.tier_factor == "mappa") {
            auto level = trailing_number(f.level);
            if (level && *level >= 1 && *level <= 3 && (!in.mappa_level || *level > *in.mappa_level)) {
                in.mappa_level = level;
                auto category = trailing_number(f.category);
                in.mappa_category = category && *category >= 1 && *category <= 4 ? category : std::nullopt;
            }
        } else if (f.tier_factor == "iom") {
            in.iom_nominal = true;
        } else if (auto c = complexity_factor(f.tier_factor)) {
            in.complexity_factors.insert(*c);
        }
    }
    in.previous_enforcement_activity = facts.breach_or_recall;
    for (const auto& s : facts.sentences) {
        CurrentSentence cs;
        cs.custodial = s.disposal_type == "custody" || s.disposal_type == "licence" || s.disposal_type == "pss";
        for (const auto& category : s.requirement_categories) {
            Requirement r;
            r.kind = category == "unpaid_work" ? RequirementKind::kUnpaidWork
                     : category == "order_extended" ? RequirementKind::kOrderExtended
                                                    : RequirementKind::kOther;
            r.restrictive = is_restrictive_requirement(category);
            cs.requirements.push_back(r);
        }
        in.current_sentences.push_back(std::move(cs));
    }
    if (const auto& a = facts.latest_assessment) {
        if (a->rsr) in.rsr_percent = std::stod(*a->rsr);
        in.ogrs_percent = a->ogrs;
        Assessment assessment;
        assessment.type = a->type;
        assessment.status = a->complete ? AssessmentStatus::kComplete : AssessmentStatus::kOpen;
        assessment.completed_on = a->assessed_on;
        assessment.needs = a->needs;
        assessment.parenting_responsibilities = a->parenting_responsibilities.value_or(false);
        assessment.impulsivity = a->impulsivity.value_or(0);
        assessment.temper_control = a->temper_control.value_or(0);
        in.assessment = assessment;
    }
    return in;
}

}  // namespace onecase::risk
