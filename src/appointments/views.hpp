#pragma once
// Appointments as JSON for the API and as view models for the pages. Pure: `now`
// is passed in to work out each appointment's status.
#include <boost/json/object.hpp>

#include "appointments/model.hpp"
#include "appointments/rules.hpp"
#include "platform/clock.hpp"

namespace onecase::appointments {

// UK local time without zone, "2026-12-01T10:00:00", as the API takes it.
std::string local_iso(platform::Instant t);

// The API's appointment: id, crn, type, start (UK local), startUtc, durationMinutes,
// location, officeCode, staff, eventNumber, requirement, notes, status, outcome,
// cancelledAt, cancelReason, version.
boost::json::object appointment_json(const Appointment& a, platform::Instant now);

// One appointment for a page: display times, labels, status tag and links.
boost::json::object appointment_view(const Appointment& a, platform::Instant now);

boost::json::object rar_json(const RarProgress& r);

// RAR progress for each RAR requirement on the person's current orders.
std::vector<RarProgress> rar_progress(const std::vector<OrderRef>& orders,
                                      const std::vector<std::vector<RarActivity>>& activities_per_order_rar);

// The case page's appointments section: upcoming, awaiting outcome, RAR days and
// the link to book. `appointments` is every appointment of the person.
boost::json::object case_section_view(const std::string& crn, const std::vector<Appointment>& appointments,
                                      const std::vector<RarProgress>& rar, bool can_book, platform::Instant now);

}  // namespace onecase::appointments
