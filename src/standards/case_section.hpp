#pragma once
// The case page's "National standards" section. The case page has already
// authorised and audited the view; this only reads.
#include <boost/json/object.hpp>

#include "db/database.hpp"
#include "platform/clock.hpp"

namespace onecase::standards {

// {"hasOrder","orderType","startDate","items":[due_item_view...],"hasItems",
//  "overdueCount","hasOverdue","policyVersion"} for web/templates/case.mustache.
boost::json::object case_page_section(db::Database& db, std::int64_t person_id, platform::Instant now);

}  // namespace onecase::standards
