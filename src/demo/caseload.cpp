#include "demo/caseload.hpp"

#include <array>
#include <stdexcept>
#include <string_view>

#include "demo/random.hpp"

namespace onecase::demo {

namespace {

constexpr std::uint64_t kPlanStream = 3;
constexpr std::uint64_t kPlacementStream = 4;

// Roughly the national tier mix: most cases at C and D, few at A.
constexpr std::array<std::string_view, 16> kTiers = {"A3", "A2", "A1", "A0", "B3", "B2", "B1", "B0",
                                                     "C3", "C2", "C1", "C0", "D3", "D2", "D1", "D0"};
constexpr std::array<int, 16> kTierWeights = {1, 1, 1, 1, 4, 7, 6, 2, 6, 12, 12, 4, 3, 10, 12, 7};
// The National Security Division holds the highest-risk cases.
constexpr std::array<int, 16> kNsdTierWeights = {6, 5, 3, 2, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0};

bool suits(std::string_view grade, char protect) {
    if (protect == 'A') return grade == "PO";
    if (protect == 'B') return grade == "PO" || grade == "PQiP";
    return true;
}

}  // namespace

CaseloadPlan plan_caseloads(const Organisation& org, DemoScale scale, std::uint64_t seed) {
    Random rng(derive_seed(seed, kPlanStream, 0));
    CaseloadPlan plan;
    const bool small = scale == DemoScale::small;
    plan.current_people = small ? 400 : 240'000;
    plan.past_people = small ? 200 : 760'000;
    plan.awaiting_per_team = small ? 1 : 3;
    plan.demo_team_awaiting = 4;

    auto first_po_in = [&](std::string_view region_code, std::int64_t not_team) -> std::int64_t {
        for (const auto& team : org.teams) {
            if (team.id == not_team || org.regions[org.pdus[team.pdu_index].region_index].code != region_code) continue;
            for (auto id : team.practitioners) {
                if (org.staff_member(id).grade == "PO") return id;
            }
        }
        throw std::logic_error("no PO in region " + std::string(region_code));
    };
    plan.demo_po_staff_id = first_po_in("LDN", 0);
    plan.demo_other_staff_id = first_po_in("WAL", 0);
    // Fixed, so benchmarks and journeys can rely on it (docs/benchmarks.md quotes 45).
    plan.demo_po_caseload = 45;
    plan.demo_other_caseload = rng.between(30, 45);
    return plan;
}

Placement place_person(const Organisation& org, const CaseloadPlan& plan, std::int64_t id, std::uint64_t seed) {
    Random rng(derive_seed(seed, kPlacementStream, std::uint64_t(id)));
    Placement p;
    p.person_id = id;
    p.current = id <= plan.current_people;
    const auto teams = static_cast<std::int64_t>(org.teams.size());
    const std::int64_t awaiting = plan.awaiting_per_team * teams;
    auto draw_tier = [&](bool nsd) -> std::optional<std::string> {
        // About one current case in twelve has no tier yet (assessment not done).
        if (rng.chance(0.08)) return std::nullopt;
        return std::string(kTiers[rng.weighted(nsd ? kNsdTierWeights : kTierWeights)]);
    };
    auto with_named = [&](std::int64_t staff_id) {
        p.case_manager_staff_id = staff_id;
        p.team_index = std::size_t(org.staff_member(staff_id).team_id - 1);
        p.tier = draw_tier(false);
        if (p.tier && !suits("PO", (*p.tier)[0])) p.tier.reset();
        return p;
    };

    if (p.current && id <= plan.demo_po_caseload) return with_named(plan.demo_po_staff_id);
    if (p.current && id <= plan.demo_po_caseload + plan.demo_other_caseload) return with_named(plan.demo_other_staff_id);
    if (p.current && id > plan.current_people - awaiting) {
        p.awaiting_allocation = true;
        p.team_index = std::size_t((plan.current_people - id) % teams);
        return p;  // no case manager and no tier until allocated and assessed
    }
    if (p.current && id > plan.current_people - awaiting - plan.demo_team_awaiting) {
        p.awaiting_allocation = true;
        p.team_index = std::size_t(org.staff_member(plan.demo_po_staff_id).team_id - 1);
        return p;
    }

    // Any other case: a practitioner in a random team, re-drawn until the grade suits
    // the tier. Teams are equally likely, which spreads cases evenly enough.
    for (int tries = 0;; ++tries) {
        const auto team_index = std::size_t(rng.below(org.teams.size()));
        const Team& team = org.teams[team_index];
        const auto staff_id = rng.pick(team.practitioners);
        if (staff_id == plan.demo_po_staff_id || staff_id == plan.demo_other_staff_id) continue;
        const auto tier = p.current ? draw_tier(org.national_security(team)) : std::nullopt;
        const auto& grade = org.staff_member(staff_id).grade;
        // Trainees carry a protected, smaller caseload.
        if (tries < 20 && ((tier && !suits(grade, (*tier)[0])) || (grade == "PQiP" && rng.chance(0.5)))) continue;
        p.team_index = team_index;
        p.case_manager_staff_id = staff_id;
        p.tier = tier;
        return p;
    }
}

}  // namespace onecase::demo
