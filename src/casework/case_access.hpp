#pragma once
// Finds a case by CRN and checks the caller may read (or write) it, before any of
// the case's own data is read. Every casework route goes through this.
#include <optional>
#include <string>

#include "access/model.hpp"
#include "access/policy.hpp"
#include "db/database.hpp"
#include "people/model.hpp"
#include "platform/result.hpp"

namespace onecase::casework {

struct AuthorisedCase {
    people::Person person;
    std::optional<access::StaffScope> case_manager;
    access::CaseScope scope;  // as the decision saw it, for later questions (may they write?)
};

// The case's scope with its restriction and exclusion lists.
access::CaseScope load_scope(db::Connection& conn, const people::Person& person,
                             const std::optional<access::StaffScope>& case_manager);

// The 403 for someone the case is closed to: why, and whom to ask; none of its data.
Problem refusal_problem(access::CaseRefusal why, const std::optional<access::StaffScope>& case_manager, bool write);

// 404 for a malformed or unknown CRN; 403 naming whom to ask when the policy says no.
Result<AuthorisedCase> authorise_case(db::Connection& conn, const std::string& crn, const access::Principal& who,
                                      bool write);

// The write check alone, in its own read transaction: for a route to run before it
// reads the request's body, so someone refused gets 403 (or 404) whatever they sent,
// never a 400 or 422 that says the route would otherwise have listened. The change
// itself authorises again in its write transaction.
std::optional<Problem> refuse_unless_writable(db::Database& db, const std::string& crn, const access::Principal& who);

}  // namespace onecase::casework
