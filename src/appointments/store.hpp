#pragma once
// Appointments in storage: booking, moving and cancelling (each in the caller's
// transaction), the reads the case page, the API and the diary need, and what the
// booking rules look up. Moves and cancellations check the version in the same
// statement that writes, so two servers cannot both succeed.
#include <optional>
#include <string>
#include <vector>

#include "appointments/model.hpp"
#include "db/database.hpp"
#include "platform/clock.hpp"

namespace onecase::appointments {

std::optional<Appointment> find_appointment(db::Connection& conn, std::int64_t id);

// All of a person's appointments, by start time.
std::vector<Appointment> appointments_for_person(db::Connection& conn, std::int64_t person_id);

// A staff member's appointments starting in [from, to), by start time.
std::vector<Appointment> appointments_for_staff(db::Connection& conn, std::int64_t staff_id, platform::Instant from,
                                                platform::Instant to);

Appointment insert_appointment(db::Connection& conn, std::int64_t person_id, const NewAppointment& a,
                               std::int64_t user_id, platform::Instant now);

// False when the appointment is no longer at `expected_version` (nothing written).
bool move_appointment(db::Connection& conn, std::int64_t id, std::int64_t expected_version, const Move& move,
                      platform::Instant now);
bool cancel_appointment(db::Connection& conn, std::int64_t id, std::int64_t expected_version, const std::string& reason,
                        platform::Instant now);

// Gives an appointment to another member of staff (a case changing hands). False
// when it is no longer at `expected_version` or was cancelled (nothing written).
bool reassign_appointment(db::Connection& conn, std::int64_t id, std::int64_t expected_version, std::int64_t staff_id,
                          platform::Instant now);

// The person's orders with requirement ids, for the booking rules.
std::vector<OrderRef> orders_for_person(db::Connection& conn, std::int64_t person_id);
std::optional<Office> find_office_by_code(db::Connection& conn, const std::string& code);
std::optional<Office> find_office(db::Connection& conn, std::int64_t id);
std::vector<Office> offices_in_pdu_of_staff(db::Connection& conn, std::int64_t staff_id);
std::optional<StaffRef> find_staff_by_code(db::Connection& conn, const std::string& code);
std::optional<StaffRef> find_staff(db::Connection& conn, std::int64_t id);
// The members of a team, by name, for choosing whom an appointment is with.
std::vector<StaffRef> staff_in_team(db::Connection& conn, std::int64_t team_id);
// The current main address on one line, "" when none is recorded.
std::string home_address(db::Connection& conn, std::int64_t person_id);

// Contacts linked to the requirement and appointments booked against it, for
// rules::rar_days_used.
std::vector<RarActivity> rar_activities(db::Connection& conn, std::int64_t requirement_id);

}  // namespace onecase::appointments

namespace onecase::appointments {
// The CRN of the person an appointment is for, so a route can authorise the case
// before reading the appointment itself.
std::optional<std::string> crn_of_appointment(db::Connection& conn, std::int64_t id);
}  // namespace onecase::appointments
