#include "workload/views.hpp"

#include <algorithm>
#include <cstdio>

#include "workload/policy_json.hpp"

namespace onecase::workload {

namespace json = boost::json;

StaffWorkload measure(const WorkloadPolicy& policy, const StaffRecord& staff, const HeldWork& work, const Period& period,
                      platform::Date today) {
    static const std::vector<CaseItem> kNoCases;
    static const std::vector<TaskItem> kNoTasks;
    static const std::vector<ReductionRecord> kNoReductions;
    auto c = work.cases.find(staff.id);
    auto t = work.tasks.find(staff.id);
    auto r = work.reductions.find(staff.id);
    StaffWorkload w;
    w.staff = staff;
    w.reductions = r == work.reductions.end() ? kNoReductions : r->second;
    std::vector<Reduction> reductions;
    for (const auto& rec : w.reductions) reductions.push_back(rec.reduction);
    w.points = workload_points(policy, c == work.cases.end() ? kNoCases : c->second, t == work.tasks.end() ? kNoTasks : t->second,
                               today);
    w.availability = available_points(policy, staff.grade, staff.contracted_minutes, reductions, period);
    w.capacity = capacity_percent(w.points.total, w.availability.available_points);
    return w;
}

std::vector<StaffWorkload> measure_scope(db::Connection& conn, const WorkloadPolicy& policy, Scope scope, std::int64_t id,
                                         platform::Date today) {
    const auto period = month_of(today);
    const auto tasks_from = platform::Date{std::chrono::sys_days(today) - std::chrono::days(policy.task_window_days - 1)};
    const auto work = load_held_work(conn, scope, id, tasks_from, period);
    std::vector<StaffWorkload> out;
    for (const auto& s : staff_in(conn, scope, id)) {
        // Case administrators and others outside the model are not measured, unless they hold cases.
        if (!policy.grades.count(s.grade) && !work.cases.count(s.id)) continue;
        out.push_back(measure(policy, s, work, period, today));
    }
    return out;
}

std::string percent_text(std::optional<double> p) {
    if (!p) return "Not available";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", *p);
    return buf;
}

json::value percent_json(std::optional<double> p) {
    if (!p) return nullptr;
    return json::value(*p);
}

json::object staff_workload_json(const StaffWorkload& w, const WorkloadPolicy& policy, const Period& period) {
    json::array by_type;
    for (auto type : kCaseTypes) {
        const std::string t(type);
        json::object tiers;
        std::int64_t count = 0;
        auto it = w.points.case_counts.find(t);
        if (it != w.points.case_counts.end()) {
            for (const auto& [tier, n] : it->second) {
                tiers[tier.empty() ? "untiered" : tier] = n;
                count += n;
            }
        }
        auto pts = w.points.points_by_case_type.find(t);
        by_type.push_back(json::object{{"caseType", t},
                                       {"label", case_type_label(t)},
                                       {"cases", count},
                                       {"points", pts == w.points.points_by_case_type.end() ? 0 : pts->second},
                                       {"tiers", std::move(tiers)}});
    }
    json::object tier_counts;
    for (auto tier : kTiers) tier_counts[tier] = 0;
    tier_counts["untiered"] = 0;
    for (const auto& [type, tiers] : w.points.case_counts)
        for (const auto& [tier, n] : tiers) tier_counts[tier.empty() ? "untiered" : tier].as_int64() += n;
    json::array tasks;
    for (const auto& [kind, n] : w.points.task_counts) {
        auto p = policy.task_points.find(kind);
        const std::int64_t each = p == policy.task_points.end() ? 0 : p->second;
        tasks.push_back(json::object{{"kind", kind}, {"label", task_label(kind)}, {"count", n}, {"points", n * each}});
    }
    json::array reductions;
    for (const auto& r : w.reductions) {
        reductions.push_back(json::object{
            {"id", r.id},
            {"reason", r.reduction.reason},
            {"reasonLabel", reduction_reason_label(r.reduction.reason)},
            {"hoursPerWeek", minutes_to_hours(r.reduction.minutes_per_week)},
            {"startDate", platform::format_date(r.reduction.start)},
            {"startDateText", platform::display_date(r.reduction.start)},
            {"endDateText", r.reduction.end ? platform::display_date(*r.reduction.end) : std::string()},
            {"endDate", r.reduction.end ? json::value(platform::format_date(*r.reduction.end)) : json::value(nullptr)},
            {"daysInPeriod", days_covered(r.reduction, period)},
            {"notes", r.notes}});
    }
    return json::object{{"staffCode", w.staff.code},
                        {"name", w.staff.name()},
                        {"grade", w.staff.grade},
                        {"teamCode", w.staff.team_code},
                        {"teamName", w.staff.team_name},
                        {"points", w.points.total},
                        {"casePoints", w.points.case_points},
                        {"taskPoints", w.points.task_points},
                        {"availablePoints", w.availability.available_points},
                        {"capacityPercent", percent_json(w.capacity)},
                        {"cases", w.points.cases},
                        {"untieredCases", w.points.untiered_cases},
                        {"contractedHours", minutes_to_hours(w.availability.contracted_minutes)},
                        {"contractedHoursRecorded", w.staff.contracted_minutes.has_value()},
                        {"gradeFullTimeHours", minutes_to_hours(w.availability.grade_minutes)},
                        {"nominalPoints", w.availability.nominal_points},
                        {"reductionHours", w.availability.reduction_hours},
                        {"availableHours", w.availability.available_hours},
                        {"gradeMeasured", w.availability.known_grade},
                        {"periodText", platform::display_date(period.first) + " to " + platform::display_date(period.last)},
                        {"period", json::object{{"from", platform::format_date(period.first)},
                                                {"to", platform::format_date(period.last)},
                                                {"days", period.days()}}},
                        {"policyVersion", policy.version},
                        {"taskWindowDays", policy.task_window_days},
                        {"caseTypes", std::move(by_type)},
                        {"tierCounts", std::move(tier_counts)},
                        {"tasks", std::move(tasks)},
                        {"reductions", std::move(reductions)}};
}

json::object totals_json(const std::vector<StaffWorkload>& ws) {
    std::int64_t points = 0, available = 0, cases = 0;
    for (const auto& w : ws) {
        points += w.points.total;
        available += w.availability.available_points;
        cases += w.points.cases;
    }
    return json::object{{"staff", std::int64_t(ws.size())},
                        {"cases", cases},
                        {"points", points},
                        {"availablePoints", available},
                        {"capacityPercent", percent_json(capacity_percent(points, available))}};
}

std::string html_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string capacity_chart_svg(const std::vector<StaffWorkload>& ws, const std::string& title) {
    // Bars scale to the larger of 150% and the highest capacity, so over-capacity shows.
    double scale = 150;
    for (const auto& w : ws) scale = std::max(scale, w.capacity.value_or(0));
    constexpr int kLabel = 150, kBarArea = 230, kRow = 28, kTop = 24;
    const int height = kTop + int(ws.size()) * kRow + 10;
    const int width = kLabel + kBarArea + 60;
    char buf[512];
    std::string svg;
    std::snprintf(buf, sizeof buf,
                  "<svg class=\"app-capacity-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" "
                  "role=\"img\" aria-labelledby=\"capacity-chart-title\" focusable=\"false\">",
                  width, height);
    svg += buf;
    svg += "<title id=\"capacity-chart-title\">" + html_escape(title) + "</title>";
    const int hundred = kLabel + int(100.0 / scale * kBarArea);
    std::snprintf(buf, sizeof buf,
                  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#0b0c0c\" stroke-dasharray=\"4 3\"/>"
                  "<text x=\"%d\" y=\"14\" font-size=\"12\" text-anchor=\"middle\" fill=\"#0b0c0c\">100%%</text>",
                  hundred, kTop - 4, hundred, height - 6, hundred);
    svg += buf;
    int y = kTop;
    for (const auto& w : ws) {
        const double pct = w.capacity.value_or(0);
        const int bar = int(std::min(pct, scale) / scale * kBarArea);
        // GOV.UK colours: green to 100%, orange to 110%, red beyond.
        const char* colour = pct <= 100 ? "#00703c" : pct <= 110 ? "#f47738" : "#d4351c";
        svg += "<text x=\"" + std::to_string(kLabel - 8) + "\" y=\"" + std::to_string(y + 16) +
               "\" font-size=\"13\" text-anchor=\"end\" fill=\"#0b0c0c\">" + html_escape(w.staff.name()) +
               "</text>";
        std::snprintf(buf, sizeof buf, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"%s\"/>", kLabel, y + 3, bar, colour);
        svg += buf;
        svg += "<text x=\"" + std::to_string(kLabel + bar + 6) + "\" y=\"" + std::to_string(y + 16) +
               "\" font-size=\"13\" fill=\"#0b0c0c\">" + html_escape(percent_text(w.capacity)) + "</text>";
        y += kRow;
    }
    svg += "</svg>";
    return svg;
}

}  // namespace onecase::workload
