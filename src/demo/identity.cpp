#include "demo/identity.hpp"

#include <cstdio>

#include "demo/vocabulary.hpp"
#include "platform/identifiers.hpp"

namespace onecase::demo {

using namespace std::chrono;

PersonName make_name(Random& rng, bool female) {
    const auto firsts = female ? female_first_names() : male_first_names();
    PersonName n;
    n.first = rng.pick(firsts);
    if (rng.chance(0.55)) {
        n.middle = rng.pick(firsts);
        if (n.middle == n.first) n.middle.clear();
        if (rng.chance(0.08)) n.middle += " " + std::string(rng.pick(firsts));
    }
    n.last = rng.pick(surnames());
    return n;
}

sys_days make_date_of_birth(Random& rng, sys_days today) {
    // Age bands and weights roughly as the probation caseload: most in their 20s-40s.
    static constexpr int kBandStart[] = {18, 21, 26, 31, 36, 41, 51, 61};
    static constexpr int kBandEnd[] = {20, 25, 30, 35, 40, 50, 60, 74};
    static constexpr int kWeights[] = {7, 16, 18, 17, 14, 16, 8, 4};
    const auto band = rng.weighted(kWeights);
    const auto age = rng.between(kBandStart[band], kBandEnd[band]);
    // Somewhere within that year of age: born between age+1 years and age years ago.
    return today - days(age * 365 + age / 4) - days(rng.between(1, 364));
}

std::string make_pnc(Random& rng, int earliest_year, int latest_year) {
    if (latest_year < earliest_year) latest_year = earliest_year;
    const int year = static_cast<int>(rng.between(earliest_year, latest_year));
    const auto serial = static_cast<std::uint32_t>(rng.between(1, 1'999'999));
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d/%07u%c", year, serial, platform::pnc_check_letter(year % 100, serial));
    return buf;
}

std::string make_noms(Random& rng) {
    // Most numbers issued today start with A or G.
    static constexpr char kFirst[] = {'A', 'A', 'A', 'G', 'G', 'B'};
    char buf[8];
    std::snprintf(buf, sizeof buf, "%c%04d%c%c", kFirst[rng.below(sizeof kFirst)], int(rng.below(10000)),
                  char('A' + rng.below(26)), char('A' + rng.below(26)));
    return buf;
}

std::string make_postcode(Random& rng, std::string_view area) {
    // Inward code letters never use C, I, K, M, O or V.
    static constexpr std::string_view kInward = "ABDEFGHJLNPQRSTUWXYZ";
    std::string out(area);
    out += std::to_string(rng.between(1, area.size() == 1 ? 20 : 30));
    out += ' ';
    out += char('0' + rng.below(10));
    out += kInward[rng.below(kInward.size())];
    out += kInward[rng.below(kInward.size())];
    return out;
}

std::string make_phone(Random& rng) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "07700 900%03d", int(rng.below(1000)));
    return buf;
}

std::string make_email(Random& rng, std::string_view first, std::string_view last) {
    std::string out;
    auto add = [&](std::string_view s) {
        for (char c : s) {
            if (c >= 'A' && c <= 'Z') out += char(c - 'A' + 'a');
            else if ((c >= 'a' && c <= 'z') || c == '-') out += c;
        }
    };
    add(first);
    out += rng.chance(0.5) ? "." : "";
    add(last);
    if (rng.chance(0.6)) out += std::to_string(rng.between(1, 99));
    out += "@example.com";
    return out;
}

}  // namespace onecase::demo
