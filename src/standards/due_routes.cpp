// What is due on one case (API) and across the signed-in practitioner's caseload
// (page and API).
#include <boost/json.hpp>

#include "platform/date_arithmetic.hpp"
#include "standards/case_gate.hpp"
#include "standards/context.hpp"
#include "standards/routes.hpp"

namespace onecase::standards {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

struct CaseloadDue {
    PolicyContext ctx;
    std::vector<SupervisedCase> cases;
};

CaseloadDue load_caseload_due(access::RouteDeps& deps, const Principal& who) {
    const auto now = deps.clock.now();
    return db::read_transaction(deps.db, [&](db::Connection& conn) {
        CaseloadDue out{load_policy_context(conn, now), {}};
        // Only the caller's own cases: can_read_case always allows a case manager.
        if (who.staff) out.cases = load_caseload_cases(conn, who.staff->staff_id, now);
        return out;
    });
}

Problem bad_filter() {
    return Problem::invalid({{"show", "show must be all, overdue or week"}}, "Choose what to show");
}

}  // namespace

void register_due_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/api/v1/people/{crn}/due", guard.api([&deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        const auto now = deps.clock.now();
        auto result = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<json::object> {
            auto person = authorise_case_read(conn, crn, who);
            if (!person) return person.problem();
            const auto ctx = load_policy_context(conn, now);
            const auto c = load_case(conn, person->id, now);
            json::array items;
            if (c)
                for (const auto& item : due_for(*c, ctx.judgement())) items.push_back(due_item_json(item));
            json::object o{{"crn", crn}, {"items", std::move(items)}, {"policyVersion", ctx.in_force->version}};
            const bool has_order = c && c->facts;
            o["orderType"] = has_order ? json::value(contacts::order_type_code(c->facts->order_type)) : json::value(nullptr);
            o["startDate"] = has_order ? json::value(platform::format_date(c->facts->start_date)) : json::value(nullptr);
            return o;
        });
        if (!result) {
            audit_view(deps, req, who, "due.view.refused", crn, result.problem().title);
            return Response::problem(result.problem());
        }
        audit_view(deps, req, who, "due.view", crn, "api");
        return Response::json(json::serialize(*result));
    }));

    router.add("GET", "/api/v1/me/due", guard.api([&deps](Request& req, const Principal& who) {
        const auto filter = parse_due_filter(req.query_param("show").value_or(""));
        if (!filter) return Response::problem(bad_filter());
        const auto data = load_caseload_due(deps, who);
        const auto list = caseload_items(data.cases, data.ctx.judgement(), *filter);
        json::array items;
        for (const auto& ci : list) {
            auto o = due_item_json(ci.item);
            o["crn"] = ci.case_->crn;
            o["name"] = ci.case_->first_name + " " + ci.case_->last_name;
            items.push_back(std::move(o));
        }
        audit_view(deps, req, who, "due.list.view", std::nullopt,
                   "api show=" + std::string(due_filter_code(*filter)) + " cases=" + std::to_string(data.cases.size()) +
                       " items=" + std::to_string(list.size()));
        return Response::json(json::serialize(json::object{{"show", due_filter_code(*filter)},
                                                           {"cases", data.cases.size()},
                                                           {"items", std::move(items)},
                                                           {"policyVersion", data.ctx.in_force->version}}));
    }));

    router.add("GET", "/due", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const auto filter = parse_due_filter(req.query_param("show").value_or(""));
        if (!filter) return guard.problem(req, &who, bad_filter());
        const auto data = load_caseload_due(deps, who);
        const auto j = data.ctx.judgement();
        const auto list = caseload_items(data.cases, j, *filter);
        // The counts in the filter links are of the whole caseload, whichever is shown.
        const auto overdue = caseload_items(data.cases, j, DueFilter::overdue).size();
        const auto week = caseload_items(data.cases, j, DueFilter::next_7_days).size();
        json::array rows;
        for (const auto& ci : list) {
            auto o = due_item_view(ci.item, j.today);
            o["crn"] = ci.case_->crn;
            o["name"] = ci.case_->last_name + ", " + ci.case_->first_name;
            o["url"] = "/cases/" + ci.case_->crn;
            rows.push_back(std::move(o));
        }
        json::array filters;
        for (auto [f, label] : {std::pair{DueFilter::all, "Everything due"}, std::pair{DueFilter::overdue, "Overdue"},
                                std::pair{DueFilter::next_7_days, "Due in the next 7 days"}}) {
            const auto count = f == DueFilter::all ? caseload_items(data.cases, j, f).size()
                               : f == DueFilter::overdue ? overdue : week;
            filters.push_back(json::object{{"label", label},
                                           {"count", count},
                                           {"url", "/due?show=" + std::string(due_filter_code(f))},
                                           {"current", f == *filter}});
        }
        audit_view(deps, req, who, "due.list.view", std::nullopt,
                   "show=" + std::string(due_filter_code(*filter)) + " cases=" + std::to_string(data.cases.size()) +
                       " items=" + std::to_string(list.size()));
        const bool has_rows = !rows.empty();
        json::object view{{"staffName", who.display_name()},
                          {"hasStaff", who.staff.has_value()},
                          {"caseCount", data.cases.size()},
                          {"today", platform::display_date(j.today)},
                          {"items", std::move(rows)},
                          {"hasItems", has_rows},
                          {"filters", std::move(filters)},
                          {"showOverdue", *filter == DueFilter::overdue},
                          {"showWeek", *filter == DueFilter::next_7_days},
                          {"overdueCount", overdue},
                          {"policyVersion", data.ctx.in_force->version}};
        return guard.render(req, &who, "due", view, "What's due");
    }));
}

}  // namespace onecase::standards
