#pragma once
// Enforcement records as the API's JSON (ISO dates, codes) and as page view models
// (display dates, labels). Pure.
#include <boost/json/object.hpp>

#include <optional>

#include "contacts/enforcement_rules.hpp"
#include "enforcement/model.hpp"

namespace onecase::enforcement {

boost::json::object appointment_json(const AppointmentRecord& a);
boost::json::object action_json(const ActionRecord& a);
boost::json::object proposal_json(const ProposalRecord& p);
// What the rules said about a failure just recorded; `stored_id` when a proposal was stored.
boost::json::object assessment_json(const contacts::EnforcementAssessment& a, std::optional<std::int64_t> stored_id);

// "Event 2: Community order".
std::string order_words(std::int64_t event_number, const std::string& disposal_type);
// "22 Nov 2026" from YYYY-MM-DD; "22 Nov 2026 09:30" (London) from an instant; the text itself otherwise.
std::string display_day(const std::string& iso_date);
std::string display_time(const std::string& iso_instant);

// A proposal on a page. `may_resolve`: the viewer may decide it (an SPO for breach
// due and recall consideration; a writer of the case for a warning).
boost::json::object proposal_view(const ProposalRecord& p, bool may_resolve);
boost::json::object action_view(const ActionRecord& a, bool may_withdraw);

}  // namespace onecase::enforcement
