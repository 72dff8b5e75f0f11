// The access matrix of docs/security.md, row by row: each role against a case they
// hold, one their team holds, one elsewhere in their PDU, one elsewhere in their region,
// one in another region, an unallocated one, a restricted one they are not listed on,
// and one they are excluded from.
#include <gtest/gtest.h>

#include "access/policy.hpp"

namespace onecase::access {
namespace {

constexpr std::int64_t kMe = 1, kTeammate = 2, kPduColleague = 3, kRegionColleague = 4, kElsewhere = 5;

Principal as(Role role) {
    Principal p;
    p.role = role;
    p.staff = StaffScope{kMe, "ME", "Me", /*team*/ 10, "T10", "Team 10", /*pdu*/ 100, /*region*/ 1000};
    return p;
}

CaseScope held_by(std::int64_t staff, std::int64_t team, std::int64_t pdu, std::int64_t region) {
    CaseScope s;
    s.case_manager_staff_id = staff;
    s.team_id = team;
    s.pdu_id = pdu;
    s.region_id = region;
    return s;
}

enum Kind { own, team, pdu, region, other_region, unallocated, restricted, excluded };

CaseScope scope_of(Kind k) {
    switch (k) {
        case own: return held_by(kMe, 10, 100, 1000);
        case team: return held_by(kTeammate, 10, 100, 1000);
        case pdu: return held_by(kPduColleague, 11, 100, 1000);
        case region: return held_by(kRegionColleague, 12, 101, 1000);
        case other_region: return held_by(kElsewhere, 20, 200, 2000);
        case unallocated: return CaseScope{};
        case restricted: {
            auto s = held_by(kTeammate, 10, 100, 1000);
            s.restricted_to = {kTeammate};
            return s;
        }
        case excluded: {
            auto s = held_by(kTeammate, 10, 100, 1000);
            s.excluded = {kMe};
            return s;
        }
    }
    return {};
}

// R = read, W = read and write, M = read, write and manage who can see it, - = nothing.
struct Row {
    Role role;
    const char* expected;  // one letter per Kind, in order
};

const Row kMatrix[] = {
    //                       own team pdu region other unalloc restricted excluded
    {Role::practitioner, "WWRR-R--"},
    {Role::case_admin, "WWRR-R--"},
    {Role::spo, "MMRR-R--"},
    {Role::head_of_pdu, "MMMR-R--"},
    {Role::vlo, "RRRR-R--"},
    {Role::admin, "--------"},
    {Role::auditor, "--------"},
    {Role::partner, "--------"},
};

TEST(AccessMatrix, EveryRoleAgainstEveryKindOfCase) {
    for (const auto& row : kMatrix) {
        const auto who = as(row.role);
        for (int k = own; k <= excluded; ++k) {
            const auto scope = scope_of(static_cast<Kind>(k));
            const char want = row.expected[k];
            const bool read = want != '-', write = want == 'W' || want == 'M', manage = want == 'M';
            SCOPED_TRACE(role_name(row.role) + " case kind " + std::to_string(k));
            EXPECT_EQ(can_read_case(who, scope), read);
            EXPECT_EQ(can_write_case(who, scope), write);
            // The SPO's and head's management reach (their team / PDU) also covers cases
            // they are not listed on; restriction does not stop them managing it.
            if (k != restricted) {
                EXPECT_EQ(can_manage_case_access(who, scope), manage);
            }
        }
    }
}

TEST(AccessMatrix, TheRestrictionListAndTheExclusionListDecideFirst) {
    auto scope = scope_of(restricted);
    scope.restricted_to.push_back(kMe);
    EXPECT_TRUE(can_read_case(as(Role::practitioner), scope)) << "listed: may open it";
    scope = scope_of(other_region);
    scope.restricted_to = {kMe};
    EXPECT_FALSE(can_read_case(as(Role::practitioner), scope)) << "a restriction narrows access, it never grants it";
    EXPECT_EQ(case_refusal(as(Role::practitioner), scope_of(excluded), false), CaseRefusal::excluded);
    EXPECT_EQ(case_refusal(as(Role::practitioner), scope_of(restricted), false), CaseRefusal::restricted);
    EXPECT_EQ(case_refusal(as(Role::practitioner), scope_of(other_region), true), CaseRefusal::out_of_scope);
    EXPECT_FALSE(can_manage_case_access(as(Role::spo), scope_of(excluded))) << "an excluded SPO cannot lift it";
}

TEST(AccessMatrix, NobodyWithoutAStaffRecordOpensACase) {
    Principal p;
    p.role = Role::practitioner;
    EXPECT_FALSE(can_read_case(p, scope_of(unallocated)));
    EXPECT_FALSE(can_write_case(p, scope_of(unallocated)));
}

TEST(AccessMatrix, AdminsAuditorsAndPartnersReadNoCasesWhateverTheirStaffRecord) {
    for (Role r : {Role::admin, Role::auditor, Role::partner}) EXPECT_TRUE(reads_no_cases(r)) << role_name(r);
    for (Role r : {Role::practitioner, Role::spo, Role::head_of_pdu, Role::case_admin, Role::vlo})
        EXPECT_FALSE(reads_no_cases(r)) << role_name(r);
}

TEST(Roles, NamesRoundTrip) {
    for (auto r : {Role::practitioner, Role::spo, Role::admin, Role::auditor, Role::head_of_pdu, Role::case_admin, Role::vlo,
                   Role::partner}) {
        EXPECT_EQ(parse_role(role_name(r)), r);
    }
    EXPECT_FALSE(parse_role("superuser"));
}

}  // namespace
}  // namespace onecase::access
