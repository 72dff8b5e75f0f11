#pragma once
// The case record's pages and API: caseload, case page, contact history, recording
// a contact. (People search is in src/search.)
#include "access/guard.hpp"
#include "http/router.hpp"

#include <string>

namespace onecase::casework {

void register_routes(http::Router& router, const access::Guard& guard);

// Reading one contact with its history and correcting it (API); called by register_routes.
void register_contact_edit_routes(http::Router& router, const access::Guard& guard);

// A contact's own page: read it with its earlier versions and correct it, with a
// conflict page when someone else saved first; called by register_routes.
void register_contact_page_routes(http::Router& router, const access::Guard& guard);

// Registrations, assessments and the tier (API and pages); called by register_routes.
void register_risk_routes(http::Router& router, const access::Guard& guard);
void register_risk_page_routes(http::Router& router, const access::Guard& guard);

// Restricting a case and excluding staff (SPOs; API and pages); called by register_routes.
void register_case_access_routes(http::Router& router, const access::Guard& guard);

// Drafts of forms (API for the page script); called by register_routes.
void register_draft_routes(http::Router& router, const access::Guard& guard);

// The draft keys of the case's forms.
inline std::string new_contact_draft_key(const std::string& crn) { return "contact-new:" + crn; }
inline std::string contact_edit_draft_key(std::int64_t contact_id) { return "contact-edit:" + std::to_string(contact_id); }

// After a page save that discarded a draft: tells the page script to drop the
// browser's copy too.
inline void mark_draft_saved(http::Response& r, const std::string& form_key) {
    r.header("Set-Cookie", "onecase_saved_drafts=" + http::url_encode(form_key) + "; Path=/; Max-Age=600; SameSite=Lax");
}

// Recording a new person (page and API); called by register_routes.
void register_new_person_routes(http::Router& router, const access::Guard& guard);

}  // namespace onecase::casework
