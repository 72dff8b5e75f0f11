#pragma once
// The grade-rule table as an admin edits it on a page: one row per RoSH level and per
// tier letter, each with the grades that may hold such a case (none ticked: no rule).
// Pure: turns rules into rows and ticked boxes back into rules, with clear messages.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "platform/result.hpp"
#include "workload/model.hpp"

namespace onecase::workload {

struct GradeRuleRow {
    std::string key;    // "rosh.very_high" … "rosh.low", "tier.A" … "tier.D": the form field prefix
    std::string label;  // "Very high RoSH", "Tier A"
    std::string rosh, protect;
    std::vector<std::string> grades;  // allowed; empty when no rule applies
};

// Every row, RoSH levels (most serious first) then tiers. Where several rules apply to
// one row the case must satisfy all of them, so the row shows the grades all allow.
std::vector<GradeRuleRow> grade_rule_rows(const std::vector<GradeRule>& rules);

// `ticked` holds "<row key>.<grade>" for each ticked box. Every grade must be one of the
// model's grades, and a row with a rule must allow at least one grade offered as a
// candidate (else no one could ever be offered such a case). Errors name the row key.
Result<std::vector<GradeRule>> grade_rules_from_form(const std::set<std::string>& ticked, const WorkloadPolicy& policy);

}  // namespace onecase::workload
