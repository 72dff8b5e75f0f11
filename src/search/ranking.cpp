#include "search/ranking.hpp"

#include <algorithm>
#include <tuple>

#include "people/name_keys.hpp"

namespace onecase::search {

int edit_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[n][m];
}

double word_closeness(std::string_view typed, std::string_view word) {
    if (typed == word) return 1.0;
    if (!typed.empty() && word.size() > typed.size() && word.substr(0, typed.size()) == typed) return 0.9;
    if (typed.size() >= 2) {
        const auto a = people::sound_key(typed);
        if (!a.empty() && a.size() >= 2 && a == people::sound_key(word)) return 0.8;
    }
    if (typed.size() < 3) return 0;  // one or two letters: too short to guess at
    const int d = edit_distance(typed, word);
    if (d == 1) return 0.75;
    if (d == 2 && std::min(typed.size(), word.size()) >= 5) return 0.6;
    return 0;
}

namespace {

struct NameScore {
    double closeness = 0;  // mean over typed words; 0 if any typed word missed
    bool exact = false;
};

NameScore score_name(const std::vector<std::string>& typed, const CandidateName& name) {
    auto words = people::name_words(name.first_names);
    for (auto& w : people::name_words(name.last_name)) words.push_back(std::move(w));
    NameScore s{0, true};
    double total = 0;
    for (const auto& t : typed) {
        double best = 0;
        for (const auto& w : words) best = std::max(best, word_closeness(t, w));
        if (best == 0) return {};
        if (best < 1.0) s.exact = false;
        total += best;
    }
    s.closeness = total / static_cast<double>(typed.size());
    return s;
}

}  // namespace

std::vector<RankedMatch> rank_candidates(const PeopleQuery& q, const std::vector<Candidate>& candidates) {
    std::vector<RankedMatch> out;
    if (q.empty()) return out;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const auto& c = candidates[i];
        if (q.crn && *q.crn != c.crn) continue;
        if (q.pnc && q.pnc != c.pnc) continue;
        if (q.noms && q.noms != c.noms) continue;
        if (q.date_of_birth && *q.date_of_birth != c.date_of_birth) continue;
        RankedMatch m{i, MatchClass::close, 1.0, "", ""};
        if (!q.words.empty()) {
            double best = 0;
            bool exact = false;
            for (const auto& name : c.names) {
                auto s = score_name(q.words, name);
                if (s.closeness == 0) continue;
                // The current name wins a tie over an alias or a previous name.
                const double closeness = s.closeness - (name.kind == "current" ? 0.0 : 0.01);
                const bool better = (s.exact && !exact) || (s.exact == exact && closeness > best);
                if (better) {
                    best = closeness;
                    exact = s.exact;
                    m.matched_kind = name.kind;
                    m.matched_name = name.first_names + " " + name.last_name;
                }
            }
            if (best == 0) continue;
            m.closeness = best;
            m.match = exact ? MatchClass::exact_name : MatchClass::close;
        } else if (q.date_of_birth) {
            m.match = MatchClass::exact_name;
        }
        if (q.has_identifier()) m.match = MatchClass::identifier;
        out.push_back(std::move(m));
    }
    std::sort(out.begin(), out.end(), [&](const RankedMatch& a, const RankedMatch& b) {
        const auto& ca = candidates[a.candidate];
        const auto& cb = candidates[b.candidate];
        return std::make_tuple(static_cast<int>(a.match), !ca.own_caseload, !ca.current_case, -a.closeness,
                               std::string_view(ca.last_name), std::string_view(ca.first_name), std::string_view(ca.crn)) <
               std::make_tuple(static_cast<int>(b.match), !cb.own_caseload, !cb.current_case, -b.closeness,
                               std::string_view(cb.last_name), std::string_view(cb.first_name), std::string_view(cb.crn));
    });
    return out;
}

}  // namespace onecase::search
