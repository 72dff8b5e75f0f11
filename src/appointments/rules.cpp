#include "appointments/rules.hpp"

#include <charconv>
#include <set>

#include "contacts/rules.hpp"

namespace onecase::appointments {

using namespace std::chrono;
using platform::Instant;

namespace {

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

std::optional<std::int64_t> parse_whole(const std::string& text) {
    const std::string t = trim(text);
    std::int64_t n = 0;
    auto r = std::from_chars(t.data(), t.data() + t.size(), n);
    if (t.empty() || r.ec != std::errc{} || r.ptr != t.data() + t.size()) return std::nullopt;
    return n;
}

// Reads the start from either the API's one field or the page's two. Adds errors
// under the field the user filled in.
std::optional<Instant> parse_start(const std::optional<std::string>& start, const std::string& date_text,
                                   const std::string& time_text, std::vector<FieldError>& errors) {
    if (start) {
        if (start->empty()) {
            errors.push_back({"start", "Give the start date and time, for example 2026-12-01T10:00"});
            return std::nullopt;
        }
        auto t = platform::parse_london_local(*start);
        if (!t) errors.push_back({"start", "Give a real UK date and time, for example 2026-12-01T10:00"});
        return t;
    }
    const std::string date = trim(date_text);
    std::string time = trim(time_text);
    if (time.size() == 4 && time[1] == ':') time = "0" + time;
    const bool date_ok = platform::parse_date(date).has_value();
    const bool time_ok = time.size() == 5 && platform::parse_london_local("2000-01-01T" + time).has_value();
    if (date.empty())
        errors.push_back({"date", "Enter the date of the appointment"});
    else if (!date_ok)
        errors.push_back({"date", "Enter a real date, for example 2026-12-01"});
    if (time.empty())
        errors.push_back({"time", "Enter the start time"});
    else if (!time_ok)
        errors.push_back({"time", "Enter a real time on the 24-hour clock, for example 14:30"});
    if (!date_ok || !time_ok) return std::nullopt;
    return platform::parse_london_local(date + "T" + time);
}

void check_future(Instant start, Instant now, bool page_fields, std::vector<FieldError>& errors) {
    if (start <= now) {
        errors.push_back({page_fields ? "date" : "start",
                          "The appointment must start in the future. Something that has already happened is "
                          "recorded as a contact."});
    }
}

std::optional<std::int64_t> check_duration(const std::string& text, std::vector<FieldError>& errors) {
    auto n = parse_whole(text);
    if (trim(text).empty()) {
        errors.push_back({"durationMinutes", "Enter how long the appointment is, in minutes"});
    } else if (!n) {
        errors.push_back({"durationMinutes", "Enter the duration as a whole number of minutes"});
    } else if (*n < kMinDurationMinutes || *n > kMaxDurationMinutes) {
        errors.push_back({"durationMinutes", "The duration must be between 5 and 480 minutes"});
    } else {
        return n;
    }
    return std::nullopt;
}

void check_text(const std::string& text, const char* field, const char* what, std::size_t max,
                std::vector<FieldError>& errors) {
    auto length = contacts::utf8_length(text);
    if (!length) {
        errors.push_back({field, std::string(what) + " contain characters that are not valid text"});
    } else if (*length > max) {
        errors.push_back({field, std::string(what) + " must be " + std::to_string(max) + " characters or fewer"});
    }
}

const RequirementRef* find_requirement(const std::vector<OrderRef>& orders, std::int64_t id, const OrderRef** order) {
    for (const auto& o : orders) {
        for (const auto& r : o.requirements) {
            if (r.id == id) {
                *order = &o;
                return &r;
            }
        }
    }
    return nullptr;
}

}  // namespace

const std::vector<AppointmentType>& appointment_types() {
    static const std::vector<AppointmentType> kTypes = [] {
        std::vector<AppointmentType> types;
        for (const char* code : {"office_visit", "home_visit", "video", "phone", "other"}) {
            types.push_back({code, contacts::contact_type_label(code).value_or(code)});
        }
        return types;
    }();
    return kTypes;
}

std::string appointment_type_label(const std::string& code) {
    for (const auto& t : appointment_types()) {
        if (t.code == code) return t.label;
    }
    return contacts::contact_type_label(code).value_or(code);
}

Result<NewAppointment> validate_booking(const BookingInput& in, const BookingContext& ctx, Instant now) {
    std::vector<FieldError> errors;
    NewAppointment out;

    bool known_type = false;
    for (const auto& t : appointment_types()) known_type = known_type || t.code == in.type;
    if (in.type.empty())
        errors.push_back({"type", "Select the type of appointment"});
    else if (!known_type)
        errors.push_back({"type", "Select an appointment type from the list"});
    out.type = in.type;

    if (auto start = parse_start(in.start, in.date, in.time, errors)) {
        check_future(*start, now, !in.start.has_value(), errors);
        out.start_at = platform::format_instant(*start);
    }
    if (auto d = check_duration(in.duration_minutes, errors)) out.duration_minutes = *d;

    if (!ctx.staff) {
        errors.push_back({"staffCode", in.staff_code.empty()
                                           ? "Give the staff code of the person the appointment is with"
                                           : "There is no member of staff with code " + in.staff_code});
    } else {
        out.staff_id = ctx.staff->id;
    }

    const std::string location = trim(in.location);
    check_text(location, "location", "The location", kMaxLocationCharacters, errors);
    if (!in.office_code.empty() && !ctx.office) {
        errors.push_back({"officeCode", "There is no office with code " + in.office_code});
    } else if (ctx.office) {
        out.office_id = ctx.office->id;
        out.location = location.empty() ? ctx.office->name : location;
    } else if (!location.empty()) {
        out.location = location;
    } else if (in.type == "home_visit") {
        if (ctx.home_address.empty()) errors.push_back({"location", "Enter the address for the home visit"});
        out.location = ctx.home_address;
    } else if (in.type == "office_visit") {
        if (!ctx.staff_office)
            errors.push_back({"officeCode", "Select the office"});
        else {
            out.office_id = ctx.staff_office->id;
            out.location = ctx.staff_office->name;
        }
    }

    const OrderRef* order = nullptr;
    if (!trim(in.event_number).empty()) {
        auto n = parse_whole(in.event_number);
        for (const auto& o : ctx.orders) {
            if (n && o.number == *n && o.active) order = &o;
        }
        if (!order) errors.push_back({"eventNumber", "Select one of the person's current orders"});
    }
    if (!trim(in.requirement_id).empty()) {
        auto id = parse_whole(in.requirement_id);
        const OrderRef* owner = nullptr;
        const RequirementRef* r = id ? find_requirement(ctx.orders, *id, &owner) : nullptr;
        if (!r || !r->active || !owner->active) {
            errors.push_back(
                {"requirementId", "Select a requirement or condition on one of the person's current orders"});
        } else if (order && order != owner) {
            errors.push_back({"requirementId", "That requirement is on another order; select one on the order chosen"});
        } else {
            order = owner;
            out.requirement_id = r->id;
        }
    }
    if (!order && trim(in.event_number).empty()) {
        const OrderRef* only = nullptr;
        int current = 0;
        for (const auto& o : ctx.orders) {
            if (o.active) {
                ++current;
                only = &o;
            }
        }
        if (current == 1) order = only;
    }
    if (order) out.event_id = order->id;

    check_text(in.notes, "notes", "Notes", contacts::kMaxNotesCharacters, errors);
    out.notes = in.notes;

    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the appointment details");
    return out;
}

Result<Move> validate_move(const MoveInput& in, const Appointment& current, const std::optional<Office>& office,
                           Instant now) {
    const auto status = appointment_status(current, now);
    if (status == Status::cancelled || status == Status::outcome_recorded) {
        return Problem{422,
                       "This appointment cannot be moved",
                       status == Status::cancelled ? "It was cancelled. Book a new appointment instead."
                                                   : "Its outcome has been recorded. Book a new appointment instead.",
                       {}};
    }
    std::vector<FieldError> errors;
    Move out{current.start_at, current.duration_minutes, current.location, current.office_id};
    if (auto start = parse_start(in.start, in.date, in.time, errors)) {
        check_future(*start, now, !in.start.has_value(), errors);
        out.start_at = platform::format_instant(*start);
    }
    if (!trim(in.duration_minutes).empty()) {
        if (auto d = check_duration(in.duration_minutes, errors)) out.duration_minutes = *d;
    }
    const std::string location = trim(in.location);
    check_text(location, "location", "The location", kMaxLocationCharacters, errors);
    if (!in.office_code.empty() && !office) {
        errors.push_back({"officeCode", "There is no office with code " + in.office_code});
    } else if (office) {
        out.office_id = office->id;
        out.location = location.empty() ? office->name : location;
    } else if (!location.empty() && location != current.location) {
        out.location = location;
        out.office_id = std::nullopt;
    }
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the new date and time");
    return out;
}

Result<std::string> validate_cancel(const std::string& reason, const Appointment& current, Instant now) {
    const auto status = appointment_status(current, now);
    if (status == Status::cancelled) {
        return Problem{422, "This appointment is already cancelled", current.cancel_reason.value_or(""), {}};
    }
    if (status == Status::outcome_recorded) {
        return Problem{422, "This appointment cannot be cancelled", "Its outcome has already been recorded.", {}};
    }
    const std::string r = trim(reason);
    std::vector<FieldError> errors;
    if (r.empty())
        errors.push_back({"reason", "Enter why the appointment is cancelled"});
    else
        check_text(r, "reason", "The reason", kMaxReasonCharacters, errors);
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the cancellation");
    return r;
}

Status appointment_status(const Appointment& a, Instant now) {
    if (a.cancelled_at) return Status::cancelled;
    if (a.outcome && !a.outcome->empty()) return Status::outcome_recorded;
    auto start = platform::parse_instant(a.start_at);
    // An unreadable start is treated as passed, so it is noticed rather than hidden.
    if (start && *start > now) return Status::booked;
    return Status::awaiting_outcome;
}

bool moves_with_the_case(const Appointment& a, std::int64_t old_case_manager_id, Instant now) {
    return a.staff_id == old_case_manager_id && appointment_status(a, now) == Status::booked;
}

std::string status_code(Status s) {
    switch (s) {
        case Status::booked:
            return "booked";
        case Status::awaiting_outcome:
            return "awaiting_outcome";
        case Status::outcome_recorded:
            return "outcome_recorded";
        case Status::cancelled:
            return "cancelled";
    }
    return "booked";
}

std::string status_label(Status s) {
    switch (s) {
        case Status::booked:
            return "Booked";
        case Status::awaiting_outcome:
            return "Awaiting outcome";
        case Status::outcome_recorded:
            return "Outcome recorded";
        case Status::cancelled:
            return "Cancelled";
    }
    return "Booked";
}

Instant DayRange::start_utc() const { return platform::london_local_to_utc(local_days{from}); }
Instant DayRange::end_utc() const { return platform::london_local_to_utc(local_days{to} + std::chrono::days{1}); }
int DayRange::days() const { return int((sys_days{to} - sys_days{from}).count()) + 1; }

Result<DayRange> diary_range(const std::string& from_text, const std::string& to_text) {
    std::vector<FieldError> errors;
    auto from = platform::parse_date(from_text);
    auto to = platform::parse_date(to_text);
    if (!from) errors.push_back({"from", "Give from as a real date, YYYY-MM-DD"});
    if (!to) errors.push_back({"to", "Give to as a real date, YYYY-MM-DD"});
    if (from && to) {
        DayRange r{*from, *to};
        if (sys_days{*to} < sys_days{*from})
            errors.push_back({"to", "to must be on or after from"});
        else if (r.days() > kMaxDiaryDays)
            errors.push_back({"to", "Ask for at most 31 days at once"});
        else
            return r;
    }
    return Problem::invalid(std::move(errors), "Check the diary dates");
}

platform::Date monday_of(platform::Date d) {
    const sys_days day{d};
    return platform::Date{day - (weekday{day} - Monday)};
}

bool can_view_diary(const access::Principal& who, const StaffRef& owner) {
    if (!who.staff || who.role == access::Role::admin) return false;
    if (who.staff->staff_id == owner.id) return true;
    return who.role == access::Role::spo && who.staff->team_id == owner.team_id;
}

std::int64_t rar_days_used(const std::vector<RarActivity>& activities) {
    std::set<std::string> days_seen;
    for (const auto& a : activities) {
        if (a.cancelled) continue;
        if (a.from_appointment) {
            if (!a.outcome || (*a.outcome != "attended_complied" && *a.outcome != "attended_failed_to_comply"))
                continue;
        }
        auto t = platform::parse_instant(a.at);
        if (!t) continue;
        days_seen.insert(platform::format_date(platform::london_date(*t)));
    }
    return static_cast<std::int64_t>(days_seen.size());
}

bool is_rar(const RequirementRef& r) { return r.category == "rar"; }

}  // namespace onecase::appointments
