#include "workload/transfers.hpp"

#include "access/users_store.hpp"
#include "access/policy.hpp"
#include "enforcement/route_support.hpp"
#include "workload/audit_fields.hpp"
#include "people/store.hpp"
#include "platform/identifiers.hpp"

namespace onecase::workload {

namespace json = boost::json;
using access::Principal;
using access::Role;

namespace {

constexpr const char* kTransferSelect =
    "SELECT x.id, x.person_id, p.crn, x.from_team_id, ft.pdu_id, x.to_team_id, tt.pdu_id, ft.code, ft.name, fd.name,"
    " tt.code, tt.name, td.name, x.from_staff_id, COALESCE(s.first_name || ' ' || s.last_name, ''), x.reason,"
    " x.requested_at, COALESCE(ru.username, ''), x.status, COALESCE(x.closed_at, ''), COALESCE(cu.username, ''),"
    " x.close_reason, ru.staff_id"
    " FROM case_transfers x JOIN people p ON p.id = x.person_id"
    " JOIN teams ft ON ft.id = x.from_team_id JOIN pdus fd ON fd.id = ft.pdu_id"
    " JOIN teams tt ON tt.id = x.to_team_id JOIN pdus td ON td.id = tt.pdu_id"
    " LEFT JOIN staff s ON s.id = x.from_staff_id LEFT JOIN users ru ON ru.id = x.requested_by_user_id"
    " LEFT JOIN users cu ON cu.id = x.closed_by_user_id ";

TransferRecord transfer_row(const db::Row& r) {
    TransferRecord t;
    t.id = r.int64(0);
    t.person_id = r.int64(1);
    t.crn = r.text(2);
    t.from = TeamPlace{r.int64(3), r.int64(4)};
    t.to = TeamPlace{r.int64(5), r.int64(6)};
    t.from_team_code = r.text(7);
    t.from_team_name = r.text(8);
    t.from_pdu_name = r.text(9);
    t.to_team_code = r.text(10);
    t.to_team_name = r.text(11);
    t.to_pdu_name = r.text(12);
    t.from_staff_id = r.opt_int64(13);
    t.from_staff_name = r.text(14);
    t.reason = r.text(15);
    t.requested_at = r.text(16);
    t.requested_by = r.text(17);
    t.status = r.text(18);
    t.closed_at = r.text(19);
    t.closed_by = r.text(20);
    t.close_reason = r.text(21);
    t.requested_by_staff_id = r.opt_int64(22);
    return t;
}

TeamPlace place(const TeamRecord& t) { return TeamPlace{t.id, t.pdu_id}; }

// The team a case is in: its case manager's, else the queue it waits in.
std::optional<TeamRecord> team_of_case(db::Connection& conn, const people::Person& person) {
    if (person.case_manager_staff_id) {
        auto cm = find_staff_by_id(conn, *person.case_manager_staff_id);
        return cm ? find_team_by_id(conn, cm->team_id) : std::nullopt;
    }
    auto rows = conn.query("SELECT allocation_team_id FROM people WHERE id = ?", {person.id});
    auto id = rows.empty() ? std::nullopt : rows[0].opt_int64(0);
    return id ? find_team_by_id(conn, *id) : std::nullopt;
}

// Staff whose users are SPOs of the team: they receive a transfer.
std::vector<StaffRecord> team_spos(db::Connection& conn, std::int64_t team_id) {
    std::vector<StaffRecord> out;
    for (const auto& r : conn.query("SELECT DISTINCT s.id FROM staff s JOIN users u ON u.staff_id = s.id"
                                    " WHERE s.team_id = ? AND u.role = 'spo' AND u.active = 1 ORDER BY s.id",
                                    {team_id}))
        if (auto s = find_staff_by_id(conn, r.int64(0))) out.push_back(std::move(*s));
    return out;
}

void notify(db::Connection& conn, const StaffRecord& to, const std::string& kind, const std::string& crn, const std::string& subject,
            const std::string& message, platform::Instant now, std::vector<Email>& mails) {
    insert_notification(conn, to.id, kind, crn, message, now);
    mails.push_back({to.email, subject, message});
}

std::string describe_place(const std::string& team, const std::string& pdu) { return team + " (" + pdu + ")"; }

}  // namespace

std::optional<TransferRecord> find_transfer(db::Connection& conn, std::int64_t id) {
    auto rows = conn.query(std::string(kTransferSelect) + "WHERE x.id = ?", {id});
    if (rows.empty()) return std::nullopt;
    return transfer_row(rows[0]);
}

std::optional<TransferRecord> pending_transfer(db::Connection& conn, std::int64_t person_id) {
    auto rows = conn.query(std::string(kTransferSelect) + "WHERE x.person_id = ? AND x.status = 'pending' ORDER BY x.id DESC", {person_id});
    if (rows.empty()) return std::nullopt;
    return transfer_row(rows[0]);
}

std::vector<TransferRecord> transfers_of(db::Connection& conn, std::int64_t person_id) {
    std::vector<TransferRecord> out;
    for (const auto& r : conn.query(std::string(kTransferSelect) + "WHERE x.person_id = ? ORDER BY x.id DESC", {person_id}))
        out.push_back(transfer_row(r));
    return out;
}

void accept_transfer(db::Connection& conn, std::int64_t transfer_id, std::int64_t user_id, platform::Instant now) {
    conn.execute(
        "UPDATE case_transfers SET status = 'accepted', closed_at = ?, closed_by_user_id = ?,"
        " allocation_id = (SELECT MAX(a.id) FROM allocations a WHERE a.transfer_id = ?) WHERE id = ? AND status = 'pending'",
        {platform::format_instant(now), user_id, transfer_id, transfer_id});
}

Result<casework::AuthorisedCase> authorise_for_allocation(db::Connection& conn, const std::string& crn, const Principal& who) {
    auto c = casework::authorise_case(conn, crn, who, false);
    if (c || c.problem().status != 403 || !who.staff) return c;
    // A receiving SPO in another region could not otherwise read a case that still has
    // its case manager there; for them it is a case waiting in their queue.
    auto person = people::find_by_crn(conn, crn);
    if (!person) return c;
    auto pending = pending_transfer(conn, person->id);
    if (!pending || pending->to.pdu_id != who.staff->pdu_id) return c;
    std::optional<access::StaffScope> cm;
    if (person->case_manager_staff_id) cm = access::load_staff_scope(conn, *person->case_manager_staff_id);
    auto scope = casework::load_scope(conn, *person, cm);
    auto as_queued = scope;
    as_queued.case_manager_staff_id.reset();
    if (!access::can_read_case(who, as_queued)) return c;
    return casework::AuthorisedCase{std::move(*person), std::move(cm), std::move(scope)};
}

json::object transfer_json(const TransferRecord& t) {
    auto when = [](const std::string& iso) {
        auto i = platform::parse_instant(iso);
        return i ? platform::display_london(*i) : iso;
    };
    return json::object{{"id", t.id},
                        {"crn", t.crn},
                        {"status", t.status},
                        {"fromTeamCode", t.from_team_code},
                        {"fromTeamName", t.from_team_name},
                        {"fromPduName", t.from_pdu_name},
                        {"toTeamCode", t.to_team_code},
                        {"toTeamName", t.to_team_name},
                        {"toPduName", t.to_pdu_name},
                        {"crossesPdu", crosses_pdu(t.from, t.to)},
                        {"caseManagerName", t.from_staff_name.empty() ? json::value(nullptr) : json::value(t.from_staff_name)},
                        {"reason", t.reason},
                        {"requestedAt", t.requested_at},
                        {"requestedAtText", when(t.requested_at)},
                        {"requestedBy", t.requested_by},
                        {"closedAt", t.closed_at.empty() ? json::value(nullptr) : json::value(t.closed_at)},
                        {"closedAtText", when(t.closed_at)},
                        {"closedBy", t.closed_by.empty() ? json::value(nullptr) : json::value(t.closed_by)},
                        {"closeReason", t.close_reason}};
}

Result<TransferRecord> request_transfer(access::RouteDeps& deps, const http::Request& req, const Principal& who,
                                        const TransferRequest& in, EmailNotifier& email) {
    const auto now = deps.clock.now();
    std::vector<Email> mails;
    auto done = db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<TransferRecord> {
        if (who.role != Role::spo && who.role != Role::head_of_pdu)
            return Problem::forbidden("Only a senior probation officer or a head of PDU transfers cases.");
        auto c = casework::authorise_case(conn, in.crn, who, false);
        if (!c) return c.problem();
        const auto& person = c->person;
        if (pending_transfer(conn, person.id))
            return Problem::conflict("This case is already being transferred. Withdraw that transfer before asking for another.");
        auto from = team_of_case(conn, person);
        if (!from) return Problem::conflict("This case is in no team, so there is nothing to transfer it from.");
        if (!can_send_transfer(who, place(*from)))
            return Problem::forbidden("Only the senior probation officer of " + from->name + ", or the head of " + from->pdu_name +
                                      ", transfers its cases.");
        auto to = find_team(conn, in.to_team);
        std::optional<TeamPlace> to_place;
        if (to) to_place = place(*to);
        auto errors = check_transfer_request(place(*from), in.to_team, to_place, in.reason);
        if (!errors.empty()) return Problem::invalid(std::move(errors));
        const auto holding_before = case_holding(conn, person.id);
        // The case waits in the receiving team's queue; its version guards against a
        // concurrent allocation or transfer by someone else.
        if (conn.execute("UPDATE people SET allocation_team_id = ?, version = version + 1 WHERE id = ? AND version = ?",
                         {to->id, person.id, person.version}) != 1)
            return Problem::conflict("Someone changed this case while you were deciding. Look at it again.");
        auto rows = conn.query(
            "INSERT INTO case_transfers (person_id, from_team_id, to_team_id, from_staff_id, reason, requested_at,"
            " requested_by_user_id) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {person.id, from->id, to->id, db::optional_value(person.case_manager_staff_id), in.reason,
             platform::format_instant(now), who.user_id});
        const auto id = rows.at(0).int64(0);
        const std::string name = person.full_name() + " (" + in.crn + ")";
        const std::string dest = describe_place(to->name, to->pdu_name);
        if (person.case_manager_staff_id)
            if (auto cm = find_staff_by_id(conn, *person.case_manager_staff_id))
                notify(conn, *cm, "transfer_requested", in.crn, "Case transfer requested: " + in.crn,
                       name + " is being transferred to " + dest + " by " + who.display_name() +
                           ". The case stays with you until " + to->name + " allocates it.",
                       now, mails);
        for (const auto& spo : team_spos(conn, to->id))
            notify(conn, spo, "transfer_received", in.crn, "Case transferred to your team: " + in.crn,
                   name + " has been transferred to " + to->name + " from " + describe_place(from->name, from->pdu_name) + " by " +
                       who.display_name() + ". It is in your allocation queue.",
                   now, mails);
        enforcement::audit(conn, deps, req, who, "case.transfer.request", in.crn,
                           "transfer=" + std::to_string(id) + " from=" + from->code + " to=" + to->code + " case_manager=" +
                               (c->case_manager ? c->case_manager->staff_code : std::string("none")) + " reason=" + in.reason,
                           access::joined_changes(access::created_fields(transfer_fields(*find_transfer(conn, id))),
                                            access::diff_fields(holding_before, case_holding(conn, person.id))));
        return *find_transfer(conn, id);
    });
    // E-mail only after the commit.
    if (done) send_once_written(email, mails);
    return done;
}

Result<TransferRecord> close_transfer(access::RouteDeps& deps, const http::Request& req, const Principal& who,
                                      std::int64_t transfer_id, bool declining, const std::string& reason, EmailNotifier& email) {
    const auto now = deps.clock.now();
    std::vector<Email> mails;
    auto done = db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<TransferRecord> {
        auto t = find_transfer(conn, transfer_id);
        if (!t) return Problem::not_found("There is no transfer " + std::to_string(transfer_id));
        // The case's own access rules first (a receiving SPO reads it as a queued case).
        auto c = authorise_for_allocation(conn, t->crn, who);
        if (!c) return c.problem();
        if (declining ? !can_receive_transfer(who, t->to) : !can_send_transfer(who, t->from))
            return Problem::forbidden(declining ? "Only the senior probation officer of " + t->to_team_name + ", or the head of " +
                                                      t->to_pdu_name + ", declines this transfer."
                                                : "Only the senior probation officer of " + t->from_team_name + ", or the head of " +
                                                      t->from_pdu_name + ", withdraws this transfer.");
        if (t->status != "pending")
            return Problem::conflict("This transfer is already " + t->status + ".");
        auto errors = check_transfer_close(reason);
        if (!errors.empty()) return Problem::invalid(std::move(errors));
        const std::string status = declining ? "declined" : "withdrawn";
        const auto holding_before = case_holding(conn, t->person_id);
        if (conn.execute("UPDATE case_transfers SET status = ?, closed_at = ?, closed_by_user_id = ?, close_reason = ?"
                         " WHERE id = ? AND status = 'pending'",
                         {status, platform::format_instant(now), who.user_id, reason, transfer_id}) != 1)
            return Problem::conflict("Someone changed this transfer meanwhile. Look at it again.");
        // Back to the sending team (its queue, if the case has no case manager).
        conn.execute("UPDATE people SET allocation_team_id = ?, version = version + 1 WHERE id = ?", {t->from.team_id, t->person_id});
        const std::string name = c->person.full_name() + " (" + t->crn + ")";
        const std::string what = declining ? "declined by " + t->to_team_name : "withdrawn by " + who.display_name();
        const std::string msg = "The transfer of " + name + " to " + t->to_team_name + " was " + what + ": " + reason;
        if (c->person.case_manager_staff_id)
            if (auto cm = find_staff_by_id(conn, *c->person.case_manager_staff_id))
                notify(conn, *cm, "transfer_" + status, t->crn, "Case transfer " + status + ": " + t->crn, msg, now, mails);
        // Declined: the sending SPO hears; withdrawn: the receiving SPOs do.
        if (declining) {
            if (t->requested_by_staff_id && t->requested_by_staff_id != c->person.case_manager_staff_id)
                if (auto s = find_staff_by_id(conn, *t->requested_by_staff_id))
                    notify(conn, *s, "transfer_declined", t->crn, "Case transfer declined: " + t->crn, msg, now, mails);
        } else {
            for (const auto& spo : team_spos(conn, t->to.team_id))
                notify(conn, spo, "transfer_withdrawn", t->crn, "Case transfer withdrawn: " + t->crn, msg, now, mails);
        }
        enforcement::audit(conn, deps, req, who, declining ? "case.transfer.decline" : "case.transfer.withdraw", t->crn,
                           "transfer=" + std::to_string(transfer_id) + " from=" + t->from_team_code + " to=" + t->to_team_code +
                               " reason=" + reason,
                           access::joined_changes(access::diff_fields(transfer_fields(*t), transfer_fields(*find_transfer(conn, transfer_id))),
                                            access::diff_fields(holding_before, case_holding(conn, t->person_id))));
        return *find_transfer(conn, transfer_id);
    });
    if (done) send_once_written(email, mails);
    return done;
}

json::array transfer_destinations(db::Connection& conn, std::int64_t except_team_id, const std::string& chosen) {
    json::array groups;
    std::string current_pdu;
    for (const auto& r : conn.query("SELECT t.id, t.code, t.name, d.code, d.name, g.name FROM teams t JOIN pdus d ON d.id = t.pdu_id"
                                    " JOIN regions g ON g.id = d.region_id ORDER BY g.name, d.name, t.name, t.code",
                                    {})) {
        if (r.int64(0) == except_team_id) continue;
        if (groups.empty() || r.text(3) != current_pdu) {
            current_pdu = r.text(3);
            groups.push_back(json::object{{"pduCode", r.text(3)}, {"label", r.text(4) + " (" + r.text(5) + ")"}, {"teams", json::array{}}});
        }
        groups.back().as_object()["teams"].as_array().push_back(
            json::object{{"code", r.text(1)}, {"name", r.text(2)}, {"selected", r.text(1) == chosen}});
    }
    return groups;
}

}  // namespace onecase::workload
