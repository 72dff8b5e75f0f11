#include "casework/case_access_list.hpp"

#include <algorithm>

#include "access/audit.hpp"
#include "access/users_store.hpp"
#include "people/store.hpp"
#include "platform/identifiers.hpp"

namespace onecase::casework {

using access::Principal;

namespace {

// Who is on each list, as staff codes (sorted, comma-separated), for the audit row's
// before and after: the restriction list as a whole changes meaning when it goes from
// empty to one name.
access::AuditSnapshot lists_snapshot(db::Connection& conn, std::int64_t person_id) {
    std::string restricted, excluded;
    for (const auto& r : conn.query("SELECT l.kind, s.code FROM case_access_lists l JOIN staff s ON s.id = l.staff_id "
                                    "WHERE l.person_id = ? AND l.removed_at IS NULL ORDER BY s.code",
                                    {person_id})) {
        auto& list = r.text(0) == "restriction" ? restricted : excluded;
        list += (list.empty() ? "" : ",") + r.text(1);
    }
    access::AuditSnapshot s;
    s.set("restricted_to", restricted.empty() ? std::nullopt : std::optional(restricted));
    s.set("excluded", excluded.empty() ? std::nullopt : std::optional(excluded));
    return s;
}

}  // namespace

std::vector<AccessListEntry> access_list(db::Connection& conn, std::int64_t person_id) {
    std::vector<AccessListEntry> out;
    for (const auto& r : conn.query("SELECT l.id, l.kind, s.code, s.first_name || ' ' || s.last_name, l.reason, l.added_at, "
                                    "COALESCE(u.username, '') FROM case_access_lists l JOIN staff s ON s.id = l.staff_id "
                                    "LEFT JOIN users u ON u.id = l.added_by_user_id "
                                    "WHERE l.person_id = ? AND l.removed_at IS NULL ORDER BY l.kind DESC, s.last_name, s.first_name",
                                    {person_id})) {
        out.push_back(AccessListEntry{r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6)});
    }
    return out;
}

Result<AuthorisedCase> authorise_access_management(db::Connection& conn, const std::string& crn, const Principal& who) {
    if (!platform::is_valid_crn(crn)) return Problem::not_found("There is no case with CRN " + crn);
    auto person = people::find_by_crn(conn, crn);
    if (!person) return Problem::not_found("There is no case with CRN " + crn);
    std::optional<access::StaffScope> cm;
    if (person->case_manager_staff_id) cm = access::load_staff_scope(conn, *person->case_manager_staff_id);
    auto scope = load_scope(conn, *person, cm);
    if (!access::can_manage_case_access(who, scope)) {
        return Problem::forbidden("Only a senior probation officer of the team that holds this case can restrict it or exclude staff from it.");
    }
    return AuthorisedCase{std::move(*person), std::move(cm), std::move(scope)};
}

std::optional<Problem> refuse_unless_access_manager(db::Database& db, const std::string& crn, const Principal& who) {
    return db::read_transaction(db, [&](db::Connection& conn) -> std::optional<Problem> {
        auto c = authorise_access_management(conn, crn, who);
        if (!c) return c.problem();
        return std::nullopt;
    });
}

Result<AccessListEntry> add_access_entry(access::RouteDeps& deps, const http::Request& req, const Principal& who,
                                         const std::string& crn, const AccessListInput& in) {
    const auto now = deps.clock.now();
    return db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<AccessListEntry> {
        // Access before input: someone refused hears only that.
        auto c = authorise_access_management(conn, crn, who);
        if (!c) return c.problem();
        std::vector<FieldError> errors;
        if (in.kind != "restriction" && in.kind != "exclusion") errors.push_back({"kind", "Choose restrict to, or exclude"});
        if (in.staff_code.empty()) errors.push_back({"staffCode", "Enter the staff code"});
        if (in.reason.find_first_not_of(" \t\r\n") == std::string::npos) errors.push_back({"reason", "Give the reason"});
        if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the access change");
        auto staff = conn.query("SELECT id FROM staff WHERE code = ?", {in.staff_code});
        if (staff.empty()) return Problem::invalid({{"staffCode", "There is no member of staff with code " + in.staff_code}});
        const auto staff_id = staff[0].int64(0);
        const auto& listed = in.kind == "restriction" ? c->scope.restricted_to : c->scope.excluded;
        if (std::find(listed.begin(), listed.end(), staff_id) != listed.end()) {
            return Problem::invalid({{"staffCode", in.staff_code + " is already on this list"}});
        }
        if (in.kind == "exclusion" && c->person.case_manager_staff_id == staff_id) {
            return Problem::invalid({{"staffCode", "The case manager cannot be excluded: reallocate the case first"}});
        }
        const auto lists_before = lists_snapshot(conn, c->person.id);
        const auto at = platform::format_instant(now);
        auto insert = [&](std::int64_t id, const std::string& kind, const std::string& reason) {
            return conn.query("INSERT INTO case_access_lists (person_id, staff_id, kind, reason, added_at, added_by_user_id) "
                              "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                              {c->person.id, id, kind, reason, at, who.user_id})
                .at(0)
                .int64(0);
        };
        const auto entry = insert(staff_id, in.kind, in.reason);
        if (in.kind == "restriction" && !c->scope.restricted() && c->person.case_manager_staff_id &&
            *c->person.case_manager_staff_id != staff_id) {
            insert(*c->person.case_manager_staff_id, "restriction", "Case manager, listed when the case was restricted");
        }
        access::record_audit(conn, now, &who, req.remote_address,
                             access::AuditEntry{"case.access." + in.kind + ".add", crn,
                                                "staff=" + in.staff_code + " reason=" + in.reason,
                                                access::joined_changes(access::created_fields(access::AuditSnapshot{}
                                                                                  .set("kind", in.kind)
                                                                                  .set("staff", in.staff_code)
                                                                                  .set("reason", in.reason)),
                                                       access::diff_fields(lists_before,
                                                                           lists_snapshot(conn, c->person.id)))});
        for (auto& e : access_list(conn, c->person.id)) {
            if (e.id == entry) return e;
        }
        return Problem{500, "The change was not found after saving", "", {}};
    });
}

Result<bool> remove_access_entry(access::RouteDeps& deps, const http::Request& req, const Principal& who,
                                 const std::string& crn, std::int64_t entry_id) {
    const auto now = deps.clock.now();
    return db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<bool> {
        auto c = authorise_access_management(conn, crn, who);
        if (!c) return c.problem();
        auto rows = conn.query("SELECT l.kind, s.code, l.reason FROM case_access_lists l JOIN staff s ON s.id = l.staff_id "
                               "WHERE l.id = ? AND l.person_id = ? AND l.removed_at IS NULL",
                               {entry_id, c->person.id});
        if (rows.empty()) return Problem::not_found("That entry is not on this case's list");
        const auto lists_before = lists_snapshot(conn, c->person.id);
        conn.execute("UPDATE case_access_lists SET removed_at = ?, removed_by_user_id = ? WHERE id = ?",
                     {platform::format_instant(now), who.user_id, entry_id});
        auto changes = access::joined_changes(access::removed_fields(access::AuditSnapshot{}
                                                         .set("kind", rows[0].text(0))
                                                         .set("staff", rows[0].text(1))
                                                         .set("reason", rows[0].text(2))),
                              access::diff_fields(lists_before, lists_snapshot(conn, c->person.id)));
        access::record_audit(conn, now, &who, req.remote_address,
                             access::AuditEntry{"case.access." + rows[0].text(0) + ".remove", crn,
                                                "staff=" + rows[0].text(1), std::move(changes)});
        return true;
    });
}

}  // namespace onecase::casework
