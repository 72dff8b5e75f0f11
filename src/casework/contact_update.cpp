#include "casework/contact_update.hpp"

#include "access/audit.hpp"
#include "casework/case_access.hpp"
#include "casework/routes.hpp"
#include "contacts/store.hpp"
#include "drafts/store.hpp"

namespace onecase::casework {

access::AuditSnapshot contact_audit_fields(const contacts::Contact& c) {
    access::AuditSnapshot s;
    s.set("type", c.type);
    s.set("contact_at", c.contact_at);
    s.set("notes", c.notes);
    s.set_flag("sensitive", c.sensitive);
    s.set("requirement_id", c.requirement_id);
    s.set("version", c.version);
    return s;
}

Result<ContactUpdate> update_contact_as(access::RouteDeps& deps, const http::Request& req,
                                        const access::Principal& who, const std::string& crn,
                                        std::int64_t contact_id, std::int64_t expected_version,
                                        contacts::ContactInput input) {
    const auto now = deps.clock.now();
    return db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<ContactUpdate> {
        auto c = authorise_case(conn, crn, who, true);
        if (!c) return c.problem();
        auto current = contacts::find_contact(conn, c->person.id, contact_id);
        if (!current || (current->sensitive && !who.staff)) return Problem::not_found("No such contact on this case");
        if (!input.when && !input.date && !input.time) input.when = current->contact_at;  // unchanged unless given
        auto valid = contacts::validate_new_contact(input, now);
        if (!valid) return valid.problem();
        if (current->version != expected_version) return ContactUpdate{ContactConflict{*current}};
        auto updated = contacts::update_contact(conn, *current, expected_version, *valid, who.user_id, now);
        if (!updated) return ContactUpdate{ContactConflict{*current}};
        drafts::discard_draft(conn, who.user_id, contact_edit_draft_key(contact_id));
        access::record_audit(conn, now, &who, req.remote_address,
                             access::AuditEntry{"contact.update", crn,
                                                "contact=" + std::to_string(contact_id) +
                                                    " version=" + std::to_string(updated->version),
                                                access::diff_fields(contact_audit_fields(*current), contact_audit_fields(*updated))});
        return ContactUpdate{*updated};
    });
}

}  // namespace onecase::casework
