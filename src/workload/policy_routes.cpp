// The workload model as data: anyone signed in reads the version in force and the
// history; an admin adds a version (validated, effective today or later). Versions
// are never changed or removed. The page edits every number, a second page the
// grade-rule table; the lists of grades are edited through the API (and kept from the
// version in force).
#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "enforcement/route_support.hpp"
#include "workload/grade_rule_form.hpp"
#include "workload/policy_json.hpp"
#include "workload/routes.hpp"
#include "workload/store.hpp"

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

Problem admin_only() {
    return Problem::forbidden("Only an administrator can change the workload model. Everyone can read it at /api/v1/policies/workload.");
}

Result<int> add_version(access::RouteDeps& deps, const Request& req, const Principal& who, const json::value& settings,
                        const std::string& note, const std::string& effective_from) {
    if (who.role != access::Role::admin) return admin_only();
    const auto today = platform::london_date(deps.clock.now());
    std::vector<FieldError> errors;
    auto policy = parse_workload_policy(settings);
    if (!policy) errors = policy.problem().errors;
    if (note.find_first_not_of(" \t\r\n") == std::string::npos) errors.push_back({"note", "Enter a note saying why the model changes"});
    platform::Date from = today;
    if (!effective_from.empty()) {
        auto d = platform::parse_date(effective_from);
        if (!d) errors.push_back({"effectiveFrom", "Enter a real date, for example 2026-12-01"});
        // A version may not reach back: measurements already shown stand as they were.
        else if (std::chrono::sys_days(*d) < std::chrono::sys_days(today)) errors.push_back({"effectiveFrom", "The date must be today or later"});
        else from = *d;
    }
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the workload model");
    policy->effective_from = from;
    for (int attempt = 1;; ++attempt) {
        try {
            return db::write_transaction(deps.db, [&](db::Connection& conn) {
                auto snapshot = [](const WorkloadPolicy& p, std::int64_t version) {
                    return access::AuditSnapshot{}
                        .set("version", version)
                        .set("effective_from", platform::format_date(p.effective_from))
                        .set_all(access::json_snapshot(workload_policy_json(p), "settings"));
                };
                // The newest version before this one (load_policy_versions is oldest first).
                const auto previous = load_policy_versions(conn).back().policy;
                const int version = insert_policy_version(conn, *policy, note, who.user_id, deps.clock.now());
                audit(conn, deps, req, who, "policy.create", std::nullopt,
                      "policy=workload version=" + std::to_string(version) + " settings=" + json::serialize(workload_policy_json(*policy)),
                      access::diff_fields(snapshot(previous, previous.version), snapshot(*policy, version)));
                return version;
            });
        } catch (const db::ConstraintViolation&) {
            // Another admin took the same number (UNIQUE (policy, version)): nothing was written; take the next.
            if (attempt == 3) throw;
        }
    }
}

json::object policy_document(db::Connection& conn, platform::Date today) {
    const auto versions = load_policy_versions(conn);
    const auto in_force = policy_in_force(policies_of(versions), today);
    json::array list;
    for (const auto& v : versions)
        list.push_back(json::object{{"version", v.policy.version},
                                    {"effectiveFrom", platform::format_date(v.policy.effective_from)},
                                    {"builtIn", v.built_in},
                                    {"settings", workload_policy_json(v.policy)},
                                    {"note", v.note},
                                    {"createdAt", v.created_at},
                                    {"createdBy", v.created_by}});
    return json::object{{"policy", "workload"},
                        {"inForce", json::object{{"version", in_force.version}, {"settings", workload_policy_json(in_force)}}},
                        {"defaults", workload_policy_json(default_policy())},
                        {"versions", std::move(list)}};
}

// Every number of the settings as a named form field ("tierPoints.community.A3").
struct NumberField {
    std::string name, label;
};

std::vector<NumberField> number_fields(const WorkloadPolicy& p) {
    std::vector<NumberField> out;
    for (auto type : kCaseTypes)
        for (auto tier : kTiers)
            out.push_back({"tierPoints." + std::string(type) + "." + std::string(tier), std::string(case_type_label(type)) + " " + std::string(tier)});
    for (auto type : kCaseTypes)
        out.push_back({"untieredPoints." + std::string(type), std::string(case_type_label(type)) + ", not yet tiered"});
    for (auto kind : kTaskKinds) out.push_back({"taskPoints." + std::string(kind), std::string(task_label(kind))});
    out.push_back({"taskWindowDays", "Days a report or task counts for"});
    for (const auto& [grade, g] : p.grades) {
        out.push_back({"grades." + grade + ".nominalPoints", grade + ": points for a full-time week"});
        out.push_back({"grades." + grade + ".contractedHours", grade + ": full-time weekly hours"});
    }
    out.push_back({"continuityBonusPercent", "Ranking: continuity bonus (percentage points)"});
    out.push_back({"allocationDueWorkingDays", "Allocation due (working days after the sentence or release starts)"});
    return out;
}

json::value& at_path(json::object& root, const std::string& path) {
    json::object* o = &root;
    std::size_t start = 0;
    for (;;) {
        auto dot = path.find('.', start);
        if (dot == std::string::npos) return (*o)[path.substr(start)];
        auto& next = (*o)[path.substr(start, dot - start)];
        if (!next.is_object()) next = json::object{};
        o = &next.as_object();
        start = dot + 1;
    }
}

const json::value* find_path(const json::object& root, const std::string& path) {
    const json::object* o = &root;
    std::size_t start = 0;
    for (;;) {
        auto dot = path.find('.', start);
        auto it = o->find(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (it == o->end()) return nullptr;
        if (dot == std::string::npos) return &it->value();
        if (!it->value().is_object()) return nullptr;
        o = &it->value().as_object();
        start = dot + 1;
    }
}

json::object page_view(const json::object& doc, const WorkloadPolicy& in_force, const Principal& who, const std::map<std::string, std::string>& typed,
                       const std::vector<FieldError>& errors, bool saved) {
    const auto& current = doc.at("inForce").at("settings").as_object();
    std::map<std::string, json::array> groups;
    for (const auto& f : number_fields(in_force)) {
        auto t = typed.find(f.name);
        const json::value* v = find_path(current, f.name);
        json::object field{{"name", f.name},
                           {"id", "f-" + f.name},
                           {"label", f.label},
                           {"value", t != typed.end() ? t->second : v ? (v->is_double() ? json::serialize(json::value(v->as_double())) : json::serialize(*v)) : ""}};
        // Hours read better as 37 than 3.7E1.
        if (v && v->is_double() && t == typed.end()) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%g", v->as_double());
            field["value"] = buf;
        }
        for (const auto& e : errors)
            if (e.field == f.name) field["error"] = e.message;
        const auto group = f.name.substr(0, f.name.find('.'));
        groups[group].push_back(std::move(field));
    }
    json::array versions;
    for (const auto& v : doc.at("versions").as_array()) {
        const auto& o = v.as_object();
        versions.push_back(json::object{{"version", o.at("version")},
                                        {"effectiveFrom", o.at("effectiveFrom")},
                                        {"note", o.at("note")},
                                        {"createdBy", o.at("createdBy")}});
    }
    json::object form{{"note", typed.count("note") ? typed.at("note") : ""},
                      {"effectiveFrom", typed.count("effectiveFrom") ? typed.at("effectiveFrom") : ""}};
    add_form_errors(form, errors);
    for (auto& e : form["errors"].as_array()) {
        auto& href = e.as_object()["href"];
        const std::string h(href.as_string());
        if (h != "#note" && h != "#effectiveFrom") href = "#f-" + h.substr(1);
    }
    json::array tier_rows;
    for (auto tier : kTiers) {
        json::array cells;
        for (auto type : kCaseTypes) {
            for (auto& f : groups["tierPoints"]) {
                if (f.as_object()["name"].as_string() == "tierPoints." + std::string(type) + "." + std::string(tier)) cells.push_back(f);
            }
        }
        tier_rows.push_back(json::object{{"tier", tier}, {"cells", std::move(cells)}});
    }
    json::array other;
    for (const char* g : {"untieredPoints", "taskPoints", "taskWindowDays", "grades", "continuityBonusPercent", "allocationDueWorkingDays"})
        for (auto& f : groups[g]) other.push_back(f);
    return json::object{{"csrf", who.csrf_token},
                        {"inForceVersion", doc.at("inForce").at("version")},
                        {"tierRows", std::move(tier_rows)},
                        {"otherFields", std::move(other)},
                        {"gradeRules", json::serialize(current.at("gradeRules"))},
                        {"versions", std::move(versions)},
                        {"saved", saved},
                        {"form", std::move(form)}};
}

// The grade-rule page: the rules in force as a table of rows (RoSH levels, tiers) by
// grades, each box ticked where that grade may hold such a case.
json::object grade_rules_view(const json::object& doc, const WorkloadPolicy& in_force, const Principal& who,
                              const std::optional<std::set<std::string>>& ticked, const std::map<std::string, std::string>& typed,
                              const std::vector<FieldError>& errors, bool saved) {
    json::array rows, grade_heads;
    for (const auto& [grade, g] : in_force.grades) {
        const bool offered = std::find(in_force.allocatable_grades.begin(), in_force.allocatable_grades.end(), grade) !=
                             in_force.allocatable_grades.end();
        grade_heads.push_back(json::object{{"grade", grade}, {"offered", offered}});
    }
    for (const auto& row : grade_rule_rows(in_force.grade_rules)) {
        json::array cells;
        for (const auto& [grade, g] : in_force.grades) {
            const std::string name = "rule." + row.key + "." + grade;
            const bool on = ticked ? ticked->count(row.key + "." + grade) > 0
                                   : std::find(row.grades.begin(), row.grades.end(), grade) != row.grades.end();
            cells.push_back(json::object{{"name", name}, {"id", "rule-" + row.key + "-" + grade}, {"grade", grade}, {"checked", on}});
        }
        std::string current;
        for (const auto& g : row.grades) current += (current.empty() ? "" : ", ") + g;
        json::object r{{"key", row.key}, {"id", "row-" + row.key}, {"label", row.label}, {"cells", std::move(cells)},
                       {"current", current.empty() ? std::string("Any grade offered") : current}};
        for (const auto& e : errors)
            if (e.field == row.key) r["error"] = e.message;
        rows.push_back(std::move(r));
    }
    json::object form{{"note", typed.count("note") ? typed.at("note") : ""},
                      {"effectiveFrom", typed.count("effectiveFrom") ? typed.at("effectiveFrom") : ""}};
    add_form_errors(form, errors);
    for (auto& e : form["errors"].as_array()) {
        auto& href = e.as_object()["href"];
        const std::string h(href.as_string());
        if (h.starts_with("#rosh.") || h.starts_with("#tier.")) href = "#row-" + h.substr(1);
    }
    std::string offered;
    for (const auto& g : in_force.allocatable_grades) offered += (offered.empty() ? "" : ", ") + g;
    return json::object{{"csrf", who.csrf_token},
                        {"inForceVersion", doc.at("inForce").at("version")},
                        {"grades", std::move(grade_heads)},
                        {"rows", std::move(rows)},
                        {"offeredGrades", offered},
                        {"saved", saved},
                        {"form", std::move(form)}};
}

}  // namespace

void register_policy_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();
    auto today = [&deps] { return platform::london_date(deps.clock.now()); };

    router.add("GET", "/api/v1/policies/workload", guard.api([&deps, today](Request& req, const Principal& who) {
        auto doc = db::read_transaction(deps.db, [&](db::Connection& conn) { return policy_document(conn, today()); });
        audit_view(deps, req, who, "policy.view", std::nullopt, "policy=workload");
        return Response::json(json::serialize(doc));
    }));

    router.add("POST", "/api/v1/policies/workload", guard.api([&deps, today](Request& req, const Principal& who) {
        auto body = parse_json_object(req.body);
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        std::vector<FieldError> errors;
        const auto note = string_member(*body, "note", errors);
        const auto from = string_member(*body, "effectiveFrom", errors);
        if (!errors.empty()) return Response::problem(Problem::invalid(std::move(errors)));
        auto saved = add_version(deps, req, who, body->contains("settings") ? body->at("settings") : json::value(json::object{}), note, from);
        if (!saved) return Response::problem(saved.problem());
        auto doc = db::read_transaction(deps.db, [&](db::Connection& conn) { return policy_document(conn, today()); });
        doc["version"] = *saved;
        return Response::json(json::serialize(doc), 201);
    }));

    router.add("GET", "/admin/policies/workload", guard.page([&guard, &deps, today](Request& req, const Principal& who) {
        if (who.role != access::Role::admin) return guard.problem(req, &who, admin_only());
        auto [doc, in_force] = db::read_transaction(deps.db, [&](db::Connection& conn) {
            return std::pair{policy_document(conn, today()), policy_in_force_on(conn, today())};
        });
        audit_view(deps, req, who, "policy.view", std::nullopt, "policy=workload");
        return guard.render(req, &who, "workload_policy", page_view(doc, in_force, who, {}, {}, req.query_param("saved").has_value()),
                            "Workload model");
    }));

    router.add("POST", "/admin/policies/workload", guard.page([&guard, &deps, today](Request& req, const Principal& who) {
        if (who.role != access::Role::admin) return guard.problem(req, &who, admin_only());
        const auto in_force = db::read_transaction(deps.db, [&](db::Connection& conn) { return policy_in_force_on(conn, today()); });
        // The form's numbers over the version in force: the same settings object the API takes.
        json::object settings = workload_policy_json(in_force);
        std::map<std::string, std::string> typed{{"note", req.form_value("note")}, {"effectiveFrom", req.form_value("effectiveFrom")}};
        std::vector<FieldError> errors;
        for (const auto& f : number_fields(in_force)) {
            const auto text = req.form_value(f.name);
            typed[f.name] = text;
            const bool hours = f.name.ends_with(".contractedHours");
            if (hours) {
                auto minutes = parse_hours(text);
                if (!minutes) errors.push_back({f.name, "Enter the hours, for example 37 or 22.5"});
                else at_path(settings, f.name) = double(*minutes) / 60.0;
            } else if (!text.empty() && text.size() <= 6 && text.find_first_not_of("0123456789") == std::string::npos) {
                at_path(settings, f.name) = std::stoll(text);
            } else {
                errors.push_back({f.name, "Enter a whole number of points, 0 or more"});
            }
        }
        Result<int> saved = errors.empty() ? add_version(deps, req, who, settings, typed["note"], typed["effectiveFrom"])
                                           : Result<int>(Problem::invalid(errors, "Check the workload model"));
        if (saved) return Response::redirect("/admin/policies/workload?saved=" + std::to_string(*saved));
        if (saved.problem().status != 422) return guard.problem(req, &who, saved.problem());
        auto doc = db::read_transaction(deps.db, [&](db::Connection& conn) { return policy_document(conn, today()); });
        return guard.render(req, &who, "workload_policy", page_view(doc, in_force, who, typed, saved.problem().errors, false),
                            "Workload model", 422);
    }));

    router.add("GET", "/admin/policies/workload/grade-rules", guard.page([&guard, &deps, today](Request& req, const Principal& who) {
        if (who.role != access::Role::admin) return guard.problem(req, &who, admin_only());
        auto [doc, in_force] = db::read_transaction(deps.db, [&](db::Connection& conn) {
            return std::pair{policy_document(conn, today()), policy_in_force_on(conn, today())};
        });
        audit_view(deps, req, who, "policy.view", std::nullopt, "policy=workload grade_rules");
        return guard.render(req, &who, "workload_grade_rules",
                            grade_rules_view(doc, in_force, who, std::nullopt, {}, {}, req.query_param("saved").has_value()),
                            "Grade rules");
    }));

    router.add("POST", "/admin/policies/workload/grade-rules", guard.page([&guard, &deps, today](Request& req, const Principal& who) {
        if (who.role != access::Role::admin) return guard.problem(req, &who, admin_only());
        const auto in_force = db::read_transaction(deps.db, [&](db::Connection& conn) { return policy_in_force_on(conn, today()); });
        std::set<std::string> ticked;
        for (const auto& [name, value] : req.form())
            if (name.starts_with("rule.") && !value.empty()) ticked.insert(name.substr(5));
        std::map<std::string, std::string> typed{{"note", req.form_value("note")}, {"effectiveFrom", req.form_value("effectiveFrom")}};
        // Everything else stays as in the version in force; only the rules change.
        auto rules = grade_rules_from_form(ticked, in_force);
        Result<int> saved = Problem::invalid({});
        if (rules) {
            WorkloadPolicy next = in_force;
            next.grade_rules = *rules;
            saved = add_version(deps, req, who, workload_policy_json(next), typed["note"], typed["effectiveFrom"]);
        } else {
            saved = rules.problem();
        }
        if (saved) return Response::redirect("/admin/policies/workload/grade-rules?saved=" + std::to_string(*saved));
        if (saved.problem().status != 422) return guard.problem(req, &who, saved.problem());
        auto doc = db::read_transaction(deps.db, [&](db::Connection& conn) { return policy_document(conn, today()); });
        return guard.render(req, &who, "workload_grade_rules",
                            grade_rules_view(doc, in_force, who, ticked, typed, saved.problem().errors, false), "Grade rules", 422);
    }));
}

}  // namespace onecase::workload
