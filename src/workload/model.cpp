#include "workload/model.hpp"

#include <stdexcept>

namespace onecase::workload {

std::string_view task_label(std::string_view kind) {
    if (kind == "psr_standard") return "Pre-sentence report (standard)";
    if (kind == "psr_fast") return "Pre-sentence report (fast delivery)";
    if (kind == "psr_oral") return "Pre-sentence report (oral)";
    if (kind == "parole_report") return "Parole report (PAROM1)";
    if (kind == "breach_report") return "Breach report";
    if (kind == "recall_report") return "Recall report";
    if (kind == "court_duty") return "Court duty session";
    if (kind == "upw_supervision") return "Unpaid work supervision session";
    return kind;
}

std::string_view reduction_reason_label(std::string_view reason) {
    if (reason == "training") return "Training";
    if (reason == "union_duties") return "Union duties";
    if (reason == "ill_health") return "Ill health";
    if (reason == "other") return "Other";
    return reason;
}

std::string_view case_type_label(std::string_view type) {
    if (type == "community") return "Community";
    if (type == "licence") return "Licence";
    if (type == "custody") return "Custody";
    return type;
}

std::string_view case_type_of_disposal(std::string_view d) {
    if (d == "licence" || d == "pss") return "licence";
    if (d == "custody") return "custody";
    return "community";
}

WorkloadPolicy default_policy() {
    WorkloadPolicy p;
    // ministryofjustice/hmpps-workload, src/main/resources/db/migration/V1_1__SEED_REF_DATA.sql,
    // the workload_points row with is_t2a = false; columns comm/lic/cust_tier_1..16 are
    // A3..D0 in that order (jpa/entity/CommunityTierPoints.kt). docs/workload.md.
    constexpr std::array<std::int64_t, 16> community = {206, 158, 146, 110, 146, 115, 102, 72,
                                                        79,  63,  50,  35,  51,  41,  29,  29};
    constexpr std::array<std::int64_t, 16> licence = {219, 175, 163, 0, 161, 132, 119, 0, 77, 65, 52, 0, 51, 43, 31, 0};
    constexpr std::array<std::int64_t, 16> custody = {75, 60, 59, 0, 59, 48, 47, 0, 30, 24, 23, 0, 17, 14, 13, 0};
    for (std::size_t i = 0; i < kTiers.size(); ++i) {
        const std::string tier(kTiers[i]);
        p.tier_points["community"][tier] = community[i];
        p.tier_points["licence"][tier] = licence[i];
        p.tier_points["custody"][tier] = custody[i];
    }
    // onecase's choice: a case awaiting its first assessment weighs as C2 of its type
    // (a middle tier), so an untiered case is never free. HMPPS publishes no value.
    p.untiered_points = {{"community", 63}, {"licence", 65}, {"custody", 24}};
    // sdr 138, sdr_conversion 65 and parom 120 from the same seed row; the rest are
    // onecase's documented choices (HMPPS publishes none).
    p.task_points = {{"psr_standard", 138}, {"psr_fast", 65},        {"psr_oral", 30},   {"parole_report", 120},
                     {"breach_report", 30}, {"recall_report", 60},   {"court_duty", 40}, {"upw_supervision", 20}};
    p.task_window_days = 30;
    // nominal_target_po 2176 (also used for PSO by WorkloadPointsEntity.getDefaultPointsAvailable),
    // nominal_target_spo 2176; default_contracted_hours_po/pso 37. PQiP takes the PO figures
    // (getDefaultContractedHours); SPO full-time hours 37 is onecase's (HMPPS seeds 0).
    p.grades = {{"PO", {2176, 37 * 60}}, {"PQiP", {2176, 37 * 60}}, {"PSO", {2176, 37 * 60}}, {"SPO", {2176, 37 * 60}}};
    p.grade_rules = {{"very_high", "", {"PO"}}, {"high", "", {"PO"}}, {"", "A", {"PO"}}, {"", "B", {"PO", "PQiP"}}};
    p.allocatable_grades = {"PO", "PQiP", "PSO"};
    p.continuity_bonus_percent = 10;
    return p;
}

const WorkloadPolicy& policy_in_force(const std::vector<WorkloadPolicy>& versions, platform::Date day) {
    if (versions.empty()) throw std::logic_error("no workload policy versions");
    const WorkloadPolicy* chosen = &versions.front();
    for (const auto& v : versions) {
        if (std::chrono::sys_days(v.effective_from) <= std::chrono::sys_days(day)) chosen = &v;
    }
    return *chosen;
}

}  // namespace onecase::workload
