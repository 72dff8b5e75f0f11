// The batch allocation solver: every proposal is feasible (suitable staff only, each
// case at most once), it is optimal for its objective (checked against brute force on
// small cases), and it spreads capacity at least as evenly as the greedy baseline.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>

#include "workload/batch.hpp"

namespace onecase::workload {
namespace {

// A small deterministic generator so the cases are the same on every machine.
struct Lcg {
    std::uint64_t s;
    std::uint64_t next() { return s = s * 6364136223846793005ULL + 1442695040888963407ULL; }
    std::int64_t between(std::int64_t lo, std::int64_t hi) { return lo + std::int64_t((next() >> 33) % std::uint64_t(hi - lo + 1)); }
};

struct Instance {
    std::vector<BatchStaff> staff;
    std::vector<BatchCase> cases;
};

Instance random_instance(std::uint64_t seed, std::size_t staff_count, std::size_t case_count) {
    Lcg rng{seed};
    Instance in;
    for (std::size_t j = 0; j < staff_count; ++j)
        in.staff.push_back({"S" + std::to_string(j), rng.between(0, 1800), j == 0 && staff_count > 2 ? 0 : rng.between(1000, 2176)});
    for (std::size_t i = 0; i < case_count; ++i) {
        BatchCase c{"X" + std::to_string(100000 + i), rng.between(29, 219), {}, {}};
        for (std::size_t j = 0; j < staff_count; ++j)
            if (rng.between(0, 3) > 0) c.suitable.push_back(j);
        if (!c.suitable.empty() && rng.between(0, 4) == 0) c.continuity.push_back(c.suitable.front());
        in.cases.push_back(std::move(c));
    }
    return in;
}

void expect_feasible(const Instance& in, const std::vector<std::optional<std::size_t>>& a) {
    ASSERT_EQ(a.size(), in.cases.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a[i]) continue;
        const auto& s = in.cases[i].suitable;
        EXPECT_NE(std::find(s.begin(), s.end(), *a[i]), s.end()) << "case " << i << " went to an unsuitable grade";
        EXPECT_GT(in.staff[*a[i]].available, 0) << "nobody without available points gets a case";
    }
}

std::int64_t brute_force_best(const Instance& in, const BatchOptions& o) {
    std::vector<std::optional<std::size_t>> a(in.cases.size());
    std::int64_t best = INT64_MAX;
    std::function<void(std::size_t)> go = [&](std::size_t i) {
        if (i == in.cases.size()) {
            best = std::min(best, batch_cost(in.staff, in.cases, a, o));
            return;
        }
        a[i] = std::nullopt;
        go(i + 1);
        for (auto j : in.cases[i].suitable) {
            if (in.staff[j].available <= 0) continue;
            a[i] = j;
            go(i + 1);
        }
    };
    go(0);
    return best;
}

TEST(WorkloadBatch, MatchesTheBruteForceOptimumOnSmallCases) {
    const BatchOptions o;
    for (std::uint64_t seed = 1; seed <= 25; ++seed) {
        const auto in = random_instance(seed, 3 + seed % 2, 4 + seed % 3);
        const auto p = propose_batch(in.staff, in.cases, o);
        expect_feasible(in, p.flow_assignment);
        expect_feasible(in, p.assignment);
        // The flow is optimal for its model…
        EXPECT_EQ(p.flow_cost, batch_cost(in.staff, in.cases, p.flow_assignment, o)) << "seed " << seed;
        EXPECT_EQ(p.flow_cost, brute_force_best(in, o)) << "seed " << seed;
        // …and the proposal never worse than the flow's answer or the greedy one, exactly.
        EXPECT_LE(p.objective, exact_objective(in.staff, in.cases, p.flow_assignment, o) + 1e-6);
        EXPECT_LE(p.objective, exact_objective(in.staff, in.cases, greedy_batch(in.staff, in.cases, o), o) + 1e-6);
    }
}

TEST(WorkloadBatch, ACaseNoGradeSuitsStaysUnassigned) {
    const std::vector<BatchStaff> staff{{"PO1", 100, 2176}, {"PSO1", 0, 2176}};
    const std::vector<BatchCase> cases{{"X100001", 100, {0}, {}}, {"X100002", 100, {}, {}}};
    const auto p = propose_batch(staff, cases);
    EXPECT_EQ(p.assignment[0], std::optional<std::size_t>(0));
    EXPECT_FALSE(p.assignment[1].has_value());
}

TEST(WorkloadBatch, SpreadsEvenlyAndPrefersContinuity) {
    // Four equal cases over two empty POs: two each.
    const std::vector<BatchStaff> staff{{"A", 0, 2000}, {"B", 0, 2000}};
    std::vector<BatchCase> cases;
    for (int i = 0; i < 4; ++i) cases.push_back({"X10000" + std::to_string(i), 100, {0, 1}, {}});
    auto p = propose_batch(staff, cases);
    int to_a = 0;
    for (auto& a : p.assignment) to_a += a == std::optional<std::size_t>(0);
    EXPECT_EQ(to_a, 2);
    // One of them was held by B before: B keeps that one.
    cases[0].continuity = {1};
    p = propose_batch(staff, cases);
    EXPECT_EQ(p.assignment[0], std::optional<std::size_t>(1));
}

TEST(WorkloadBatch, NoWorseSpreadThanGreedyOnALargerQueue) {
    auto in = random_instance(99, 40, 120);
    for (auto& c : in.cases) c.continuity.clear();  // spread alone
    const auto p = propose_batch(in.staff, in.cases);
    const auto g = greedy_batch(in.staff, in.cases);
    expect_feasible(in, p.assignment);
    expect_feasible(in, g);
    EXPECT_LE(p.objective, exact_objective(in.staff, in.cases, g, {}));
    EXPECT_LE(capacity_spread(in.staff, in.cases, p.assignment), capacity_spread(in.staff, in.cases, g));
}

}  // namespace
}  // namespace onecase::workload
