// Recording a new person on probation: a page and its API twin. The CRN is allocated
// by onecase; the same PNC ID or NOMS number cannot be recorded twice.
#include <boost/json.hpp>

#include "access/audit.hpp"
#include "access/policy.hpp"
#include "casework/routes.hpp"
#include "casework/views.hpp"
#include "people/rules.hpp"
#include "people/store.hpp"

namespace onecase::casework {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

constexpr int kCrnAttempts = 5;

// Who may record a new person: probation staff. The form is refused to the same
// people as the POST, so nobody fills in a form that cannot be saved.
std::optional<Problem> refusal(const Principal& who) {
    if (!who.staff || access::reads_no_cases(who.role)) return Problem::forbidden("Only probation staff can record a new person.");
    return std::nullopt;
}

Result<people::Person> record_person(access::RouteDeps& deps, const Request& req, const Principal& who,
                                     const people::PersonInput& input) {
    if (auto refused = refusal(who)) return *refused;
    const auto now = deps.clock.now();
    auto valid = people::validate_new_person(input, platform::london_date(now));
    if (!valid) return valid.problem();
    for (int attempt = 1;; ++attempt) {
        try {
            return db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<people::Person> {
                if (auto existing = people::find_duplicate(conn, *valid)) {
                    return Problem{409, "This person is already recorded",
                                   "A person with this PNC ID or NOMS number already has CRN " + existing->crn + ".", {}};
                }
                auto person = people::create_person(conn, *valid, std::nullopt, now);
                // It waits in the recorder's team's allocation queue (docs/workload.md).
                if (who.staff) people::set_allocation_team(conn, person.id, who.staff->team_id);
                access::AuditSnapshot key_fields;
                key_fields.set("first_name", person.first_name)
                    .set("last_name", person.last_name)
                    .set("date_of_birth", person.date_of_birth)
                    .set("pnc", person.pnc)
                    .set("noms", person.noms);
                access::record_audit(conn, now, &who, req.remote_address,
                                     access::AuditEntry{"person.create", person.crn, "", access::created_fields(key_fields)});
                return person;
            });
        } catch (const db::ConstraintViolation&) {
            if (attempt == kCrnAttempts) throw;  // another writer kept taking the next CRN
        }
    }
}

people::PersonInput input_from_form(const Request& req) {
    return people::PersonInput{req.form_value("firstName"), req.form_value("middleNames"), req.form_value("lastName"),
                               req.form_value("dateOfBirth"), req.form_value("gender"), req.form_value("pnc"),
                               req.form_value("noms"), req.form_value("phone"), req.form_value("email")};
}

Result<people::PersonInput> input_from_json(const json::object& o) {
    people::PersonInput in;
    std::vector<FieldError> errors;
    auto field = [&](const char* name, std::string& out) {
        auto it = o.find(name);
        if (it == o.end() || it->value().is_null()) return;
        if (!it->value().is_string()) {
            errors.push_back({name, std::string(name) + " must be a string"});
            return;
        }
        out = std::string(it->value().get_string());
    };
    field("firstName", in.first_name);
    field("middleNames", in.middle_names);
    field("lastName", in.last_name);
    field("dateOfBirth", in.date_of_birth);
    field("gender", in.gender);
    field("pnc", in.pnc);
    field("noms", in.noms);
    field("phone", in.phone);
    field("email", in.email);
    if (!errors.empty()) return Problem::invalid(std::move(errors));
    return in;
}

json::object form_view(const people::PersonInput& in, const std::vector<FieldError>& errors, const std::string& csrf,
                       const std::string& conflict) {
    json::object values{{"firstName", in.first_name}, {"middleNames", in.middle_names}, {"lastName", in.last_name},
                        {"dateOfBirth", in.date_of_birth}, {"pnc", in.pnc}, {"noms", in.noms},
                        {"phone", in.phone}, {"email", in.email}};
    json::array genders;
    for (const auto& g : people::genders()) genders.push_back(json::object{{"value", g}, {"selected", g == in.gender}});
    json::array list;
    json::object by_field;
    for (const auto& e : errors) {
        list.push_back(json::object{{"message", e.message}, {"href", "#" + e.field}});
        by_field[e.field] = e.message;
    }
    const bool has_errors = !errors.empty() || !conflict.empty();
    if (!conflict.empty()) list.push_back(json::object{{"message", conflict}, {"href", "#pnc"}});
    return json::object{{"csrf", csrf},          {"values", std::move(values)}, {"genders", std::move(genders)},
                        {"errors", std::move(list)}, {"error", std::move(by_field)}, {"hasErrors", has_errors}};
}

}  // namespace

void register_new_person_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/people/new", guard.page([&guard](Request& req, const Principal& who) {
        if (auto refused = refusal(who)) return guard.problem(req, &who, *refused);
        people::PersonInput empty;
        return guard.render(req, &who, "new_person", form_view(empty, {}, who.csrf_token, ""), "Add a person");
    }));

    router.add("POST", "/people", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const auto input = input_from_form(req);
        auto created = record_person(deps, req, who, input);
        if (created) return Response::redirect("/cases/" + created->crn);
        const auto& p = created.problem();
        if (p.status == 422) {
            return guard.render(req, &who, "new_person", form_view(input, p.errors, who.csrf_token, ""), "Add a person", 422);
        }
        if (p.status == 409) {
            return guard.render(req, &who, "new_person", form_view(input, {}, who.csrf_token, p.detail), "Add a person", 409);
        }
        return guard.problem(req, &who, p);
    }));

    router.add("POST", "/api/v1/people", guard.api([&deps](Request& req, const Principal& who) {
        boost::system::error_code ec;
        auto body = json::parse(req.body, ec);
        if (ec || !body.is_object()) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        auto input = input_from_json(body.get_object());
        if (!input) return Response::problem(input.problem());
        auto created = record_person(deps, req, who, *input);
        if (!created) return Response::problem(created.problem());
        auto o = person_brief_json(*created);
        o["pnc"] = created->pnc ? json::value(*created->pnc) : json::value(nullptr);
        o["noms"] = created->noms ? json::value(*created->noms) : json::value(nullptr);
        o["gender"] = created->gender;
        o["caseManager"] = nullptr;
        auto r = Response::json(json::serialize(o), 201);
        r.header("Location", "/api/v1/people/" + created->crn);
        return r;
    }));
}

}  // namespace onecase::casework
