#include "workload/reduction_rules.hpp"

#include <algorithm>

#include "workload/policy_json.hpp"

namespace onecase::workload {

Result<Reduction> parse_reduction(const ReductionInput& in) {
    std::vector<FieldError> errors;
    Reduction r;
    if (std::find(kReductionReasons.begin(), kReductionReasons.end(), in.reason) == kReductionReasons.end())
        errors.push_back({"reason", "Select the reason for the reduction"});
    r.reason = in.reason;
    auto minutes = parse_hours(in.hours_per_week);
    if (!minutes || *minutes == 0) errors.push_back({"hoursPerWeek", "Enter the hours a week, for example 7.5"});
    else r.minutes_per_week = *minutes;
    auto start = platform::parse_date(in.start_date);
    if (!start) errors.push_back({"startDate", "Enter a real start date, for example 2026-12-01"});
    else r.start = *start;
    if (!in.end_date.empty()) {
        auto end = platform::parse_date(in.end_date);
        if (!end) errors.push_back({"endDate", "Enter a real end date, for example 2027-01-31, or leave it empty"});
        else if (start && std::chrono::sys_days(*end) < std::chrono::sys_days(*start))
            errors.push_back({"endDate", "The end date must be on or after the start date"});
        else r.end = *end;
    }
    if (in.reason == "other" && in.notes.find_first_not_of(" \t\r\n") == std::string::npos)
        errors.push_back({"notes", "Say what the reduction is for"});
    if (in.notes.size() > 2000) errors.push_back({"notes", "Notes must be 2,000 characters or fewer"});
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the reduction");
    return r;
}

}  // namespace onecase::workload
