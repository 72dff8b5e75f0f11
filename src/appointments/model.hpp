#pragma once
// Appointments: planned contacts booked with a person on probation, moved and
// cancelled by practitioners, and shown in their diary. This module owns the
// appointments table's booking, moving and cancelling; the outcome of an
// appointment is recorded elsewhere (the outcome page) and only read here.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onecase::appointments {

// booked: in the future; awaiting_outcome: its start has passed and nobody has
// recorded what happened; outcome_recorded; cancelled.
enum class Status { booked, awaiting_outcome, outcome_recorded, cancelled };

struct Appointment {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::string crn;
    std::string person_name;  // "Surname, First"
    std::string type;
    std::string start_at;  // UTC ISO 8601
    std::int64_t duration_minutes = 30;
    std::string location;
    std::optional<std::int64_t> office_id;
    std::string office_code;
    std::optional<std::int64_t> staff_id;
    std::string staff_code;
    std::string staff_name;
    std::optional<std::int64_t> event_id;
    std::optional<std::int64_t> event_number;
    std::optional<std::int64_t> requirement_id;
    std::string requirement_category;
    std::string notes;
    std::optional<std::string> outcome;
    std::optional<std::string> cancelled_at;
    std::optional<std::string> cancel_reason;
    std::int64_t version = 1;
};

// An appointment ready to store, produced by rules::validate_booking.
struct NewAppointment {
    std::string type;
    std::string start_at;  // UTC ISO 8601
    std::int64_t duration_minutes = 30;
    std::string location;
    std::optional<std::int64_t> office_id;
    std::int64_t staff_id = 0;
    std::optional<std::int64_t> event_id;
    std::optional<std::int64_t> requirement_id;
    std::string notes;
};

// What a move changes, produced by rules::validate_move.
struct Move {
    std::string start_at;
    std::int64_t duration_minutes = 30;
    std::string location;
    std::optional<std::int64_t> office_id;
};

// A requirement or licence condition on one of the person's orders.
struct RequirementRef {
    std::int64_t id = 0;
    std::int64_t event_id = 0;
    std::string category;
    std::string description;
    std::optional<std::int64_t> length;
    std::string unit;
    bool active = true;
};

// One of the person's orders (events) with its requirements.
struct OrderRef {
    std::int64_t id = 0;
    std::int64_t number = 0;
    std::string disposal_type;
    bool active = true;
    std::vector<RequirementRef> requirements;
};

struct Office {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::string address;
};

struct StaffRef {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::optional<std::int64_t> office_id;
    std::int64_t team_id = 0;
};

// Something that may count as a day of rehabilitation activity: a contact linked
// to the requirement, or an appointment booked against it. See rules::rar_days_used.
struct RarActivity {
    std::string at;                 // UTC ISO 8601 instant
    bool from_appointment = false;  // an appointment, or a contact that records one
    std::optional<std::string> outcome;
    bool cancelled = false;
};

struct RarProgress {
    std::int64_t requirement_id = 0;
    std::int64_t event_number = 0;
    std::int64_t max_days = 0;
    std::int64_t days_used = 0;
    std::int64_t days_remaining = 0;
};

}  // namespace onecase::appointments
