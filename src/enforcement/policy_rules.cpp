#include "enforcement/policy_rules.hpp"

#include <boost/json.hpp>

#include <array>

namespace onecase::enforcement {

namespace json = boost::json;
using contacts::EnforcementPolicy;
using contacts::EnforcementRoute;
using contacts::OrderType;

namespace {

constexpr std::array<OrderType, 5> kOrderTypes{OrderType::community_order, OrderType::suspended_sentence_order,
                                               OrderType::licence, OrderType::pss, OrderType::custody};

EnforcementRoute& route_of(EnforcementPolicy& p, OrderType t) {
    switch (t) {
        case OrderType::community_order: return p.community_order;
        case OrderType::suspended_sentence_order: return p.suspended_sentence_order;
        case OrderType::licence: return p.licence;
        case OrderType::pss: return p.pss;
        case OrderType::custody: break;
    }
    return p.custody;
}

}  // namespace

std::string_view route_code(EnforcementRoute route) {
    switch (route) {
        case EnforcementRoute::warning_then_breach: return "warning_then_breach";
        case EnforcementRoute::recall_consideration: return "recall_consideration";
        case EnforcementRoute::no_action: return "no_action";
    }
    return "no_action";
}

std::optional<EnforcementRoute> parse_route(std::string_view code) {
    for (auto r : {EnforcementRoute::warning_then_breach, EnforcementRoute::recall_consideration,
                   EnforcementRoute::no_action})
        if (route_code(r) == code) return r;
    return std::nullopt;
}

Result<EnforcementPolicy> parse_enforcement_policy(const json::value& settings) {
    if (!settings.is_object())
        return Problem::invalid({{"settings", "The settings must be a JSON object"}}, "Check the policy");
    EnforcementPolicy p;
    std::vector<FieldError> errors;
    for (const auto& [key, value] : settings.get_object()) {
        if (key == "warningWindowMonths") {
            if (!value.is_int64() || value.get_int64() < 1 || value.get_int64() > kMaxWarningWindowMonths)
                errors.push_back({"warningWindowMonths", "The warning window must be a whole number of months from 1 to " +
                                                             std::to_string(kMaxWarningWindowMonths)});
            else
                p.warning_window_months = static_cast<int>(value.get_int64());
        } else if (key == "routes") {
            if (!value.is_object()) {
                errors.push_back({"routes", "routes must be an object of order type to route"});
                continue;
            }
            for (const auto& [order, route] : value.get_object()) {
                const auto type = contacts::parse_order_type(order);
                const std::string field = "routes." + std::string(order);
                if (!type) {
                    errors.push_back({field, "Unknown order type; use community_order, suspended_sentence_order, "
                                             "licence, pss or custody"});
                    continue;
                }
                const auto r = route.is_string() ? parse_route(route.get_string()) : std::nullopt;
                if (!r) errors.push_back({field, "Use warning_then_breach, recall_consideration or no_action"});
                else route_of(p, *type) = *r;
            }
        } else {
            errors.push_back({std::string(key), "Unknown setting; use warningWindowMonths and routes"});
        }
    }
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the policy");
    return p;
}

json::object enforcement_policy_json(const EnforcementPolicy& policy) {
    json::object routes;
    for (auto t : kOrderTypes) routes[contacts::order_type_code(t)] = route_code(policy.route_for(t));
    return json::object{{"warningWindowMonths", policy.warning_window_months}, {"routes", std::move(routes)}};
}

}  // namespace onecase::enforcement
