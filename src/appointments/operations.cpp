#include "appointments/operations.hpp"

#include <charconv>

#include "access/audit.hpp"
#include "appointments/store.hpp"

namespace onecase::appointments {

using access::Principal;

namespace {

Problem no_such_appointment() { return Problem::not_found("There is no appointment with that number"); }

// Authorises the case an appointment belongs to, then reads the appointment.
Result<Appointment> authorised_appointment(const Context& ctx, db::Connection& conn, const Principal& who,
                                           std::int64_t id, bool write) {
    auto crn = crn_of_appointment(conn, id);
    if (!crn) return no_such_appointment();
    auto person = ctx.authorise(conn, *crn, who, write);
    if (!person) return person.problem();
    auto a = find_appointment(conn, id);
    if (!a) return no_such_appointment();
    return *a;
}

std::optional<Office> office_named(db::Connection& conn, const std::string& code) {
    if (code.empty()) return std::nullopt;
    return find_office_by_code(conn, code);
}

// What a move or cancellation can change, for the audit row's before and after.
access::AuditSnapshot audited_fields(const Appointment& a) {
    access::AuditSnapshot s;
    s.set("type", a.type);
    s.set("start_at", a.start_at);
    s.set("duration_minutes", a.duration_minutes);
    s.set("location", a.location);
    s.set("office", a.office_code.empty() ? std::nullopt : std::optional(a.office_code));
    s.set("staff", a.staff_code.empty() ? std::nullopt : std::optional(a.staff_code));
    s.set("notes", a.notes);
    s.set("status", a.cancelled_at ? "cancelled" : a.outcome ? "outcome recorded" : "booked");
    s.set("cancel_reason", a.cancel_reason);
    s.set("version", a.version);
    return s;
}

}  // namespace

Result<Appointment> book(const Context& ctx, const http::Request& req, const Principal& who, const std::string& crn,
                         const BookingInput& input) {
    const auto now = ctx.deps.clock.now();
    return db::write_transaction(ctx.deps.db, [&](db::Connection& conn) -> Result<Appointment> {
        auto person = ctx.authorise(conn, crn, who, true);
        if (!person) return person.problem();
        BookingContext bc;
        bc.orders = orders_for_person(conn, person->id);
        bc.office = office_named(conn, input.office_code);
        if (!input.staff_code.empty())
            bc.staff = find_staff_by_code(conn, input.staff_code);
        else if (who.staff)
            bc.staff = find_staff(conn, who.staff->staff_id);
        if (bc.staff && bc.staff->office_id) bc.staff_office = find_office(conn, *bc.staff->office_id);
        bc.home_address = home_address(conn, person->id);
        auto valid = validate_booking(input, bc, now);
        if (!valid) return valid.problem();
        auto saved = insert_appointment(conn, person->id, *valid, who.user_id, now);
        access::record_audit(
            conn, now, &who, req.remote_address,
            access::AuditEntry{"appointment.book", crn,
                               "appointment=" + std::to_string(saved.id) + " start=" + saved.start_at,
                               access::created_fields(audited_fields(saved))});
        return saved;
    });
}

ChangeResult move(const Context& ctx, const http::Request& req, const Principal& who, std::int64_t id,
                  std::int64_t expected_version, const MoveInput& input) {
    const auto now = ctx.deps.clock.now();
    return db::write_transaction(ctx.deps.db, [&](db::Connection& conn) -> ChangeResult {
        auto current = authorised_appointment(ctx, conn, who, id, true);
        if (!current) return current.problem();
        if (current->version != expected_version) return std::variant<Appointment, Conflict>{Conflict{*current}};
        auto valid = validate_move(input, *current, office_named(conn, input.office_code), now);
        if (!valid) return valid.problem();
        if (!move_appointment(conn, id, expected_version, *valid, now)) {
            return std::variant<Appointment, Conflict>{Conflict{*find_appointment(conn, id)}};
        }
        auto moved = *find_appointment(conn, id);
        access::record_audit(conn, now, &who, req.remote_address,
                             access::AuditEntry{"appointment.move", current->crn,
                                                "appointment=" + std::to_string(id) + " from=" + current->start_at +
                                                    " to=" + valid->start_at,
                                                access::diff_fields(audited_fields(*current), audited_fields(moved))});
        return std::variant<Appointment, Conflict>{std::move(moved)};
    });
}

ChangeResult cancel(const Context& ctx, const http::Request& req, const Principal& who, std::int64_t id,
                    std::int64_t expected_version, const std::string& reason) {
    const auto now = ctx.deps.clock.now();
    return db::write_transaction(ctx.deps.db, [&](db::Connection& conn) -> ChangeResult {
        auto current = authorised_appointment(ctx, conn, who, id, true);
        if (!current) return current.problem();
        if (current->version != expected_version) return std::variant<Appointment, Conflict>{Conflict{*current}};
        auto valid = validate_cancel(reason, *current, now);
        if (!valid) return valid.problem();
        if (!cancel_appointment(conn, id, expected_version, *valid, now)) {
            return std::variant<Appointment, Conflict>{Conflict{*find_appointment(conn, id)}};
        }
        auto cancelled = *find_appointment(conn, id);
        access::record_audit(conn, now, &who, req.remote_address,
                             access::AuditEntry{"appointment.cancel", current->crn, "appointment=" + std::to_string(id),
                                                access::diff_fields(audited_fields(*current), audited_fields(cancelled))});
        return std::variant<Appointment, Conflict>{std::move(cancelled)};
    });
}

std::optional<Problem> refuse_change(const Context& ctx, const Principal& who, std::int64_t id) {
    return db::read_transaction(ctx.deps.db, [&](db::Connection& conn) -> std::optional<Problem> {
        auto a = authorised_appointment(ctx, conn, who, id, true);
        if (!a) return a.problem();
        return std::nullopt;
    });
}

Result<Appointment> read(const Context& ctx, const http::Request& req, const Principal& who, std::int64_t id,
                         bool write, const std::string& action) {
    auto result = db::read_transaction(
        ctx.deps.db, [&](db::Connection& conn) { return authorised_appointment(ctx, conn, who, id, write); });
    if (result) {
        audit_view(ctx.deps, req, who, action, result->crn, "appointment=" + std::to_string(id));
    } else if (result.problem().status == 403) {
        // Against the case it was refused on, so the case's audit trail shows who tried.
        auto crn = db::read_transaction(ctx.deps.db, [&](db::Connection& conn) { return crn_of_appointment(conn, id); });
        audit_view(ctx.deps, req, who, action + ".refused", std::move(crn), "appointment=" + std::to_string(id));
    }
    return result;
}

Result<BookingChoices> booking_choices(const Context& ctx, const Principal& who, const std::string& crn) {
    return db::read_transaction(ctx.deps.db, [&](db::Connection& conn) -> Result<BookingChoices> {
        auto person = ctx.authorise(conn, crn, who, true);
        if (!person) return person.problem();
        const auto person_id = person->id;
        BookingChoices c{std::move(*person), orders_for_person(conn, person_id), {}, {}};
        if (who.staff) {
            c.offices = offices_in_pdu_of_staff(conn, who.staff->staff_id);
            c.team = staff_in_team(conn, who.staff->team_id);
        }
        return c;
    });
}

}  // namespace onecase::appointments
