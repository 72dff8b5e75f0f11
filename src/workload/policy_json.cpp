#include "workload/policy_json.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace onecase::workload {

namespace json = boost::json;

namespace {

constexpr std::int64_t kMaxPoints = 100'000;

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& list, std::string_view v) {
    return std::find(list.begin(), list.end(), v) != list.end();
}

std::optional<std::int64_t> whole(const json::value& v) {
    if (v.is_int64()) return v.as_int64();
    if (v.is_uint64() && v.as_uint64() <= std::uint64_t(kMaxPoints)) return std::int64_t(v.as_uint64());
    if (v.is_double() && std::floor(v.as_double()) == v.as_double() && std::abs(v.as_double()) <= kMaxPoints)
        return std::int64_t(v.as_double());
    return std::nullopt;
}

struct Reader {
    std::vector<FieldError> errors;

    std::optional<std::int64_t> points(const json::value& v, const std::string& path, std::int64_t max = kMaxPoints) {
        auto n = whole(v);
        if (!n || *n < 0 || *n > max) {
            errors.push_back({path, "Enter a whole number from 0 to " + std::to_string(max)});
            return std::nullopt;
        }
        return n;
    }
    const json::object* object(const json::value& v, const std::string& path) {
        if (v.is_object()) return &v.as_object();
        errors.push_back({path, path + " must be an object"});
        return nullptr;
    }
};

}  // namespace

double minutes_to_hours(std::int64_t minutes) { return double(minutes) / 60.0; }

std::optional<std::int64_t> parse_hours(std::string_view text) {
    double hours = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), hours);
    if (text.empty() || r.ec != std::errc{} || r.ptr != text.data() + text.size() || !(hours >= 0) || hours > 168)
        return std::nullopt;
    const double minutes = hours * 60.0;
    if (std::abs(minutes - std::round(minutes)) > 1e-6) return std::nullopt;
    return std::int64_t(std::llround(minutes));
}

Result<WorkloadPolicy> parse_workload_policy(const json::value& settings) {
    WorkloadPolicy p = default_policy();
    Reader in;
    if (!settings.is_object()) return Problem::invalid({{"settings", "The settings must be a JSON object"}}, "Check the policy");
    for (const auto& [key, value] : settings.as_object()) {
        const std::string k(key);
        if (k == "tierPoints") {
            auto types = in.object(value, k);
            if (!types) continue;
            for (const auto& [type, tiers] : *types) {
                const std::string path = k + "." + std::string(type);
                if (!one_of(kCaseTypes, type)) {
                    in.errors.push_back({path, "Unknown case type " + std::string(type)});
                    continue;
                }
                auto t = in.object(tiers, path);
                if (!t) continue;
                for (const auto& [tier, pts] : *t) {
                    const std::string tpath = path + "." + std::string(tier);
                    if (!one_of(kTiers, tier)) {
                        in.errors.push_back({tpath, "Unknown tier " + std::string(tier)});
                        continue;
                    }
                    if (auto n = in.points(pts, tpath)) p.tier_points[std::string(type)][std::string(tier)] = *n;
                }
            }
        } else if (k == "untieredPoints") {
            auto types = in.object(value, k);
            if (!types) continue;
            for (const auto& [type, pts] : *types) {
                const std::string path = k + "." + std::string(type);
                if (!one_of(kCaseTypes, type)) in.errors.push_back({path, "Unknown case type " + std::string(type)});
                else if (auto n = in.points(pts, path)) p.untiered_points[std::string(type)] = *n;
            }
        } else if (k == "taskPoints") {
            auto kinds = in.object(value, k);
            if (!kinds) continue;
            for (const auto& [kind, pts] : *kinds) {
                const std::string path = k + "." + std::string(kind);
                if (!one_of(kTaskKinds, kind)) in.errors.push_back({path, "Unknown report or task " + std::string(kind)});
                else if (auto n = in.points(pts, path)) p.task_points[std::string(kind)] = *n;
            }
        } else if (k == "taskWindowDays") {
            if (auto n = in.points(value, k, 366)) {
                if (*n < 1) in.errors.push_back({k, "Enter a whole number from 1 to 366"});
                else p.task_window_days = *n;
            }
        } else if (k == "allocatableGrades") {
            p.allocatable_grades.clear();
            if (!value.is_array()) in.errors.push_back({k, "allocatableGrades must be a list of grades"});
            else
                for (const auto& g : value.as_array()) {
                    if (g.is_string() && !g.as_string().empty()) p.allocatable_grades.emplace_back(g.as_string());
                    else in.errors.push_back({k, "Grades are short codes such as PO"});
                }
        } else if (k == "allocationDueWorkingDays") {
            if (auto n = in.points(value, k, 60)) p.allocation_due_working_days = *n;
        } else if (k == "continuityBonusPercent") {
            if (auto n = in.points(value, k, 100)) p.continuity_bonus_percent = *n;
        } else if (k == "grades") {
            auto grades = in.object(value, k);
            if (!grades) continue;
            for (const auto& [grade, g] : *grades) {
                const std::string path = k + "." + std::string(grade);
                auto o = in.object(g, path);
                if (!o) continue;
                GradeCapacity cap = p.grades.count(std::string(grade)) ? p.grades[std::string(grade)] : GradeCapacity{};
                for (const auto& [field, v] : *o) {
                    const std::string fpath = path + "." + std::string(field);
                    if (field == "nominalPoints") {
                        if (auto n = in.points(v, fpath)) cap.nominal_points = *n;
                    } else if (field == "contractedHours") {
                        std::optional<std::int64_t> minutes;
                        if (v.is_number()) minutes = parse_hours(json::serialize(v));
                        if (!minutes || *minutes == 0) in.errors.push_back({fpath, "Enter the full-time weekly hours, more than 0 and up to 168"});
                        else cap.contracted_minutes = *minutes;
                    } else {
                        in.errors.push_back({fpath, "Unknown setting " + std::string(field)});
                    }
                }
                if (cap.contracted_minutes <= 0)
                    in.errors.push_back({path + ".contractedHours", "Enter the full-time weekly hours for " + std::string(grade)});
                p.grades[std::string(grade)] = cap;
            }
        } else if (k == "gradeRules") {
            if (!value.is_array()) {
                in.errors.push_back({k, "gradeRules must be a list"});
                continue;
            }
            p.grade_rules.clear();
            std::size_t i = 0;
            for (const auto& r : value.as_array()) {
                const std::string path = k + "." + std::to_string(i++);
                auto o = in.object(r, path);
                if (!o) continue;
                GradeRule rule;
                for (const auto& [field, v] : *o) {
                    const std::string fpath = path + "." + std::string(field);
                    if (field == "rosh" && v.is_string() &&
                        (v.as_string() == "low" || v.as_string() == "medium" || v.as_string() == "high" || v.as_string() == "very_high"))
                        rule.rosh = std::string(v.as_string());
                    else if (field == "protect" && v.is_string() && v.as_string().size() == 1 &&
                             std::string_view("ABCD").find(v.as_string()[0]) != std::string_view::npos)
                        rule.protect = std::string(v.as_string());
                    else if (field == "grades" && v.is_array()) {
                        for (const auto& g : v.as_array()) {
                            if (g.is_string() && !g.as_string().empty()) rule.grades.emplace_back(g.as_string());
                            else in.errors.push_back({fpath, "Grades are short codes such as PO"});
                        }
                    } else {
                        in.errors.push_back({fpath, "Unknown or invalid " + std::string(field)});
                    }
                }
                if (rule.rosh.empty() == rule.protect.empty())
                    in.errors.push_back({path, "A rule names either a RoSH level or a tier letter"});
                if (rule.grades.empty()) in.errors.push_back({path + ".grades", "A rule names at least one grade"});
                p.grade_rules.push_back(std::move(rule));
            }
        } else {
            in.errors.push_back({k, "Unknown setting " + k});
        }
    }
    if (!in.errors.empty()) return Problem::invalid(std::move(in.errors), "Check the policy");
    return p;
}

json::object workload_policy_json(const WorkloadPolicy& p) {
    json::object tiers;
    for (const auto& [type, map] : p.tier_points) {
        json::object t;
        for (auto tier : kTiers) {
            auto it = map.find(std::string(tier));
            t[tier] = it == map.end() ? 0 : it->second;
        }
        tiers[type] = std::move(t);
    }
    json::object untiered, tasks, grades;
    for (const auto& [k, v] : p.untiered_points) untiered[k] = v;
    for (const auto& [k, v] : p.task_points) tasks[k] = v;
    for (const auto& [k, g] : p.grades)
        grades[k] = json::object{{"nominalPoints", g.nominal_points}, {"contractedHours", minutes_to_hours(g.contracted_minutes)}};
    json::array rules;
    for (const auto& r : p.grade_rules) {
        json::object o;
        if (!r.rosh.empty()) o["rosh"] = r.rosh;
        if (!r.protect.empty()) o["protect"] = r.protect;
        json::array g;
        for (const auto& x : r.grades) g.push_back(json::value(x));
        o["grades"] = std::move(g);
        rules.push_back(std::move(o));
    }
    json::array allocatable;
    for (const auto& g : p.allocatable_grades) allocatable.push_back(json::value(g));
    return json::object{{"tierPoints", std::move(tiers)},
                        {"allocatableGrades", std::move(allocatable)},
                        {"untieredPoints", std::move(untiered)},
                        {"taskPoints", std::move(tasks)},
                        {"taskWindowDays", p.task_window_days},
                        {"grades", std::move(grades)},
                        {"gradeRules", std::move(rules)},
                        {"continuityBonusPercent", p.continuity_bonus_percent},
                        {"allocationDueWorkingDays", p.allocation_due_working_days}};
}

}  // namespace onecase::workload
