#include "workload/appointment_handover.hpp"

#include "appointments/rules.hpp"
#include "appointments/store.hpp"
#include "enforcement/route_support.hpp"

namespace onecase::workload {

int hand_over_appointments(db::Connection& conn, const access::RouteDeps& deps, const http::Request& req,
                           const access::Principal& who, const std::string& crn, std::int64_t person_id,
                           const StaffMember& from, const StaffMember& to) {
    if (from.id == to.id) return 0;
    const auto now = deps.clock.now();
    int moved = 0;
    for (const auto& a : appointments::appointments_for_person(conn, person_id)) {
        if (!appointments::moves_with_the_case(a, from.id, now)) continue;
        if (!appointments::reassign_appointment(conn, a.id, a.version, to.id, now)) continue;
        ++moved;
        access::AuditSnapshot before, after;
        before.set("staff", from.code);
        after.set("staff", to.code);
        enforcement::audit(conn, deps, req, who, "appointment.hand_over", crn,
                           "appointment=" + std::to_string(a.id) + " start_at=" + a.start_at,
                           access::diff_fields(before, after));
    }
    return moved;
}

}  // namespace onecase::workload
