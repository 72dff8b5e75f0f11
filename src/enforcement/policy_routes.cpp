// The enforcement policy as data: anyone signed in may read the version in force and
// the history; an admin adds a version (validated, effective now or later). Versions
// are never changed or removed. The national-standards policy lives beside it in
// policy_versions under its own name and is not touched here.
#include <boost/json.hpp>

#include "enforcement/policy_rules.hpp"
#include "enforcement/route_support.hpp"
#include "enforcement/routes.hpp"
#include "enforcement/store.hpp"
#include "enforcement/views.hpp"
#include "sentences/model.hpp"

namespace onecase::enforcement {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

constexpr const char* kOrderTypes[] = {"community_order", "suspended_sentence_order", "licence", "pss", "custody"};

struct NewVersion {
    json::value settings;
    std::string note;
    std::string effective_from;  // YYYY-MM-DD (UK midnight), an instant, or empty for now
};

struct SavedVersion {
    std::int64_t version = 0;
    std::string effective_from;
};

Result<SavedVersion> add_version(access::RouteDeps& deps, const Request& req, const Principal& who, const NewVersion& in) {
    if (who.role != access::Role::admin)
        return Problem::forbidden("Only an administrator can change the enforcement policy.");
    const auto now = deps.clock.now();
    std::vector<FieldError> errors;
    auto policy = parse_enforcement_policy(in.settings);
    if (!policy) errors = policy.problem().errors;
    if (auto p = required_text_problem(in.note, "a note saying why the policy changes")) errors.push_back({"note", *p});
    platform::Instant from = now;
    if (!in.effective_from.empty()) {
        std::optional<platform::Instant> t;
        if (in.effective_from.size() == 10) {
            if (platform::parse_date(in.effective_from)) t = platform::parse_london_local(in.effective_from + "T00:00");
        } else {
            t = in.effective_from.ends_with("Z") ? platform::parse_instant(in.effective_from)
                                                 : platform::parse_london_local(in.effective_from);
        }
        if (!t) errors.push_back({"effectiveFrom", "Enter a real date, for example 2026-12-01"});
        // A version may not reach back: proposals already made stand as they were.
        else if (*t < now - std::chrono::minutes(1)) errors.push_back({"effectiveFrom", "The date must be today or later"});
        else from = std::max(*t, now);
    }
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the policy");
    const auto settings = json::serialize(enforcement_policy_json(*policy));
    for (int attempt = 1;; ++attempt) {
        try {
            return db::write_transaction(deps.db, [&](db::Connection& conn) {
                // The newest version before this one (the code defaults when none is stored).
                const auto versions = enforcement_policy_versions(conn);
                access::AuditSnapshot before;
                if (versions.empty()) {
                    before.set("version", std::int64_t{1})
                        .set_all(access::json_snapshot(enforcement_policy_json(contacts::EnforcementPolicy{}), "settings"));
                } else {
                    boost::system::error_code ec;
                    auto previous = json::parse(versions.front().settings, ec);
                    before.set("version", versions.front().version)
                        .set("effective_from", versions.front().effective_from)
                        .set_all(access::json_snapshot(ec ? json::value(versions.front().settings) : previous, "settings"));
                }
                const auto version = insert_enforcement_policy_version(conn, settings, in.note, from, who.user_id, now);
                access::AuditSnapshot after;
                after.set("version", version)
                    .set("effective_from", platform::format_instant(from))
                    .set_all(access::json_snapshot(json::parse(settings), "settings"));
                audit(conn, deps, req, who, "policy.create", std::nullopt,
                      "policy=enforcement version=" + std::to_string(version) + " settings=" + settings,
                      access::diff_fields(before, after));
                return SavedVersion{version, platform::format_instant(from)};
            });
        } catch (const db::ConstraintViolation&) {
            // Another admin took the same version number (UNIQUE (policy, version)); the
            // whole transaction rolled back, so take the next number.
            if (attempt == 3) throw;
        }
    }
}

json::object policy_document(db::Connection& conn, platform::Instant now) {
    const auto in_force = enforcement_policy_in_force(conn, now);
    json::array versions;
    for (const auto& v : enforcement_policy_versions(conn)) {
        boost::system::error_code ec;
        auto settings = json::parse(v.settings, ec);
        versions.push_back(json::object{{"version", v.version},
                                        {"effectiveFrom", v.effective_from},
                                        {"settings", ec ? json::value(v.settings) : settings},
                                        {"note", v.note},
                                        {"createdAt", v.created_at},
                                        {"createdBy", v.created_by}});
    }
    return json::object{{"policy", "enforcement"},
                        {"inForce", json::object{{"version", in_force.version}, {"settings", enforcement_policy_json(in_force)}}},
                        {"defaults", enforcement_policy_json(contacts::EnforcementPolicy{})},
                        {"versions", std::move(versions)}};
}

json::object page_view(const json::object& doc, const Principal& who, const json::object& typed,
                       const std::vector<FieldError>& errors, bool saved) {
    const auto& in_force = doc.at("inForce").as_object();
    const auto& current = in_force.at("settings").as_object();
    auto field = [&](const char* name, const json::value& fallback) -> json::value {
        auto it = typed.find(name);
        return it != typed.end() ? it->value() : fallback;
    };
    json::array routes;
    for (const char* type : kOrderTypes) {
        const std::string field_name = std::string("routes.") + type;
        const auto chosen = field(field_name.c_str(), current.at("routes").at(type));
        json::array options;
        for (const auto& [code, words] : {std::pair{"warning_then_breach", "Warning, then breach"},
                                          std::pair{"recall_consideration", "Recall consideration"},
                                          std::pair{"no_action", "No enforcement action"}})
            options.push_back(json::object{{"code", code}, {"label", words},
                                           {"selected", chosen.is_string() && chosen.as_string() == code}});
        json::object row{{"type", type},
                         {"label", sentences::disposal_label(type)},
                         {"field", field_name},
                         {"id", std::string("route-") + type},
                         {"options", std::move(options)}};
        for (const auto& e : errors)
            if (e.field == field_name) row["error"] = e.message;
        routes.push_back(std::move(row));
    }
    json::array versions;
    for (const auto& v : doc.at("versions").as_array()) {
        const auto& o = v.as_object();
        versions.push_back(json::object{{"version", o.at("version")},
                                        {"effectiveFrom", display_time(std::string(o.at("effectiveFrom").as_string()))},
                                        {"settings", json::serialize(o.at("settings"))},
                                        {"note", o.at("note")},
                                        {"createdBy", o.at("createdBy")}});
    }
    json::object form{{"warningWindowMonths", field("warningWindowMonths", current.at("warningWindowMonths"))},
                      {"note", field("note", "")},
                      {"effectiveFrom", field("effectiveFrom", "")},
                      {"routes", std::move(routes)}};
    add_form_errors(form, errors);
    for (auto& e : form["errors"].as_array()) {
        auto& href = e.as_object()["href"];
        if (href.as_string().starts_with("#routes.")) href = "#route-" + std::string(href.as_string().subview(8));
    }
    const bool has_versions = !versions.empty();
    return json::object{{"csrf", who.csrf_token},
                        {"inForceVersion", in_force.at("version")},
                        {"inForceSettings", json::serialize(current)},
                        {"versions", std::move(versions)},
                        {"hasVersions", has_versions},
                        {"saved", saved},
                        {"form", std::move(form)}};
}

}  // namespace

void register_policy_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/api/v1/policies/enforcement", guard.api([&deps](Request& req, const Principal& who) {
        auto doc = db::read_transaction(deps.db, [&](db::Connection& conn) { return policy_document(conn, deps.clock.now()); });
        audit_view(deps, req, who, "policy.view", std::nullopt, "policy=enforcement");
        return Response::json(json::serialize(doc));
    }));

    router.add("POST", "/api/v1/policies/enforcement", guard.api([&deps](Request& req, const Principal& who) {
        auto body = parse_json_object(req.body);
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        std::vector<FieldError> errors;
        NewVersion in{body->contains("settings") ? body->at("settings") : json::value(nullptr),
                      string_member(*body, "note", errors), string_member(*body, "effectiveFrom", errors)};
        if (!errors.empty()) return Response::problem(Problem::invalid(std::move(errors)));
        auto saved = add_version(deps, req, who, in);
        if (!saved) return Response::problem(saved.problem());
        auto doc = db::read_transaction(deps.db, [&](db::Connection& conn) { return policy_document(conn, deps.clock.now()); });
        doc["version"] = saved->version;
        doc["effectiveFrom"] = saved->effective_from;
        return Response::json(json::serialize(doc), 201);
    }));

    auto admin_only = [](const Principal& who) -> std::optional<Problem> {
        if (who.role == access::Role::admin) return std::nullopt;
        return Problem::forbidden("Only an administrator can change the enforcement policy. Everyone can read it at "
                                  "/api/v1/policies/enforcement.");
    };

    router.add("GET", "/admin/policies/enforcement", guard.page([&guard, &deps, admin_only](Request& req, const Principal& who) {
        if (auto p = admin_only(who)) return guard.problem(req, &who, *p);
        auto doc = db::read_transaction(deps.db, [&](db::Connection& conn) { return policy_document(conn, deps.clock.now()); });
        audit_view(deps, req, who, "policy.view", std::nullopt, "policy=enforcement");
        return guard.render(req, &who, "enforcement_policy", page_view(doc, who, {}, {}, req.query_param("saved").has_value()),
                            "Enforcement policy");
    }));

    router.add("POST", "/admin/policies/enforcement", guard.page([&guard, &deps, admin_only](Request& req, const Principal& who) {
        if (auto p = admin_only(who)) return guard.problem(req, &who, *p);
        // The form's fields become the same settings object the API takes.
        json::object typed{{"warningWindowMonths", req.form_value("warningWindowMonths")},
                           {"note", req.form_value("note")},
                           {"effectiveFrom", req.form_value("effectiveFrom")}};
        json::object settings, routes;
        const auto months_text = req.form_value("warningWindowMonths");
        std::int64_t months = 0;
        bool months_ok = !months_text.empty() && months_text.size() <= 4 &&
                         months_text.find_first_not_of("0123456789") == std::string::npos;
        if (months_ok) months = std::stoll(months_text);
        settings["warningWindowMonths"] = months_ok ? json::value(months) : json::value(months_text);
        for (const char* type : kOrderTypes) {
            const auto name = std::string("routes.") + type;
            routes[type] = req.form_value(name);
            typed[name] = req.form_value(name);
        }
        settings["routes"] = std::move(routes);
        auto saved = add_version(deps, req, who, NewVersion{settings, req.form_value("note"), req.form_value("effectiveFrom")});
        if (saved) return Response::redirect("/admin/policies/enforcement?saved=" + std::to_string(saved->version));
        if (saved.problem().status != 422) return guard.problem(req, &who, saved.problem());
        auto doc = db::read_transaction(deps.db, [&](db::Connection& conn) { return policy_document(conn, deps.clock.now()); });
        return guard.render(req, &who, "enforcement_policy", page_view(doc, who, typed, saved.problem().errors, false),
                            "Enforcement policy", 422);
    }));
}

}  // namespace onecase::enforcement
