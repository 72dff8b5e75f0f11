#pragma once
// What the case page and the case API show from this module: the person's upcoming
// appointments, those awaiting an outcome, and RAR days used. Read in the caller's
// transaction, after the caller has authorised the case.
#include <boost/json/object.hpp>

#include "appointments/model.hpp"
#include "db/database.hpp"
#include "platform/clock.hpp"

namespace onecase::appointments {

// RAR progress for each RAR requirement on the person's current orders.
std::vector<RarProgress> load_rar_progress(db::Connection& conn, std::int64_t person_id);

// The case page's appointments section (see views.hpp case_section_view).
boost::json::object case_section(db::Connection& conn, std::int64_t person_id, const std::string& crn, bool can_book,
                                 platform::Instant now);

}  // namespace onecase::appointments
