// Workload pages and API: a practitioner's own breakdown, any staff member's (for
// their SPO or an admin), a team's and a PDU's view with the capacity chart, and
// recording reductions, contracted hours and weighted tasks. Authorised before any
// read; every view and change is audited.
#include <boost/json.hpp>

#include <algorithm>

#include "enforcement/route_support.hpp"
#include "workload/access_rules.hpp"
#include "workload/policy_json.hpp"
#include "workload/reduction_rules.hpp"
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

platform::Date today_of(const access::RouteDeps& deps) { return platform::london_date(deps.clock.now()); }

Problem not_yours() {
    return Problem::forbidden("You can see your own workload. Senior probation officers and heads of PDU see their PDU's; ask yours.");
}

// One staff member's workload, authorised and audited.
Result<json::object> staff_view(access::RouteDeps& deps, const Request& req, const Principal& who, const std::string& code) {
    const auto today = today_of(deps);
    auto result = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<json::object> {
        auto staff = find_staff(conn, code);
        if (!staff) return Problem::not_found("There is no member of staff with code " + code);
        if (!can_view_staff(who, staff->id, staff->pdu_id)) return not_yours();
        const auto policy = policy_in_force_on(conn, today);
        auto ws = measure_scope(conn, policy, Scope::staff, staff->id, today);
        if (ws.empty()) {
            const auto period = month_of(today);
            ws.push_back(measure(policy, *staff, HeldWork{}, period, today));
        }
        auto o = staff_workload_json(ws.front(), policy, month_of(today));
        // Admins do not read cases: they get the figures without the list of CRNs.
        if (who.role == access::Role::admin) return o;
        json::array cases;
        auto held = load_held_work(conn, Scope::staff, staff->id, today, month_of(today));
        for (const auto& c : held.cases[staff->id])
            cases.push_back(json::object{{"crn", c.crn},
                                         {"tier", c.tier ? json::value(*c.tier) : json::value(nullptr)},
                                         {"caseType", c.case_type},
                                         {"points", case_points(policy, c.tier, c.case_type)}});
        o["caseList"] = std::move(cases);
        return o;
    });
    audit_view(deps, req, who, result ? "workload.view" : "workload.view.refused", std::nullopt, "staff=" + code);
    return result;
}

struct GroupView {
    json::object doc;  // API form
    std::vector<StaffWorkload> members;
    WorkloadPolicy policy;
};

// A team's (Scope::team) or PDU's workload.
Result<GroupView> group_view(access::RouteDeps& deps, const Request& req, const Principal& who, Scope scope, const std::string& code) {
    const auto today = today_of(deps);
    const auto period = month_of(today);
    auto result = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<GroupView> {
        std::int64_t id = 0;
        json::object head;
        if (scope == Scope::team) {
            auto team = find_team(conn, code);
            if (!team) return Problem::not_found("There is no team with code " + code);
            if (!can_view_team(who, team->pdu_id))
                return Problem::forbidden("Only a senior probation officer or the head of PDU in this PDU, or an admin, sees a team's workload.");
            id = team->id;
            head = json::object{{"teamCode", team->code}, {"teamName", team->name}, {"pduCode", team->pdu_code}, {"pduName", team->pdu_name}};
        } else if (scope == Scope::region) {
            auto region = find_region(conn, code);
            if (!region) return Problem::not_found("There is no region with code " + code);
            if (who.role != access::Role::admin && !(who.role == access::Role::spo && who.staff && who.staff->region_id == region->id))
                return Problem::forbidden("Only a senior probation officer in this region, or an admin, sees its workload.");
            id = region->id;
            head = json::object{{"regionCode", region->code}, {"regionName", region->name}};
        } else {
            auto pdu = find_pdu(conn, code);
            if (!pdu) return Problem::not_found("There is no PDU with code " + code);
            if (!can_view_pdu(who, pdu->id))
                return Problem::forbidden("Only a senior probation officer or the head of PDU in this PDU, or an admin, sees its workload.");
            id = pdu->id;
            head = json::object{{"pduCode", pdu->code}, {"pduName", pdu->name}};
        }
        GroupView v;
        v.policy = policy_in_force_on(conn, today);
        v.members = measure_scope(conn, v.policy, scope, id, today);
        json::array members;
        for (const auto& w : v.members) members.push_back(staff_workload_json(w, v.policy, period));
        head["totals"] = totals_json(v.members);
        head["members"] = std::move(members);
        if (scope == Scope::pdu || scope == Scope::region) {
            // Per team in a PDU, per PDU in a region.
            const bool by_pdu = scope == Scope::region;
            std::map<std::string, std::vector<StaffWorkload>> groups;
            for (const auto& w : v.members) groups[by_pdu ? w.staff.pdu_code : w.staff.team_code].push_back(w);
            json::array rows;
            for (const auto& [group, ws] : groups) {
                auto t = totals_json(ws);
                t["code"] = group;
                t["name"] = by_pdu ? group : ws.front().staff.team_name;
                t["url"] = (by_pdu ? "/pdus/" : "/teams/") + group + "/workload";
                if (!by_pdu) {
                    t["teamCode"] = group;
                    t["teamName"] = ws.front().staff.team_name;
                }
                rows.push_back(std::move(t));
            }
            head[by_pdu ? "pdus" : "teams"] = rows;
            head["groups"] = std::move(rows);
        }
        head["policyVersion"] = v.policy.version;
        head["period"] = json::object{{"from", platform::format_date(period.first)}, {"to", platform::format_date(period.last)}};
        head["periodText"] = platform::display_date(period.first) + " to " + platform::display_date(period.last);
        v.doc = std::move(head);
        return v;
    });
    audit_view(deps, req, who, result ? "workload.view" : "workload.view.refused", std::nullopt,
               std::string(scope == Scope::team ? "team=" : scope == Scope::pdu ? "pdu=" : "region=") + code);
    return result;
}

// The page view of one staff member's breakdown.
json::object staff_page(const json::object& o, bool own, bool can_reduce) {
    json::object v = o;
    v["own"] = own;
    v["capacityText"] = percent_text(o.at("capacityPercent").is_null() ? std::nullopt
                                                                       : std::optional<double>(o.at("capacityPercent").to_number<double>()));
    json::array tiers;
    for (auto tier : kTiers) {
        const auto n = o.at("tierCounts").at(tier).as_int64();
        if (n) tiers.push_back(json::object{{"tier", tier}, {"count", n}});
    }
    if (auto n = o.at("tierCounts").at("untiered").as_int64()) tiers.push_back(json::object{{"tier", "Not yet tiered"}, {"count", n}});
    v["tierRows"] = std::move(tiers);
    v["hasTasks"] = !o.at("tasks").as_array().empty();
    v["hasReductions"] = !o.at("reductions").as_array().empty();
    v["canReduce"] = can_reduce;
    return v;
}

json::object group_page(const GroupView& g, const std::string& title, const Principal& who) {
    json::object v = g.doc;
    json::array rows;
    for (const auto& w : g.members) {
        std::string tiers;
        for (const char* letter : {"A", "B", "C", "D"}) {
            std::int64_t n = 0;
            for (const auto& [type, counts] : w.points.case_counts)
                for (const auto& [tier, c] : counts)
                    if (!tier.empty() && tier[0] == letter[0]) n += c;
            tiers += std::string(tiers.empty() ? "" : " · ") + letter + "\u00a0" + std::to_string(n);
        }
        std::string reductions;
        for (const auto& r : w.reductions) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%g h ", minutes_to_hours(r.reduction.minutes_per_week));
            reductions += (reductions.empty() ? "" : "; ") + std::string(buf) + std::string(reduction_reason_label(r.reduction.reason));
        }
        rows.push_back(json::object{{"code", w.staff.code},
                                    {"name", w.staff.name()},
                                    {"grade", w.staff.grade},
                                    {"teamCode", w.staff.team_code},
                                    {"cases", w.points.cases},
                                    {"tiers", tiers},
                                    {"points", w.points.total},
                                    {"availablePoints", w.availability.available_points},
                                    {"capacity", percent_text(w.capacity)},
                                    {"reductions", reductions.empty() ? std::string("None") : reductions},
                                    {"canReduce", can_record_reduction(who, w.staff.team_id)}});
    }
    v["rows"] = std::move(rows);
    v["chart"] = capacity_chart_svg(g.members, title);
    v["capacityText"] = percent_text(g.doc.at("totals").at("capacityPercent").is_null()
                                         ? std::nullopt
                                         : std::optional<double>(g.doc.at("totals").at("capacityPercent").to_number<double>()));
    return v;
}

// The team's SPO or an admin, checked before a route reads its body, so someone
// refused gets 403 (404 for an unknown code) whatever they sent.
std::optional<Problem> refuse_unless_team_spo_or_admin(access::RouteDeps& deps, const Principal& who, const std::string& code,
                                                       const char* what) {
    auto conn = deps.db.acquire();
    auto staff = find_staff(*conn, code);
    if (!staff) return Problem::not_found("There is no member of staff with code " + code);
    if (!can_record_reduction(who, staff->team_id))
        return Problem::forbidden(std::string("Only the team's senior probation officer or an admin ") + what + ".");
    return std::nullopt;
}

struct ReductionSaved {
    std::int64_t id = 0;
};

Result<ReductionSaved> add_reduction(access::RouteDeps& deps, const Request& req, const Principal& who, const std::string& code,
                                     const ReductionInput& in) {
    return db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<ReductionSaved> {
        auto staff = find_staff(conn, code);
        if (!staff) return Problem::not_found("There is no member of staff with code " + code);
        if (!can_record_reduction(who, staff->team_id))
            return Problem::forbidden("Only the team's senior probation officer or an admin records reductions.");
        auto r = parse_reduction(in);
        if (!r) return r.problem();
        const auto id = insert_reduction(conn, staff->id, *r, in.notes, who.user_id, deps.clock.now());
        audit(conn, deps, req, who, "workload.reduction.create", std::nullopt,
              "staff=" + code + " reduction=" + std::to_string(id) + " reason=" + r->reason +
                  " minutes=" + std::to_string(r->minutes_per_week) + " from=" + in.start_date + " to=" + in.end_date,
              access::created_fields(access::AuditSnapshot{}
                                         .set("staff", code)
                                         .set("reason", r->reason)
                                         .set("minutes_per_week", r->minutes_per_week)
                                         .set("start_date", in.start_date)
                                         .set("end_date", in.end_date)));
        return ReductionSaved{id};
    });
}

json::object reduction_form(const Principal& who, const StaffRecord& s, const ReductionInput& in, const std::vector<FieldError>& errors) {
    json::array reasons;
    for (auto r : kReductionReasons)
        reasons.push_back(json::object{{"code", r}, {"label", reduction_reason_label(r)}, {"selected", in.reason == r}});
    json::object form{{"reasons", std::move(reasons)},
                      {"hoursPerWeek", in.hours_per_week},
                      {"startDate", in.start_date},
                      {"endDate", in.end_date},
                      {"notes", in.notes}};
    add_form_errors(form, errors);
    return json::object{{"csrf", who.csrf_token}, {"staffCode", s.code}, {"name", s.name()}, {"teamCode", s.team_code}, {"form", std::move(form)}};
}

// Credits a report or task after checking it (kind, a real date no later than today)
// and who asks (the team's SPO or an admin); audited in the same transaction.
Result<std::int64_t> add_task(access::RouteDeps& deps, const Request& req, const Principal& who, const std::string& code,
                              const std::string& kind, const std::string& date_text) {
    std::vector<FieldError> errors;
    if (std::find(kTaskKinds.begin(), kTaskKinds.end(), kind) == kTaskKinds.end())
        errors.push_back({"kind", "Choose a report or task: psr_standard, psr_fast, psr_oral, parole_report, breach_report, "
                                  "recall_report, court_duty or upw_supervision"});
    auto date = platform::parse_date(date_text);
    if (!date) errors.push_back({"date", "Enter a real date, for example 2026-11-20"});
    else if (std::chrono::sys_days(*date) > std::chrono::sys_days(today_of(deps)))
        errors.push_back({"date", "The date must be today or earlier: credit a report once it is done"});
    return db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<std::int64_t> {
        auto staff = find_staff(conn, code);
        if (!staff) return Problem::not_found("There is no member of staff with code " + code);
        if (!can_record_reduction(who, staff->team_id))
            return Problem::forbidden("Only the team's senior probation officer or an admin credits reports and tasks.");
        if (!errors.empty()) return Problem::invalid(errors);
        const auto id = insert_task(conn, staff->id, kind, *date, who.user_id, deps.clock.now());
        audit(conn, deps, req, who, "workload.task.create", std::nullopt, "staff=" + code + " kind=" + kind + " date=" + date_text,
              access::created_fields(access::AuditSnapshot{}.set("staff", code).set("kind", kind).set("date", date_text)));
        return id;
    });
}

json::object task_form(const Principal& who, const StaffRecord& s, const std::string& kind, const std::string& date,
                       const std::vector<FieldError>& errors) {
    json::array kinds;
    for (auto k : kTaskKinds)
        kinds.push_back(json::object{{"code", k}, {"label", task_label(k)}, {"selected", kind == k}});
    json::object form{{"kinds", std::move(kinds)}, {"date", date}};
    add_form_errors(form, errors);
    return json::object{{"csrf", who.csrf_token}, {"staffCode", s.code}, {"name", s.name()}, {"form", std::move(form)}};
}

}  // namespace

void register_workload_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/api/v1/staff/{code}/workload", guard.api([&deps](Request& req, const Principal& who) {
        auto v = staff_view(deps, req, who, req.path_params.at("code"));
        if (!v) return Response::problem(v.problem());
        return Response::json(json::serialize(*v));
    }));

    router.add("GET", "/workload", guard.page([&guard, &deps](Request& req, const Principal& who) {
        if (!who.staff) return guard.problem(req, &who, Problem::not_found("You have no staff record, so no workload."));
        auto v = staff_view(deps, req, who, who.staff->staff_code);
        if (!v) return guard.problem(req, &who, v.problem());
        return guard.render(req, &who, "workload_staff", staff_page(*v, true, false), "My workload");
    }));

    router.add("GET", "/staff/{code}/workload", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const auto code = req.path_params.at("code");
        auto v = staff_view(deps, req, who, code);
        if (!v) return guard.problem(req, &who, v.problem());
        const bool own = who.staff && who.staff->staff_code == code;
        auto conn = deps.db.acquire();
        auto staff = find_staff(*conn, code);
        const bool can_reduce = staff && can_record_reduction(who, staff->team_id);
        return guard.render(req, &who, "workload_staff", staff_page(*v, own, can_reduce),
                            own ? "My workload" : "Workload of " + std::string(v->at("name").as_string()));
    }));

    for (auto scope : {Scope::team, Scope::pdu, Scope::region}) {
        const std::string base = scope == Scope::team ? "teams" : scope == Scope::pdu ? "pdus" : "regions";
        router.add("GET", "/api/v1/" + base + "/{code}/workload", guard.api([&deps, scope](Request& req, const Principal& who) {
            auto v = group_view(deps, req, who, scope, req.path_params.at("code"));
            if (!v) return Response::problem(v.problem());
            return Response::json(json::serialize(v->doc));
        }));
        router.add("GET", "/" + base + "/{code}/workload", guard.page([&guard, &deps, scope](Request& req, const Principal& who) {
            auto v = group_view(deps, req, who, scope, req.path_params.at("code"));
            if (!v) return guard.problem(req, &who, v.problem());
            const std::string title = scope == Scope::team  ? "Team workload: " + std::string(v->doc.at("teamName").as_string())
                                      : scope == Scope::pdu ? "PDU workload: " + std::string(v->doc.at("pduName").as_string())
                                                            : "Region workload: " + std::string(v->doc.at("regionName").as_string());
            auto page = group_page(*v, title, who);
            page["isTeam"] = scope == Scope::team;
            page["isRegion"] = scope == Scope::region;
            page["groupHeading"] = scope == Scope::region ? "PDUs" : "Teams";
            // A region has hundreds of staff: its page shows the PDUs, each linking on.
            if (scope == Scope::region) {
                page.erase("rows");
                page.erase("chart");
            }
            page["title"] = title;
            return guard.render(req, &who, "workload_group", page, title);
        }));
    }

    router.add("POST", "/api/v1/staff/{code}/reductions", guard.api([&deps](Request& req, const Principal& who) {
        auto body = parse_json_object(req.body);
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        std::vector<FieldError> errors;
        ReductionInput in{string_member(*body, "reason", errors), "", string_member(*body, "startDate", errors),
                          string_member(*body, "endDate", errors), string_member(*body, "notes", errors)};
        if (auto it = body->find("hoursPerWeek"); it != body->end())
            in.hours_per_week = it->value().is_string() ? std::string(it->value().as_string()) : json::serialize(it->value());
        if (!errors.empty()) return Response::problem(Problem::invalid(std::move(errors)));
        auto saved = add_reduction(deps, req, who, req.path_params.at("code"), in);
        if (!saved) return Response::problem(saved.problem());
        auto v = staff_view(deps, req, who, req.path_params.at("code"));
        json::object out{{"id", saved->id}};
        if (v) out["workload"] = std::move(*v);
        return Response::json(json::serialize(out), 201);
    }));

    router.add("GET", "/staff/{code}/reductions/new", guard.page([&guard, &deps](Request& req, const Principal& who) {
        auto conn = deps.db.acquire();
        auto staff = find_staff(*conn, req.path_params.at("code"));
        if (!staff) return guard.problem(req, &who, Problem::not_found("There is no member of staff with that code."));
        if (!can_record_reduction(who, staff->team_id))
            return guard.problem(req, &who, Problem::forbidden("Only the team's senior probation officer or an admin records reductions."));
        ReductionInput in;
        in.start_date = platform::format_date(today_of(deps));
        return guard.render(req, &who, "workload_reduction", reduction_form(who, *staff, in, {}), "Record a reduction");
    }));

    router.add("POST", "/staff/{code}/reductions/new", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const auto code = req.path_params.at("code");
        ReductionInput in{req.form_value("reason"), req.form_value("hoursPerWeek"), req.form_value("startDate"),
                          req.form_value("endDate"), req.form_value("notes")};
        auto saved = add_reduction(deps, req, who, code, in);
        if (saved) return Response::redirect("/staff/" + code + "/workload");
        if (saved.problem().status != 422) return guard.problem(req, &who, saved.problem());
        auto conn = deps.db.acquire();
        auto staff = find_staff(*conn, code);
        return guard.render(req, &who, "workload_reduction", reduction_form(who, *staff, in, saved.problem().errors),
                            "Record a reduction", 422);
    }));

    // Contracted hours: the team's SPO or an admin; null returns the staff member to
    // the grade's full-time week.
    router.add("PUT", "/api/v1/staff/{code}/contracted-hours", guard.api([&deps](Request& req, const Principal& who) {
        if (auto refused = refuse_unless_team_spo_or_admin(deps, who, req.path_params.at("code"), "changes contracted hours"))
            return Response::problem(*refused);
        auto body = parse_json_object(req.body);
        if (!body || !body->contains("contractedHours")) return Response::problem(Problem::bad_request("Send {\"contractedHours\": 37}."));
        const auto& v = body->at("contractedHours");
        std::optional<std::int64_t> minutes;
        if (!v.is_null()) {
            minutes = v.is_number() ? parse_hours(json::serialize(v)) : std::nullopt;
            if (!minutes || *minutes == 0)
                return Response::problem(Problem::invalid({{"contractedHours", "Enter weekly hours more than 0 and up to 168"}}));
        }
        const auto code = req.path_params.at("code");
        auto r = db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<bool> {
            auto staff = find_staff(conn, code);
            if (!staff) return Problem::not_found("There is no member of staff with code " + code);
            if (!can_record_reduction(who, staff->team_id))
                return Problem::forbidden("Only the team's senior probation officer or an admin changes contracted hours.");
            set_contracted_minutes(conn, staff->id, minutes);
            // Unset means the grade's full-time week.
            audit(conn, deps, req, who, "workload.contracted_hours.update", std::nullopt,
                  "staff=" + code + " minutes=" + (minutes ? std::to_string(*minutes) : std::string("grade default")),
                  access::diff_fields(access::AuditSnapshot{}.set("contracted_minutes", staff->contracted_minutes),
                                      access::AuditSnapshot{}.set("contracted_minutes", find_staff(conn, code)->contracted_minutes)));
            return true;
        });
        if (!r) return Response::problem(r.problem());
        auto view = staff_view(deps, req, who, code);
        if (!view) return Response::problem(view.problem());
        return Response::json(json::serialize(*view));
    }));

    // A report or weighted task credited to a staff member.
    router.add("POST", "/api/v1/staff/{code}/tasks", guard.api([&deps](Request& req, const Principal& who) {
        if (auto refused = refuse_unless_team_spo_or_admin(deps, who, req.path_params.at("code"), "credits reports and tasks"))
            return Response::problem(*refused);
        auto body = parse_json_object(req.body);
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        std::vector<FieldError> errors;
        const auto kind = string_member(*body, "kind", errors);
        const auto date_text = string_member(*body, "date", errors);
        if (!errors.empty()) return Response::problem(Problem::invalid(std::move(errors)));
        auto r = add_task(deps, req, who, req.path_params.at("code"), kind, date_text);
        if (!r) return Response::problem(r.problem());
        return Response::json(json::serialize(json::object{{"id", *r}, {"kind", kind}, {"date", date_text}}), 201);
    }));

    // The same on a page, from the staff member's workload page.
    router.add("GET", "/staff/{code}/tasks/new", guard.page([&guard, &deps](Request& req, const Principal& who) {
        auto conn = deps.db.acquire();
        auto staff = find_staff(*conn, req.path_params.at("code"));
        if (!staff) return guard.problem(req, &who, Problem::not_found("There is no member of staff with that code."));
        if (!can_record_reduction(who, staff->team_id))
            return guard.problem(req, &who, Problem::forbidden("Only the team's senior probation officer or an admin credits reports and tasks."));
        return guard.render(req, &who, "workload_task", task_form(who, *staff, "", platform::format_date(today_of(deps)), {}),
                            "Credit a report or task");
    }));

    router.add("POST", "/staff/{code}/tasks/new", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const auto code = req.path_params.at("code");
        const auto kind = req.form_value("kind"), date_text = req.form_value("date");
        auto saved = add_task(deps, req, who, code, kind, date_text);
        if (saved) return Response::redirect("/staff/" + code + "/workload");
        if (saved.problem().status != 422) return guard.problem(req, &who, saved.problem());
        auto conn = deps.db.acquire();
        auto staff = find_staff(*conn, code);
        return guard.render(req, &who, "workload_task", task_form(who, *staff, kind, date_text, saved.problem().errors),
                            "Credit a report or task", 422);
    }));
}

}  // namespace onecase::workload
