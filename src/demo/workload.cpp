#include "demo/workload.hpp"

#include "demo/random.hpp"
#include "platform/clock.hpp"

namespace onecase::demo {

namespace {

constexpr std::uint64_t kHoursStream = 5;
constexpr std::uint64_t kReductionStream = 6;
constexpr std::uint64_t kTaskStream = 7;

std::string date(std::chrono::sys_days d) { return platform::format_date(platform::Date{d}); }

bool holds_cases(const std::string& grade) { return grade == "PO" || grade == "PSO" || grade == "PQiP"; }

}  // namespace

std::optional<std::int64_t> contracted_minutes_for(const StaffMember& s, std::uint64_t seed) {
    Random rng(derive_seed(seed, kHoursStream, std::uint64_t(s.id)));
    if (!holds_cases(s.grade) || !rng.chance(0.15)) return std::nullopt;
    // Common part-time patterns: 3 days (22.2 h), 4 days (29.6 h), school hours (25 h).
    constexpr std::int64_t kPatterns[] = {1332, 1776, 1500};
    return rng.pick(kPatterns);
}

std::vector<ReductionRow> reductions_for(const Organisation& org, std::uint64_t seed, std::chrono::sys_days today,
                                         std::int64_t demo_po_team_id, std::int64_t demo_po_staff_id) {
    using std::chrono::days;
    std::vector<ReductionRow> out;
    bool demo_team_has_one = false;
    for (const auto& s : org.staff) {
        if (!holds_cases(s.grade) || s.id == demo_po_staff_id) continue;
        Random rng(derive_seed(seed, kReductionStream, std::uint64_t(s.id)));
        const bool forced = s.team_id == demo_po_team_id && !demo_team_has_one;
        if (!forced && !rng.chance(0.125)) continue;
        if (s.team_id == demo_po_team_id) demo_team_has_one = true;
        ReductionRow r{s.id, "", 0, "", std::nullopt, ""};
        switch (rng.below(4)) {
            case 0:
                r.reason = "training";
                r.minutes_per_week = 444;  // one day in five of a 37-hour week
                r.start_date = date(today - days(rng.between(0, 20)));
                r.end_date = date(today + days(rng.between(10, 120)));
                r.notes = "Professional qualification study day";
                break;
            case 1:
                r.reason = "union_duties";
                r.minutes_per_week = 222;
                r.start_date = date(today - days(rng.between(100, 400)));
                r.notes = "Trade union facility time";
                break;
            case 2:
                r.reason = "ill_health";
                r.minutes_per_week = 1110;  // phased return, half the week
                r.start_date = date(today - days(rng.between(5, 25)));
                r.end_date = date(today + days(rng.between(3, 25)));
                r.notes = "Phased return to work";
                break;
            default:
                r.reason = "other";
                r.minutes_per_week = 300;
                r.start_date = date(today + days(rng.between(1, 10)));
                r.end_date = date(today + days(rng.between(30, 90)));
                r.notes = "Court duty rota lead";
                break;
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<TaskRow> tasks_for(const Organisation& org, std::uint64_t seed, std::chrono::sys_days today) {
    using std::chrono::days;
    std::vector<TaskRow> out;
    for (const auto& s : org.staff) {
        if (s.grade != "PO" && s.grade != "PSO") continue;
        Random rng(derive_seed(seed, kTaskStream, std::uint64_t(s.id)));
        if (!rng.chance(0.33)) continue;
        const auto n = rng.between(1, 2);
        for (std::int64_t i = 0; i < n; ++i) {
            const char* kind = s.grade == "PO" ? (rng.chance(0.3) ? "parole_report" : "psr_standard") : "psr_fast";
            out.push_back(TaskRow{s.id, kind, date(today - days(rng.between(1, 28)))});
        }
    }
    return out;
}

}  // namespace onecase::demo
