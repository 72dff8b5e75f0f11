#pragma once
// The workload arithmetic: points held, points available, capacity %. Pure: no
// storage, no clock (today and the period are passed in). docs/workload.md has the
// worked examples the unit tests check.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "workload/model.hpp"

namespace onecase::workload {

struct CaseItem {
    std::string crn;
    std::optional<std::string> tier;  // A3..D0; empty while not yet assessed
    std::string case_type;            // community, licence, custody
};

struct TaskItem {
    std::string kind;  // one of kTaskKinds
    platform::Date on;
};

struct Reduction {
    std::string reason;               // one of kReductionReasons
    std::int64_t minutes_per_week = 0;
    platform::Date start;
    std::optional<platform::Date> end;  // inclusive; none = open-ended
};

// The period capacity is measured over: the calendar month that holds `today`.
struct Period {
    platform::Date first, last;  // inclusive
    std::int64_t days() const;
};
Period month_of(platform::Date today);

struct PointsBreakdown {
    std::int64_t case_points = 0, task_points = 0, total = 0;
    std::int64_t cases = 0, untiered_cases = 0;
    // case type -> tier ("" = untiered) -> number of cases
    std::map<std::string, std::map<std::string, std::int64_t>> case_counts;
    std::map<std::string, std::int64_t> points_by_case_type;
    std::map<std::string, std::int64_t> task_counts;  // within the window
};

// Points of one case under `policy`.
std::int64_t case_points(const WorkloadPolicy& policy, const std::optional<std::string>& tier, const std::string& case_type);

// Sums the cases, and the tasks dated within the policy's window ending `today`.
PointsBreakdown workload_points(const WorkloadPolicy& policy, const std::vector<CaseItem>& cases,
                                const std::vector<TaskItem>& tasks, platform::Date today);

struct Availability {
    std::int64_t contracted_minutes = 0;   // per week (the grade's full time when not recorded)
    std::int64_t grade_minutes = 0;        // the grade's full-time week
    std::int64_t nominal_points = 0;       // the grade's full-time points
    double reduction_hours = 0;            // per week, pro-rated over the period, 0.1 h
    double available_hours = 0;            // per week, 0.1 h
    std::int64_t available_points = 0;     // whole points, rounded down
    bool known_grade = true;
};

// How many points `grade` with `contracted_minutes` (nullopt: full time) has over
// `period`. A reduction counts in proportion to the days of the period it covers:
//   available = floor(nominal × (contracted − Σ reduction × days covered ÷ days in period) ÷ full time)
// never below zero. An unknown grade has no points (known_grade false).
Availability available_points(const WorkloadPolicy& policy, const std::string& grade,
                              std::optional<std::int64_t> contracted_minutes, const std::vector<Reduction>& reductions,
                              const Period& period);

// Days of `period` that `r` covers (0 when outside it).
std::int64_t days_covered(const Reduction& r, const Period& period);

// points ÷ available × 100 to one decimal, halves rounded up; nullopt when nothing is
// available (a capacity cannot be stated).
std::optional<double> capacity_percent(std::int64_t points, std::int64_t available);

}  // namespace onecase::workload
