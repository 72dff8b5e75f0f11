// Registrations, assessments and the tier over the API. Every change recalculates
// the tier in the same transaction and is audited with it; every read is authorised
// first and audited. The pages are in risk_page_routes.cpp.
#include <boost/json.hpp>

#include <charconv>

#include "access/audit.hpp"
#include "casework/case_access.hpp"
#include "casework/risk_actions.hpp"
#include "casework/risk_views.hpp"
#include "casework/routes.hpp"
#include "platform/identifiers.hpp"

namespace onecase::casework {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

std::optional<json::object> body_object(const Request& req) {
    boost::system::error_code ec;
    auto v = json::parse(req.body, ec);
    if (ec || !v.is_object()) return std::nullopt;
    return v.get_object();
}

// A string member: absent or null is "", anything else that is not a string is an error.
std::string text(const json::object& o, const char* name, std::vector<FieldError>& errors) {
    auto it = o.find(name);
    if (it == o.end() || it->value().is_null()) return "";
    if (!it->value().is_string()) {
        errors.push_back({name, std::string(name) + " must be text"});
        return "";
    }
    return std::string(it->value().get_string());
}

// A number given as a JSON number (or text) -> text for the rules to check.
std::string number_text(const json::object& o, const char* name, std::vector<FieldError>& errors) {
    auto it = o.find(name);
    if (it == o.end() || it->value().is_null()) return "";
    const auto& v = it->value();
    if (v.is_int64()) return std::to_string(v.get_int64());
    if (v.is_uint64()) return std::to_string(v.get_uint64());
    if (v.is_double()) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.6g", v.get_double());
        return buf;
    }
    if (v.is_string()) return std::string(v.get_string());
    errors.push_back({name, std::string(name) + " must be a number"});
    return "";
}

Response answer(Result<json::object> r, int status = 200) {
    if (!r) return Response::problem(r.problem());
    return Response::json(json::serialize(*r), status);
}

}  // namespace

risk::AssessmentInput assessment_input_from_json(const json::object& o, std::vector<FieldError>& errors) {
    risk::AssessmentInput in;
    in.assessed_on = text(o, "assessedOn", errors);
    in.type = text(o, "type", errors);
    if (auto it = o.find("complete"); it != o.end() && !it->value().is_null()) {
        if (it->value().is_bool()) in.complete = it->value().get_bool();
        else errors.push_back({"complete", "complete must be true or false"});
    }
    if (auto it = o.find("rosh"); it != o.end() && it->value().is_object()) {
        const auto& r = it->value().get_object();
        in.rosh_overall = text(r, "overall", errors);
        in.rosh_public = text(r, "public", errors);
        in.rosh_known_adult = text(r, "knownAdult", errors);
        in.rosh_children = text(r, "children", errors);
        in.rosh_staff = text(r, "staff", errors);
    }
    in.ogrs = number_text(o, "ogrs", errors);
    in.ovp = number_text(o, "ovp", errors);
    in.rsr = number_text(o, "rsr", errors);
    in.osp_c = text(o, "ospC", errors);
    in.osp_i = text(o, "ospI", errors);
    if (auto it = o.find("needs"); it != o.end() && !it->value().is_null()) {
        if (!it->value().is_object()) {
            errors.push_back({"needs", "needs must be an object of section to severity"});
        } else {
            for (const auto& [k, v] : it->value().get_object()) {
                if (v.is_string()) in.needs[std::string(k)] = std::string(v.get_string());
                else errors.push_back({"needs." + std::string(k), "Each need must be none, standard or severe"});
            }
        }
    }
    if (auto it = o.find("parentingResponsibilities"); it != o.end() && !it->value().is_null()) {
        if (it->value().is_bool()) in.parenting_responsibilities = it->value().get_bool() ? "yes" : "no";
        else errors.push_back({"parentingResponsibilities", "parentingResponsibilities must be true or false"});
    }
    in.impulsivity = number_text(o, "impulsivity", errors);
    in.temper_control = number_text(o, "temperControl", errors);
    in.notes = text(o, "notes", errors);
    return in;
}

void register_risk_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/api/v1/register-types", guard.api([&deps](Request&, const Principal&) {
        auto types = db::read_transaction(deps.db, [](db::Connection& conn) { return risk::load_register_types(conn); });
        json::array list;
        for (const auto& t : types) list.push_back(register_type_json(t));
        return Response::json(json::serialize(json::object{{"registerTypes", std::move(list)}}));
    }));

    router.add("GET", "/api/v1/people/{crn}/registrations", guard.api([&deps](Request& req, const Principal& who) {
        return answer(read_risk(deps, req, who, req.path_params.at("crn"), "registrations.view",
                                [&](db::Connection& conn, const AuthorisedCase& c) {
                                    json::array list;
                                    const auto today = platform::london_date(deps.clock.now());
                                    for (const auto& r : risk::registrations_for(conn, c.person.id)) list.push_back(registration_json(r, today));
                                    return json::object{{"registrations", std::move(list)}};
                                }));
    }));

    router.add("POST", "/api/v1/people/{crn}/registrations", guard.api([&deps](Request& req, const Principal& who) {
        auto body = body_object(req);
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        std::vector<FieldError> errors;
        risk::RegistrationInput in{text(*body, "type", errors), text(*body, "level", errors), text(*body, "category", errors),
                                   text(*body, "registeredOn", errors), text(*body, "notes", errors)};
        if (!errors.empty()) return Response::problem(Problem::invalid(std::move(errors)));
        return answer(add_registration(deps, req, who, req.path_params.at("crn"), in), 201);
    }));

    router.add("POST", "/api/v1/people/{crn}/registrations/{id}/review", guard.api([&deps](Request& req, const Principal& who) {
        auto body = body_object(req);
        const auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        if (!id) return Response::problem(Problem::not_found("No such registration"));
        std::vector<FieldError> errors;
        risk::ReviewInput in{text(*body, "reviewedOn", errors), text(*body, "nextReviewDue", errors), text(*body, "notes", errors)};
        if (!errors.empty()) return Response::problem(Problem::invalid(std::move(errors)));
        return answer(review_registration(deps, req, who, req.path_params.at("crn"), *id, in));
    }));

    router.add("POST", "/api/v1/people/{crn}/registrations/{id}/deregister", guard.api([&deps](Request& req, const Principal& who) {
        auto body = body_object(req);
        const auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        if (!id) return Response::problem(Problem::not_found("No such registration"));
        std::vector<FieldError> errors;
        risk::DeregistrationInput in{text(*body, "deregisteredOn", errors), text(*body, "reason", errors)};
        if (!errors.empty()) return Response::problem(Problem::invalid(std::move(errors)));
        return answer(deregister_registration(deps, req, who, req.path_params.at("crn"), *id, in));
    }));

    router.add("GET", "/api/v1/people/{crn}/assessments", guard.api([&deps](Request& req, const Principal& who) {
        return answer(read_risk(deps, req, who, req.path_params.at("crn"), "assessments.view",
                                [&](db::Connection& conn, const AuthorisedCase& c) {
                                    json::array list;
                                    for (const auto& a : risk::assessments_for(conn, c.person.id)) list.push_back(assessment_json(a));
                                    return json::object{{"assessments", std::move(list)}};
                                }));
    }));

    router.add("POST", "/api/v1/people/{crn}/assessments", guard.api([&deps](Request& req, const Principal& who) {
        auto body = body_object(req);
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        std::vector<FieldError> errors;
        auto in = assessment_input_from_json(*body, errors);
        if (!errors.empty()) return Response::problem(Problem::invalid(std::move(errors)));
        return answer(add_assessment(deps, req, who, req.path_params.at("crn"), in), 201);
    }));

    router.add("GET", "/api/v1/people/{crn}/tier", guard.api([&deps](Request& req, const Principal& who) {
        return answer(read_risk(deps, req, who, req.path_params.at("crn"), "tier.view",
                                [&](db::Connection& conn, const AuthorisedCase& c) {
                                    return tier_json(c.person.tier, risk::tier_history(conn, c.person.id));
                                }));
    }));

    router.add("POST", "/api/v1/people/{crn}/tier/recalculate", guard.api([&deps](Request& req, const Principal& who) {
        return answer(recalculate_case_tier(deps, req, who, req.path_params.at("crn")));
    }));
}

}  // namespace onecase::casework
