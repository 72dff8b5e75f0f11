#include "workload/batch.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>
// After the solver: find_flow_cost.hpp needs the named-parameter machinery it brings.
#include <boost/graph/find_flow_cost.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace onecase::workload {

namespace {

// Costs are in hundredths of a (percentage point)² so they stay whole numbers.
constexpr double kScale = 100.0;
constexpr std::int64_t kUnassigned = 1'000'000'000;

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using Graph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<boost::edge_capacity_t, long,
                    boost::property<boost::edge_residual_capacity_t, long,
                                    boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                                    boost::property<boost::edge_weight_t, double>>>>>;
using Edge = Traits::edge_descriptor;

double mean_points(const std::vector<BatchCase>& cases) {
    if (cases.empty()) return 0;
    double sum = 0;
    for (const auto& c : cases) sum += double(c.points);
    return sum / double(cases.size());
}

// Each person's term of the objective: (capacity %)² weighted by their share of a
// full-time PO's points, x² × available ÷ 2176. Weighting by available points is what
// makes the optimum even out capacity % (for a fixed total, Σ load² ÷ available is least
// when load ÷ available is the same for everyone); plain Σ x² would favour people
// with more available points.
constexpr double kReferencePoints = 2176;
double term(double load, double available) {
    const double x = 100.0 * load / available;
    return x * x * available / kReferencePoints;
}

// The increase of the person's term when the k-th batch case (k from 1) of average
// weight lands on someone holding `points`.
std::int64_t slot_cost(const BatchStaff& s, std::size_t k, double step) {
    const double a = double(s.available);
    return std::llround((term(double(s.points) + double(k) * step, a) - term(double(s.points) + double(k - 1) * step, a)) * kScale);
}

// What not holding the person before costs: the bonus's worth in (capacity %)² at the
// staff's mean capacity x, d(x²) ≈ 2 × x × bonus, so continuity weighs as it does in
// the one-case ranking (a bonus of that many percentage points).
double mean_capacity(const std::vector<BatchStaff>& staff) {
    double sum = 0;
    int n = 0;
    for (const auto& s : staff)
        if (s.available > 0) {
            sum += 100.0 * double(s.points) / double(s.available);
            ++n;
        }
    return n ? std::max(1.0, sum / n) : 1.0;
}
std::int64_t continuity_cost(const std::vector<BatchStaff>& staff, const BatchOptions& o) {
    return std::llround(2.0 * mean_capacity(staff) * double(o.continuity_bonus_percent) * kScale);
}

// Slots charge every case as the batch's average; this corrects for case i's own weight
// on j, linearised at j's load before the batch:
//   (2x + dᵢ)·dᵢ − (2x + d̄)·d̄ with x = 100 × points ÷ available, d = 100 × case points ÷ available.
double weight_correction(const BatchStaff& s, const BatchCase& c, double step) {
    const double a = double(s.available), l = double(s.points);
    return ((term(l + double(c.points), a) - term(l, a)) - (term(l + step, a) - term(l, a))) * kScale;
}

bool held(const BatchCase& c, std::size_t j) { return std::find(c.continuity.begin(), c.continuity.end(), j) != c.continuity.end(); }

// The candidates a case considers: the emptiest suitable ones, and continuity.
std::vector<std::size_t> considered(const std::vector<BatchStaff>& staff, const BatchCase& c, const BatchOptions& o) {
    std::vector<std::size_t> out;
    for (auto j : c.suitable)
        if (staff[j].available > 0) out.push_back(j);
    if (out.size() > o.candidates_per_case) {
        std::partial_sort(out.begin(), out.begin() + std::ptrdiff_t(o.candidates_per_case), out.end(), [&](std::size_t a, std::size_t b) {
            const double x = double(staff[a].points) / double(staff[a].available);
            const double y = double(staff[b].points) / double(staff[b].available);
            return x != y ? x < y : a < b;
        });
        std::vector<std::size_t> keep(out.begin(), out.begin() + std::ptrdiff_t(o.candidates_per_case));
        for (auto j : c.continuity)
            if (staff[j].available > 0 && std::find(keep.begin(), keep.end(), j) == keep.end() &&
                std::find(c.suitable.begin(), c.suitable.end(), j) != c.suitable.end())
                keep.push_back(j);
        out = std::move(keep);
    }
    return out;
}

// The cost of each edge of case i (including staying unassigned), shifted by one
// constant per case so none is negative (every case takes exactly one of its edges, so
// the shift changes no choice).
struct CaseCosts {
    std::vector<std::pair<std::size_t, std::int64_t>> to_staff;
    std::int64_t unassigned = 0;
};

CaseCosts case_costs(const std::vector<BatchStaff>& staff, const BatchCase& c, const std::vector<std::size_t>& candidates,
                     double step, std::int64_t not_held) {
    CaseCosts out;
    std::vector<double> raw;
    double lowest = 0;
    for (auto j : candidates) {
        raw.push_back(weight_correction(staff[j], c, step) + (held(c, j) ? 0.0 : double(not_held)));
        lowest = std::min(lowest, raw.back());
    }
    for (std::size_t k = 0; k < candidates.size(); ++k) out.to_staff.push_back({candidates[k], std::llround(raw[k] - lowest)});
    out.unassigned = kUnassigned + std::llround(-lowest);
    return out;
}

// Moves single cases to another considered candidate (or from unassigned) while the
// exact objective falls; stops when a pass finds no improving move.
std::vector<std::optional<std::size_t>> improve(const std::vector<BatchStaff>& staff, const std::vector<BatchCase>& cases,
                                                std::vector<std::optional<std::size_t>> a, const BatchOptions& options) {
    std::vector<double> load(staff.size());
    for (std::size_t j = 0; j < staff.size(); ++j) load[j] = double(staff[j].points);
    for (std::size_t i = 0; i < cases.size(); ++i)
        if (a[i]) load[*a[i]] += double(cases[i].points);
    const double not_held = double(continuity_cost(staff, options)) / kScale;
    auto sq = [&](std::size_t j, double l) { return term(l, double(staff[j].available)); };
    std::vector<std::vector<std::size_t>> options_of(cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) options_of[i] = considered(staff, cases[i], options);
    for (int pass = 0; pass < 50; ++pass) {
        bool moved = false;
        for (std::size_t i = 0; i < cases.size(); ++i) {
            const double p = double(cases[i].points);
            // What case i costs where it is now.
            double here = double(kUnassigned);
            if (a[i]) {
                const auto j = *a[i];
                here = sq(j, load[j]) - sq(j, load[j] - p) + (held(cases[i], j) ? 0 : not_held);
            }
            std::optional<std::size_t> best;
            double best_cost = here - 1e-9;
            for (auto k : options_of[i]) {
                if (a[i] && k == *a[i]) continue;
                const double there = sq(k, load[k] + p) - sq(k, load[k]) + (held(cases[i], k) ? 0 : not_held);
                if (there < best_cost) {
                    best_cost = there;
                    best = k;
                }
            }
            if (!best) continue;
            if (a[i]) load[*a[i]] -= p;
            load[*best] += p;
            a[i] = best;
            moved = true;
        }
        if (!moved) break;
    }
    return a;
}

}  // namespace

BatchProposal propose_batch(const std::vector<BatchStaff>& staff, const std::vector<BatchCase>& cases, const BatchOptions& options) {
    BatchProposal out;
    out.assignment.assign(cases.size(), std::nullopt);
    if (cases.empty()) return out;
    const double step = mean_points(cases);
    const auto n = cases.size(), m = staff.size();
    // Vertices: 0 source, 1 sink, then cases, then staff.
    Graph g(2 + n + m);
    auto capacity = boost::get(boost::edge_capacity, g);
    auto reverse = boost::get(boost::edge_reverse, g);
    auto weight = boost::get(boost::edge_weight, g);
    auto residual = boost::get(boost::edge_residual_capacity, g);
    auto add = [&](std::size_t u, std::size_t v, long cap, std::int64_t integer_cost) {
        // Costs are whole numbers, carried as doubles (exact below 2^53): Boost's
        // solver adds "infinite" distances of vertices it cannot reach, which
        // overflows a signed integer type (undefined behaviour) but is harmless
        // infinity arithmetic in floating point. Those vertices stay unreachable, so
        // their distances never enter a result.
        const double cost = double(integer_cost);
        Edge e = boost::add_edge(u, v, g).first;
        Edge r = boost::add_edge(v, u, g).first;
        capacity[e] = cap;
        capacity[r] = 0;
        weight[e] = cost;
        weight[r] = -cost;
        reverse[e] = r;
        reverse[r] = e;
        return e;
    };
    const std::size_t source = 0, sink = 1;
    auto case_vertex = [](std::size_t i) { return 2 + i; };
    auto staff_vertex = [n](std::size_t j) { return 2 + n + j; };
    std::vector<std::vector<std::pair<std::size_t, Edge>>> case_edges(n);
    std::vector<std::size_t> listed(m, 0);
    const auto not_held = continuity_cost(staff, options);
    for (std::size_t i = 0; i < n; ++i) {
        const auto costs = case_costs(staff, cases[i], considered(staff, cases[i], options), step, not_held);
        add(source, case_vertex(i), 1, 0);
        add(case_vertex(i), sink, 1, costs.unassigned);
        for (const auto& [j, cost] : costs.to_staff) {
            case_edges[i].push_back({j, add(case_vertex(i), staff_vertex(j), 1, cost)});
            ++listed[j];
        }
    }
    // Nobody can take more cases than list them; slots beyond that are never used.
    for (std::size_t j = 0; j < m; ++j)
        for (std::size_t k = 1; k <= listed[j]; ++k) add(staff_vertex(j), sink, 1, slot_cost(staff[j], k, step));

    boost::successive_shortest_path_nonnegative_weights(g, source, sink);
    out.flow_cost = std::llround(boost::find_flow_cost(g));
    out.flow_assignment.assign(n, std::nullopt);
    for (std::size_t i = 0; i < n; ++i)
        for (const auto& [j, e] : case_edges[i])
            if (capacity[e] - residual[e] == 1) out.flow_assignment[i] = j;

    auto from_flow = improve(staff, cases, out.flow_assignment, options);
    auto from_greedy = improve(staff, cases, greedy_batch(staff, cases, options), options);
    const double a = exact_objective(staff, cases, from_flow, options);
    const double b = exact_objective(staff, cases, from_greedy, options);
    out.assignment = a <= b ? std::move(from_flow) : std::move(from_greedy);
    out.objective = std::min(a, b);
    return out;
}

double exact_objective(const std::vector<BatchStaff>& staff, const std::vector<BatchCase>& cases,
                       const std::vector<std::optional<std::size_t>>& assignment, const BatchOptions& options) {
    std::vector<double> load(staff.size());
    for (std::size_t j = 0; j < staff.size(); ++j) load[j] = double(staff[j].points);
    double total = 0;
    const double not_held = double(continuity_cost(staff, options)) / kScale;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        if (!assignment[i]) {
            total += double(kUnassigned);
            continue;
        }
        load[*assignment[i]] += double(cases[i].points);
        if (!held(cases[i], *assignment[i])) total += not_held;
    }
    for (std::size_t j = 0; j < staff.size(); ++j)
        if (staff[j].available > 0) total += term(load[j], double(staff[j].available));
    return total;
}

std::int64_t batch_cost(const std::vector<BatchStaff>& staff, const std::vector<BatchCase>& cases,
                        const std::vector<std::optional<std::size_t>>& assignment, const BatchOptions& options) {
    const double step = mean_points(cases);
    const auto not_held = continuity_cost(staff, options);
    std::vector<std::size_t> count(staff.size(), 0);
    std::int64_t cost = 0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto costs = case_costs(staff, cases[i], considered(staff, cases[i], options), step, not_held);
        if (!assignment[i]) {
            cost += costs.unassigned;
            continue;
        }
        const auto j = *assignment[i];
        for (const auto& [k, c] : costs.to_staff)
            if (k == j) cost += c;
        cost += slot_cost(staff[j], ++count[j], step);
    }
    return cost;
}

std::vector<std::optional<std::size_t>> greedy_batch(const std::vector<BatchStaff>& staff, const std::vector<BatchCase>& cases,
                                                     const BatchOptions& options) {
    std::vector<std::int64_t> load(staff.size());
    for (std::size_t j = 0; j < staff.size(); ++j) load[j] = staff[j].points;
    std::vector<std::optional<std::size_t>> out(cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        double best = 0;
        for (auto j : cases[i].suitable) {
            if (staff[j].available <= 0) continue;
            double after = 100.0 * double(load[j] + cases[i].points) / double(staff[j].available);
            if (held(cases[i], j)) after -= double(options.continuity_bonus_percent);
            if (!out[i] || after < best) {
                out[i] = j;
                best = after;
            }
        }
        if (out[i]) load[*out[i]] += cases[i].points;
    }
    return out;
}

double capacity_spread(const std::vector<BatchStaff>& staff, const std::vector<BatchCase>& cases,
                       const std::vector<std::optional<std::size_t>>& assignment) {
    std::vector<std::int64_t> load(staff.size());
    for (std::size_t j = 0; j < staff.size(); ++j) load[j] = staff[j].points;
    for (std::size_t i = 0; i < cases.size(); ++i)
        if (assignment[i]) load[*assignment[i]] += cases[i].points;
    std::vector<double> pct;
    for (std::size_t j = 0; j < staff.size(); ++j)
        if (staff[j].available > 0) pct.push_back(100.0 * double(load[j]) / double(staff[j].available));
    if (pct.empty()) return 0;
    const double mean = std::accumulate(pct.begin(), pct.end(), 0.0) / double(pct.size());
    double var = 0;
    for (double p : pct) var += (p - mean) * (p - mean);
    return std::sqrt(var / double(pct.size()));
}

}  // namespace onecase::workload
