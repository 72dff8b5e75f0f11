#pragma once
// The demo's workload facts: contracted hours, dated reductions and a few reports
// credited to staff. Pure and deterministic per staff member (its own random stream),
// so it costs nothing measurable at national scale.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "demo/organisation.hpp"

namespace onecase::demo {

// Weekly contracted minutes, or nullopt for the grade's full time (most staff).
std::optional<std::int64_t> contracted_minutes_for(const StaffMember& s, std::uint64_t seed);

struct ReductionRow {
    std::int64_t staff_id;
    std::string reason;
    std::int64_t minutes_per_week;
    std::string start_date;
    std::optional<std::string> end_date;
    std::string notes;
};

struct TaskRow {
    std::int64_t staff_id;
    std::string kind, task_date;
};

// About one practitioner in eight has a reduction, some starting or ending within the
// current month. `demo_po_team_id`: one practitioner there always has one, so the
// demo SPO's team view shows it.
std::vector<ReductionRow> reductions_for(const Organisation& org, std::uint64_t seed, std::chrono::sys_days today,
                                         std::int64_t demo_po_team_id, std::int64_t demo_po_staff_id);

// Reports in the last 30 days for about one PO or PSO in three.
std::vector<TaskRow> tasks_for(const Organisation& org, std::uint64_t seed, std::chrono::sys_days today);

}  // namespace onecase::demo
