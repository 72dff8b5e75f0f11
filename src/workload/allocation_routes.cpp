// The allocation queue, one case's ranked candidates, and allocating it (pages and
// API). Only SPOs; a view of a case's candidates is a view of the case and audited.
#include <boost/json.hpp>

#include "casework/case_access.hpp"
#include "enforcement/route_support.hpp"
#include "workload/access_rules.hpp"
#include "workload/allocation.hpp"
#include "workload/routes.hpp"
#include "workload/views.hpp"

namespace onecase::workload {

namespace json = boost::json;
using access::Principal;
using enforcement::add_form_errors;
using enforcement::audit;
using enforcement::audit_view;
using enforcement::parse_json_object;
using enforcement::string_member;
using http::Request;
using http::Response;

namespace {

struct QueueView {
    json::object doc;
    bool can_allocate = false;
};

// ?team=CODE or ?pdu=CODE; the caller's own team when neither is given.
Result<QueueView> queue_view(access::RouteDeps& deps, const Request& req, const Principal& who) {
    const auto today = platform::london_date(deps.clock.now());
    auto team_code = req.query_param("team").value_or("");
    const auto pdu_code = req.query_param("pdu").value_or("");
    if (team_code.empty() && pdu_code.empty() && who.staff) team_code = who.staff->team_code;
    auto result = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<QueueView> {
        if (who.role != access::Role::spo) return Problem::forbidden("Only a senior probation officer sees the allocation queue.");
        QueueView v;
        std::vector<QueueEntry> entries;
        if (!pdu_code.empty()) {
            auto pdu = find_pdu(conn, pdu_code);
            if (!pdu) return Problem::not_found("There is no PDU with code " + pdu_code);
            if (!can_view_pdu(who, pdu->id)) return Problem::forbidden("You see the queues of your own PDU only.");
            entries = load_queue(conn, Scope::pdu, pdu->id);
            v.doc = json::object{{"pduCode", pdu->code}, {"pduName", pdu->name}};
        } else {
            auto team = find_team(conn, team_code);
            if (!team) return Problem::not_found("There is no team with code " + team_code);
            if (!can_view_team(who, team->pdu_id)) return Problem::forbidden("You see the queues of your own PDU only.");
            entries = load_queue(conn, Scope::team, team->id);
            v.can_allocate = can_allocate_for(who, team->id);
            v.doc = json::object{{"teamCode", team->code}, {"teamName", team->name}, {"pduCode", team->pdu_code}};
        }
        const auto policy = policy_in_force_on(conn, today);
        json::array cases;
        for (const auto& q : entries) {
            auto facts = case_facts_json(q, due_date_of(q, policy), today);
            // A case closed to this SPO (restricted or excluded) shows only that it waits.
            if (!authorise_for_allocation(conn, q.crn, who)) {
                facts["name"] = "Restricted case";
                facts["flags"] = json::array{};
                facts["restricted"] = true;
            }
            cases.push_back(std::move(facts));
        }
        v.doc["count"] = std::int64_t(cases.size());
        v.doc["cases"] = std::move(cases);
        return v;
    });
    audit_view(deps, req, who, result ? "allocation.queue.view" : "allocation.queue.view.refused", std::nullopt,
               pdu_code.empty() ? "team=" + team_code : "pdu=" + pdu_code);
    return result;
}

Result<json::object> candidates_view(access::RouteDeps& deps, const Request& req, const Principal& who, const std::string& crn,
                                     bool pdu_wide) {
    const auto now = deps.clock.now();
    auto result = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<json::object> {
        auto ctx = load_allocation(conn, who, crn, pdu_wide, now);
        if (!ctx) return ctx.problem();
        json::array candidates;
        for (const auto& r : ctx->ranked) candidates.push_back(candidate_json(r));
        json::array history;
        for (const auto& h : allocation_history(conn, ctx->person_id))
            history.push_back(json::object{{"allocatedAt", h.allocated_at},
                                           {"allocatedAtText", platform::parse_instant(h.allocated_at)
                                                                   ? platform::display_london(*platform::parse_instant(h.allocated_at))
                                                                   : h.allocated_at},
                                           {"fromStaffCode", h.from_code.empty() ? json::value(nullptr) : json::value(h.from_code)},
                                           {"fromName", h.from_name},
                                           {"toStaffCode", h.to_code},
                                           {"toName", h.to_name},
                                           {"by", h.by},
                                           {"reason", h.reason},
                                           {"rank", h.rank},
                                           {"againstRanking", h.against_ranking},
                                           {"againstGradeRule", h.against_grade_rule},
                                           {"transferFromTeam", h.transfer_from_team.empty() ? json::value(nullptr) : json::value(h.transfer_from_team)},
                                           {"transferToTeam", h.transfer_to_team.empty() ? json::value(nullptr) : json::value(h.transfer_to_team)}});
        json::array transfers;
        for (const auto& t : transfers_of(conn, ctx->person_id)) transfers.push_back(transfer_json(t));
        const TeamPlace here{ctx->team.id, ctx->team.pdu_id};
        json::object o{{"crn", crn},
                       {"case", case_facts_json(ctx->facts, ctx->due_date, platform::london_date(now))},
                       {"caseManager", ctx->current_manager ? json::value(json::object{{"code", ctx->current_manager->code},
                                                                                         {"name", ctx->current_manager->name()}})
                                                            : json::value(nullptr)},
                       {"teamCode", ctx->team.code},
                       {"teamName", ctx->team.name},
                       {"scope", pdu_wide ? "pdu" : "team"},
                       {"canAllocate", can_allocate_for(who, ctx->team.id)},
                       {"casePoints", case_points(ctx->policy, ctx->facts.tier, std::string(case_type_of_disposal(ctx->facts.disposal_type)))},
                       {"policyVersion", ctx->policy.version},
                       {"candidates", std::move(candidates)},
                       {"history", std::move(history)},
                       {"transfer", ctx->transfer ? json::value(transfer_json(*ctx->transfer)) : json::value(nullptr)},
                       {"transfers", std::move(transfers)},
                       // Reallocate within the team with the form; send elsewhere with a transfer.
                       {"canTransfer", !ctx->transfer && can_send_transfer(who, here)},
                       {"canWithdraw", ctx->transfer && can_send_transfer(who, ctx->transfer->from)},
                       {"canDecline", ctx->transfer && can_receive_transfer(who, ctx->transfer->to)}};
        return o;
    });
    audit_view(deps, req, who, result ? "allocation.candidates.view" : "allocation.candidates.view.refused", crn,
               pdu_wide ? "scope=pdu" : "scope=team");
    return result;
}

json::object candidates_page(json::object v, const Principal& who, const std::string& chosen, const std::string& reason,
                             const std::vector<FieldError>& errors, const std::string& close_reason = "",
                             const std::vector<FieldError>& close_errors = {}) {
    auto& list = v["candidates"].as_array();
    const std::string first = list.empty() ? "" : std::string(list.front().at("staffCode").as_string());
    for (auto& c : list) {
        auto& o = c.as_object();
        const std::string code(o.at("staffCode").as_string());
        o["checked"] = chosen.empty() ? false : code == chosen;
        o["capacityText"] = percent_text(o.at("capacityPercent").is_null() ? std::nullopt : std::optional<double>(o.at("capacityPercent").to_number<double>()));
        o["capacityAfterText"] =
            percent_text(o.at("capacityPercentAfter").is_null() ? std::nullopt : std::optional<double>(o.at("capacityPercentAfter").to_number<double>()));
        o["first"] = code == first;
    }
    json::object form{{"reason", reason}};
    add_form_errors(form, errors);
    v["form"] = std::move(form);
    json::object close{{"reason", close_reason}};
    add_form_errors(close, close_errors);
    v["closeForm"] = std::move(close);
    v["hasTransfers"] = !v.at("transfers").as_array().empty();
    v["reallocating"] = !v.at("caseManager").is_null();
    v["csrf"] = who.csrf_token;
    v["pduWide"] = v.at("scope").as_string() == "pdu";
    v["hasCandidates"] = !list.empty();
    v["hasHistory"] = !v.at("history").as_array().empty();
    return v;
}

// The transfer form: the case's summary, where it is now, and every other team by PDU.
Result<json::object> transfer_form(access::RouteDeps& deps, const Request& req, const Principal& who, const std::string& crn,
                                   const std::string& to_team, const std::string& reason, const std::vector<FieldError>& errors) {
    const auto now = deps.clock.now();
    auto result = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<json::object> {
        if (who.role != access::Role::spo && who.role != access::Role::head_of_pdu)
            return Problem::forbidden("Only a senior probation officer or a head of PDU transfers cases.");
        auto c = casework::authorise_case(conn, crn, who, false);
        if (!c) return c.problem();
        if (auto pending = pending_transfer(conn, c->person.id))
            return Problem::conflict("This case is already being transferred to " + pending->to_team_name + ". Withdraw that transfer first.");
        auto facts = load_case_facts(conn, c->person.id);
        if (!facts) return Problem::not_found("There is no case with CRN " + crn);
        std::optional<TeamRecord> from;
        if (c->case_manager) from = find_team_by_id(conn, c->case_manager->team_id);
        else if (auto t = find_team(conn, facts->team_code)) from = t;
        if (!from) return Problem::conflict("This case is in no team, so there is nothing to transfer it from.");
        if (!can_send_transfer(who, TeamPlace{from->id, from->pdu_id}))
            return Problem::forbidden("Only the senior probation officer of " + from->name + ", or the head of " + from->pdu_name +
                                      ", transfers its cases.");
        const auto today = platform::london_date(now);
        const auto policy = policy_in_force_on(conn, today);
        json::object form{{"reason", reason}, {"toTeam", to_team}};
        add_form_errors(form, errors);
        return json::object{{"crn", crn},
                            {"case", case_facts_json(*facts, due_date_of(*facts, policy), today)},
                            {"caseManager", c->case_manager ? json::value(json::object{{"code", c->case_manager->staff_code},
                                                                                        {"name", c->case_manager->display_name}})
                                                            : json::value(nullptr)},
                            {"fromTeamCode", from->code},
                            {"fromTeamName", from->name},
                            {"fromPduName", from->pdu_name},
                            {"destinations", transfer_destinations(conn, from->id, to_team)},
                            {"form", std::move(form)},
                            {"csrf", who.csrf_token}};
    });
    audit_view(deps, req, who, result ? "allocation.transfer.view" : "allocation.transfer.view.refused", crn, "");
    return result;
}

// A transfer id from a path or form: digits only, else nothing.
std::optional<std::int64_t> parse_id(const std::string& text) {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoll(text);
}

}  // namespace

void register_allocation_routes(http::Router& router, const access::Guard& guard, std::shared_ptr<EmailNotifier> email) {
    auto& deps = guard.deps();

    router.add("GET", "/api/v1/allocations/queue", guard.api([&deps](Request& req, const Principal& who) {
        auto v = queue_view(deps, req, who);
        if (!v) return Response::problem(v.problem());
        return Response::json(json::serialize(v->doc));
    }));

    router.add("GET", "/allocations", guard.page([&guard, &deps](Request& req, const Principal& who) {
        auto v = queue_view(deps, req, who);
        if (!v) return guard.problem(req, &who, v.problem());
        auto page = v->doc;
        page["canAllocate"] = v->can_allocate;
        page["hasCases"] = page.at("count").as_int64() > 0;
        if (auto done = req.query_param("allocated")) page["allocated"] = *done;
        if (auto to = req.query_param("to")) page["allocatedTo"] = *to;
        if (auto moved = req.query_param("moved"); moved && !moved->empty() && moved->find_first_not_of("0123456789") == std::string::npos)
            page["appointmentsMoved"] = *moved == "1" ? "1 booked appointment moved to their diary."
                                                      : *moved + " booked appointments moved to their diary.";
        if (auto t = req.query_param("transferred")) page["transferred"] = *t;
        if (auto to = req.query_param("toTeam")) page["transferredTo"] = *to;
        return guard.render(req, &who, "allocation_queue", page, "Cases to allocate");
    }));

    router.add("GET", "/api/v1/allocations/{crn}/candidates", guard.api([&deps](Request& req, const Principal& who) {
        auto v = candidates_view(deps, req, who, req.path_params.at("crn"), req.query_param("scope").value_or("") == "pdu");
        if (!v) return Response::problem(v.problem());
        return Response::json(json::serialize(*v));
    }));

    router.add("GET", "/allocations/{crn}", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const auto crn = req.path_params.at("crn");
        auto v = candidates_view(deps, req, who, crn, req.query_param("scope").value_or("") == "pdu");
        if (!v) return guard.problem(req, &who, v.problem());
        return guard.render(req, &who, "allocation_case", candidates_page(std::move(*v), who, "", "", {}), "Allocate " + crn);
    }));

    router.add("POST", "/api/v1/allocations", guard.api([&deps, email](Request& req, const Principal& who) {
        auto body = parse_json_object(req.body);
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        std::vector<FieldError> errors;
        AllocationRequest in{string_member(*body, "crn", errors), string_member(*body, "staffCode", errors),
                             string_member(*body, "reason", errors), string_member(*body, "scope", errors) == "pdu"};
        if (!errors.empty()) return Response::problem(Problem::invalid(std::move(errors)));
        auto done = allocate_case(deps, req, who, in, *email);
        if (!done) return Response::problem(done.problem());
        return Response::json(json::serialize(json::object{{"crn", done->crn},
                                                           {"staffCode", done->to_code},
                                                           {"name", done->to_name},
                                                           {"previousStaffCode", done->from_code.empty() ? json::value(nullptr) : json::value(done->from_code)},
                                                           {"rank", done->rank},
                                                           {"againstRanking", done->against_ranking},
                                                           {"againstGradeRule", done->against_grade_rule},
                                                           {"capacityPercentAfter", percent_json(done->capacity_after)},
                                                           {"appointmentsHandedOver", done->appointments_moved}}),
                              201);
    }));

    router.add("POST", "/allocations/{crn}", guard.page([&guard, &deps, email](Request& req, const Principal& who) {
        const auto crn = req.path_params.at("crn");
        AllocationRequest in{crn, req.form_value("staffCode"), req.form_value("reason"), req.form_value("scope") == "pdu"};
        auto done = allocate_case(deps, req, who, in, *email);
        if (done)
            return Response::redirect("/allocations?team=" + http::url_encode(done->team_code) + "&allocated=" + crn +
                                      "&to=" + http::url_encode(done->to_name) +
                                      (done->appointments_moved > 0 ? "&moved=" + std::to_string(done->appointments_moved) : ""));
        if (done.problem().status != 422) return guard.problem(req, &who, done.problem());
        auto v = candidates_view(deps, req, who, crn, in.pdu_wide);
        if (!v) return guard.problem(req, &who, v.problem());
        return guard.render(req, &who, "allocation_case", candidates_page(std::move(*v), who, in.staff_code, in.reason, done.problem().errors),
                            "Allocate " + crn, 422);
    }));

    router.add("GET", "/allocations/{crn}/transfer", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const auto crn = req.path_params.at("crn");
        auto v = transfer_form(deps, req, who, crn, "", "", {});
        if (!v) return guard.problem(req, &who, v.problem());
        return guard.render(req, &who, "allocation_transfer", *v, "Transfer " + crn);
    }));

    router.add("POST", "/allocations/{crn}/transfer", guard.page([&guard, &deps, email](Request& req, const Principal& who) {
        const auto crn = req.path_params.at("crn");
        TransferRequest in{crn, req.form_value("toTeam"), req.form_value("reason")};
        auto done = request_transfer(deps, req, who, in, *email);
        if (done)
            return Response::redirect("/allocations?team=" + http::url_encode(done->from_team_code) + "&transferred=" + crn +
                                      "&toTeam=" + http::url_encode(done->to_team_name + " (" + done->to_pdu_name + ")"));
        if (done.problem().status != 422) return guard.problem(req, &who, done.problem());
        auto v = transfer_form(deps, req, who, crn, in.to_team, in.reason, done.problem().errors);
        if (!v) return guard.problem(req, &who, v.problem());
        return guard.render(req, &who, "allocation_transfer", *v, "Transfer " + crn, 422);
    }));

    router.add("POST", "/api/v1/transfers", guard.api([&deps, email](Request& req, const Principal& who) {
        auto body = parse_json_object(req.body);
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        std::vector<FieldError> errors;
        TransferRequest in{string_member(*body, "crn", errors), string_member(*body, "toTeam", errors), string_member(*body, "reason", errors)};
        if (!errors.empty()) return Response::problem(Problem::invalid(std::move(errors)));
        auto done = request_transfer(deps, req, who, in, *email);
        if (!done) return Response::problem(done.problem());
        return Response::json(json::serialize(transfer_json(*done)), 201);
    }));

    // Withdrawn by the sending side or declined by the receiving side, with a reason.
    for (const bool declining : {false, true}) {
        const std::string action = declining ? "decline" : "withdraw";
        router.add("POST", "/api/v1/transfers/{id}/" + action, guard.api([&deps, email, declining](Request& req, const Principal& who) {
            auto body = parse_json_object(req.body.empty() ? std::string("{}") : req.body);
            if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
            std::vector<FieldError> errors;
            const auto reason = string_member(*body, "reason", errors);
            if (!errors.empty()) return Response::problem(Problem::invalid(std::move(errors)));
            auto id = parse_id(req.path_params.at("id"));
            if (!id) return Response::problem(Problem::not_found("There is no transfer " + req.path_params.at("id")));
            auto done = close_transfer(deps, req, who, *id, declining, reason, *email);
            if (!done) return Response::problem(done.problem());
            return Response::json(json::serialize(transfer_json(*done)));
        }));
        router.add("POST", "/allocations/{crn}/transfer/" + action, guard.page([&guard, &deps, email, declining](Request& req, const Principal& who) {
            const auto crn = req.path_params.at("crn");
            const auto reason = req.form_value("reason");
            auto id = parse_id(req.form_value("transferId"));
            if (!id) return guard.problem(req, &who, Problem::bad_request("The form did not say which transfer."));
            auto done = close_transfer(deps, req, who, *id, declining, reason, *email);
            if (done)
                return Response::redirect(declining ? "/allocations?team=" + http::url_encode(done->to_team_code)
                                                    : "/allocations/" + crn);
            if (done.problem().status != 422) return guard.problem(req, &who, done.problem());
            auto v = candidates_view(deps, req, who, crn, false);
            if (!v) return guard.problem(req, &who, v.problem());
            return guard.render(req, &who, "allocation_case", candidates_page(std::move(*v), who, "", "", {}, reason, done.problem().errors),
                                "Allocate " + crn, 422);
        }));
    }
}

}  // namespace onecase::workload
