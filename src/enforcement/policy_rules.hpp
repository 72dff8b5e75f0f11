#pragma once
// The enforcement policy as JSON: what an admin sends to add a version, and what is
// stored in policy_versions.settings (policy = 'enforcement'). Pure.
//
//   {"warningWindowMonths": 12,
//    "routes": {"community_order": "warning_then_breach",
//               "suspended_sentence_order": "warning_then_breach",
//               "licence": "recall_consideration", "pss": "recall_consideration",
//               "custody": "no_action"}}
//
// Every key is optional; a missing one keeps the code default (contacts::
// EnforcementPolicy), so a stored version never depends on a later code default
// being the same: settings are stored complete, as enforcement_policy_json writes them.
#include <boost/json/value.hpp>

#include <string>

#include "contacts/enforcement_rules.hpp"
#include "platform/result.hpp"

namespace onecase::enforcement {

inline constexpr int kMaxWarningWindowMonths = 36;

// Reads settings; unknown keys, a window outside 1..kMaxWarningWindowMonths and
// unknown route names are field errors ("warningWindowMonths", "routes.licence", ...).
Result<contacts::EnforcementPolicy> parse_enforcement_policy(const boost::json::value& settings);

// The complete settings of `policy` (every key), as stored and as the API shows them.
boost::json::object enforcement_policy_json(const contacts::EnforcementPolicy& policy);

std::string_view route_code(contacts::EnforcementRoute route);
std::optional<contacts::EnforcementRoute> parse_route(std::string_view code);

}  // namespace onecase::enforcement
