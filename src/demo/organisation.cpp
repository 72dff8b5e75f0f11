#include "demo/organisation.hpp"

#include <array>

#include "demo/identity.hpp"
#include "demo/vocabulary.hpp"

namespace onecase::demo {

namespace {

constexpr std::uint64_t kOrganisationStream = 1;

constexpr std::array<std::string_view, 6> kTeamKinds = {
    "Sentence Management", "Licence and Resettlement", "Integrated Offender Management",
    "Women's Team", "Public Protection", "Young Adults"};
constexpr std::array<std::string_view, 3> kNsdTeamKinds = {
    "Terrorism and State Threats", "Serious and Organised Crime", "High Profile and Critical Public Protection"};

std::string two_digits(std::size_t n) {
    return n < 10 ? "0" + std::to_string(n) : std::to_string(n);
}

}  // namespace

bool Organisation::national_security(const Team& t) const {
    return regions[pdus[t.pdu_index].region_index].code == "NSD";
}

Organisation build_organisation(DemoScale scale, std::uint64_t seed) {
    Random rng(derive_seed(seed, kOrganisationStream, 0));
    const bool small = scale == DemoScale::small;
    Organisation org;

    auto add_staff = [&](const std::string& code, const std::string& grade, std::int64_t team_id,
                         std::int64_t office_id) {
        // Most of the probation workforce are women.
        const auto name = make_name(rng, rng.chance(0.7));
        std::string email;
        for (char c : name.first + "." + name.last) {
            if (c >= 'A' && c <= 'Z') email += char(c - 'A' + 'a');
            else if (c != '\'') email += c;
        }
        const auto id = static_cast<std::int64_t>(org.staff.size() + 1);
        org.staff.push_back(StaffMember{id, code, name.first, name.last, grade,
                                        email + std::to_string(id) + "@probation.example", team_id, office_id});
        return id;
    };

    const auto seeds = regions();
    for (std::size_t r = 0; r < seeds.size(); ++r) {
        const auto& region = seeds[r];
        const bool nsd = region.code == "NSD";
        const auto region_id = static_cast<std::int64_t>(r + 1);
        org.regions.push_back(Region{region_id, std::string(region.code), std::string(region.name)});

        const std::size_t pdu_count = small ? std::size_t(rng.between(1, 2)) : region.pdus.size();
        for (std::size_t p = 0; p < pdu_count && p < region.pdus.size(); ++p) {
            const auto& pdu_seed = region.pdus[p];
            const auto pdu_id = static_cast<std::int64_t>(org.pdus.size() + 1);
            const std::string pdu_code = std::string(region.code) + two_digits(p + 1);
            org.pdus.push_back(Pdu{pdu_id, pdu_code, std::string(pdu_seed.name), region_id, r, p});

            const std::size_t first_office = org.offices.size();
            const std::size_t office_count = small || nsd ? 1 : std::size_t(rng.between(1, 3));
            for (std::size_t o = 0; o < office_count; ++o) {
                const std::string place =
                    o == 0 ? std::string(pdu_seed.town) : std::string(rng.pick(localities()));
                const std::string address = std::to_string(rng.between(1, 180)) + " " +
                                            std::string(rng.pick(streets())) + ", " + place +
                                            (o == 0 ? "" : ", " + std::string(pdu_seed.town)) + ", " +
                                            make_postcode(rng, pdu_seed.postcode_area);
                org.offices.push_back(Office{static_cast<std::int64_t>(org.offices.size() + 1),
                                             pdu_code + "O" + std::to_string(o + 1),
                                             place + (o == 0 ? " Probation Office" : " Probation Centre"),
                                             address, pdu_id});
            }
            const auto pdu_office_id = org.offices[first_office].id;
            add_staff(pdu_code + "HD", "HOPDU", 0, pdu_office_id);  // team filled in below
            const std::size_t head_index = org.staff.size() - 1;

            const std::size_t team_count =
                small ? std::size_t(rng.between(1, 2)) : nsd ? std::size_t(rng.between(3, 4)) : std::size_t(rng.between(7, 12));
            for (std::size_t t = 0; t < team_count; ++t) {
                const auto team_id = static_cast<std::int64_t>(org.teams.size() + 1);
                const std::string team_code = pdu_code + char('A' + t);
                std::string name;
                if (nsd) {
                    name = std::string(kNsdTeamKinds[t % kNsdTeamKinds.size()]) + (t >= kNsdTeamKinds.size() ? " 2" : "");
                    name = std::string(pdu_seed.name) + " " + name;
                } else {
                    const std::size_t round = t / kTeamKinds.size();
                    name = std::string(pdu_seed.name) + " " + std::string(kTeamKinds[t % kTeamKinds.size()]) +
                           (round ? " " + std::to_string(round + 1) : "");
                }
                const std::size_t office_index = first_office + t % office_count;
                const auto office_id = org.offices[office_index].id;
                Team team{team_id, team_code, name, pdu_id, org.pdus.size() - 1, office_index, 0, {}, {}};
                std::size_t n = 0;
                auto code = [&] { return team_code + two_digits(++n); };
                team.spo_id = add_staff(code(), "SPO", team_id, office_id);
                const int admins = small ? 1 : int(rng.between(1, 2));
                for (int a = 0; a < admins; ++a) team.case_administrators.push_back(add_staff(code(), "CA", team_id, office_id));
                const int practitioners = small ? int(rng.between(4, 6)) : int(rng.between(6, 9));
                for (int s = 0; s < practitioners; ++s) {
                    // The first is always a PO so every team can hold high-risk cases;
                    // NSD holds the highest-risk cases and is staffed by POs.
                    const auto roll = rng.below(100);
                    const char* grade = s == 0 || nsd || roll < 45 ? "PO" : roll < 85 ? "PSO" : "PQiP";
                    team.practitioners.push_back(add_staff(code(), grade, team_id, office_id));
                }
                org.teams.push_back(std::move(team));
            }
            // The head of PDU belongs to the PDU's first team for the staff table's sake.
            org.staff[head_index].team_id = org.teams[org.teams.size() - team_count].id;
        }
    }
    return org;
}

}  // namespace onecase::demo
