#include "workload/grade_rule_form.hpp"

#include <algorithm>

namespace onecase::workload {

namespace {

struct RowSpec {
    const char *key, *label, *rosh, *protect;
};

constexpr RowSpec kRows[] = {{"rosh.very_high", "Very high RoSH", "very_high", ""}, {"rosh.high", "High RoSH", "high", ""},
                             {"rosh.medium", "Medium RoSH", "medium", ""},           {"rosh.low", "Low RoSH", "low", ""},
                             {"tier.A", "Tier A", "", "A"},                          {"tier.B", "Tier B", "", "B"},
                             {"tier.C", "Tier C", "", "C"},                          {"tier.D", "Tier D", "", "D"}};

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::string join_or(const std::vector<std::string>& v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i == 0 ? "" : i + 1 == v.size() ? " or " : ", ") + v[i];
    return out;
}

}  // namespace

std::vector<GradeRuleRow> grade_rule_rows(const std::vector<GradeRule>& rules) {
    std::vector<GradeRuleRow> out;
    for (const auto& spec : kRows) {
        GradeRuleRow row{spec.key, spec.label, spec.rosh, spec.protect, {}};
        bool first = true;
        for (const auto& r : rules) {
            if (r.rosh != row.rosh || r.protect != row.protect) continue;
            if (first) {
                row.grades = r.grades;
                first = false;
            } else {
                std::erase_if(row.grades, [&](const std::string& g) { return !contains(r.grades, g); });
            }
        }
        out.push_back(std::move(row));
    }
    return out;
}

Result<std::vector<GradeRule>> grade_rules_from_form(const std::set<std::string>& ticked, const WorkloadPolicy& policy) {
    std::vector<FieldError> errors;
    std::vector<GradeRule> rules;
    std::set<std::string> used;
    for (const auto& spec : kRows) {
        const std::string prefix = std::string(spec.key) + ".";
        GradeRule rule{spec.rosh, spec.protect, {}};
        for (const auto& t : ticked) {
            if (!t.starts_with(prefix)) continue;
            used.insert(t);
            const auto grade = t.substr(prefix.size());
            if (!policy.grades.count(grade)) {
                errors.push_back({spec.key, std::string(spec.label) + ": " + grade + " is not a grade in the workload model"});
                continue;
            }
            rule.grades.push_back(grade);
        }
        if (rule.grades.empty()) continue;  // no rule: any grade offered may hold such a case
        const bool someone = std::any_of(rule.grades.begin(), rule.grades.end(),
                                         [&](const std::string& g) { return contains(policy.allocatable_grades, g); });
        if (!someone)
            errors.push_back({spec.key, std::string(spec.label) + ": tick at least one grade offered as a candidate (" +
                                            join_or(policy.allocatable_grades) + "), or none for no rule"});
        rules.push_back(std::move(rule));
    }
    for (const auto& t : ticked)
        if (!used.count(t)) errors.push_back({"rules", "Unknown rule " + t});
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the grade rules");
    return rules;
}

}  // namespace onecase::workload
