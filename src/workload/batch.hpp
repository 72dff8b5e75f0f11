#pragma once
// Batch allocation: a proposal for many cases at once that keeps capacity % as even as
// possible under the grade rules, preferring continuity. Pure; solved as a min-cost
// flow with Boost.Graph (successive shortest paths), not by hand.
//
// The model (docs/workload.md): source → each case (capacity 1) → each suitable
// candidate (cost 0 if they held the person before, else the continuity cost) → the
// candidate's k-th slot (capacity 1, cost rising with k: the increase of
// (capacity %)² × available ÷ 2176 when the k-th case of the batch's average points lands on them) → sink.
// A case with no suitable candidate goes to the sink at a prohibitive cost, that is,
// stays unassigned. Because slot costs rise, the flow fills each person's cheaper slots
// first. The slots charge each case as the batch's average weight (with a linear
// correction for its own), so the flow's answer is then improved by moving single cases
// while the exact objective falls; the greedy baseline is improved the same way and the
// better of the two is proposed.
//
// Exact objective: Σ over staff of (capacity % after)² × available ÷ 2176 (so the
// optimum evens out capacity %) + the continuity cost for each
// case given to someone who did not hold the person before + a prohibitive cost per
// unassigned case.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onecase::workload {

struct BatchStaff {
    std::string code;
    std::int64_t points = 0, available = 0;  // available 0: never assigned
};

struct BatchCase {
    std::string crn;
    std::int64_t points = 0;
    std::vector<std::size_t> suitable;    // indices into the staff; grade rules already applied
    std::vector<std::size_t> continuity;  // staff who held the person before (subset of suitable)
};

struct BatchOptions {
    std::int64_t continuity_bonus_percent = 10;
    // Each case considers only this many suitable candidates (the emptiest), plus any
    // who held the person before: keeps a PDU of 500 or a region of 10,000 fast.
    std::size_t candidates_per_case = 25;
};

struct BatchProposal {
    std::vector<std::optional<std::size_t>> assignment;  // per case: index into the staff, or none
    std::int64_t flow_cost = 0;   // the min-cost flow's optimum under its model (batch_cost of its answer)
    std::vector<std::optional<std::size_t>> flow_assignment;
    double objective = 0;         // exact_objective of `assignment`
};

BatchProposal propose_batch(const std::vector<BatchStaff>& staff, const std::vector<BatchCase>& cases,
                            const BatchOptions& options = {});

// The exact objective (see above) of any assignment.
double exact_objective(const std::vector<BatchStaff>& staff, const std::vector<BatchCase>& cases,
                       const std::vector<std::optional<std::size_t>>& assignment, const BatchOptions& options);

// The flow model's objective for any assignment (brute-force tests compare).
std::int64_t batch_cost(const std::vector<BatchStaff>& staff, const std::vector<BatchCase>& cases,
                        const std::vector<std::optional<std::size_t>>& assignment, const BatchOptions& options);

// The baseline: cases in order, each to the suitable candidate with the lowest capacity
// % after it (continuity first when within the bonus).
std::vector<std::optional<std::size_t>> greedy_batch(const std::vector<BatchStaff>& staff, const std::vector<BatchCase>& cases,
                                                     const BatchOptions& options = {});

// Population standard deviation of capacity % across staff with available points,
// after the assignment.
double capacity_spread(const std::vector<BatchStaff>& staff, const std::vector<BatchCase>& cases,
                       const std::vector<std::optional<std::size_t>>& assignment);

}  // namespace onecase::workload
