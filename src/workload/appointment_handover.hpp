#pragma once
// A case changing hands takes its appointments still to come with it: those booked
// with the old case manager go to the new one's diary, in the allocation's
// transaction, each audited. Otherwise the old practitioner's diary keeps someone who
// is no longer theirs and the new one does not know they are expected.
#include <cstdint>
#include <string>

#include "access/guard.hpp"
#include "access/model.hpp"
#include "db/database.hpp"
#include "http/request.hpp"

namespace onecase::workload {

// Who an appointment moves from and to: the id to write and the code to audit
// (appointments::StaffRef would also want an office and team the allocation lacks).
struct StaffMember {
    std::int64_t id = 0;
    std::string code;
};

// Returns how many appointments moved. One changed by someone else meanwhile keeps
// that change and is not moved.
int hand_over_appointments(db::Connection& conn, const access::RouteDeps& deps, const http::Request& req,
                           const access::Principal& who, const std::string& crn, std::int64_t person_id,
                           const StaffMember& from, const StaffMember& to);

}  // namespace onecase::workload
