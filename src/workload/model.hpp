#pragma once
// Plain types of the workload measure and of allocation. See docs/workload.md for
// where every default comes from.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.hpp"

namespace onecase::workload {

// The 16 tiers, highest first (docs/tiering.md).
inline constexpr std::array<std::string_view, 16> kTiers = {"A3", "A2", "A1", "A0", "B3", "B2", "B1", "B0",
                                                            "C3", "C2", "C1", "C0", "D3", "D2", "D1", "D0"};
// The case types a case weighs by: community order or SSO, licence or PSS, custody
// (held by a Prison Offender Manager before release).
inline constexpr std::array<std::string_view, 3> kCaseTypes = {"community", "licence", "custody"};
// Reports and other weighted tasks a staff member is credited with.
inline constexpr std::array<std::string_view, 8> kTaskKinds = {
    "psr_standard", "psr_fast", "psr_oral", "parole_report", "breach_report", "recall_report", "court_duty",
    "upw_supervision"};
// Why a member of staff has fewer hours for cases.
inline constexpr std::array<std::string_view, 4> kReductionReasons = {"training", "union_duties", "ill_health", "other"};

std::string_view task_label(std::string_view kind);
std::string_view reduction_reason_label(std::string_view reason);
std::string_view case_type_label(std::string_view type);
// The case type of a disposal (events.disposal_type).
std::string_view case_type_of_disposal(std::string_view disposal_type);

// Points available to a full-time member of a grade, and the weekly hours that
// "full time" means for that grade. Contracted hours scale the points.
struct GradeCapacity {
    std::int64_t nominal_points = 0;
    std::int64_t contracted_minutes = 0;  // per week
};

// One row of the grade-suitability table: a case matching `rosh` (a RoSH level code)
// or `protect` (the tier's letter) may be held only by `grades`.
struct GradeRule {
    std::string rosh;     // "" or low, medium, high, very_high
    std::string protect;  // "" or A, B, C, D
    std::vector<std::string> grades;
};

struct WorkloadPolicy {
    int version = 1;
    platform::Date effective_from{std::chrono::year{1900}, std::chrono::January, std::chrono::day{1}};
    // case type -> tier -> points per case
    std::map<std::string, std::map<std::string, std::int64_t>> tier_points;
    // points a case with no tier yet weighs, per case type
    std::map<std::string, std::int64_t> untiered_points;
    // report or task kind -> points for each one in the window
    std::map<std::string, std::int64_t> task_points;
    std::int64_t task_window_days = 30;
    std::map<std::string, GradeCapacity> grades;
    std::vector<GradeRule> grade_rules;
    // The grades offered as candidates when allocating (SPOs are measured, not allocated to).
    std::vector<std::string> allocatable_grades;
    // Ranking: percentage points taken off a candidate's capacity after allocation
    // when they held this person before (continuity).
    std::int64_t continuity_bonus_percent = 10;
    // An unallocated case is due for allocation this many working days after its
    // sentence or release starts.
    std::int64_t allocation_due_working_days = 2;
};

// The defaults built into onecase: HMPPS's published weightings where they exist,
// onecase's documented choices elsewhere (docs/workload.md says which is which).
WorkloadPolicy default_policy();

// The version in force on `day` among `versions` (sorted by version): the highest
// version whose effective_from is on or before `day`; the first when none is.
const WorkloadPolicy& policy_in_force(const std::vector<WorkloadPolicy>& versions, platform::Date day);

}  // namespace onecase::workload
