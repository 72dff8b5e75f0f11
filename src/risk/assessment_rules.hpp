#pragma once
// An assessment of risk and needs as entered on its page or through the API: RoSH
// overall and per group, predictor scores with their bands, needs by section. Pure.
#include <map>
#include <optional>
#include <string>

#include "platform/clock.hpp"
#include "platform/result.hpp"
#include "risk/tiering.hpp"

namespace onecase::risk {

// As typed: every value text, so a bad one comes back to the form unchanged.
struct AssessmentInput {
    std::string assessed_on;  // YYYY-MM-DD; empty means today
    std::string type;         // layer3 (default), layer1, standalone
    bool complete = true;
    std::string rosh_overall, rosh_public, rosh_known_adult, rosh_children, rosh_staff;  // low ... very_high
    std::string ogrs, ovp;          // whole percentages 0-100
    std::string rsr;                // percentage 0-100, up to two decimal places
    std::string osp_c, osp_i;       // bands as OASys reports them: low ... very_high
    std::map<std::string, std::string> needs;  // need section code -> none | standard | severe
    // OASys answers the tier rules use for women: 6.9 "yes"/"no", 11.2 and 11.4 "0"-"2".
    std::string parenting_responsibilities, impulsivity, temper_control;
    std::string notes;
};

struct AssessmentRecord {
    platform::Date assessed_on;
    AssessmentType type = AssessmentType::kLayer3;
    bool complete = true;
    std::optional<RoshLevel> rosh_overall, rosh_public, rosh_known_adult, rosh_children, rosh_staff;
    std::optional<int> ogrs, ovp;
    std::optional<std::string> rsr;            // canonical decimal text, e.g. "6.90"
    std::optional<RoshLevel> osp_c, osp_i;     // the same four bands as RoSH
    std::map<NeedSection, NeedSeverity> needs;
    std::optional<bool> parenting_responsibilities;
    std::optional<int> impulsivity, temper_control;
    std::string notes;
};

Result<AssessmentRecord> validate_assessment(const AssessmentInput& input, platform::Date today);

std::string_view rosh_code(RoshLevel level);          // "very_high"
std::string_view rosh_label(RoshLevel level);         // "Very high"
std::optional<RoshLevel> parse_rosh_code(std::string_view code);
std::string_view severity_code(NeedSeverity s);       // "none", "standard", "severe"
std::optional<NeedSeverity> parse_severity_code(std::string_view code);
std::string_view assessment_type_code(AssessmentType t);
std::optional<NeedSection> parse_need_code(std::string_view code);

// Predictor bands (docs/tiering.md says where the thresholds come from).
std::string_view ogrs_band(int percent);  // Low < 50, Medium < 75, High < 90, Very high
std::string_view ovp_band(int percent);   // Low < 30, Medium < 60, High < 80, Very high
std::string_view rsr_band(double percent);  // Low < 3, Medium < 7, High (hmpps-tier's RSR points bands)

}  // namespace onecase::risk
