#pragma once
// The synthetic organisation: regions, PDUs, offices, teams and staff, generated
// from a seed without touching storage. Ids are assigned here, from 1 in each
// table, so people can refer to staff without reading anything back.
#include <cstdint>
#include <string>
#include <vector>

#include "demo/demo_data.hpp"

namespace onecase::demo {

struct Region {
    std::int64_t id;
    std::string code, name;
};

struct Pdu {
    std::int64_t id;
    std::string code, name;
    std::int64_t region_id;
    std::size_t region_index;  // into regions() of vocabulary.hpp
    std::size_t seed_index;    // into that region's pdus
};

struct Office {
    std::int64_t id;
    std::string code, name, address;
    std::int64_t pdu_id;
};

struct StaffMember {
    std::int64_t id;
    std::string code, first_name, last_name, grade, email;
    std::int64_t team_id, office_id;
};

struct Team {
    std::int64_t id;
    std::string code, name;
    std::int64_t pdu_id;
    std::size_t pdu_index;     // into Organisation::pdus
    std::size_t office_index;  // the office the team works from
    std::int64_t spo_id;
    std::vector<std::int64_t> case_administrators;
    std::vector<std::int64_t> practitioners;  // PO, PSO and PQiP: the grades that hold cases
};

struct Organisation {
    std::vector<Region> regions;
    std::vector<Pdu> pdus;
    std::vector<Office> offices;
    std::vector<Team> teams;
    std::vector<StaffMember> staff;  // staff[i].id == i + 1

    const StaffMember& staff_member(std::int64_t id) const { return staff.at(static_cast<std::size_t>(id - 1)); }
    const Team& team_of(const StaffMember& s) const { return teams.at(static_cast<std::size_t>(s.team_id - 1)); }
    std::int64_t region_of(const StaffMember& s) const { return pdus.at(team_of(s).pdu_index).region_id; }
    bool national_security(const Team& t) const;
};

// Small: every region with 1-2 PDUs of 1-2 teams. National: about 107 PDUs, 1,000
// teams and 10,000 staff. Every team has one SPO, a case administrator and at least
// three practitioners including a PO; every PDU a head of PDU (HOPDU).
Organisation build_organisation(DemoScale scale, std::uint64_t seed);

}  // namespace onecase::demo
