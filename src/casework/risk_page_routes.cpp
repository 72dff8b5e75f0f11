// The case's risk page: the tier with why, its history, the registrations with their
// reviews (add, review, de-register), and the assessments; and the page to enter an
// assessment. Each form, when wrong, comes back with the errors beside its fields
// and every word as typed.
#include <boost/json.hpp>

#include <charconv>
#include <map>
#include <set>

#include "casework/risk_actions.hpp"
#include "casework/risk_views.hpp"
#include "casework/routes.hpp"
#include "platform/identifiers.hpp"
#include "risk/tier_json.hpp"

namespace onecase::casework {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

// Which form on the page was posted, what it held and what was wrong.
struct PostedForm {
    std::string name;  // "add", "review-12", "deregister-12"
    std::map<std::string, std::string> values;
    std::vector<FieldError> errors;
};

std::string display_date(const std::optional<std::string>& iso) {
    if (!iso) return "";
    auto d = platform::parse_date(*iso);
    return d ? platform::display_date(*d) : *iso;
}

json::object errors_view(const PostedForm* posted, const std::string& form) {
    json::object o;
    if (!posted || posted->name != form) return o;
    json::array list;
    for (const auto& e : posted->errors) {
        o[e.field + "Error"] = e.message;
        list.push_back(json::object{{"message", e.message}, {"href", "#" + form + "-" + e.field}});
    }
    o["errors"] = std::move(list);
    o["hasErrors"] = !posted->errors.empty();
    for (const auto& [k, v] : posted->values) o[k] = v;
    return o;
}

json::object tier_view(const json::object& explanation) {
    json::object v = explanation;
    auto factors = [](const json::value& axis) {
        json::array out;
        if (!axis.is_object()) return out;
        for (const auto& f : axis.at("factors").as_array()) out.push_back(f);
        return out;
    };
    v["protectFactors"] = factors(explanation.at("protect"));
    v["changeFactors"] = factors(explanation.at("change"));
    return v;
}

json::object risk_page_view(db::Connection& conn, const AuthorisedCase& c, platform::Instant now, bool can_write,
                            const std::string& csrf, const PostedForm* posted, const std::string& done) {
    const auto today = platform::london_date(now);
    const auto types = risk::load_register_types(conn);
    const auto regs = risk::registrations_for(conn, c.person.id);
    const auto history = risk::tier_history(conn, c.person.id);
    const auto assessments = risk::assessments_for(conn, c.person.id);

    json::array live, past;
    for (const auto& r : regs) {
        auto o = registration_json(r, today);
        o["registeredOnText"] = display_date(r.registered_on);
        o["reviewDueText"] = display_date(r.review_due);
        o["deregisteredOnText"] = display_date(r.deregistered_on);
        o["reviewForm"] = errors_view(posted, "review-" + std::to_string(r.id));
        o["deregisterForm"] = errors_view(posted, "deregister-" + std::to_string(r.id));
        const bool open = posted && (posted->name == "review-" + std::to_string(r.id) ||
                                     posted->name == "deregister-" + std::to_string(r.id));
        o["formsOpen"] = open;
        o["hasReviews"] = !r.reviews.empty();
        (r.deregistered_on ? past : live).push_back(std::move(o));
    }
    json::array type_options;
    const std::string chosen = posted && posted->name == "add" && posted->values.count("type") ? posted->values.at("type") : "";
    for (const auto& t : types) {
        json::array levels;
        for (const auto& l : t.levels) levels.push_back(json::value(l));
        type_options.push_back(json::object{{"code", t.code}, {"description", t.description}, {"selected", t.code == chosen}});
    }
    // Every level and category any type has, for the add form's selects.
    json::array levels, categories;
    std::set<std::string> seen_levels, seen_categories;
    const std::string chosen_level = posted && posted->values.count("level") ? posted->values.at("level") : "";
    const std::string chosen_category = posted && posted->values.count("category") ? posted->values.at("category") : "";
    for (const auto& t : types) {
        for (const auto& l : t.levels) {
            if (seen_levels.insert(l).second) levels.push_back(json::object{{"value", l}, {"selected", l == chosen_level}});
        }
        for (const auto& g : t.categories) {
            if (seen_categories.insert(g).second) categories.push_back(json::object{{"value", g}, {"selected", g == chosen_category}});
        }
    }
    json::array history_view;
    for (const auto& h : history) {
        auto at = platform::parse_instant(h.calculated_at);
        history_view.push_back(json::object{{"tier", h.tier},
                                            {"calculatedAt", at ? platform::display_london(*at) : h.calculated_at},
                                            {"reason", h.reason},
                                            {"calculatedBy", h.calculated_by}});
    }
    json::array assessment_list;
    for (const auto& a : assessments) {
        auto o = assessment_json(a);
        o["assessedOnText"] = platform::display_date(a.record.assessed_on);
        json::array needs;
        for (const auto& [section, severity] : a.record.needs) {
            if (severity != risk::NeedSeverity::kNoNeed) {
                needs.push_back(json::object{{"section", std::string(risk::label(section))},
                                             {"severity", std::string(risk::severity_code(severity))}});
            }
        }
        o["needList"] = std::move(needs);
        assessment_list.push_back(std::move(o));
    }
    json::object view{{"csrf", csrf},
                      {"person", json::object{{"crn", c.person.crn}, {"name", c.person.full_name()}}},
                      {"tier", c.person.tier.value_or("")},
                      {"canWrite", can_write},
                      {"live", std::move(live)},
                      {"past", std::move(past)},
                      {"hasPast", !past.empty()},
                      {"typeOptions", std::move(type_options)},
                      {"levelOptions", std::move(levels)},
                      {"categoryOptions", std::move(categories)},
                      {"addForm", errors_view(posted, "add")},
                      {"history", std::move(history_view)},
                      {"assessments", std::move(assessment_list)},
                      {"done", done}};
    view["hasLive"] = !view["live"].as_array().empty();
    view["hasHistory"] = !view["history"].as_array().empty();
    view["hasAssessments"] = !view["assessments"].as_array().empty();
    if (!history.empty()) {
        boost::system::error_code ec;
        auto explanation = json::parse(history.front().explanation, ec);
        if (!ec && explanation.is_object()) view["explanation"] = tier_view(explanation.as_object());
    }
    if (posted && !posted->errors.empty()) {
        json::array all;
        for (const auto& e : posted->errors) all.push_back(json::object{{"message", e.message}, {"href", "#" + posted->name + "-" + e.field}});
        view["pageErrors"] = std::move(all);
        view["hasPageErrors"] = true;
    }
    return view;
}

}  // namespace

void register_risk_page_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    // Shows the risk page, after a change (`done` says which) or with a form's errors.
    auto show = [&guard, &deps](const Request& req, const Principal& who, const std::string& crn,
                                const PostedForm* posted, const std::string& done, int status) {
        auto view = read_risk(deps, req, who, crn, "risk.view", [&](db::Connection& conn, const AuthorisedCase& c) {
            const bool can_write = static_cast<bool>(authorise_case(conn, crn, who, true));
            return risk_page_view(conn, c, deps.clock.now(), can_write, who.csrf_token, posted, done);
        });
        if (!view) return guard.problem(req, &who, view.problem());
        const std::string name(view->at("person").at("name").as_string());
        return guard.render(req, &who, "risk", *view, "Risk and tier – " + name, status);
    };

    // The outcome of a page form: back to the page with a message, or the form again.
    auto after = [show](const Request& req, const Principal& who, const std::string& crn, Result<json::object> result,
                        PostedForm posted, const std::string& done_code, const access::Guard& g) {
        if (result) return Response::redirect("/cases/" + crn + "/risk?done=" + done_code);
        if (result.problem().status != 422) return g.problem(req, &who, result.problem());
        posted.errors = result.problem().errors;
        return show(req, who, crn, &posted, "", 422);
    };

    router.add("GET", "/cases/{crn}/risk", guard.page([show](Request& req, const Principal& who) {
        const auto done = req.query_param("done").value_or("");
        const std::string message = done == "registered" ? "Registration added"
                                    : done == "reviewed" ? "Review recorded"
                                    : done == "deregistered" ? "Registration removed"
                                    : done == "assessed" ? "Assessment saved"
                                    : done == "recalculated" ? "Tier recalculated"
                                                             : "";
        return show(req, who, req.path_params.at("crn"), nullptr, message, 200);
    }));

    router.add("POST", "/cases/{crn}/registrations", guard.page([&deps, after, &guard](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        risk::RegistrationInput in{req.form_value("type"), req.form_value("level"), req.form_value("category"),
                                   req.form_value("registeredOn"), req.form_value("notes")};
        PostedForm posted{"add", {{"type", in.type_code}, {"level", in.level}, {"category", in.category},
                                  {"registeredOn", in.registered_on}, {"notes", in.notes}}, {}};
        return after(req, who, crn, add_registration(deps, req, who, crn, in), std::move(posted), "registered", guard);
    }));

    router.add("POST", "/cases/{crn}/registrations/{id}/review", guard.page([&deps, after, &guard](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        const auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return guard.problem(req, &who, Problem::not_found("There is no such registration on this case."));
        risk::ReviewInput in{req.form_value("reviewedOn"), req.form_value("nextReviewDue"), req.form_value("notes")};
        PostedForm posted{"review-" + std::to_string(*id),
                          {{"reviewedOn", in.reviewed_on}, {"nextReviewDue", in.next_review_due}, {"notes", in.notes}}, {}};
        return after(req, who, crn, review_registration(deps, req, who, crn, *id, in), std::move(posted), "reviewed", guard);
    }));

    router.add("POST", "/cases/{crn}/registrations/{id}/deregister", guard.page([&deps, after, &guard](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        const auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return guard.problem(req, &who, Problem::not_found("There is no such registration on this case."));
        risk::DeregistrationInput in{req.form_value("deregisteredOn"), req.form_value("reason")};
        PostedForm posted{"deregister-" + std::to_string(*id), {{"deregisteredOn", in.deregistered_on}, {"reason", in.reason}}, {}};
        return after(req, who, crn, deregister_registration(deps, req, who, crn, *id, in), std::move(posted), "deregistered", guard);
    }));

    router.add("POST", "/cases/{crn}/tier", guard.page([&deps, after, &guard](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        return after(req, who, crn, recalculate_case_tier(deps, req, who, crn), PostedForm{}, "recalculated", guard);
    }));

    // Entering an assessment: its own page, as it has many fields.
    auto assessment_form = [&guard, &deps](const Request& req, const Principal& who, const std::string& crn,
                                           const risk::AssessmentInput& in, const std::vector<FieldError>& errors, int status) {
        auto view = read_risk(deps, req, who, crn, "assessment.form.view", [&](db::Connection&, const AuthorisedCase& c) {
            json::object v{{"csrf", who.csrf_token},
                           {"person", json::object{{"crn", c.person.crn}, {"name", c.person.full_name()}}}};
            auto field = [&](const char* name, const std::string& value) { v[name] = value; };
            field("assessedOn", in.assessed_on);
            field("ogrs", in.ogrs);
            field("ovp", in.ovp);
            field("rsr", in.rsr);
            field("notes", in.notes);
            v["parentingYes"] = in.parenting_responsibilities == "yes";
            v["parentingNo"] = in.parenting_responsibilities == "no";
            auto scale = [&](const char* name, const char* label, const std::string& chosen) {
                json::array options;
                for (const char* value : {"0", "1", "2"}) options.push_back(json::object{{"value", value}, {"selected", chosen == value}});
                return json::object{{"name", name}, {"label", label}, {"options", std::move(options)}};
            };
            v["womenScales"] = json::array{scale("impulsivity", "11.2 Impulsivity", in.impulsivity),
                                           scale("temperControl", "11.4 Temper control", in.temper_control)};
            v["incomplete"] = !in.complete;
            auto levels = [&](const char* name, const char* label, const std::string& chosen) {
                json::array options;
                for (auto l : {risk::RoshLevel::kLow, risk::RoshLevel::kMedium, risk::RoshLevel::kHigh, risk::RoshLevel::kVeryHigh}) {
                    options.push_back(json::object{{"value", std::string(risk::rosh_code(l))},
                                                   {"label", std::string(risk::rosh_label(l))},
                                                   {"selected", chosen == risk::rosh_code(l)}});
                }
                return json::object{{"name", name}, {"label", label}, {"options", std::move(options)}};
            };
            v["roshFields"] = json::array{levels("roshOverall", "Overall", in.rosh_overall),
                                          levels("roshPublic", "Public", in.rosh_public),
                                          levels("roshKnownAdult", "Known adult", in.rosh_known_adult),
                                          levels("roshChildren", "Children", in.rosh_children),
                                          levels("roshStaff", "Staff", in.rosh_staff)};
            v["ospFields"] = json::array{levels("ospC", "OSP-C (contact sexual offending)", in.osp_c),
                                         levels("ospI", "OSP-I (indecent images)", in.osp_i)};
            json::array needs;
            for (auto s : risk::kAllNeedSections) {
                const std::string code(risk::code(s));
                const auto it = in.needs.find(code);
                const std::string chosen = it == in.needs.end() ? "" : it->second;
                json::array options;
                for (auto sev : {risk::NeedSeverity::kNoNeed, risk::NeedSeverity::kStandard, risk::NeedSeverity::kSevere}) {
                    const std::string sc(risk::severity_code(sev));
                    options.push_back(json::object{{"value", sc}, {"selected", chosen == sc}});
                }
                needs.push_back(json::object{{"code", code}, {"label", std::string(risk::label(s))}, {"options", std::move(options)}});
            }
            v["needs"] = std::move(needs);
            json::array list;
            for (const auto& e : errors) {
                v[e.field + "Error"] = e.message;
                list.push_back(json::object{{"message", e.message}, {"href", "#" + e.field}});
            }
            v["errors"] = std::move(list);
            v["hasErrors"] = !errors.empty();
            return v;
        }, /*write=*/true);  // the form is for recording, so it needs what its POST needs
        if (!view) return guard.problem(req, &who, view.problem());
        return guard.render(req, &who, "assessment", *view, "Enter an assessment", status);
    };

    router.add("GET", "/cases/{crn}/assessments/new", guard.page([assessment_form](Request& req, const Principal& who) {
        return assessment_form(req, who, req.path_params.at("crn"), risk::AssessmentInput{}, {}, 200);
    }));

    router.add("POST", "/cases/{crn}/assessments", guard.page([&deps, &guard, assessment_form](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        risk::AssessmentInput in;
        in.assessed_on = req.form_value("assessedOn");
        in.complete = req.form_value("incomplete") != "1";
        in.rosh_overall = req.form_value("roshOverall");
        in.rosh_public = req.form_value("roshPublic");
        in.rosh_known_adult = req.form_value("roshKnownAdult");
        in.rosh_children = req.form_value("roshChildren");
        in.rosh_staff = req.form_value("roshStaff");
        in.ogrs = req.form_value("ogrs");
        in.ovp = req.form_value("ovp");
        in.rsr = req.form_value("rsr");
        in.osp_c = req.form_value("ospC");
        in.osp_i = req.form_value("ospI");
        in.notes = req.form_value("notes");
        in.parenting_responsibilities = req.form_value("parentingResponsibilities");
        in.impulsivity = req.form_value("impulsivity");
        in.temper_control = req.form_value("temperControl");
        for (auto s : risk::kAllNeedSections) {
            const std::string code(risk::code(s));
            if (auto v = req.form_value("need_" + code); !v.empty()) in.needs[code] = v;
        }
        auto result = add_assessment(deps, req, who, crn, in);
        if (result) return Response::redirect("/cases/" + crn + "/risk?done=assessed");
        if (result.problem().status != 422) return guard.problem(req, &who, result.problem());
        auto errors = result.problem().errors;
        for (auto& e : errors) {
            if (e.field.rfind("needs.", 0) == 0) e.field = "need_" + e.field.substr(6);
        }
        return assessment_form(req, who, crn, in, errors, 422);
    }));
}

}  // namespace onecase::casework
