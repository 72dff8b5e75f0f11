#pragma once
// Finds a case by CRN and checks the caller may read (or write) it, before any of
// the case's own data is read. Every casework route goes through this.
#include <optional>
#include <string>

#include "access/model.hpp"
#include "db/database.hpp"
#include "people/model.hpp"
#include "platform/result.hpp"

namespace onecase::casework {

struct AuthorisedCase {
    people::Person person;
    std::optional<access::StaffScope> case_manager;
};

// 404 for a malformed or unknown CRN; 403 naming whom to ask when the policy says no.
Result<AuthorisedCase> authorise_case(db::Connection& conn, const std::string& crn, const access::Principal& who,
                                      bool write);

}  // namespace onecase::casework
