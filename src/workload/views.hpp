#pragma once
// Measures staff from storage and turns the results into JSON for the API and the
// pages, and the team chart as SVG.
#include <boost/json.hpp>

#include <string>
#include <vector>

#include "workload/capacity.hpp"
#include "workload/store.hpp"

namespace onecase::workload {

struct StaffWorkload {
    StaffRecord staff;
    PointsBreakdown points;
    Availability availability;
    std::optional<double> capacity;
    std::vector<ReductionRecord> reductions;
};

// Measures one staff member from what load_held_work read. Pure.
StaffWorkload measure(const WorkloadPolicy& policy, const StaffRecord& staff, const HeldWork& work, const Period& period,
                      platform::Date today);

// Reads and measures every member of the scope whose grade the policy measures.
std::vector<StaffWorkload> measure_scope(db::Connection& conn, const WorkloadPolicy& policy, Scope scope, std::int64_t id,
                                         platform::Date today);

// "83.4" or null.
boost::json::value percent_json(std::optional<double> p);
std::string percent_text(std::optional<double> p);

// The API form: points, availablePoints, capacityPercent and the breakdown.
boost::json::object staff_workload_json(const StaffWorkload& w, const WorkloadPolicy& policy, const Period& period);
// Totals over several staff members.
boost::json::object totals_json(const std::vector<StaffWorkload>& ws);

// A horizontal bar chart of capacity % with a 100% line; text is escaped here.
std::string capacity_chart_svg(const std::vector<StaffWorkload>& ws, const std::string& title);

std::string html_escape(const std::string& s);

}  // namespace onecase::workload
