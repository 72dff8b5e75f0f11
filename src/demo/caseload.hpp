#pragma once
// Decides where each synthetic person's case sits: current or terminated, its tier,
// its team and case manager. Pure and deterministic per person, so people can be
// generated in batches on another thread.
#include <cstdint>
#include <vector>

#include "demo/organisation.hpp"
#include "demo/person.hpp"

namespace onecase::demo {

struct CaseloadPlan {
    std::int64_t current_people = 0;  // ids 1..current_people are current cases
    std::int64_t past_people = 0;     // the ids after them are terminated cases
    // Named caseloads for the demo users: the first ids go to them.
    std::int64_t demo_po_staff_id = 0, demo_po_caseload = 0;
    std::int64_t demo_other_staff_id = 0, demo_other_caseload = 0;
    // The last current ids wait for allocation, this many per team.
    std::int64_t awaiting_per_team = 0;
    // And this many more in the demo users' team, so demo.spo has a queue to work.
    std::int64_t demo_team_awaiting = 0;

    std::int64_t total() const { return current_people + past_people; }
};

// Chooses the demo users' staff records (a London PO with a caseload, and a PO in
// another region) and sizes the plan for `scale`.
CaseloadPlan plan_caseloads(const Organisation& org, DemoScale scale, std::uint64_t seed);

// Where person `person_id` (1..plan.total()) sits. High-risk tiers (protect level A
// and B) go to POs (B also to trainees); PSOs hold C and D. The demo users' staff
// get no cases beyond their named caseloads.
Placement place_person(const Organisation& org, const CaseloadPlan& plan, std::int64_t person_id, std::uint64_t seed);

}  // namespace onecase::demo
