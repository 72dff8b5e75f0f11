// The national standards policy: read by anyone signed in (API), changed by admins
// only, by adding a version that takes effect on a date not in the past.
#include <boost/json.hpp>

#include <map>

#include "access/audit.hpp"
#include "platform/date_arithmetic.hpp"
#include "standards/access_rules.hpp"
#include "standards/context.hpp"
#include "standards/policy_json.hpp"
#include "standards/routes.hpp"

namespace onecase::standards {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

constexpr const char* kPagePath = "/admin/policies/national-standards";

json::object version_json(const StoredPolicyVersion& v) {
    return json::object{{"version", v.policy.version},
                        {"effectiveFrom", platform::format_date(v.policy.effective_from)},
                        {"builtIn", v.built_in},
                        {"note", v.note},
                        {"createdAt", v.created_at.empty() ? json::value(nullptr) : json::value(v.created_at)},
                        {"createdBy", v.created_by.empty() ? json::value(nullptr) : json::value(v.created_by)},
                        {"settings", policy_settings_json(v.policy)}};
}

const StoredPolicyVersion& in_force_version(const PolicyContext& ctx) {
    for (const auto& v : ctx.versions)
        if (v.policy.version == ctx.in_force->version) return v;
    return ctx.versions.front();
}

Problem not_admin() {
    return Problem::forbidden("Only an administrator can change the national standards policy.");
}

// Stores a validated version with its audit row in one transaction. 409 when another
// admin added a version at the same moment.
Result<int> save_version(access::RouteDeps& deps, const Request& req, const Principal& who, const json::object& body) {
    const auto now = deps.clock.now();
    auto valid = validate_new_version(body, platform::london_date(now));
    if (!valid) return valid.problem();
    try {
        return db::write_transaction(deps.db, [&](db::Connection& conn) {
            auto snapshot = [](const contacts::NationalStandardsPolicy& p, std::int64_t version) {
                return access::AuditSnapshot{}
                    .set("version", version)
                    .set("effective_from", platform::format_date(p.effective_from))
                    .set_all(access::json_snapshot(policy_settings_json(p), "settings"));
            };
            // The newest version before this one (load_policy_versions is oldest first).
            const auto previous = load_policy_versions(conn).back().policy;
            const int version = insert_policy_version(conn, valid->policy, valid->note, who.user_id, now);
            access::record_audit(conn, now, &who, req.remote_address,
                                 access::AuditEntry{"policy.version.create", std::nullopt,
                                                    std::string("policy=") + kPolicyName + " version=" +
                                                        std::to_string(version) + " effective_from=" +
                                                        platform::format_date(valid->policy.effective_from),
                                                    access::diff_fields(snapshot(previous, previous.version),
                                                                        snapshot(valid->policy, version))});
            return version;
        });
    } catch (const db::ConstraintViolation&) {
        return Problem::conflict("Another administrator added a version at the same moment. Reload and try again.");
    }
}

// The admin page: the version in force, the history, and the form (prefilled with the
// version in force, or with what was typed when it had errors).
json::object page_view(const PolicyContext& ctx, const std::string& csrf, const json::object& form_values,
                       const std::vector<FieldError>& errors, std::optional<int> saved) {
    json::array history;
    for (auto it = ctx.versions.rbegin(); it != ctx.versions.rend(); ++it) {
        auto o = version_json(*it);
        o["effectiveFromText"] = it->policy.version == 1 && it->built_in ? std::string("From the start")
                                                                          : platform::display_date(it->policy.effective_from);
        o["inForce"] = it->policy.version == ctx.in_force->version;
        o["future"] = ctx.today < it->policy.effective_from;
        o["createdAtText"] = it->created_at.empty() ? std::string("Built in")
                                                    : platform::display_london(*platform::parse_instant(it->created_at));
        history.push_back(std::move(o));
    }
    const auto& current = in_force_version(ctx);
    json::array settings;
    const auto current_json = policy_settings_json(current.policy);
    const std::map<std::string, std::string> labels = {
        {"firstAppointmentWorkingDays", "First appointment within (working days of sentence or release)"},
        {"initialAssessmentWorkingDays", "Initial assessment within (working days of sentence or release)"},
        {"faceToFaceEveryDays", "Face-to-face contact at least every (days), every case"},
        {"afterReleaseFaceToFaceEveryDays", "Face-to-face contact after release at least every (days)"},
        {"afterReleaseWeeks", "For the first (weeks) after release"},
        {"afterReleaseProtectLevels", "For protect levels (letters A to D, separated by commas)"},
        {"homeVisitWorkingDays", "First home visit within (working days of the flag)"},
        {"homeVisitEveryMonths", "Home visit every (months) while the flag stands"},
        {"homeVisitFlags", "Flags that need home visits (registration codes, separated by commas)"},
        {"sentencePlanReviewEveryMonths", "Sentence plan review every (months)"}};
    auto text_of = [](const json::value& v) -> std::string {
        if (v.is_array()) {
            std::string s;
            for (const auto& x : v.get_array()) s += (s.empty() ? "" : ", ") + std::string(x.is_string() ? x.get_string() : "");
            return s;
        }
        if (v.is_string()) return std::string(v.get_string());
        if (v.is_null()) return "";
        return json::serialize(v);
    };
    for (const auto& name : settings_field_names()) {
        json::object f{{"name", name}, {"label", labels.at(name)}, {"current", text_of(current_json.at(name))}};
        auto typed = form_values.find(name);
        f["value"] = typed != form_values.end() ? text_of(typed->value()) : text_of(current_json.at(name));
        f["wide"] = name == "homeVisitFlags";
        for (const auto& e : errors)
            if (e.field == name) f["error"] = e.message;
        settings.push_back(std::move(f));
    }
    json::array error_list;
    json::object form{{"effectiveFrom", form_values.contains("effectiveFrom") ? form_values.at("effectiveFrom")
                                                                                : json::value(platform::format_date(ctx.today))},
                      {"note", form_values.contains("note") ? form_values.at("note") : json::value("")}};
    for (const auto& e : errors) {
        error_list.push_back(json::object{{"field", e.field}, {"message", e.message}, {"href", "#" + e.field}});
        if (e.field == "effectiveFrom" || e.field == "note") form[e.field + "Error"] = e.message;
    }
    const bool has_errors = !error_list.empty();
    json::object view{{"csrf", csrf},
                      {"inForce", version_json(current)},
                      {"inForceFrom", current.built_in ? std::string("the start") : platform::display_date(current.policy.effective_from)},
                      {"history", std::move(history)},
                      {"settings", std::move(settings)},
                      {"form", std::move(form)},
                      {"errors", std::move(error_list)},
                      {"hasErrors", has_errors},
                      {"today", platform::format_date(ctx.today)}};
    if (saved) view["savedVersion"] = *saved;
    return view;
}

PolicyContext read_context(access::RouteDeps& deps) {
    const auto now = deps.clock.now();
    return db::read_transaction(deps.db, [&](db::Connection& conn) { return load_policy_context(conn, now); });
}

}  // namespace

void register_policy_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/api/v1/policies/national-standards", guard.api([&deps](Request& req, const Principal& who) {
        const auto ctx = read_context(deps);
        json::array versions;
        for (const auto& v : ctx.versions) versions.push_back(version_json(v));
        audit_view(deps, req, who, "policy.view", std::nullopt, std::string("api policy=") + kPolicyName);
        return Response::json(json::serialize(json::object{{"policy", kPolicyName},
                                                           {"inForce", version_json(in_force_version(ctx))},
                                                           {"versions", std::move(versions)}}));
    }));

    router.add("POST", "/api/v1/policies/national-standards", guard.api([&deps](Request& req, const Principal& who) {
        if (!can_change_policy(who)) return Response::problem(not_admin());
        boost::system::error_code ec;
        auto body = json::parse(req.body, ec);
        if (ec || !body.is_object()) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        auto saved = save_version(deps, req, who, body.get_object());
        if (!saved) return Response::problem(saved.problem());
        const auto ctx = read_context(deps);
        for (const auto& v : ctx.versions)
            if (v.policy.version == *saved) {
                auto r = Response::json(json::serialize(version_json(v)), 201);
                r.header("Location", "/api/v1/policies/national-standards");
                return r;
            }
        throw std::logic_error("a saved policy version could not be read back");
    }));

    router.add("GET", kPagePath, guard.page([&guard, &deps](Request& req, const Principal& who) {
        if (!can_change_policy(who)) return guard.problem(req, &who, not_admin());
        const auto ctx = read_context(deps);
        std::optional<int> saved;
        if (auto s = req.query_param("saved"); s && !s->empty() && s->size() < 6 &&
                                               s->find_first_not_of("0123456789") == std::string::npos)
            saved = std::stoi(*s);
        audit_view(deps, req, who, "policy.view", std::nullopt, std::string("policy=") + kPolicyName);
        return guard.render(req, &who, "policy_national_standards", page_view(ctx, who.csrf_token, {}, {}, saved),
                            "National standards policy");
    }));

    router.add("POST", kPagePath, guard.page([&guard, &deps](Request& req, const Principal& who) {
        if (!can_change_policy(who)) return guard.problem(req, &who, not_admin());
        std::vector<std::pair<std::string, std::string>> fields;
        for (const auto& name : settings_field_names()) fields.emplace_back(name, req.form_value(name));
        json::object body{{"effectiveFrom", req.form_value("effectiveFrom")},
                          {"note", req.form_value("note")},
                          {"settings", settings_from_form(fields)}};
        auto saved = save_version(deps, req, who, body);
        if (saved) return Response::redirect(std::string(kPagePath) + "?saved=" + std::to_string(*saved));
        if (saved.problem().status != 422) return guard.problem(req, &who, saved.problem());
        // Show the form again with what was typed, as typed, and the errors beside it.
        json::object typed{{"effectiveFrom", req.form_value("effectiveFrom")}, {"note", req.form_value("note")}};
        for (const auto& [name, text] : fields) typed[name] = text;
        const auto ctx = read_context(deps);
        return guard.render(req, &who, "policy_national_standards",
                            page_view(ctx, who.csrf_token, typed, saved.problem().errors, std::nullopt),
                            "National standards policy", 422);
    }));
}

}  // namespace onecase::standards
