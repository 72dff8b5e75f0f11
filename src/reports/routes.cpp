#include "reports/routes.hpp"

#include <boost/json.hpp>

#include <map>

#include "access/policy.hpp"
#include "reports/region_summary.hpp"

namespace onecase::reports {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

std::optional<std::vector<TierCount>> load(access::RouteDeps& deps, const Request& req, const Principal& who) {
    if (!who.staff || access::reads_no_cases(who.role)) return std::nullopt;
    auto counts = db::read_transaction(deps.reporting_db, [&](db::Connection& conn) {
        return region_tier_counts(conn, who.staff->region_id);
    });
    access::audit_view(deps, req, who, "report.region", std::nullopt, "");
    return counts;
}

json::object report_json(const std::vector<TierCount>& counts, bool from_replica) {
    std::map<std::string, json::object> pdus;
    std::vector<std::string> order;
    std::int64_t total = 0;
    for (const auto& c : counts) {
        auto [it, inserted] = pdus.try_emplace(c.pdu_code, json::object{{"code", c.pdu_code}, {"name", c.pdu_name},
                                                                         {"cases", 0}, {"byTier", json::object{}}});
        if (inserted) order.push_back(c.pdu_code);
        it->second["cases"] = it->second["cases"].as_int64() + c.cases;
        it->second["byTier"].as_object()[c.tier.empty() ? "unknown" : c.tier] = c.cases;
        total += c.cases;
    }
    json::array list;
    for (const auto& code : order) list.push_back(pdus[code]);
    return json::object{{"source", from_replica ? "replica" : "primary"}, {"cases", total}, {"pdus", std::move(list)}};
}

}  // namespace

void register_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();
    const bool replica = &deps.reporting_db != &deps.db;

    router.add("GET", "/api/v1/reports/region", guard.api([&deps, replica](Request& req, const Principal& who) {
        auto counts = load(deps, req, who);
        if (!counts) return Response::problem(Problem::forbidden("Reports are for probation staff."));
        return Response::json(json::serialize(report_json(*counts, replica)));
    }));

    router.add("GET", "/reports/region", guard.page([&guard, &deps, replica](Request& req, const Principal& who) {
        auto counts = load(deps, req, who);
        if (!counts) return guard.problem(req, &who, Problem::forbidden("Reports are for probation staff."));
        auto view = report_json(*counts, replica);
        static const std::vector<std::string> kTiers = {"A3", "A2", "A1", "A0", "B3", "B2", "B1", "B0",
                                                        "C3", "C2", "C1", "C0", "D3", "D2", "D1", "D0", "unknown"};
        json::array rows;
        for (auto& p : view["pdus"].as_array()) {
            json::array cells;
            for (const auto& t : kTiers) {
                const auto& by = p.at("byTier").as_object();
                cells.push_back(json::object{{"count", by.contains(t) ? by.at(t).as_int64() : 0}});
            }
            rows.push_back(json::object{{"name", p.at("name")}, {"cases", p.at("cases")}, {"cells", std::move(cells)}});
        }
        json::array headers;
        for (const auto& t : kTiers) headers.push_back(json::object{{"tier", t == "unknown" ? "Not known" : t}});
        json::object page{{"rows", std::move(rows)}, {"tiers", std::move(headers)}, {"cases", view["cases"]},
                          {"fromReplica", replica}};
        return guard.render(req, &who, "region_report", page, "Cases in my region by tier");
    }));
}

}  // namespace onecase::reports
