#pragma once
// Small helpers shared by the enforcement routes: ids, JSON bodies, form errors,
// audit rows and 409 answers that carry the current record.
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "access/audit.hpp"
#include "access/guard.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "platform/result.hpp"

namespace onecase::enforcement {


// The body as a JSON object; nullopt means 400.
std::optional<boost::json::object> parse_json_object(const std::string& body);

// Reads an optional string member; a present non-string adds a field error.
std::string string_member(const boost::json::object& o, const char* name, std::vector<FieldError>& errors);

// Writes the audit row in the caller's transaction; `changes` are the fields a change
// touched (access::diff_fields of snapshots read in that transaction).
void audit(db::Connection& conn, const access::RouteDeps& deps, const http::Request& req,
           const access::Principal& who, std::string action, std::optional<std::string> crn, std::string detail,
           std::vector<access::FieldChange> changes = {});

using access::audit_view;

// A refused view of one record of a case (an appointment, enforcement action or
// proposal), audited against the case it belongs to so the case's trail shows who
// tried. `table` is one of appointments, enforcement_actions, enforcement_proposals.
void audit_refused_view(const access::RouteDeps& deps, const http::Request& req, const access::Principal& who,
                        const std::string& action, const std::string& table, std::int64_t id);

// 409 problem+json with the current record under "current".
http::Response conflict_response(const std::string& title, const std::string& detail, boost::json::object current);

// Errors for a form view: "errors" (for the summary) and "<field>Error" beside each field.
void add_form_errors(boost::json::object& form, const std::vector<FieldError>& errors);

}  // namespace onecase::enforcement
