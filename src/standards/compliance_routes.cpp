// Team compliance with national standards, for the SPO who manages the team: counts
// per practitioner, and a drill-down to one practitioner's cases with what is overdue.
#include <boost/json.hpp>

#include <map>

#include "standards/access_rules.hpp"
#include "standards/context.hpp"
#include "standards/routes.hpp"
#include "standards/team_store.hpp"

namespace onecase::standards {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

struct TeamCompliance {
    Team team;
    PolicyContext ctx;
    std::vector<TeamMember> members;
    std::vector<SupervisedCase> cases;

    std::vector<const SupervisedCase*> cases_of(std::int64_t staff_id) const {
        std::vector<const SupervisedCase*> out;
        for (const auto& c : cases)
            if (c.case_manager_staff_id == staff_id) out.push_back(&c);
        return out;
    }
};

// Finds the team, refuses anyone but its SPO, then reads its members and cases in
// three more queries whatever the team's size.
Result<TeamCompliance> load_team(access::RouteDeps& deps, const std::string& code, const Principal& who) {
    const auto now = deps.clock.now();
    return db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<TeamCompliance> {
        auto team = find_team(conn, code);
        if (!team) return Problem::not_found("There is no team with code " + code);
        if (!can_view_team_compliance(who, team->id, team->pdu_id))
            return Problem::forbidden("Only the senior probation officer who manages " + team->name +
                                      ", or the head of its PDU, can see its compliance with national standards.");
        TeamCompliance out{*team, load_policy_context(conn, now), team_members(conn, team->id), {}};
        out.cases = load_team_cases(conn, team->id, now);
        return out;
    });
}

struct Line {
    const TeamMember* member;
    ComplianceCounts counts;
};

// A line for each member who holds cases or whose grade holds a caseload, and the totals.
std::pair<std::vector<Line>, ComplianceCounts> lines(const TeamCompliance& t) {
    std::vector<Line> out;
    ComplianceCounts totals;
    const auto j = t.ctx.judgement();
    for (const auto& m : t.members) {
        const auto cases = t.cases_of(m.staff_id);
        if (cases.empty() && !holds_caseload_by_grade(m.grade)) continue;
        auto counts = count_compliance(cases, j);
        totals.add(counts);
        out.push_back(Line{&m, counts});
    }
    return {out, totals};
}

std::string percent_text(const ComplianceCounts& c) {
    auto p = c.percent_nothing_overdue();
    return p ? std::to_string(*p) + "%" : "No cases";
}

json::object counts_view(const ComplianceCounts& c) {
    auto o = compliance_counts_json(c);
    o["percentText"] = percent_text(c);
    o["allClear"] = c.cases > 0 && c.items_overdue == 0;
    o["anyOverdue"] = c.items_overdue > 0;
    return o;
}

const TeamMember* member_by_code(const TeamCompliance& t, const std::string& code) {
    for (const auto& m : t.members)
        if (m.code == code) return &m;
    return nullptr;
}

// The practitioner's cases, those with overdue items first (longest overdue first),
// then the rest by name.
json::array staff_cases(const TeamCompliance& t, const TeamMember& m, bool for_page) {
    const auto j = t.ctx.judgement();
    struct Row {
        const SupervisedCase* c;
        std::vector<contacts::DueItem> items;
        std::optional<platform::Date> first_overdue;
    };
    std::vector<Row> rows;
    for (const auto* c : t.cases_of(m.staff_id)) {
        Row r{c, due_for(*c, j), std::nullopt};
        for (const auto& i : r.items)
            if (i.overdue && (!r.first_overdue || i.due_date < *r.first_overdue)) r.first_overdue = i.due_date;
        rows.push_back(std::move(r));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.first_overdue.has_value() != b.first_overdue.has_value()) return a.first_overdue.has_value();
        if (a.first_overdue && *a.first_overdue != *b.first_overdue) return *a.first_overdue < *b.first_overdue;
        return false;  // already by name from storage
    });
    json::array out;
    for (const auto& r : rows) {
        json::array overdue;
        int due = 0;
        for (const auto& i : r.items) {
            if (!i.overdue) {
                ++due;
                continue;
            }
            overdue.push_back(for_page ? due_item_view(i, j.today) : due_item_json(i));
        }
        const bool has_overdue = !overdue.empty();
        json::object o{{"crn", r.c->crn},
                       {"name", for_page ? r.c->last_name + ", " + r.c->first_name : r.c->first_name + " " + r.c->last_name},
                       {"tier", r.c->tier ? json::value(*r.c->tier) : json::value(nullptr)},
                       {"itemsDue", due},
                       {"overdue", std::move(overdue)}};
        if (for_page) {
            o["url"] = "/cases/" + r.c->crn;
            o["hasOverdue"] = has_overdue;
            o["hasOrder"] = r.c->facts.has_value();
        }
        out.push_back(std::move(o));
    }
    return out;
}

Response refused(access::RouteDeps& deps, const Request& req, const Principal& who, const std::string& code,
                 const Problem& p) {
    audit_view(deps, req, who, "team.compliance.view.refused", std::nullopt, "team=" + code + " " + p.title);
    return Response::problem(p);
}

}  // namespace

void register_compliance_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/api/v1/teams/{code}/compliance", guard.api([&deps](Request& req, const Principal& who) {
        const std::string code = req.path_params.at("code");
        auto t = load_team(deps, code, who);
        if (!t) return refused(deps, req, who, code, t.problem());
        auto [rows, totals] = lines(*t);
        json::array practitioners;
        for (const auto& l : rows) {
            auto o = compliance_counts_json(l.counts);
            o["staffCode"] = l.member->code;
            o["name"] = l.member->name;
            o["grade"] = l.member->grade;
            practitioners.push_back(std::move(o));
        }
        audit_view(deps, req, who, "team.compliance.view", std::nullopt,
                   "api team=" + code + " cases=" + std::to_string(totals.cases));
        return Response::json(json::serialize(json::object{{"teamCode", t->team.code},
                                                           {"teamName", t->team.name},
                                                           {"today", platform::format_date(t->ctx.today)},
                                                           {"policyVersion", t->ctx.in_force->version},
                                                           {"practitioners", std::move(practitioners)},
                                                           {"totals", compliance_counts_json(totals)}}));
    }));

    router.add("GET", "/api/v1/teams/{code}/compliance/{staffCode}", guard.api([&deps](Request& req, const Principal& who) {
        const std::string code = req.path_params.at("code");
        const std::string staff_code = req.path_params.at("staffCode");
        auto t = load_team(deps, code, who);
        if (!t) return refused(deps, req, who, code, t.problem());
        const auto* m = member_by_code(*t, staff_code);
        if (!m) return Response::problem(Problem::not_found("There is no " + staff_code + " in team " + code));
        auto cases = staff_cases(*t, *m, false);
        audit_view(deps, req, who, "team.compliance.staff.view", std::nullopt,
                   "api team=" + code + " staff=" + staff_code + " cases=" + std::to_string(cases.size()));
        return Response::json(json::serialize(json::object{
            {"teamCode", t->team.code},
            {"staffCode", m->code},
            {"name", m->name},
            {"policyVersion", t->ctx.in_force->version},
            {"counts", compliance_counts_json(count_compliance(t->cases_of(m->staff_id), t->ctx.judgement()))},
            {"cases", std::move(cases)}}));
    }));

    router.add("GET", "/teams/{code}/compliance", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const std::string code = req.path_params.at("code");
        auto t = load_team(deps, code, who);
        if (!t) {
            refused(deps, req, who, code, t.problem());
            return guard.problem(req, &who, t.problem());
        }
        auto [rows, totals] = lines(*t);
        json::array practitioners;
        for (const auto& l : rows) {
            auto o = counts_view(l.counts);
            o["staffCode"] = l.member->code;
            o["name"] = l.member->name;
            o["grade"] = l.member->grade;
            o["url"] = "/teams/" + code + "/compliance/" + l.member->code;
            practitioners.push_back(std::move(o));
        }
        audit_view(deps, req, who, "team.compliance.view", std::nullopt,
                   "team=" + code + " cases=" + std::to_string(totals.cases));
        json::object view{{"teamCode", t->team.code},
                          {"teamName", t->team.name},
                          {"today", platform::display_date(t->ctx.today)},
                          {"policyVersion", t->ctx.in_force->version},
                          {"practitioners", std::move(practitioners)},
                          {"totals", counts_view(totals)}};
        return guard.render(req, &who, "team_compliance", view, t->team.name + ": national standards");
    }));

    router.add("GET", "/teams/{code}/compliance/{staffCode}", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const std::string code = req.path_params.at("code");
        const std::string staff_code = req.path_params.at("staffCode");
        auto t = load_team(deps, code, who);
        if (!t) {
            refused(deps, req, who, code, t.problem());
            return guard.problem(req, &who, t.problem());
        }
        const auto* m = member_by_code(*t, staff_code);
        if (!m) return guard.problem(req, &who, Problem::not_found("There is no " + staff_code + " in team " + code));
        auto cases = staff_cases(*t, *m, true);
        audit_view(deps, req, who, "team.compliance.staff.view", std::nullopt,
                   "team=" + code + " staff=" + staff_code + " cases=" + std::to_string(cases.size()));
        const bool has_cases = !cases.empty();
        json::object view{{"teamCode", t->team.code},
                          {"teamName", t->team.name},
                          {"teamUrl", "/teams/" + code + "/compliance"},
                          {"staffCode", m->code},
                          {"name", m->name},
                          {"today", platform::display_date(t->ctx.today)},
                          {"counts", counts_view(count_compliance(t->cases_of(m->staff_id), t->ctx.judgement()))},
                          {"cases", std::move(cases)},
                          {"hasCases", has_cases}};
        return guard.render(req, &who, "team_compliance_staff", view, m->name + ": national standards");
    }));
}

}  // namespace onecase::standards
