#include "route_access_table.hpp"

namespace onecase::testing {

std::string_view access_name(Access access) {
    switch (access) {
        case Access::public_route: return "public";
        case Access::signed_in: return "any signed-in user";
        case Access::staff: return "staff (not admin, auditor or partner)";
        case Access::has_staff_record: return "anyone with a staff record";
        case Access::case_read: return "case read";
        case Access::case_write: return "case write";
        case Access::case_manage: return "case access management";
        case Access::case_spo_decision: return "SPO decision on a case";
        case Access::case_allocation_view: return "allocation candidates (SPO of the queue's PDU)";
        case Access::case_allocate: return "allocate (SPO of the queue's team)";
        case Access::case_transfer: return "transfer (SPO of the case's team or head of its PDU)";
        case Access::spo: return "any SPO";
        case Access::team_spo: return "the team's SPO or its head of PDU";
        case Access::team_spo_or_admin: return "the team's SPO or an admin";
        case Access::pdu_spo_or_admin: return "an SPO or head of PDU in the PDU, or an admin";
        case Access::region_spo_or_admin: return "an SPO in the region or an admin";
        case Access::staff_member_workload: return "the member of staff, an SPO or head of PDU in their PDU, or an admin";
        case Access::admin: return "admin only";
        case Access::auditor: return "auditor only";
    }
    return "?";
}

const std::vector<RouteAccess>& route_access_table() {
    using A = Access;
    static const std::vector<RouteAccess> table{
        // Health, sign-in and the front door.
        {"GET", "/healthz", A::public_route},
        {"GET", "/readyz", A::public_route},
        {"GET", "/sign-in", A::public_route},
        {"POST", "/sign-in", A::public_route},
        {"GET", "/", A::public_route},  // a redirect to /caseload, which signs in
        {"POST", "/sign-out", A::signed_in},

        // Own account: password, sessions, tokens.
        {"GET", "/account", A::signed_in},
        {"GET", "/account/password", A::signed_in},
        {"POST", "/account/password", A::signed_in},
        {"POST", "/api/v1/account/password", A::signed_in},
        {"POST", "/account/sign-out-everywhere", A::signed_in},
        {"POST", "/api/v1/account/sign-out-everywhere", A::signed_in},
        {"POST", "/account/tokens/{id}/revoke", A::signed_in},
        {"GET", "/api/v1/tokens", A::signed_in},
        {"DELETE", "/api/v1/tokens/{id}", A::signed_in},
        {"GET", "/api/v1/me", A::signed_in},

        // Administration of users.
        {"GET", "/admin/users", A::admin},
        {"POST", "/admin/users/{username}/unlock", A::admin},
        {"GET", "/api/v1/admin/users", A::admin},
        {"POST", "/api/v1/admin/users/{username}/unlock", A::admin},

        // The audit log.
        {"GET", "/audit", A::auditor},
        {"GET", "/audit.csv", A::auditor},
        {"GET", "/api/v1/audit", A::auditor},
        {"GET", "/api/v1/audit.csv", A::auditor},

        // Caseload, search and drafts: about the user, filtered by the case policy.
        {"GET", "/caseload", A::signed_in},
        {"GET", "/api/v1/caseload", A::signed_in},
        {"GET", "/api/v1/people", A::signed_in},
        {"GET", "/search", A::signed_in},
        {"GET", "/api/v1/drafts", A::signed_in},
        {"GET", "/api/v1/drafts/{key}", A::signed_in},
        {"PUT", "/api/v1/drafts/{key}", A::signed_in},
        {"DELETE", "/api/v1/drafts/{key}", A::signed_in},
        {"GET", "/api/v1/register-types", A::signed_in},

        // New people.
        {"GET", "/people/new", A::staff},
        {"POST", "/people", A::staff},
        {"POST", "/api/v1/people", A::staff},

        // The case and its contacts.
        {"GET", "/cases/{crn}", A::case_read},
        {"GET", "/api/v1/people/{crn}", A::case_read},
        {"GET", "/api/v1/people/{crn}/contacts", A::case_read},
        {"POST", "/cases/{crn}/contacts", A::case_write},
        {"POST", "/api/v1/people/{crn}/contacts", A::case_write},
        {"GET", "/cases/{crn}/contacts/{id}", A::case_read},
        {"POST", "/cases/{crn}/contacts/{id}", A::case_write},
        {"GET", "/api/v1/people/{crn}/contacts/{id}", A::case_read},
        {"PUT", "/api/v1/people/{crn}/contacts/{id}", A::case_write},
        {"GET", "/api/v1/people/{crn}/history", A::case_read, "q=phone"},
        {"GET", "/cases/{crn}/search", A::case_read},

        // Who may see the case.
        {"GET", "/cases/{crn}/access", A::case_manage},
        {"POST", "/cases/{crn}/access", A::case_manage},
        {"POST", "/cases/{crn}/access/{id}/remove", A::case_manage},
        {"GET", "/api/v1/people/{crn}/access-list", A::case_manage},
        {"POST", "/api/v1/people/{crn}/access-list", A::case_manage},
        {"DELETE", "/api/v1/people/{crn}/access-list/{id}", A::case_manage},

        // Risk: registrations, assessments, tier.
        {"GET", "/cases/{crn}/risk", A::case_read},
        {"POST", "/cases/{crn}/registrations", A::case_write},
        {"POST", "/cases/{crn}/registrations/{id}/review", A::case_write},
        {"POST", "/cases/{crn}/registrations/{id}/deregister", A::case_write},
        {"POST", "/cases/{crn}/tier", A::case_write},
        // The form shows only the name: its guard asks for read access; the POST for write.
        {"GET", "/cases/{crn}/assessments/new", A::case_write},
        {"POST", "/cases/{crn}/assessments", A::case_write},
        {"GET", "/api/v1/people/{crn}/registrations", A::case_read},
        {"POST", "/api/v1/people/{crn}/registrations", A::case_write},
        {"POST", "/api/v1/people/{crn}/registrations/{id}/review", A::case_write},
        {"POST", "/api/v1/people/{crn}/registrations/{id}/deregister", A::case_write},
        {"GET", "/api/v1/people/{crn}/assessments", A::case_read},
        {"POST", "/api/v1/people/{crn}/assessments", A::case_write},
        {"GET", "/api/v1/people/{crn}/tier", A::case_read},
        {"POST", "/api/v1/people/{crn}/tier/recalculate", A::case_write},

        // Appointments and the diary.
        {"GET", "/cases/{crn}/appointments/new", A::case_write},
        {"POST", "/cases/{crn}/appointments", A::case_write},
        {"GET", "/appointments/{id}", A::case_read},
        {"GET", "/appointments/{id}/move", A::case_write},
        {"POST", "/appointments/{id}/move", A::case_write},
        {"GET", "/appointments/{id}/cancel", A::case_write},
        {"POST", "/appointments/{id}/cancel", A::case_write},
        {"POST", "/api/v1/people/{crn}/appointments", A::case_write},
        {"GET", "/api/v1/people/{crn}/appointments", A::case_read},
        {"GET", "/api/v1/people/{crn}/requirements", A::case_read},
        {"GET", "/api/v1/appointments/{id}", A::case_read},
        {"PUT", "/api/v1/appointments/{id}", A::case_write},
        {"POST", "/api/v1/appointments/{id}/cancel", A::case_write},
        {"GET", "/api/v1/diary", A::staff, R"(from=2026-01-05&to=2026-01-11)"},
        {"GET", "/diary", A::staff},

        // Outcomes and enforcement.
        {"POST", "/api/v1/appointments/{id}/outcome", A::case_write},
        {"GET", "/appointments/{id}/outcome", A::case_write},
        {"POST", "/appointments/{id}/outcome", A::case_write},
        {"GET", "/api/v1/people/{crn}/enforcement", A::case_read},
        {"POST", "/api/v1/people/{crn}/enforcement-actions", A::case_write},
        {"GET", "/cases/{crn}/enforcement/warning", A::case_write},
        {"POST", "/cases/{crn}/enforcement/warning", A::case_write},
        {"POST", "/api/v1/enforcement-actions/{id}/withdraw", A::case_write},
        {"GET", "/enforcement-actions/{id}/withdraw", A::case_write},
        {"POST", "/enforcement-actions/{id}/withdraw", A::case_write},
        {"POST", "/api/v1/enforcement-proposals/{id}/resolve", A::case_spo_decision},
        {"GET", "/enforcement-proposals/{id}", A::case_read},
        {"POST", "/enforcement-proposals/{id}", A::case_spo_decision},
        {"GET", "/api/v1/enforcement/breaches", A::spo},
        {"GET", "/enforcement/breaches", A::spo},

        // National standards: what is due, team compliance.
        {"GET", "/api/v1/people/{crn}/due", A::case_read},
        {"GET", "/api/v1/me/due", A::signed_in},
        {"GET", "/due", A::signed_in},
        {"GET", "/api/v1/teams/{code}/compliance", A::team_spo},
        {"GET", "/api/v1/teams/{code}/compliance/{staffCode}", A::team_spo},
        {"GET", "/teams/{code}/compliance", A::team_spo},
        {"GET", "/teams/{code}/compliance/{staffCode}", A::team_spo},

        // Policies: everyone signed in reads them; only an admin changes them.
        {"GET", "/api/v1/policies/enforcement", A::signed_in},
        {"POST", "/api/v1/policies/enforcement", A::admin},
        {"GET", "/admin/policies/enforcement", A::admin},
        {"POST", "/admin/policies/enforcement", A::admin},
        {"GET", "/api/v1/policies/national-standards", A::signed_in},
        {"POST", "/api/v1/policies/national-standards", A::admin},
        {"GET", "/admin/policies/national-standards", A::admin},
        {"POST", "/admin/policies/national-standards", A::admin},
        {"GET", "/api/v1/policies/workload", A::signed_in},
        {"POST", "/api/v1/policies/workload", A::admin},
        {"GET", "/admin/policies/workload", A::admin},
        {"POST", "/admin/policies/workload", A::admin},

        // Reports.
        {"GET", "/api/v1/reports/region", A::staff},
        {"GET", "/reports/region", A::staff},

        // Workload.
        {"GET", "/api/v1/staff/{code}/workload", A::staff_member_workload},
        {"GET", "/workload", A::has_staff_record},
        {"GET", "/staff/{code}/workload", A::staff_member_workload},
        {"GET", "/api/v1/teams/{code}/workload", A::pdu_spo_or_admin},
        {"GET", "/teams/{code}/workload", A::pdu_spo_or_admin},
        {"GET", "/api/v1/pdus/{code}/workload", A::pdu_spo_or_admin},
        {"GET", "/pdus/{code}/workload", A::pdu_spo_or_admin},
        {"GET", "/api/v1/regions/{code}/workload", A::region_spo_or_admin},
        {"GET", "/regions/{code}/workload", A::region_spo_or_admin},
        {"POST", "/api/v1/staff/{code}/reductions", A::team_spo_or_admin},
        {"GET", "/staff/{code}/reductions/new", A::team_spo_or_admin},
        {"POST", "/staff/{code}/reductions/new", A::team_spo_or_admin},
        {"PUT", "/api/v1/staff/{code}/contracted-hours", A::team_spo_or_admin},
        {"POST", "/api/v1/staff/{code}/tasks", A::team_spo_or_admin},
        {"GET", "/staff/{code}/tasks/new", A::team_spo_or_admin},
        {"POST", "/staff/{code}/tasks/new", A::team_spo_or_admin},
        {"GET", "/admin/policies/workload/grade-rules", A::admin},
        {"POST", "/admin/policies/workload/grade-rules", A::admin},

        // Allocation.
        {"GET", "/api/v1/allocations/queue", A::spo},
        {"GET", "/allocations", A::spo},
        {"GET", "/api/v1/allocations/{crn}/candidates", A::case_allocation_view},
        {"GET", "/allocations/{crn}", A::case_allocation_view},
        {"POST", "/api/v1/allocations", A::case_allocate, R"({"crn":"{crn}"})"},
        {"POST", "/allocations/{crn}", A::case_allocate},
        {"GET", "/api/v1/allocations/batch", A::spo},
        {"POST", "/api/v1/allocations/batch", A::spo, R"({"assignments":[]})"},
        {"GET", "/allocations/batch", A::spo},
        {"POST", "/allocations/batch", A::spo},
        // Transfers: a team no one has, so an allowed request is refused as invalid
        // (422) after its access check and no case moves. Withdrawing and declining
        // need a pending transfer, which this world does not hold: who may do those is
        // tested in transfers_test.cpp.
        {"GET", "/allocations/{crn}/transfer", A::case_transfer},
        {"POST", "/allocations/{crn}/transfer", A::case_transfer, "toTeam=NO-SUCH-TEAM&reason=matrix"},
        {"POST", "/api/v1/transfers", A::case_transfer, R"({"crn":"{crn}","toTeam":"NO-SUCH-TEAM","reason":"matrix"})"},
        {"POST", "/api/v1/transfers/{id}/withdraw", A::case_transfer},
        {"POST", "/api/v1/transfers/{id}/decline", A::case_transfer},
        {"POST", "/allocations/{crn}/transfer/withdraw", A::case_transfer},
        {"POST", "/allocations/{crn}/transfer/decline", A::case_transfer},

        // Notifications (the user's own).
        {"GET", "/api/v1/notifications", A::signed_in},
        {"GET", "/notifications", A::signed_in},
        {"POST", "/notifications/read", A::signed_in},
        {"POST", "/api/v1/notifications/read", A::signed_in},
    };
    return table;
}

}  // namespace onecase::testing
