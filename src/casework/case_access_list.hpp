#pragma once
// Restricting a case to named staff, or excluding named staff from it: the list in
// storage and the rules for changing it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/guard.hpp"
#include "casework/case_access.hpp"

namespace onecase::casework {

struct AccessListEntry {
    std::int64_t id = 0;
    std::string kind;  // restriction | exclusion
    std::string staff_code;
    std::string staff_name;
    std::string reason;
    std::string added_at;
    std::string added_by;
};

std::vector<AccessListEntry> access_list(db::Connection& conn, std::int64_t person_id);

struct AccessListInput {
    std::string staff_code;
    std::string kind;
    std::string reason;
};

// Authorised (SPO of the case's team), validated, written and audited in one commit.
// Restricting a case that was open also lists its case manager, so restricting never
// shuts out the person who holds it.
Result<AccessListEntry> add_access_entry(access::RouteDeps& deps, const http::Request& req, const access::Principal& who,
                                         const std::string& crn, const AccessListInput& input);
Result<bool> remove_access_entry(access::RouteDeps& deps, const http::Request& req, const access::Principal& who,
                                 const std::string& crn, std::int64_t entry_id);

// The case for someone who may manage its list, whether or not they may open it.
Result<AuthorisedCase> authorise_access_management(db::Connection& conn, const std::string& crn, const access::Principal& who);

// authorise_access_management alone, in its own read transaction, for a route to run
// before it reads the request's body (a refused SPO gets 403 whatever they sent).
std::optional<Problem> refuse_unless_access_manager(db::Database& db, const std::string& crn, const access::Principal& who);

}  // namespace onecase::casework
