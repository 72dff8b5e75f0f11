// Acting on enforcement: the case's enforcement record (API), giving a warning and
// other actions, withdrawing an action, resolving a proposal, and the SPO's list of
// breach-due and recall-consideration proposals. Breach and recall decisions are for
// an SPO; everyone else sees them as awaiting an SPO decision.
#include <boost/json.hpp>

#include <variant>

#include "platform/identifiers.hpp"
#include "access/policy.hpp"
#include "casework/case_access.hpp"
#include "casework/case_record.hpp"
#include "enforcement/outcome_rules.hpp"
#include "enforcement/route_support.hpp"
#include "enforcement/routes.hpp"
#include "enforcement/store.hpp"
#include "enforcement/views.hpp"
#include "enforcement/policy_rules.hpp"

namespace onecase::enforcement {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

// An action's fields, for the audit row's before and after.
access::AuditSnapshot action_fields(const ActionRecord& a) {
    access::AuditSnapshot s;
    s.set("kind", a.kind);
    s.set("action_date", a.action_date);
    s.set("event_number", a.event_number);
    s.set("reason", a.reason);
    s.set("appointment_id", a.appointment_id);
    s.set("withdrawn_at", a.withdrawn_at);
    s.set("withdrawn_reason", a.withdrawn_reason);
    s.set("version", a.version);
    return s;
}

// A proposal's fields a resolution changes.
access::AuditSnapshot proposal_fields(const ProposalRecord& p) {
    access::AuditSnapshot s;
    s.set("proposal", p.proposal);
    s.set("resolved_at", p.resolved_at);
    s.set("resolution", p.resolution);
    s.set("resolved_by_action_id", p.resolved_by_action_id);
    s.set("version", p.version);
    return s;
}


bool is_spo(const Principal& who) { return who.role == access::Role::spo; }

const char* kSpoOnly =
    "Only a senior probation officer can decide on a breach or a recall consideration. It is waiting for the SPO "
    "of the case manager's team.";

// ---- actions

struct NewActionInput {
    std::optional<std::int64_t> event_number;
    ActionInput action;
};

struct ActionSaved {
    ActionRecord action;
    std::int64_t proposals_resolved = 0;
};

Result<ActionSaved> save_action(access::RouteDeps& deps, const Request& req, const Principal& who, const std::string& crn,
                                const NewActionInput& in) {
    const auto now = deps.clock.now();
    return db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<ActionSaved> {
        auto c = casework::authorise_case(conn, crn, who, true);
        if (!c) return c.problem();
        const auto kind = parse_action_kind(in.action.kind);
        if ((kind == contacts::EnforcementActionKind::breach_started ||
             kind == contacts::EnforcementActionKind::decided_not_to_breach) && !is_spo(who))
            return Problem::forbidden(kSpoOnly);
        std::vector<FieldError> errors;
        std::optional<OrderRef> order;
        if (!in.event_number) errors.push_back({"eventNumber", "Select the order (event) the action is on"});
        else if (!(order = find_order(conn, c->person.id, *in.event_number)))
            errors.push_back({"eventNumber", "There is no event " + std::to_string(*in.event_number) + " on this case"});
        auto valid = validate_action(in.action, platform::london_date(now));
        if (!valid) errors.insert(errors.end(), valid.problem().errors.begin(), valid.problem().errors.end());
        if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the enforcement action");
        ActionSaved out{insert_action(conn, c->person.id, order->id, *valid, std::nullopt, who.user_id, now), 0};
        if (valid->kind == contacts::EnforcementActionKind::warning)
            out.proposals_resolved = resolve_warning_proposals(conn, order->id, out.action.id, who.user_id, now);
        audit(conn, deps, req, who, "enforcement_action.create", crn,
              "action=" + std::to_string(out.action.id) + " kind=" + out.action.kind +
                  " proposals_resolved=" + std::to_string(out.proposals_resolved),
              access::created_fields(action_fields(out.action)));
        return out;
    });
}

struct Withdrawn {
    std::string crn;
    ActionRecord action;
};
struct ActionConflict {
    ActionRecord current;
};

Result<std::variant<Withdrawn, ActionConflict>> withdraw(access::RouteDeps& deps, const Request& req,
                                                         const Principal& who, std::int64_t id,
                                                         const std::string& reason,
                                                         std::optional<std::int64_t> expected_version) {
    const auto now = deps.clock.now();
    using Out = std::variant<Withdrawn, ActionConflict>;
    return db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<Out> {
        auto a = find_action(conn, id);
        if (!a) return Problem::not_found("There is no enforcement action " + std::to_string(id));
        const auto crn = crn_of_person(conn, a->person_id).value_or("");
        auto c = casework::authorise_case(conn, crn, who, true);
        if (!c) return c.problem();
        if (auto p = required_text_problem(reason, "the reason for withdrawing it"))
            return Problem::invalid({{"reason", *p}}, "Check the withdrawal");
        if (a->withdrawn_at || (expected_version && *expected_version != a->version) ||
            !withdraw_action(conn, id, a->version, reason, now))
            return Out{ActionConflict{*a}};
        auto withdrawn = *find_action(conn, id);
        audit(conn, deps, req, who, "enforcement_action.withdraw", crn, "action=" + std::to_string(id),
              access::diff_fields(action_fields(*a), action_fields(withdrawn)));
        return Out{Withdrawn{crn, std::move(withdrawn)}};
    });
}

// ---- resolving proposals

struct Resolved {
    ProposalRecord proposal;
    std::optional<ActionRecord> action;
};
struct ProposalConflict {
    ProposalRecord current;
};
using ResolveResult = std::variant<Resolved, ProposalConflict>;

std::string resolution_text(const ResolutionInput& in, const ValidResolution& v) {
    if (in.decision == "start_breach")
        return "Breach proceedings started" + (v.text.empty() ? std::string() : ": " + v.text);
    if (in.decision == "give_warning") return "Warning given";
    return v.text;
}

Result<ResolveResult> resolve(access::RouteDeps& deps, const Request& req, const Principal& who, std::int64_t id,
                              const ResolutionInput& in, std::optional<std::int64_t> expected_version) {
    const auto now = deps.clock.now();
    return db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<ResolveResult> {
        auto p = find_proposal(conn, id);
        if (!p) return Problem::not_found("There is no enforcement proposal " + std::to_string(id));
        auto c = casework::authorise_case(conn, p->crn, who, true);
        if (!c) return c.problem();
        if (resolution_needs_spo(p->proposal) && !is_spo(who)) return Problem::forbidden(kSpoOnly);
        if (p->resolved_at || (expected_version && *expected_version != p->version))
            return ResolveResult{ProposalConflict{*p}};
        auto valid = validate_resolution(p->proposal, in, platform::london_date(now));
        if (!valid) return valid.problem();
        std::optional<ActionRecord> action;
        if (valid->action)
            action = insert_action(conn, p->person_id, p->event_id, ValidAction{*valid->action, valid->date, valid->text},
                                   p->appointment_id, who.user_id, now);
        if (!resolve_proposal(conn, id, p->version, action ? std::optional(action->id) : std::nullopt,
                              resolution_text(in, *valid), who.user_id, now))
            return ResolveResult{ProposalConflict{*p}};
        if (action && valid->action == contacts::EnforcementActionKind::warning)
            resolve_warning_proposals(conn, p->event_id, action->id, who.user_id, now);
        auto resolved = *find_proposal(conn, id);
        auto changes = access::diff_fields(proposal_fields(*p), proposal_fields(resolved));
        if (action) {
            // The action the decision created, its fields named apart from the proposal's.
            auto created = access::created_fields(action_fields(*action));
            for (auto& c : created) c.field = "action." + c.field;
            changes = access::joined_changes(std::move(changes), created);
        }
        audit(conn, deps, req, who, "enforcement_proposal.resolve", p->crn,
              "proposal=" + std::to_string(id) + " decision=" + in.decision +
                  (action ? " action=" + std::to_string(action->id) : ""),
              std::move(changes));
        return ResolveResult{Resolved{std::move(resolved), action}};
    });
}

// ---- the SPO's list

struct BreachEntry {
    ProposalRecord proposal;
    std::optional<LiveWarning> warning;
};

Result<std::vector<BreachEntry>> breach_list(access::RouteDeps& deps, const Principal& who) {
    if (!is_spo(who) || !who.staff)
        return Problem::forbidden("The breach list is for senior probation officers: it shows their team's cases "
                                  "waiting for a breach or recall decision.");
    return db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<std::vector<BreachEntry>> {
        const auto policy = enforcement_policy_in_force(conn, deps.clock.now());
        std::vector<BreachEntry> out;
        for (auto& p : open_spo_proposals_for_team(conn, who.staff->team_id)) {
            BreachEntry e{std::move(p), std::nullopt};
            const auto failure = e.proposal.failure_at ? platform::parse_instant(*e.proposal.failure_at) : std::nullopt;
            if (e.proposal.proposal == "breach_due" && failure)
                e.warning = live_warning_on(actions_on_order(conn, e.proposal.event_id), platform::london_date(*failure),
                                            policy.warning_window_months);
            out.push_back(std::move(e));
        }
        return out;
    });
}

json::object breach_entry_json(const BreachEntry& e) {
    auto o = proposal_json(e.proposal);
    o["liveWarning"] = e.warning ? json::value(platform::format_date(e.warning->given)) : json::value(nullptr);
    o["warningWindowEnds"] = e.warning ? json::value(platform::format_date(e.warning->window_ends)) : json::value(nullptr);
    return o;
}

// ---- page helpers

std::optional<std::int64_t> optional_version(const std::string& text) { return platform::parse_record_id(text); }

std::optional<std::int64_t> version_member(const json::object& o, std::vector<FieldError>& errors) {
    auto it = o.find("version");
    if (it == o.end() || it->value().is_null()) return std::nullopt;
    if (!it->value().is_int64()) {
        errors.push_back({"version", "version must be a whole number"});
        return std::nullopt;
    }
    return it->value().get_int64();
}

struct CaseContext {
    people::Person person;
    std::vector<OrderRef> orders;
};

Result<CaseContext> load_case(access::RouteDeps& deps, const std::string& crn, const Principal& who) {
    return db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<CaseContext> {
        auto c = casework::authorise_case(conn, crn, who, true);
        if (!c) return c.problem();
        CaseContext ctx{std::move(c->person), {}};
        for (const auto& r : conn.query("SELECT id, event_number, disposal_type FROM events WHERE person_id = ? "
                                        "ORDER BY active DESC, event_number DESC",
                                        {ctx.person.id}))
            ctx.orders.push_back(OrderRef{r.int64(0), r.int64(1), r.text(2), false});
        return ctx;
    });
}

json::object warning_view(const CaseContext& ctx, const Principal& who, const NewActionInput& in,
                          const std::vector<FieldError>& errors) {
    json::array orders;
    for (const auto& o : ctx.orders)
        orders.push_back(json::object{{"number", o.number},
                                      {"label", order_words(o.number, o.disposal_type)},
                                      {"selected", in.event_number == o.number}});
    json::object form{{"date", in.action.date}, {"reason", in.action.reason}, {"orders", std::move(orders)}};
    add_form_errors(form, errors);
    return json::object{{"csrf", who.csrf_token},
                        {"person", json::object{{"crn", ctx.person.crn}, {"name", ctx.person.full_name()},
                                                {"url", "/cases/" + ctx.person.crn}}},
                        {"form", std::move(form)}};
}

struct ProposalPage {
    ProposalRecord proposal;
    bool may_write = false;  // the viewer may record on the case
};

// Anyone who may read the case sees the proposal; the form is for those who may decide.
Result<ProposalPage> load_proposal_page(access::RouteDeps& deps, std::int64_t id, const Principal& who) {
    return db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<ProposalPage> {
        auto p = find_proposal(conn, id);
        if (!p) return Problem::not_found("There is no enforcement proposal " + std::to_string(id));
        auto c = casework::authorise_case(conn, p->crn, who, false);
        if (!c) return c.problem();
        return ProposalPage{*p, access::can_write_case(who, c->scope)};
    });
}

json::object proposal_page_view(const ProposalPage& page, const Principal& who, const ResolutionInput& in,
                                const std::vector<FieldError>& errors, const std::string& conflict) {
    const auto& p = page.proposal;
    const bool may = page.may_write && (!resolution_needs_spo(p.proposal) || is_spo(who));
    json::object form{{"reason", in.reason},
                      {"date", in.date},
                      {"version", p.version},
                      {"startBreachChecked", in.decision == "start_breach"},
                      {"doNotBreachChecked", in.decision == "do_not_breach"}};
    add_form_errors(form, errors);
    return json::object{{"csrf", who.csrf_token},
                        {"proposal", proposal_view(p, may)},
                        {"form", std::move(form)},
                        {"conflict", conflict}};
}

Result<ResolutionInput> resolution_from_json(const json::object& o, std::optional<std::int64_t>& version) {
    std::vector<FieldError> errors;
    ResolutionInput in{string_member(o, "decision", errors), string_member(o, "reason", errors),
                       string_member(o, "date", errors)};
    version = version_member(o, errors);
    if (!errors.empty()) return Problem::invalid(std::move(errors));
    return in;
}

}  // namespace

void register_action_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/api/v1/people/{crn}/enforcement", guard.api([&deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        auto result = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<json::object> {
            auto c = casework::authorise_case(conn, crn, who, false);
            if (!c) return c.problem();
            json::array proposals, actions;
            for (const auto& p : proposals_for_person(conn, c->person.id)) proposals.push_back(proposal_json(p));
            for (const auto& a : actions_for_person(conn, c->person.id)) actions.push_back(action_json(a));
            const auto policy = enforcement_policy_in_force(conn, deps.clock.now());
            return json::object{{"crn", crn},
                                {"proposals", std::move(proposals)},
                                {"actions", std::move(actions)},
                                {"policyVersion", policy.version}};
        });
        if (!result) {
            audit_view(deps, req, who, "enforcement.view.refused", crn, result.problem().title);
            return Response::problem(result.problem());
        }
        audit_view(deps, req, who, "enforcement.view", crn, "api");
        return Response::json(json::serialize(*result));
    }));

    router.add("POST", "/api/v1/people/{crn}/enforcement-actions", guard.api([&deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        auto body = parse_json_object(req.body);
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        std::vector<FieldError> errors;
        NewActionInput in;
        if (auto it = body->find("eventNumber"); it != body->end() && !it->value().is_null()) {
            if (it->value().is_int64()) in.event_number = it->value().get_int64();
            else errors.push_back({"eventNumber", "eventNumber must be a whole number"});
        }
        in.action = ActionInput{string_member(*body, "kind", errors), string_member(*body, "date", errors),
                                string_member(*body, "reason", errors)};
        if (!errors.empty()) return Response::problem(Problem::invalid(std::move(errors)));
        auto saved = save_action(deps, req, who, crn, in);
        if (!saved) return Response::problem(saved.problem());
        auto o = action_json(saved->action);
        o["proposalsResolved"] = saved->proposals_resolved;
        return Response::json(json::serialize(o), 201);
    }));

    router.add("GET", "/cases/{crn}/enforcement/warning", guard.page([&guard, &deps](Request& req, const Principal& who) {
        auto ctx = load_case(deps, req.path_params.at("crn"), who);
        if (!ctx) {
            audit_view(deps, req, who, "enforcement.view.refused", req.path_params.at("crn"), "warning form");
            return guard.problem(req, &who, ctx.problem());
        }
        NewActionInput in;
        in.action.date = platform::format_date(platform::london_date(deps.clock.now()));
        if (!ctx->orders.empty()) in.event_number = ctx->orders.front().number;
        audit_view(deps, req, who, "enforcement.view", ctx->person.crn, "warning form");
        return guard.render(req, &who, "enforcement_warning", warning_view(*ctx, who, in, {}),
                            "Record a warning – " + ctx->person.full_name());
    }));

    router.add("POST", "/cases/{crn}/enforcement/warning", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        NewActionInput in;
        if (auto n = platform::parse_record_id(req.form_value("eventNumber"))) in.event_number = *n;
        in.action = ActionInput{"warning", req.form_value("date"), req.form_value("reason")};
        auto saved = save_action(deps, req, who, crn, in);
        if (saved) return Response::redirect("/cases/" + crn + "#enforcement");
        if (saved.problem().status != 422) return guard.problem(req, &who, saved.problem());
        auto ctx = load_case(deps, crn, who);
        if (!ctx) return guard.problem(req, &who, ctx.problem());
        return guard.render(req, &who, "enforcement_warning", warning_view(*ctx, who, in, saved.problem().errors),
                            "Record a warning – " + ctx->person.full_name(), 422);
    }));

    router.add("POST", "/api/v1/enforcement-actions/{id}/withdraw", guard.api([&deps](Request& req, const Principal& who) {
        const auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return Response::problem(Problem::not_found("No such enforcement action"));
        auto body = parse_json_object(req.body);
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        std::vector<FieldError> errors;
        const auto reason = string_member(*body, "reason", errors);
        const auto version = version_member(*body, errors);
        if (!errors.empty()) return Response::problem(Problem::invalid(std::move(errors)));
        auto result = withdraw(deps, req, who, *id, reason, version);
        if (!result) return Response::problem(result.problem());
        if (auto c = std::get_if<ActionConflict>(&*result))
            return conflict_response(c->current.withdrawn_at ? "The action is already withdrawn" : "Someone else changed this action",
                                     "Nothing was saved.", action_json(c->current));
        return Response::json(json::serialize(action_json(std::get<Withdrawn>(*result).action)));
    }));

    auto withdraw_page = [&guard, &deps](Request& req, const Principal& who, const std::string& reason,
                                         const std::vector<FieldError>& errors, const std::string& conflict, int status) {
        const auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return guard.problem(req, &who, Problem::not_found("No such enforcement action"));
        auto loaded = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<std::pair<ActionRecord, people::Person>> {
            auto a = find_action(conn, *id);
            if (!a) return Problem::not_found("There is no enforcement action " + std::to_string(*id));
            auto c = casework::authorise_case(conn, crn_of_person(conn, a->person_id).value_or(""), who, true);
            if (!c) return c.problem();
            return std::pair{*a, std::move(c->person)};
        });
        if (!loaded) {
            if (status == 200 && loaded.problem().status == 403)
                audit_refused_view(deps, req, who, "enforcement.view.refused", "enforcement_actions", *id);
            return guard.problem(req, &who, loaded.problem());
        }
        const auto& [action, person] = *loaded;
        if (status == 200) {
            audit_view(deps, req, who, "enforcement.view", person.crn, "action=" + std::to_string(*id));
        }
        json::object form{{"reason", reason}, {"version", action.version}};
        add_form_errors(form, errors);
        json::object view{{"csrf", who.csrf_token},
                          {"action", action_view(action, true)},
                          {"person", json::object{{"crn", person.crn}, {"name", person.full_name()}, {"url", "/cases/" + person.crn}}},
                          {"form", std::move(form)},
                          {"conflict", conflict}};
        return guard.render(req, &who, "enforcement_withdraw", view, "Withdraw an enforcement action", status);
    };

    router.add("GET", "/enforcement-actions/{id}/withdraw", guard.page([withdraw_page](Request& req, const Principal& who) {
        return withdraw_page(req, who, "", {}, "", 200);
    }));

    router.add("POST", "/enforcement-actions/{id}/withdraw",
               guard.page([&guard, &deps, withdraw_page](Request& req, const Principal& who) {
                   const auto id = platform::parse_record_id(req.path_params.at("id"));
                   if (!id) return guard.problem(req, &who, Problem::not_found("No such enforcement action"));
                   const auto reason = req.form_value("reason");
                   auto result = withdraw(deps, req, who, *id, reason, optional_version(req.form_value("version")));
                   if (!result && result.problem().status != 422) return guard.problem(req, &who, result.problem());
                   if (!result) return withdraw_page(req, who, reason, result.problem().errors, "", 422);
                   if (std::holds_alternative<ActionConflict>(*result))
                       return withdraw_page(req, who, reason, {},
                                            "Someone else changed or withdrew this action. Nothing was saved.", 409);
                   return Response::redirect("/cases/" + std::get<Withdrawn>(*result).crn + "#enforcement");
               }));

    router.add("POST", "/api/v1/enforcement-proposals/{id}/resolve", guard.api([&deps](Request& req, const Principal& who) {
        const auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return Response::problem(Problem::not_found("No such enforcement proposal"));
        auto body = parse_json_object(req.body);
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        std::optional<std::int64_t> version;
        auto in = resolution_from_json(*body, version);
        if (!in) return Response::problem(in.problem());
        auto result = resolve(deps, req, who, *id, *in, version);
        if (!result) return Response::problem(result.problem());
        if (auto c = std::get_if<ProposalConflict>(&*result))
            return conflict_response(c->current.resolved_at ? "The proposal is already resolved" : "Someone else changed this proposal",
                                     "Nothing was saved.", proposal_json(c->current));
        const auto& r = std::get<Resolved>(*result);
        json::object o{{"proposal", proposal_json(r.proposal)},
                       {"action", r.action ? json::value(action_json(*r.action)) : json::value(nullptr)}};
        return Response::json(json::serialize(o));
    }));

    router.add("GET", "/enforcement-proposals/{id}", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return guard.problem(req, &who, Problem::not_found("No such enforcement proposal"));
        auto p = load_proposal_page(deps, *id, who);
        if (!p) {
            if (p.problem().status == 403) audit_refused_view(deps, req, who, "enforcement.view.refused", "enforcement_proposals", *id);
            return guard.problem(req, &who, p.problem());
        }
        audit_view(deps, req, who, "enforcement.view", p->proposal.crn, "proposal=" + std::to_string(*id));
        return guard.render(req, &who, "enforcement_proposal", proposal_page_view(*p, who, {}, {}, ""),
                            std::string(proposal_label(p->proposal.proposal)) + " – " + p->proposal.person_name);
    }));

    router.add("POST", "/enforcement-proposals/{id}", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return guard.problem(req, &who, Problem::not_found("No such enforcement proposal"));
        ResolutionInput in{req.form_value("decision"), req.form_value("reason"), req.form_value("date")};
        auto result = resolve(deps, req, who, *id, in, optional_version(req.form_value("version")));
        const std::string back = req.form_value("from") == "breaches" ? "/enforcement/breaches" : "";
        if (result && std::holds_alternative<Resolved>(*result))
            return Response::redirect(back.empty() ? "/cases/" + std::get<Resolved>(*result).proposal.crn + "#enforcement" : back);
        if (!result && result.problem().status != 422) return guard.problem(req, &who, result.problem());
        auto p = load_proposal_page(deps, *id, who);
        if (!p) return guard.problem(req, &who, p.problem());
        if (!result)
            return guard.render(req, &who, "enforcement_proposal", proposal_page_view(*p, who, in, result.problem().errors, ""),
                                std::string(proposal_label(p->proposal.proposal)) + " – " + p->proposal.person_name, 422);
        return guard.render(req, &who, "enforcement_proposal",
                            proposal_page_view(*p, who, in, {}, "Someone else decided this proposal first. Nothing was saved."),
                            std::string(proposal_label(p->proposal.proposal)) + " – " + p->proposal.person_name, 409);
    }));

    router.add("GET", "/api/v1/enforcement/breaches", guard.api([&deps](Request& req, const Principal& who) {
        auto list = breach_list(deps, who);
        if (!list) {
            audit_view(deps, req, who, "enforcement.breaches.view.refused", std::nullopt, list.problem().title);
            return Response::problem(list.problem());
        }
        json::array items;
        for (const auto& e : *list) items.push_back(breach_entry_json(e));
        audit_view(deps, req, who, "enforcement.breaches.view", std::nullopt, "count=" + std::to_string(list->size()));
        return Response::json(json::serialize(json::object{{"proposals", std::move(items)}}));
    }));

    router.add("GET", "/enforcement/breaches", guard.page([&guard, &deps](Request& req, const Principal& who) {
        auto list = breach_list(deps, who);
        if (!list) {
            audit_view(deps, req, who, "enforcement.breaches.view.refused", std::nullopt, list.problem().title);
            return guard.problem(req, &who, list.problem());
        }
        audit_view(deps, req, who, "enforcement.breaches.view", std::nullopt, "count=" + std::to_string(list->size()));
        json::array items;
        for (const auto& e : *list) {
            auto v = proposal_view(e.proposal, true);
            if (e.warning) {
                v["liveWarning"] = platform::display_date(e.warning->given);
                v["warningWindowEnds"] = platform::display_date(e.warning->window_ends);
            }
            items.push_back(std::move(v));
        }
        const bool any = !items.empty();
        json::object view{{"csrf", who.csrf_token},
                          {"teamName", who.staff ? who.staff->team_name : ""},
                          {"proposals", std::move(items)},
                          {"hasProposals", any}};
        return guard.render(req, &who, "enforcement_breaches", view, "Breach and recall decisions");
    }));
}

void register_routes(http::Router& router, const access::Guard& guard) {
    register_outcome_routes(router, guard);
    register_action_routes(router, guard);
    register_policy_routes(router, guard);
}

}  // namespace onecase::enforcement
