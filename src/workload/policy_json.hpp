#pragma once
// The workload policy as JSON: what an admin sends to add a version and what is
// stored in policy_versions.settings (policy = 'workload'). Pure.
//
//   {"tierPoints": {"community": {"A3": 206, ...}, "licence": {...}, "custody": {...}},
//    "untieredPoints": {"community": 63, "licence": 65, "custody": 24},
//    "taskPoints": {"psr_standard": 138, ...}, "taskWindowDays": 30,
//    "grades": {"PO": {"nominalPoints": 2176, "contractedHours": 37}, ...},
//    "gradeRules": [{"rosh": "very_high", "grades": ["PO"]}, {"protect": "A", "grades": ["PO"]}, ...],
//    "continuityBonusPercent": 10}
//
// A missing key keeps the code default; settings are stored complete (as
// workload_policy_json writes them), so a stored version never depends on a later
// code default.
#include <boost/json/value.hpp>

#include "platform/result.hpp"
#include "workload/model.hpp"

namespace onecase::workload {

// Unknown keys, negative or non-whole points, unknown tiers, case types, task kinds
// and RoSH levels are field errors named by their path ("tierPoints.community.A3").
Result<WorkloadPolicy> parse_workload_policy(const boost::json::value& settings);

boost::json::object workload_policy_json(const WorkloadPolicy& policy);

// Weekly minutes as hours for JSON (37, 22.5).
double minutes_to_hours(std::int64_t minutes);
// "37", "22.5", "7.25": a non-negative number of hours up to 168, to the minute.
std::optional<std::int64_t> parse_hours(std::string_view text);

}  // namespace onecase::workload
