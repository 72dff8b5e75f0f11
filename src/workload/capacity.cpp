#include "workload/capacity.hpp"

#include <algorithm>
#include <cmath>

namespace onecase::workload {

using std::chrono::sys_days;

std::int64_t Period::days() const { return (sys_days(last) - sys_days(first)).count() + 1; }

Period month_of(platform::Date today) {
    const auto ym = today.year() / today.month();
    return Period{ym / std::chrono::day{1}, platform::Date{ym / std::chrono::last}};
}

std::int64_t case_points(const WorkloadPolicy& policy, const std::optional<std::string>& tier, const std::string& case_type) {
    if (!tier) {
        auto it = policy.untiered_points.find(case_type);
        return it == policy.untiered_points.end() ? 0 : it->second;
    }
    auto type = policy.tier_points.find(case_type);
    if (type == policy.tier_points.end()) return 0;
    auto points = type->second.find(*tier);
    return points == type->second.end() ? 0 : points->second;
}

PointsBreakdown workload_points(const WorkloadPolicy& policy, const std::vector<CaseItem>& cases,
                                const std::vector<TaskItem>& tasks, platform::Date today) {
    PointsBreakdown b;
    for (const auto& c : cases) {
        const auto points = case_points(policy, c.tier, c.case_type);
        ++b.cases;
        if (!c.tier) ++b.untiered_cases;
        ++b.case_counts[c.case_type][c.tier.value_or("")];
        b.points_by_case_type[c.case_type] += points;
        b.case_points += points;
    }
    const auto last = sys_days(today);
    const auto first = last - std::chrono::days(policy.task_window_days - 1);
    for (const auto& t : tasks) {
        const auto on = sys_days(t.on);
        if (on < first || on > last) continue;
        auto it = policy.task_points.find(t.kind);
        if (it == policy.task_points.end()) continue;
        ++b.task_counts[t.kind];
        b.task_points += it->second;
    }
    b.total = b.case_points + b.task_points;
    return b;
}

std::int64_t days_covered(const Reduction& r, const Period& period) {
    const auto from = std::max(sys_days(r.start), sys_days(period.first));
    const auto to = std::min(r.end ? sys_days(*r.end) : sys_days(period.last), sys_days(period.last));
    return to < from ? 0 : (to - from).count() + 1;
}

namespace {
double tenths(double hours) { return std::round(hours * 10.0) / 10.0; }
}  // namespace

Availability available_points(const WorkloadPolicy& policy, const std::string& grade,
                              std::optional<std::int64_t> contracted_minutes, const std::vector<Reduction>& reductions,
                              const Period& period) {
    Availability a;
    auto g = policy.grades.find(grade);
    if (g == policy.grades.end() || g->second.contracted_minutes <= 0) {
        a.known_grade = false;
        a.contracted_minutes = contracted_minutes.value_or(0);
        a.available_hours = tenths(double(a.contracted_minutes) / 60.0);
        return a;
    }
    a.grade_minutes = g->second.contracted_minutes;
    a.nominal_points = g->second.nominal_points;
    a.contracted_minutes = contracted_minutes.value_or(a.grade_minutes);
    const std::int64_t days = period.days();
    // Everything in minute-days so the arithmetic stays exact until the final floor.
    std::int64_t reduced = 0;
    for (const auto& r : reductions) reduced += r.minutes_per_week * days_covered(r, period);
    const std::int64_t available = std::max<std::int64_t>(0, a.contracted_minutes * days - reduced);
    a.reduction_hours = tenths(double(reduced) / double(days) / 60.0);
    a.available_hours = tenths(double(available) / double(days) / 60.0);
    a.available_points = a.nominal_points * available / (a.grade_minutes * days);
    return a;
}

std::optional<double> capacity_percent(std::int64_t points, std::int64_t available) {
    if (available <= 0) return std::nullopt;
    // tenths of a per cent, halves up: (points × 1000 + available / 2) ÷ available
    const std::int64_t t = (points * 2000 + available) / (2 * available);
    return double(t) / 10.0;
}

}  // namespace onecase::workload
