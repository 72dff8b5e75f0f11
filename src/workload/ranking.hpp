#pragma once
// Ranking candidates for one case, the grade-suitability rule table and the check of
// an SPO's choice. Pure.
#include <optional>
#include <string>
#include <vector>

#include "platform/result.hpp"
#include "workload/capacity.hpp"
#include "workload/model.hpp"

namespace onecase::workload {

struct CaseToAllocate {
    std::string crn;
    std::optional<std::string> tier;
    std::string rosh;       // "" or low, medium, high, very_high
    std::string case_type;  // community, licence, custody
};

struct Candidate {
    std::int64_t staff_id = 0;
    std::string staff_code, name, grade, team_code, office;
    std::int64_t points = 0, available_points = 0;
    std::map<std::string, std::int64_t> tier_counts;  // protect letter (A..D, "" untiered) -> cases
    std::int64_t cases = 0;
    std::int64_t recent_allocations = 0;  // in the last 7 days
    bool held_before = false;             // was this person's case manager before
    bool same_team = true;                // in the team whose queue the case is in
};

struct RankedCandidate {
    Candidate candidate;
    int rank = 0;  // 1 = best
    std::optional<double> capacity_percent, capacity_percent_after;
    bool grade_suitable = true;
    std::string grade_rule;  // why not suitable, or ""
    std::vector<std::string> reasons;
};

// Whether `grade` may hold the case under the rule table; `why` says which rule
// refused it.
bool grade_suitable(const WorkloadPolicy& policy, const std::string& grade, const CaseToAllocate& c, std::string* why);

// Best first: grade-suitable before unsuitable; then the lowest capacity % after this
// case (less the continuity bonus for someone who held the person before); then the
// fewest recent allocations; then staff code (so equal candidates keep a stable order).
std::vector<RankedCandidate> rank_candidates(const WorkloadPolicy& policy, const CaseToAllocate& c,
                                             std::vector<Candidate> candidates);

struct ChoiceCheck {
    bool against_ranking = false;
    bool against_grade_rule = false;
};

// Checks the SPO's choice: the staff code must be among the candidates, and a reason
// is required when the choice is not the best-ranked or breaks the grade rule.
// Field errors on "staffCode" and "reason".
Result<ChoiceCheck> check_choice(const std::vector<RankedCandidate>& ranked, const std::string& staff_code,
                                 const std::string& reason);

}  // namespace onecase::workload
