#pragma once
// Pure rules for appointments: what makes a booking, a move and a cancellation
// valid, an appointment's status, the diary's date ranges, who may see whose
// diary, and how many days of a rehabilitation activity requirement (RAR) are used.
// No storage and no clock: callers pass `now` and whatever was looked up.
#include <optional>
#include <string>
#include <vector>

#include "access/model.hpp"
#include "appointments/model.hpp"
#include "platform/clock.hpp"
#include "platform/result.hpp"

namespace onecase::appointments {

// Duration limits in minutes: shorter is not a meeting, longer is not one appointment.
inline constexpr std::int64_t kMinDurationMinutes = 5;
inline constexpr std::int64_t kMaxDurationMinutes = 480;
inline constexpr std::size_t kMaxReasonCharacters = 1000;
inline constexpr std::size_t kMaxLocationCharacters = 200;
// The diary API answers at most this many days at once.
inline constexpr int kMaxDiaryDays = 31;

struct AppointmentType {
    std::string code;
    std::string label;
};

// The kinds of appointment that can be booked; codes and labels are the contact
// types' (contacts::contact_types()) so an appointment's contact matches it.
const std::vector<AppointmentType>& appointment_types();
std::string appointment_type_label(const std::string& code);

// What a user sent. The start is either `start` (API: UK local
// "YYYY-MM-DDTHH:MM[:SS]") or `date` + `time` (the page's fields, UK local).
// Numbers are text as typed so a wrong one is shown back as typed.
struct BookingInput {
    std::string type;
    std::optional<std::string> start;
    std::string date;
    std::string time;
    std::string duration_minutes;
    std::string office_code;
    std::string location;
    std::string staff_code;  // empty: the signed-in practitioner
    std::string event_number;
    std::string requirement_id;
    std::string notes;
};

// What the route looked up for a booking, so the rule can judge it without storage.
struct BookingContext {
    std::vector<OrderRef> orders;        // the person's orders with their requirements
    std::optional<Office> office;        // the office `office_code` names, if it exists
    std::optional<StaffRef> staff;       // the staff member named, or the signed-in one
    std::optional<Office> staff_office;  // that staff member's usual office
    std::string home_address;            // the person's current main address, "" if none
};

// Checks type, start (a real UK local time, in the future: something that already
// happened is recorded as a contact), duration (5-480 minutes), location (a home
// visit defaults to the home address, an office visit to the staff member's office),
// staff, order and requirement (a requirement must be active on one of the person's
// current orders, and on the order named if one is). With no order named and one
// current order, the appointment is linked to it. Field names in errors are the
// page's where it has the field (date, time) and the API's otherwise.
Result<NewAppointment> validate_booking(const BookingInput& input, const BookingContext& context,
                                        platform::Instant now);

struct MoveInput {
    std::optional<std::string> start;
    std::string date;
    std::string time;
    std::string duration_minutes;  // empty: unchanged
    std::string office_code;       // empty with empty location: unchanged
    std::string location;
};

// A move needs a new start in the future; duration and location stay as they were
// unless given. Cancelled appointments and those with an outcome cannot be moved.
Result<Move> validate_move(const MoveInput& input, const Appointment& current, const std::optional<Office>& office,
                           platform::Instant now);

// A cancellation needs a reason (at most 1,000 characters); an appointment already
// cancelled or with an outcome cannot be cancelled. Returns the trimmed reason.
Result<std::string> validate_cancel(const std::string& reason, const Appointment& current, platform::Instant now);

// Pure function of the row and `now`: cancelled wins, then an outcome, then the start
// time decides between booked and awaiting outcome.
Status appointment_status(const Appointment& a, platform::Instant now);
std::string status_code(Status s);   // booked, awaiting_outcome, outcome_recorded, cancelled
std::string status_label(Status s);  // "Booked", "Awaiting outcome", ...

// When a case changes hands, whether this appointment goes to the new case manager's
// diary: still to come (booked, not cancelled, no outcome) and booked with the old
// case manager. Appointments with anyone else, such as a programme facilitator, stay.
bool moves_with_the_case(const Appointment& a, std::int64_t old_case_manager_id, platform::Instant now);

// A diary range of whole UK local days, `from` to `to` inclusive.
struct DayRange {
    platform::Date from;
    platform::Date to;
    // The UTC instants bounding the range: [start_utc, end_utc).
    platform::Instant start_utc() const;
    platform::Instant end_utc() const;
    int days() const;
};

// Parses the API's from/to: real dates, to not before from, at most kMaxDiaryDays days.
Result<DayRange> diary_range(const std::string& from, const std::string& to);
// The Monday on or before `d`.
platform::Date monday_of(platform::Date d);

// Practitioners see their own diary; an SPO also sees the diaries of staff in the
// team they manage. Nobody without a staff record has a diary.
bool can_view_diary(const access::Principal& who, const StaffRef& owner);

// Days of a RAR used: the number of distinct UK local calendar days on which an
// activity counts. A contact recorded by hand against the requirement counts (it
// happened); an appointment, or a contact that records one, counts only once it has
// an outcome of attended (complied or failed to comply) and is not cancelled. A
// booked, missed, rescheduled or cancelled appointment does not use a day.
std::int64_t rar_days_used(const std::vector<RarActivity>& activities);

bool is_rar(const RequirementRef& r);

}  // namespace onecase::appointments
