#include "enforcement/store.hpp"

#include <boost/json.hpp>

#include "enforcement/policy_rules.hpp"
#include "risk/risk_store.hpp"

namespace onecase::enforcement {

namespace {

constexpr const char* kAppointmentColumns =
    "SELECT id, person_id, type, start_at, duration_minutes, location, staff_id, event_id, requirement_id, office_id, "
    "cancelled_at, outcome, outcome_acceptable, outcome_notes, outcome_recorded_at, outcome_contact_id, "
    "rescheduled_to_id, version FROM appointments ";

AppointmentRecord to_appointment(const db::Row& r) {
    AppointmentRecord a;
    a.id = r.int64(0);
    a.person_id = r.int64(1);
    a.type = r.text(2);
    a.start_at = r.text(3);
    a.duration_minutes = r.int64(4);
    a.location = r.text(5);
    a.staff_id = r.opt_int64(6);
    a.event_id = r.opt_int64(7);
    a.requirement_id = r.opt_int64(8);
    a.office_id = r.opt_int64(9);
    a.cancelled_at = r.opt_text(10);
    a.outcome = r.opt_text(11);
    if (auto v = r.opt_int64(12)) a.outcome_acceptable = *v != 0;
    a.outcome_notes = r.opt_text(13);
    a.outcome_recorded_at = r.opt_text(14);
    a.outcome_contact_id = r.opt_int64(15);
    a.rescheduled_to_id = r.opt_int64(16);
    a.version = r.int64(17);
    return a;
}

constexpr const char* kActionColumns =
    "SELECT a.id, a.person_id, a.event_id, e.event_number, a.kind, a.action_date, a.reason, a.appointment_id, "
    "a.withdrawn_at, a.withdrawn_reason, a.created_at, a.version FROM enforcement_actions a "
    "JOIN events e ON e.id = a.event_id ";

ActionRecord to_action(const db::Row& r) {
    return ActionRecord{r.int64(0),     r.int64(1),    r.int64(2),     r.int64(3),  r.text(4),  r.text(5),
                        r.text(6),      r.opt_int64(7), r.opt_text(8), r.opt_text(9), r.text(10), r.int64(11)};
}

std::vector<ActionRecord> to_actions(const db::Rows& rows) {
    std::vector<ActionRecord> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(to_action(r));
    return out;
}

constexpr const char* kProposalColumns =
    "SELECT p.id, p.person_id, p.event_id, e.event_number, e.disposal_type, p.appointment_id, ap.start_at, p.proposal, "
    "p.reason, p.raised_at, p.resolved_at, p.resolved_by_action_id, p.resolution, p.version, pe.crn, "
    "pe.first_name || ' ' || pe.last_name, COALESCE(s.first_name || ' ' || s.last_name, '') "
    "FROM enforcement_proposals p JOIN events e ON e.id = p.event_id JOIN people pe ON pe.id = p.person_id "
    "LEFT JOIN appointments ap ON ap.id = p.appointment_id LEFT JOIN staff s ON s.id = pe.case_manager_staff_id ";

ProposalRecord to_proposal(const db::Row& r) {
    ProposalRecord p;
    p.id = r.int64(0);
    p.person_id = r.int64(1);
    p.event_id = r.int64(2);
    p.event_number = r.int64(3);
    p.disposal_type = r.text(4);
    p.appointment_id = r.opt_int64(5);
    p.failure_at = r.opt_text(6);
    p.proposal = r.text(7);
    p.reason = r.text(8);
    p.raised_at = r.text(9);
    p.resolved_at = r.opt_text(10);
    p.resolved_by_action_id = r.opt_int64(11);
    p.resolution = r.opt_text(12);
    p.version = r.int64(13);
    p.crn = r.text(14);
    p.person_name = r.text(15);
    p.case_manager_name = r.text(16);
    return p;
}

std::vector<ProposalRecord> to_proposals(const db::Rows& rows) {
    std::vector<ProposalRecord> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(to_proposal(r));
    return out;
}

OrderRef to_order(const db::Row& r, bool is_default) { return OrderRef{r.int64(0), r.int64(1), r.text(2), is_default}; }

}  // namespace

std::optional<AppointmentRecord> find_appointment(db::Connection& conn, std::int64_t id) {
    static const std::string sql = std::string(kAppointmentColumns) + "WHERE id = ?";
    auto rows = conn.query(sql, {id});
    if (rows.empty()) return std::nullopt;
    return to_appointment(rows[0]);
}

std::vector<AppointmentRecord> appointments_awaiting_outcome(db::Connection& conn, std::int64_t person_id,
                                                             platform::Instant now, int limit) {
    static const std::string sql = std::string(kAppointmentColumns) +
                                   "WHERE person_id = ? AND start_at <= ? AND outcome IS NULL AND cancelled_at IS NULL "
                                   "ORDER BY start_at DESC, id DESC LIMIT ?";
    std::vector<AppointmentRecord> out;
    for (const auto& r : conn.query(sql, {person_id, platform::format_instant(now), std::int64_t{limit}}))
        out.push_back(to_appointment(r));
    return out;
}

std::optional<std::string> crn_of_person(db::Connection& conn, std::int64_t person_id) {
    auto rows = conn.query("SELECT crn FROM people WHERE id = ?", {person_id});
    if (rows.empty()) return std::nullopt;
    return rows[0].text(0);
}

std::optional<OrderRef> order_for_appointment(db::Connection& conn, const AppointmentRecord& a) {
    if (a.event_id) return find_order_by_id(conn, *a.event_id);
    auto rows = conn.query(
        "SELECT id, event_number, disposal_type FROM events WHERE person_id = ? AND active = 1 "
        "ORDER BY start_date DESC, event_number DESC LIMIT 1",
        {a.person_id});
    if (rows.empty()) return std::nullopt;
    return to_order(rows[0], true);
}

std::optional<OrderRef> find_order(db::Connection& conn, std::int64_t person_id, std::int64_t event_number) {
    auto rows = conn.query("SELECT id, event_number, disposal_type FROM events WHERE person_id = ? AND event_number = ?",
                           {person_id, event_number});
    if (rows.empty()) return std::nullopt;
    return to_order(rows[0], false);
}

std::optional<OrderRef> find_order_by_id(db::Connection& conn, std::int64_t event_id) {
    auto rows = conn.query("SELECT id, event_number, disposal_type FROM events WHERE id = ?", {event_id});
    if (rows.empty()) return std::nullopt;
    return to_order(rows[0], false);
}

std::vector<OutcomeRow> outcomes_on_order(db::Connection& conn, std::int64_t person_id, const OrderRef& order,
                                          std::int64_t except) {
    auto rows = conn.query(
        "SELECT start_at, outcome, outcome_acceptable FROM appointments WHERE person_id = ? AND id <> ? "
        "AND outcome IS NOT NULL AND cancelled_at IS NULL AND (event_id = ? OR (event_id IS NULL AND ? = 1))",
        {person_id, except, order.id, std::int64_t{order.is_default ? 1 : 0}});
    std::vector<OutcomeRow> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        OutcomeRow o{order.id, r.text(0), r.text(1), std::nullopt};
        if (auto v = r.opt_int64(2)) o.acceptable = *v != 0;
        out.push_back(std::move(o));
    }
    return out;
}

bool set_outcome(db::Connection& conn, const AppointmentRecord& a, std::int64_t expected_version,
                 const ValidOutcome& o, std::int64_t contact_id, std::optional<std::int64_t> rescheduled_to,
                 std::int64_t user_id, platform::Instant now) {
    const auto at = platform::format_instant(now);
    std::optional<std::int64_t> acceptable;
    if (o.acceptable) acceptable = *o.acceptable ? 1 : 0;
    // The checks and the write are one statement, so two people recording the same
    // outcome at once cannot both succeed.
    return conn.execute(
               "UPDATE appointments SET outcome = ?, outcome_acceptable = ?, outcome_notes = ?, outcome_recorded_at = ?, "
               "outcome_recorded_by_user_id = ?, outcome_contact_id = ?, rescheduled_to_id = ?, updated_at = ?, "
               "version = version + 1 WHERE id = ? AND version = ? AND outcome IS NULL AND cancelled_at IS NULL",
               {std::string(outcome_code(o.outcome)), db::optional_value(acceptable), o.notes, at, user_id, contact_id,
                db::optional_value(rescheduled_to), at, a.id, expected_version}) == 1;
}

void link_contact_to_appointment(db::Connection& conn, std::int64_t contact_id, const AppointmentRecord& a) {
    conn.execute("UPDATE contacts SET appointment_id = ?, requirement_id = ?, event_id = ? WHERE id = ?",
                 {a.id, db::optional_value(a.requirement_id), db::optional_value(a.event_id), contact_id});
}

std::int64_t insert_rescheduled_appointment(db::Connection& conn, const AppointmentRecord& from,
                                            platform::Instant new_start, std::int64_t user_id, platform::Instant now) {
    const auto at = platform::format_instant(now);
    auto rows = conn.query(
        "INSERT INTO appointments (person_id, type, start_at, duration_minutes, location, staff_id, event_id, "
        "requirement_id, office_id, notes, created_at, created_by_user_id, updated_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, 1) RETURNING id",
        {from.person_id, from.type, platform::format_instant(new_start), from.duration_minutes, from.location,
         db::optional_value(from.staff_id), db::optional_value(from.event_id), db::optional_value(from.requirement_id),
         db::optional_value(from.office_id), at, user_id, at});
    return rows.at(0).int64(0);
}

std::vector<ActionRecord> actions_on_order(db::Connection& conn, std::int64_t event_id) {
    static const std::string sql = std::string(kActionColumns) + "WHERE a.event_id = ? ORDER BY a.action_date, a.id";
    return to_actions(conn.query(sql, {event_id}));
}

std::vector<ActionRecord> actions_for_person(db::Connection& conn, std::int64_t person_id) {
    static const std::string sql = std::string(kActionColumns) + "WHERE a.person_id = ? ORDER BY a.action_date, a.id";
    return to_actions(conn.query(sql, {person_id}));
}

std::optional<ActionRecord> find_action(db::Connection& conn, std::int64_t id) {
    static const std::string sql = std::string(kActionColumns) + "WHERE a.id = ?";
    auto rows = conn.query(sql, {id});
    if (rows.empty()) return std::nullopt;
    return to_action(rows[0]);
}

ActionRecord insert_action(db::Connection& conn, std::int64_t person_id, std::int64_t event_id, const ValidAction& action,
                           std::optional<std::int64_t> appointment_id, std::int64_t user_id, platform::Instant now) {
    auto rows = conn.query(
        "INSERT INTO enforcement_actions (person_id, event_id, kind, action_date, reason, appointment_id, created_at, "
        "created_by_user_id, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
        {person_id, event_id, std::string(action_kind_code(action.kind)), platform::format_date(action.date),
         action.reason, db::optional_value(appointment_id), platform::format_instant(now), user_id});
    // A breach is an input of the tier (previous enforcement activity): recalculated in
    // the same transaction.
    if (action.kind == contacts::EnforcementActionKind::breach_started) {
        risk::recalculate_tier(conn, person_id, now, user_id, "breach started");
    }
    return *find_action(conn, rows.at(0).int64(0));
}

bool withdraw_action(db::Connection& conn, std::int64_t id, std::int64_t expected_version, const std::string& reason,
                     platform::Instant now) {
    const bool withdrawn = conn.execute(
                               "UPDATE enforcement_actions SET withdrawn_at = ?, withdrawn_reason = ?, version = version + 1 "
                               "WHERE id = ? AND version = ? AND withdrawn_at IS NULL",
                               {platform::format_instant(now), reason, id, expected_version}) == 1;
    if (withdrawn) {
        auto action = find_action(conn, id);
        if (action && action->kind == "breach_started") {
            risk::recalculate_tier(conn, action->person_id, now, std::nullopt, "breach withdrawn");
        }
    }
    return withdrawn;
}

std::int64_t insert_proposal(db::Connection& conn, std::int64_t person_id, std::int64_t event_id,
                             std::optional<std::int64_t> appointment_id, std::string_view proposal,
                             const std::string& reason, platform::Instant now) {
    auto rows = conn.query(
        "INSERT INTO enforcement_proposals (person_id, event_id, appointment_id, proposal, reason, raised_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, 1) RETURNING id",
        {person_id, event_id, db::optional_value(appointment_id), std::string(proposal), reason,
         platform::format_instant(now)});
    return rows.at(0).int64(0);
}

std::optional<ProposalRecord> find_proposal(db::Connection& conn, std::int64_t id) {
    static const std::string sql = std::string(kProposalColumns) + "WHERE p.id = ?";
    auto rows = conn.query(sql, {id});
    if (rows.empty()) return std::nullopt;
    return to_proposal(rows[0]);
}

std::vector<ProposalRecord> proposals_for_person(db::Connection& conn, std::int64_t person_id) {
    static const std::string sql = std::string(kProposalColumns) +
                                   "WHERE p.person_id = ? ORDER BY CASE WHEN p.resolved_at IS NULL THEN 0 ELSE 1 END, "
                                   "CASE WHEN p.resolved_at IS NULL THEN p.raised_at ELSE '' END, p.resolved_at DESC, p.id";
    return to_proposals(conn.query(sql, {person_id}));
}

std::vector<ProposalRecord> open_spo_proposals_for_team(db::Connection& conn, std::int64_t team_id) {
    static const std::string sql = std::string(kProposalColumns) +
                                   "WHERE p.resolved_at IS NULL AND p.proposal IN ('breach_due', 'recall_consideration') "
                                   "AND s.team_id = ? ORDER BY p.raised_at, p.id";
    return to_proposals(conn.query(sql, {team_id}));
}

bool resolve_proposal(db::Connection& conn, std::int64_t id, std::int64_t expected_version,
                      std::optional<std::int64_t> action_id, const std::string& resolution, std::int64_t user_id,
                      platform::Instant now) {
    return conn.execute(
               "UPDATE enforcement_proposals SET resolved_at = ?, resolved_by_user_id = ?, resolved_by_action_id = ?, "
               "resolution = ?, version = version + 1 WHERE id = ? AND version = ? AND resolved_at IS NULL",
               {platform::format_instant(now), user_id, db::optional_value(action_id), resolution, id,
                expected_version}) == 1;
}

std::int64_t resolve_warning_proposals(db::Connection& conn, std::int64_t event_id, std::int64_t action_id,
                                       std::int64_t user_id, platform::Instant now) {
    return conn.execute(
        "UPDATE enforcement_proposals SET resolved_at = ?, resolved_by_user_id = ?, resolved_by_action_id = ?, "
        "resolution = 'Warning given', version = version + 1 "
        "WHERE event_id = ? AND proposal = 'warning' AND resolved_at IS NULL",
        {platform::format_instant(now), user_id, action_id, event_id});
}

std::vector<PolicyVersion> enforcement_policy_versions(db::Connection& conn) {
    auto rows = conn.query(
        "SELECT v.version, v.effective_from, v.settings, v.note, v.created_at, COALESCE(u.username, '') "
        "FROM policy_versions v LEFT JOIN users u ON u.id = v.created_by_user_id "
        "WHERE v.policy = 'enforcement' ORDER BY v.version DESC");
    std::vector<PolicyVersion> out;
    for (const auto& r : rows) out.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)});
    return out;
}

contacts::EnforcementPolicy enforcement_policy_in_force(db::Connection& conn, platform::Instant now) {
    auto rows = conn.query(
        "SELECT version, settings FROM policy_versions WHERE policy = 'enforcement' AND effective_from <= ? "
        "ORDER BY effective_from DESC, version DESC",
        {platform::format_instant(now)});
    for (const auto& r : rows) {
        boost::system::error_code ec;
        auto settings = boost::json::parse(r.text(1), ec);
        if (ec) continue;
        auto policy = parse_enforcement_policy(settings);
        if (!policy) continue;
        policy->version = static_cast<int>(r.int64(0));
        return *policy;
    }
    return contacts::EnforcementPolicy{};
}

std::int64_t insert_enforcement_policy_version(db::Connection& conn, const std::string& settings_json,
                                               const std::string& note, platform::Instant effective_from,
                                               std::int64_t user_id, platform::Instant now) {
    const auto latest = conn.query("SELECT MAX(version) FROM policy_versions WHERE policy = 'enforcement'")
                            .at(0)
                            .opt_int64(0)
                            .value_or(1);
    const auto version = latest + 1;
    conn.execute(
        "INSERT INTO policy_versions (policy, version, effective_from, settings, note, created_at, created_by_user_id) "
        "VALUES ('enforcement', ?, ?, ?, ?, ?, ?)",
        {version, platform::format_instant(effective_from), settings_json, note, platform::format_instant(now), user_id});
    return version;
}

}  // namespace onecase::enforcement
