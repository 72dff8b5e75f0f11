#pragma once
// The case record's pages and API: caseload, case page, contact history, recording
// a contact, people search.
#include "access/guard.hpp"
#include "http/router.hpp"

namespace onecase::casework {

void register_routes(http::Router& router, const access::Guard& guard);

// Reading one contact with its history and correcting it (API); called by register_routes.
void register_contact_edit_routes(http::Router& router, const access::Guard& guard);

// Recording a new person (page and API); called by register_routes.
void register_new_person_routes(http::Router& router, const access::Guard& guard);

}  // namespace onecase::casework
