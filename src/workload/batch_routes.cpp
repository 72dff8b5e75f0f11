// Batch allocation: a proposal for a whole queue (team or PDU) from the min-cost-flow
// solver, which the SPO edits and applies in one transaction. Page and API.
#include <boost/json.hpp>

#include <chrono>
#include <set>

#include "enforcement/route_support.hpp"
#include "workload/access_rules.hpp"
#include "workload/allocation.hpp"
#include "workload/batch.hpp"
#include "workload/routes.hpp"
#include "workload/views.hpp"

namespace onecase::workload {

namespace json = boost::json;
using access::Principal;
using enforcement::add_form_errors;
using enforcement::audit;
using enforcement::audit_view;
using enforcement::parse_json_object;
using http::Request;
using http::Response;

namespace {

struct BatchView {
    json::object doc;
    std::string team_code;
};

Result<BatchView> batch_view(access::RouteDeps& deps, const Request& req, const Principal& who) {
    const auto now = deps.clock.now();
    const auto today = platform::london_date(now);
    std::string team_code = req.query_param("team").value_or("");
    const bool pdu_wide = req.query_param("scope").value_or("") == "pdu";
    if (team_code.empty() && who.staff) team_code = who.staff->team_code;
    auto result = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<BatchView> {
        if (who.role != access::Role::spo) return Problem::forbidden("Only a senior probation officer allocates cases.");
        auto team = find_team(conn, team_code);
        if (!team) return Problem::not_found("There is no team with code " + team_code);
        if (!can_view_team(who, team->pdu_id)) return Problem::forbidden("You see the queues of your own PDU only.");
        const auto policy = policy_in_force_on(conn, today);
        const auto queue = load_queue(conn, Scope::team, team->id);
        const auto workloads = measure_scope(conn, policy, pdu_wide ? Scope::pdu : Scope::team, pdu_wide ? team->pdu_id : team->id, today);
        std::vector<BatchStaff> staff;
        std::vector<const StaffWorkload*> who_is;
        for (const auto& w : workloads) {
            const auto& g = policy.allocatable_grades;
            if (std::find(g.begin(), g.end(), w.staff.grade) == g.end()) continue;
            staff.push_back({w.staff.code, w.points.total, w.availability.available_points});
            who_is.push_back(&w);
        }
        std::vector<BatchCase> cases;
        for (const auto& q : queue) {
            BatchCase c{q.crn, case_points(policy, q.tier, std::string(case_type_of_disposal(q.disposal_type))), {}, {}};
            const CaseToAllocate what{q.crn, q.tier, q.rosh, std::string(case_type_of_disposal(q.disposal_type))};
            const auto before = previous_case_managers(conn, q.person_id);
            for (std::size_t j = 0; j < staff.size(); ++j) {
                if (!grade_suitable(policy, who_is[j]->staff.grade, what, nullptr)) continue;
                c.suitable.push_back(j);
                if (std::find(before.begin(), before.end(), who_is[j]->staff.id) != before.end()) c.continuity.push_back(j);
            }
            cases.push_back(std::move(c));
        }
        const auto started = std::chrono::steady_clock::now();
        const auto proposal = propose_batch(staff, cases, BatchOptions{policy.continuity_bonus_percent, 25});
        const auto took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        const auto greedy = greedy_batch(staff, cases, BatchOptions{policy.continuity_bonus_percent, 25});

        std::vector<std::int64_t> after(staff.size());
        for (std::size_t j = 0; j < staff.size(); ++j) after[j] = staff[j].points;
        for (std::size_t i = 0; i < cases.size(); ++i)
            if (proposal.assignment[i]) after[*proposal.assignment[i]] += cases[i].points;
        json::array rows;
        for (std::size_t i = 0; i < cases.size(); ++i) {
            auto facts = case_facts_json(queue[i], due_date_of(queue[i], policy), today);
            facts["points"] = cases[i].points;
            facts["proposedStaffCode"] = proposal.assignment[i] ? json::value(staff[*proposal.assignment[i]].code) : json::value(nullptr);
            json::array options;
            for (auto j : cases[i].suitable) options.push_back(json::value(staff[j].code));
            facts["suitableStaffCodes"] = std::move(options);
            rows.push_back(std::move(facts));
        }
        json::array people;
        for (std::size_t j = 0; j < staff.size(); ++j)
            people.push_back(json::object{{"staffCode", staff[j].code},
                                          {"name", who_is[j]->staff.name()},
                                          {"grade", who_is[j]->staff.grade},
                                          {"teamCode", who_is[j]->staff.team_code},
                                          {"capacityPercent", percent_json(capacity_percent(staff[j].points, staff[j].available))},
                                          {"capacityPercentAfter", percent_json(capacity_percent(after[j], staff[j].available))}});
        BatchView v;
        v.team_code = team->code;
        v.doc = json::object{{"teamCode", team->code},
                             {"teamName", team->name},
                             {"scope", pdu_wide ? "pdu" : "team"},
                             {"canAllocate", can_allocate_for(who, team->id)},
                             {"cases", std::move(rows)},
                             {"staff", std::move(people)},
                             {"capacitySpread", json::object{{"proposal", capacity_spread(staff, cases, proposal.assignment)},
                                                             {"greedy", capacity_spread(staff, cases, greedy)}}},
                             {"solverMilliseconds", took}};
        return v;
    });
    audit_view(deps, req, who, result ? "allocation.batch.view" : "allocation.batch.view.refused", std::nullopt, "team=" + team_code);
    return result;
}

json::object batch_page(json::object v, const Principal& who, const std::map<std::string, std::string>& typed,
                        const std::vector<FieldError>& errors) {
    const auto& staff = v.at("staff").as_array();
    std::map<std::string, std::string> labels;
    for (const auto& s : staff)
        labels[std::string(s.at("staffCode").as_string())] = std::string(s.at("name").as_string()) + " (" + std::string(s.at("grade").as_string()) + ")";
    std::size_t i = 0;
    for (auto& c : v["cases"].as_array()) {
        auto& o = c.as_object();
        const std::string idx = std::to_string(i++);
        const auto chosen_it = typed.find("staffCode." + idx);
        const std::string chosen = chosen_it != typed.end() ? chosen_it->second
                                   : o.at("proposedStaffCode").is_string() ? std::string(o.at("proposedStaffCode").as_string())
                                                                           : std::string();
        json::array options{json::object{{"code", ""}, {"label", "Leave in the queue"}, {"selected", chosen.empty()}}};
        // Every candidate is offered; those the grade rule refuses are marked and need a reason.
        std::set<std::string> suitable;
        for (const auto& s : o.at("suitableStaffCodes").as_array()) suitable.insert(std::string(s.as_string()));
        for (const auto& [code, label] : labels)
            options.push_back(json::object{{"code", code}, {"label", label + (suitable.count(code) ? "" : " (grade rule)")}, {"selected", code == chosen}});
        o["index"] = idx;
        o["options"] = std::move(options);
        auto r = typed.find("reason." + idx);
        o["reason"] = r == typed.end() ? "" : r->second;
        for (const auto& e : errors)
            if (e.field == "assignments." + idx + ".reason" || e.field == "assignments." + idx + ".staffCode") o["error"] = e.message;
    }
    json::object form;
    add_form_errors(form, errors);
    for (auto& e : form["errors"].as_array()) {
        auto& href = e.as_object()["href"];
        const std::string h(href.as_string());
        auto dot = h.find('.', 13);
        if (h.starts_with("#assignments.") && dot != std::string::npos) href = "#staffCode-" + h.substr(13, dot - 13);
    }
    v["form"] = std::move(form);
    v["csrf"] = who.csrf_token;
    v["hasCases"] = !v.at("cases").as_array().empty();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", v.at("capacitySpread").at("proposal").as_double());
    v["spreadProposal"] = buf;
    std::snprintf(buf, sizeof buf, "%.1f", v.at("capacitySpread").at("greedy").as_double());
    v["spreadGreedy"] = buf;
    return v;
}

Result<std::vector<AllocationDone>> apply(access::RouteDeps& deps, const Request& req, const Principal& who,
                                          std::vector<AllocationRequest> in, EmailNotifier& email) {
    // Refused before the request is judged, so a non-SPO learns they may not, not what to fix.
    if (who.role != access::Role::spo) return Problem::forbidden("Only a senior probation officer allocates cases.");
    if (in.empty()) return Problem::invalid({{"assignments", "Choose a case manager for at least one case"}}, "Check the allocations");
    return allocate_batch(deps, req, who, in, email);
}

json::value done_json(const std::vector<AllocationDone>& done) {
    json::array out;
    for (const auto& d : done)
        out.push_back(json::object{{"crn", d.crn}, {"staffCode", d.to_code}, {"againstGradeRule", d.against_grade_rule}});
    return json::object{{"allocated", std::move(out)}};
}

}  // namespace

void register_batch_routes(http::Router& router, const access::Guard& guard, std::shared_ptr<EmailNotifier> email) {
    auto& deps = guard.deps();

    router.add("GET", "/api/v1/allocations/batch", guard.api([&deps](Request& req, const Principal& who) {
        auto v = batch_view(deps, req, who);
        if (!v) return Response::problem(v.problem());
        return Response::json(json::serialize(v->doc));
    }));

    router.add("POST", "/api/v1/allocations/batch", guard.api([&deps, email](Request& req, const Principal& who) {
        auto body = parse_json_object(req.body);
        if (!body || !body->contains("assignments") || !body->at("assignments").is_array())
            return Response::problem(Problem::bad_request("Send {\"assignments\": [{\"crn\", \"staffCode\", \"reason\"}, ...]}."));
        const bool pdu_wide = body->contains("scope") && body->at("scope") == "pdu";
        std::vector<AllocationRequest> in;
        for (const auto& a : body->at("assignments").as_array()) {
            if (!a.is_object()) return Response::problem(Problem::bad_request("Each assignment is an object."));
            auto text = [&](const char* k) {
                auto it = a.as_object().find(k);
                return it != a.as_object().end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
            };
            in.push_back({text("crn"), text("staffCode"), text("reason"), pdu_wide});
        }
        auto done = apply(deps, req, who, std::move(in), *email);
        if (!done) return Response::problem(done.problem());
        return Response::json(json::serialize(done_json(*done)), 201);
    }));

    router.add("GET", "/allocations/batch", guard.page([&guard, &deps](Request& req, const Principal& who) {
        auto v = batch_view(deps, req, who);
        if (!v) return guard.problem(req, &who, v.problem());
        return guard.render(req, &who, "allocation_batch", batch_page(std::move(v->doc), who, {}, {}), "Allocate the queue");
    }));

    router.add("POST", "/allocations/batch", guard.page([&guard, &deps, email](Request& req, const Principal& who) {
        std::vector<AllocationRequest> in;
        std::map<std::string, std::string> typed;
        const bool pdu_wide = req.form_value("scope") == "pdu";
        for (int i = 0; i < 2000; ++i) {
            const auto idx = std::to_string(i);
            const auto crn = req.form_value("crn." + idx);
            if (crn.empty()) break;
            typed["staffCode." + idx] = req.form_value("staffCode." + idx);
            typed["reason." + idx] = req.form_value("reason." + idx);
            if (!typed["staffCode." + idx].empty()) in.push_back({crn, typed["staffCode." + idx], typed["reason." + idx], pdu_wide});
        }
        auto done = apply(deps, req, who, in, *email);
        if (done) return Response::redirect("/allocations?allocated=" + std::to_string(done->size()) + "%20cases&to=the%20proposal");
        if (done.problem().status != 422) return guard.problem(req, &who, done.problem());
        // Field errors name the position among the submitted assignments; map back to rows.
        std::vector<FieldError> errors;
        for (auto e : done.problem().errors) {
            if (e.field.starts_with("assignments.")) {
                const auto dot = e.field.find('.', 12);
                const auto k = std::stoul(e.field.substr(12, dot - 12));
                for (int i = 0, n = 0; i < 2000; ++i) {
                    if (typed.find("staffCode." + std::to_string(i)) == typed.end()) break;
                    if (typed["staffCode." + std::to_string(i)].empty()) continue;
                    if (std::size_t(n++) == k) {
                        e.field = "assignments." + std::to_string(i) + e.field.substr(dot);
                        break;
                    }
                }
            }
            errors.push_back(e);
        }
        auto v = batch_view(deps, req, who);
        if (!v) return guard.problem(req, &who, v.problem());
        return guard.render(req, &who, "allocation_batch", batch_page(std::move(v->doc), who, typed, errors), "Allocate the queue", 422);
    }));
}

}  // namespace onecase::workload
