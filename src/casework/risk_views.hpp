#pragma once
// Registrations, assessments and the tier as JSON for the API and as page view
// models. Pure.
#include <boost/json/object.hpp>

#include "risk/risk_store.hpp"

namespace onecase::casework {

boost::json::object register_type_json(const risk::RegisterType& t);
boost::json::object registration_json(const risk::RegistrationRow& r, platform::Date today);
boost::json::object assessment_json(const risk::StoredAssessment& a);
// The tier now with its explanation, and its history.
boost::json::object tier_json(const std::optional<std::string>& current_tier,
                              const std::vector<risk::TierHistoryEntry>& history);

}  // namespace onecase::casework
