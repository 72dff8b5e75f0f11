#pragma once
// The "Enforcement" section of the case page: open proposals, the actions taken on the
// person's orders, and appointments waiting for an outcome. The case page merges it
// into its view under "enforcement"; the caller has already authorised the read.
#include <boost/json/object.hpp>

#include "access/model.hpp"
#include "db/database.hpp"
#include "platform/clock.hpp"

namespace onecase::enforcement {

// `may_write`: the viewer may record on this case (give a warning, withdraw, record
// outcomes). Breach-due and recall decisions also need the SPO role.
boost::json::object case_section(db::Connection& conn, std::int64_t person_id, const std::string& crn,
                                 const access::Principal& who, bool may_write, platform::Instant now);

}  // namespace onecase::enforcement
