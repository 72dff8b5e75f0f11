// Workload micro-benchmarks (Google Benchmark): ranking one case over a team of 20, and
// a batch proposal for 1,000 cases over a PDU of 500 staff and over 10,000 staff, with
// the spread of capacity % against the greedy baseline reported as counters.
// Build: the `workload_bench` target (compiled -O2 whatever the build type). Results:
// docs/workload.md.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>

#include "workload/batch.hpp"
#include "workload/ranking.hpp"

namespace onecase::workload {
namespace {

struct Lcg {
    std::uint64_t s;
    std::uint64_t next() { return s = s * 6364136223846793005ULL + 1442695040888963407ULL; }
    std::int64_t between(std::int64_t lo, std::int64_t hi) { return lo + std::int64_t((next() >> 33) % std::uint64_t(hi - lo + 1)); }
};

struct Service {
    std::vector<BatchStaff> staff;
    std::vector<std::string> grades;
    std::vector<BatchCase> cases;
};

// Staff at 40-110% capacity with the demo's grade mix; cases with the demo's tier mix
// (points from the default model) and one in ten with someone who held them before.
Service service(std::size_t staff_count, std::size_t case_count) {
    const auto policy = default_policy();
    Lcg rng{42};
    Service s;
    for (std::size_t j = 0; j < staff_count; ++j) {
        const auto roll = rng.between(0, 99);
        s.grades.push_back(roll < 45 ? "PO" : roll < 85 ? "PSO" : "PQiP");
        const std::int64_t available = rng.between(0, 9) < 2 ? 1323 : 2176;
        s.staff.push_back({"S" + std::to_string(j), available * rng.between(40, 110) / 100, available});
    }
    for (std::size_t i = 0; i < case_count; ++i) {
        const std::string tier(kTiers[std::size_t(rng.between(0, 15))]);
        const std::string rosh = rng.between(0, 9) == 0 ? "high" : "";
        BatchCase c{"X" + std::to_string(100000 + i), case_points(policy, tier, "community"), {}, {}};
        const CaseToAllocate what{c.crn, tier, rosh, "community"};
        for (std::size_t j = 0; j < staff_count; ++j)
            if (grade_suitable(policy, s.grades[j], what, nullptr)) c.suitable.push_back(j);
        if (rng.between(0, 9) == 0 && !c.suitable.empty()) c.continuity.push_back(c.suitable[std::size_t(rng.between(0, std::int64_t(c.suitable.size()) - 1))]);
        s.cases.push_back(std::move(c));
    }
    return s;
}

void RankOneCaseInATeamOf20(benchmark::State& state) {
    const auto policy = default_policy();
    const auto s = service(20, 0);
    std::vector<Candidate> candidates;
    for (std::size_t j = 0; j < 20; ++j) {
        Candidate c;
        c.staff_code = s.staff[j].code;
        c.grade = s.grades[j];
        c.points = s.staff[j].points;
        c.available_points = s.staff[j].available;
        c.cases = 45;
        c.tier_counts = {{"A", 2}, {"B", 10}, {"C", 20}, {"D", 13}};
        candidates.push_back(c);
    }
    const CaseToAllocate what{"X100001", std::string("B2"), "high", "licence"};
    for (auto _ : state) benchmark::DoNotOptimize(rank_candidates(policy, what, candidates));
}
BENCHMARK(RankOneCaseInATeamOf20)->Unit(benchmark::kMicrosecond);

void BatchProposalForAQueue(benchmark::State& state) {
    const auto s = service(std::size_t(state.range(0)), std::size_t(state.range(1)));
    BatchProposal p;
    for (auto _ : state) p = propose_batch(s.staff, s.cases);
    const auto greedy = greedy_batch(s.staff, s.cases);
    state.counters["spread_proposal"] = capacity_spread(s.staff, s.cases, p.assignment);
    state.counters["spread_greedy"] = capacity_spread(s.staff, s.cases, greedy);
    auto kept = [&](const std::vector<std::optional<std::size_t>>& a) {
        double n = 0;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i] && std::find(s.cases[i].continuity.begin(), s.cases[i].continuity.end(), *a[i]) != s.cases[i].continuity.end()) ++n;
        return n;
    };
    state.counters["continuity_proposal"] = kept(p.assignment);
    state.counters["continuity_greedy"] = kept(greedy);
    state.counters["spread_before"] = capacity_spread(s.staff, s.cases, std::vector<std::optional<std::size_t>>(s.cases.size()));
}
BENCHMARK(BatchProposalForAQueue)->Args({500, 1000})->Args({10000, 1000})->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace onecase::workload

BENCHMARK_MAIN();
