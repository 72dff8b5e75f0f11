#include "workload/ranking.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace onecase::workload {

namespace {

std::string rosh_words(const std::string& code) {
    if (code == "very_high") return "very high";
    return code;
}

std::string percent_text(std::optional<double> p) {
    if (!p) return "no available points";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", *p);
    return buf;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : i + 1 == items.size() ? " or " : ", ") + items[i];
    return out;
}

}  // namespace

bool grade_suitable(const WorkloadPolicy& policy, const std::string& grade, const CaseToAllocate& c, std::string* why) {
    const std::string protect = c.tier ? c.tier->substr(0, 1) : "";
    for (const auto& rule : policy.grade_rules) {
        const bool applies = (!rule.rosh.empty() && rule.rosh == c.rosh) || (!rule.protect.empty() && rule.protect == protect);
        if (!applies) continue;
        if (std::find(rule.grades.begin(), rule.grades.end(), grade) != rule.grades.end()) continue;
        if (why) {
            *why = !rule.rosh.empty() && rule.rosh == c.rosh
                       ? "A " + rosh_words(c.rosh) + " RoSH case goes to a " + join(rule.grades) + ", not a " + grade
                       : "A tier " + protect + " case goes to a " + join(rule.grades) + ", not a " + grade;
        }
        return false;
    }
    return true;
}

std::vector<RankedCandidate> rank_candidates(const WorkloadPolicy& policy, const CaseToAllocate& c,
                                             std::vector<Candidate> candidates) {
    const auto points = case_points(policy, c.tier, c.case_type);
    std::vector<RankedCandidate> out;
    std::vector<double> scores;
    for (auto& cand : candidates) {
        RankedCandidate r;
        r.capacity_percent = capacity_percent(cand.points, cand.available_points);
        r.capacity_percent_after = capacity_percent(cand.points + points, cand.available_points);
        r.grade_suitable = grade_suitable(policy, cand.grade, c, &r.grade_rule);
        r.reasons.push_back("Capacity " + percent_text(r.capacity_percent) + " now, " + percent_text(r.capacity_percent_after) +
                            " with this case (+" + std::to_string(points) + " points)");
        std::string counts = "Holds " + std::to_string(cand.cases) + " cases:";
        for (const char* letter : {"A", "B", "C", "D"}) {
            auto it = cand.tier_counts.find(letter);
            counts += std::string(" ") + letter + " " + std::to_string(it == cand.tier_counts.end() ? 0 : it->second);
        }
        r.reasons.push_back(counts);
        r.reasons.push_back(r.grade_suitable ? "Grade " + cand.grade + " suits this case" : r.grade_rule);
        if (cand.held_before) r.reasons.push_back("Held this person before (continuity)");
        if (cand.recent_allocations > 0)
            r.reasons.push_back(std::to_string(cand.recent_allocations) + " allocated in the last 7 days");
        r.reasons.push_back("Based at " + (cand.office.empty() ? std::string("no recorded office") : cand.office) +
                            (cand.same_team ? "" : " (team " + cand.team_code + ")"));
        const double after = r.capacity_percent_after.value_or(std::numeric_limits<double>::infinity());
        scores.push_back(after - (cand.held_before ? double(policy.continuity_bonus_percent) : 0.0));
        r.candidate = std::move(cand);
        out.push_back(std::move(r));
    }
    std::vector<std::size_t> order(out.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& x = out[a];
        const auto& y = out[b];
        if (x.grade_suitable != y.grade_suitable) return x.grade_suitable;
        if (scores[a] != scores[b]) return scores[a] < scores[b];
        if (x.candidate.recent_allocations != y.candidate.recent_allocations)
            return x.candidate.recent_allocations < y.candidate.recent_allocations;
        return x.candidate.staff_code < y.candidate.staff_code;
    });
    std::vector<RankedCandidate> ranked;
    ranked.reserve(out.size());
    for (auto i : order) {
        ranked.push_back(std::move(out[i]));
        ranked.back().rank = int(ranked.size());
    }
    return ranked;
}

Result<ChoiceCheck> check_choice(const std::vector<RankedCandidate>& ranked, const std::string& staff_code,
                                 const std::string& reason) {
    auto it = std::find_if(ranked.begin(), ranked.end(),
                           [&](const RankedCandidate& r) { return r.candidate.staff_code == staff_code; });
    if (staff_code.empty()) return Problem::invalid({{"staffCode", "Select who will hold the case"}}, "Check the allocation");
    if (it == ranked.end())
        return Problem::invalid({{"staffCode", "Select a practitioner from the list of candidates"}}, "Check the allocation");
    ChoiceCheck check{it->rank != 1, !it->grade_suitable};
    bool blank = reason.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank && check.against_grade_rule)
        return Problem::invalid({{"reason", "Give a reason: " + it->grade_rule}}, "Check the allocation");
    if (blank && check.against_ranking)
        return Problem::invalid({{"reason", "Give a reason for choosing someone other than the first-ranked candidate"}},
                                "Check the allocation");
    if (reason.size() > 2000) return Problem::invalid({{"reason", "The reason must be 2,000 characters or fewer"}}, "Check the allocation");
    return check;
}

}  // namespace onecase::workload
