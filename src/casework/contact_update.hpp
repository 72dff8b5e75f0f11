#pragma once
// Correcting a contact, shared by its page and the API: authorised, validated, checked
// against the version the editor started from, versioned, audited and committed as
// one. A stale edit changes nothing and returns the current record beside it.
#include <variant>

#include "access/audit_changes.hpp"
#include "access/guard.hpp"
#include "contacts/model.hpp"
#include "contacts/rules.hpp"

namespace onecase::casework {

struct ContactConflict {
    contacts::Contact current;
};

using ContactUpdate = std::variant<contacts::Contact, ContactConflict>;

// A contact's recorded fields, for the audit row's before and after (contact_versions
// keeps the old text too; the audit row says what one save changed).
access::AuditSnapshot contact_audit_fields(const contacts::Contact& c);

Result<ContactUpdate> update_contact_as(access::RouteDeps& deps, const http::Request& req,
                                        const access::Principal& who, const std::string& crn,
                                        std::int64_t contact_id, std::int64_t expected_version,
                                        contacts::ContactInput input);

}  // namespace onecase::casework
