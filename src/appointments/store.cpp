#include "appointments/store.hpp"

#include "people/store.hpp"
#include "sentences/store.hpp"

namespace onecase::appointments {
namespace {

constexpr const char* kSelect =
    "SELECT a.id, a.person_id, p.crn, p.last_name || ', ' || p.first_name, a.type, a.start_at, "
    "a.duration_minutes, a.location, a.office_id, COALESCE(o.code, ''), a.staff_id, COALESCE(s.code, ''), "
    "COALESCE(s.first_name || ' ' || s.last_name, ''), a.event_id, e.event_number, a.requirement_id, "
    "COALESCE(r.category, ''), a.notes, a.outcome, a.cancelled_at, a.cancel_reason, a.version "
    "FROM appointments a JOIN people p ON p.id = a.person_id "
    "LEFT JOIN offices o ON o.id = a.office_id LEFT JOIN staff s ON s.id = a.staff_id "
    "LEFT JOIN events e ON e.id = a.event_id LEFT JOIN requirements r ON r.id = a.requirement_id ";

Appointment to_appointment(const db::Row& r) {
    Appointment a;
    a.id = r.int64(0);
    a.person_id = r.int64(1);
    a.crn = r.text(2);
    a.person_name = r.text(3);
    a.type = r.text(4);
    a.start_at = r.text(5);
    a.duration_minutes = r.int64(6);
    a.location = r.text(7);
    a.office_id = r.opt_int64(8);
    a.office_code = r.text(9);
    a.staff_id = r.opt_int64(10);
    a.staff_code = r.text(11);
    a.staff_name = r.text(12);
    a.event_id = r.opt_int64(13);
    a.event_number = r.opt_int64(14);
    a.requirement_id = r.opt_int64(15);
    a.requirement_category = r.text(16);
    a.notes = r.text(17);
    a.outcome = r.opt_text(18);
    a.cancelled_at = r.opt_text(19);
    a.cancel_reason = r.opt_text(20);
    a.version = r.int64(21);
    return a;
}

std::vector<Appointment> to_list(const db::Rows& rows) {
    std::vector<Appointment> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(to_appointment(r));
    return out;
}

Office to_office(const db::Row& r) { return Office{r.int64(0), r.text(1), r.text(2), r.text(3)}; }

StaffRef to_staff(const db::Row& r) { return StaffRef{r.int64(0), r.text(1), r.text(2), r.opt_int64(3), r.int64(4)}; }

constexpr const char* kStaffSelect = "SELECT id, code, first_name || ' ' || last_name, office_id, team_id FROM staff ";

}  // namespace

std::optional<Appointment> find_appointment(db::Connection& conn, std::int64_t id) {
    static const std::string sql = std::string(kSelect) + "WHERE a.id = ?";
    auto rows = conn.query(sql, {id});
    if (rows.empty()) return std::nullopt;
    return to_appointment(rows[0]);
}

std::vector<Appointment> appointments_for_person(db::Connection& conn, std::int64_t person_id) {
    static const std::string sql = std::string(kSelect) + "WHERE a.person_id = ? ORDER BY a.start_at, a.id";
    return to_list(conn.query(sql, {person_id}));
}

std::vector<Appointment> appointments_for_staff(db::Connection& conn, std::int64_t staff_id, platform::Instant from,
                                                platform::Instant to) {
    static const std::string sql =
        std::string(kSelect) + "WHERE a.staff_id = ? AND a.start_at >= ? AND a.start_at < ? ORDER BY a.start_at, a.id";
    return to_list(conn.query(sql, {staff_id, platform::format_instant(from), platform::format_instant(to)}));
}

Appointment insert_appointment(db::Connection& conn, std::int64_t person_id, const NewAppointment& a,
                               std::int64_t user_id, platform::Instant now) {
    const auto at = platform::format_instant(now);
    auto rows = conn.query(
        "INSERT INTO appointments (person_id, type, start_at, duration_minutes, location, staff_id, version, event_id, "
        "requirement_id, office_id, notes, created_at, created_by_user_id, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {person_id, a.type, a.start_at, a.duration_minutes, a.location, a.staff_id, db::optional_value(a.event_id),
         db::optional_value(a.requirement_id), db::optional_value(a.office_id), a.notes, at, user_id, at});
    return *find_appointment(conn, rows.at(0).int64(0));
}

bool move_appointment(db::Connection& conn, std::int64_t id, std::int64_t expected_version, const Move& m,
                      platform::Instant now) {
    return conn.execute(
               "UPDATE appointments SET start_at = ?, duration_minutes = ?, location = ?, office_id = ?, "
               "updated_at = ?, version = version + 1 WHERE id = ? AND version = ? AND cancelled_at IS NULL",
               {m.start_at, m.duration_minutes, m.location, db::optional_value(m.office_id),
                platform::format_instant(now), id, expected_version}) == 1;
}

bool reassign_appointment(db::Connection& conn, std::int64_t id, std::int64_t expected_version, std::int64_t staff_id,
                          platform::Instant now) {
    return conn.execute(
               "UPDATE appointments SET staff_id = ?, updated_at = ?, version = version + 1 "
               "WHERE id = ? AND version = ? AND cancelled_at IS NULL",
               {staff_id, platform::format_instant(now), id, expected_version}) == 1;
}

bool cancel_appointment(db::Connection& conn, std::int64_t id, std::int64_t expected_version, const std::string& reason,
                        platform::Instant now) {
    const auto at = platform::format_instant(now);
    return conn.execute(
               "UPDATE appointments SET cancelled_at = ?, cancel_reason = ?, updated_at = ?, version = version + 1 "
               "WHERE id = ? AND version = ? AND cancelled_at IS NULL",
               {at, reason, at, id, expected_version}) == 1;
}

std::vector<OrderRef> orders_for_person(db::Connection& conn, std::int64_t person_id) {
    std::vector<OrderRef> out;
    for (const auto& e : sentences::events_for_person(conn, person_id)) {
        OrderRef o{e.id, e.number, e.disposal_type, e.active, {}};
        for (const auto& r : e.requirements) {
            o.requirements.push_back(RequirementRef{r.id, e.id, r.category, r.description, r.length, r.unit, r.active});
        }
        out.push_back(std::move(o));
    }
    return out;
}

std::optional<Office> find_office_by_code(db::Connection& conn, const std::string& code) {
    auto rows = conn.query("SELECT id, code, name, address FROM offices WHERE code = ?", {code});
    if (rows.empty()) return std::nullopt;
    return to_office(rows[0]);
}

std::optional<Office> find_office(db::Connection& conn, std::int64_t id) {
    auto rows = conn.query("SELECT id, code, name, address FROM offices WHERE id = ?", {id});
    if (rows.empty()) return std::nullopt;
    return to_office(rows[0]);
}

std::vector<Office> offices_in_pdu_of_staff(db::Connection& conn, std::int64_t staff_id) {
    auto rows = conn.query(
        "SELECT o.id, o.code, o.name, o.address FROM offices o JOIN teams t ON t.pdu_id = o.pdu_id "
        "JOIN staff s ON s.team_id = t.id WHERE s.id = ? ORDER BY o.name",
        {staff_id});
    std::vector<Office> out;
    for (const auto& r : rows) out.push_back(to_office(r));
    return out;
}

std::optional<StaffRef> find_staff_by_code(db::Connection& conn, const std::string& code) {
    static const std::string sql = std::string(kStaffSelect) + "WHERE code = ?";
    auto rows = conn.query(sql, {code});
    if (rows.empty()) return std::nullopt;
    return to_staff(rows[0]);
}

std::optional<StaffRef> find_staff(db::Connection& conn, std::int64_t id) {
    static const std::string sql = std::string(kStaffSelect) + "WHERE id = ?";
    auto rows = conn.query(sql, {id});
    if (rows.empty()) return std::nullopt;
    return to_staff(rows[0]);
}

std::vector<StaffRef> staff_in_team(db::Connection& conn, std::int64_t team_id) {
    static const std::string sql = std::string(kStaffSelect) + "WHERE team_id = ? ORDER BY last_name, first_name";
    std::vector<StaffRef> out;
    for (const auto& r : conn.query(sql, {team_id})) out.push_back(to_staff(r));
    return out;
}

std::string home_address(db::Connection& conn, std::int64_t person_id) {
    for (const auto& a : people::addresses(conn, person_id)) {
        if (a.end_date || a.status != "main") continue;
        std::string text = a.line1;
        for (const auto* part : {&a.line2, &a.town, &a.postcode}) {
            if (!part->empty()) text += ", " + *part;
        }
        return text;
    }
    return "";
}

std::vector<RarActivity> rar_activities(db::Connection& conn, std::int64_t requirement_id) {
    std::vector<RarActivity> out;
    auto contacts = conn.query(
        "SELECT c.contact_at, c.appointment_id, a.outcome, a.cancelled_at FROM contacts c "
        "LEFT JOIN appointments a ON a.id = c.appointment_id WHERE c.requirement_id = ?",
        {requirement_id});
    for (const auto& r : contacts) {
        out.push_back(RarActivity{r.text(0), r.opt_int64(1).has_value(), r.opt_text(2), r.opt_text(3).has_value()});
    }
    auto booked = conn.query("SELECT start_at, outcome, cancelled_at FROM appointments WHERE requirement_id = ?",
                             {requirement_id});
    for (const auto& r : booked) out.push_back(RarActivity{r.text(0), true, r.opt_text(1), r.opt_text(2).has_value()});
    return out;
}

}  // namespace onecase::appointments

namespace onecase::appointments {
std::optional<std::string> crn_of_appointment(db::Connection& conn, std::int64_t id) {
    auto rows = conn.query("SELECT p.crn FROM appointments a JOIN people p ON p.id = a.person_id WHERE a.id = ?", {id});
    if (rows.empty()) return std::nullopt;
    return rows[0].text(0);
}
}  // namespace onecase::appointments
