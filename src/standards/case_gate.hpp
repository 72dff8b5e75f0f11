#pragma once
// Finds a case by CRN and checks the caller may read it before anything else about
// it is read: the same rule as casework::authorise_case (access::can_read_case on the
// case manager's scope). It is repeated here because casework depends on this
// module for the case page's national standards section.
#include <string>

#include "access/model.hpp"
#include "db/database.hpp"
#include "people/model.hpp"
#include "platform/result.hpp"

namespace onecase::standards {

// 404 for a malformed or unknown CRN; 403 naming the case manager to ask.
Result<people::Person> authorise_case_read(db::Connection& conn, const std::string& crn, const access::Principal& who);

}  // namespace onecase::standards
