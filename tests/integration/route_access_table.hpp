#pragma once
// The one table of who may use each route: every "METHOD pattern" the application
// registers, with the access class its guard enforces. The authorisation matrix test
// (route_access_test.cpp) fails for a route without an entry and for an entry without
// a route, then checks every route for every role against every kind of case.
//
// The classes say in words what docs/security.md says in its matrix; for the case
// classes the answer for a given user and case comes from the policy the matrix is
// tested against (src/access/policy.cpp, tests/unit/access_policy_test.cpp).
#include <string>
#include <string_view>
#include <vector>

namespace onecase::testing {

enum class Access {
    // Anyone, signed in or not (health checks, sign-in).
    public_route,
    // Any signed-in user; the answer is about themselves only (account, tokens,
    // drafts, notifications, their own caseload, search filtered by the policy).
    signed_in,
    // A user with a staff record whose role reads cases: not an administrator,
    // auditor or partner provider (their diary, the region report, recording a new
    // person).
    staff,
    // A user with a staff record, administrators included (their own workload).
    has_staff_record,
    // A case: read it (can_read_case), record on it (can_write_case), change who
    // may see it (can_manage_case_access).
    case_read,
    case_write,
    case_manage,
    // A breach or recall decision: an SPO with write access to the case.
    case_spo_decision,
    // Allocation of a case: an SPO who can read the case and whose PDU's queue
    // holds it (viewing candidates); the SPO of the queue's team (allocating).
    case_allocation_view,
    case_allocate,
    // Transferring a case to another team: the SPO of the case's team or the head of
    // its PDU, who can read the case.
    case_transfer,
    // Team management: any SPO (their own team's breach list, allocation queue).
    spo,
    // The SPO of the team named in the path, or the head of its PDU (team compliance).
    team_spo,
    // The SPO of the team named in the path, or an administrator (reductions,
    // contracted hours, tasks).
    team_spo_or_admin,
    // An SPO or the head of PDU in the PDU of the team or PDU named in the path, or an
    // administrator (team and PDU workload).
    pdu_spo_or_admin,
    // An SPO in the region named in the path, or an administrator.
    region_spo_or_admin,
    // The member of staff named in the path, an SPO or the head of PDU in their PDU, or
    // an administrator.
    staff_member_workload,
    admin,
    auditor,
};

std::string_view access_name(Access access);

struct RouteAccess {
    std::string method;
    std::string pattern;
    Access access;
    // What a write sends: a JSON body for the API, extra form fields
    // (name=value&...) for a page; for a GET, its query string. `{crn}` is replaced by the case's CRN. Empty:
    // `{}` for the API, only the CSRF token for a page. A body is given only where a
    // route must see a well-formed request before it reaches its access check.
    std::string body = {};
};

const std::vector<RouteAccess>& route_access_table();

}  // namespace onecase::testing
