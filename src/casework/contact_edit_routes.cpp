// Reading one contact with its earlier versions, and correcting it. An edit names the
// version it was based on; if someone else saved first the answer is 409 with the
// current record, and the editor's text is never discarded (it is in their request).
#include <boost/json.hpp>

#include <charconv>

#include "casework/case_access.hpp"
#include "casework/contact_update.hpp"
#include "casework/routes.hpp"
#include "platform/identifiers.hpp"
#include "casework/views.hpp"
#include "contacts/store.hpp"
#include "people/store.hpp"

namespace onecase::casework {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

// The person, if the caller may read (or write) their case.
Result<people::Person> authorised_person(db::Connection& conn, const std::string& crn, const Principal& who, bool write) {
    auto c = authorise_case(conn, crn, who, write);
    if (!c) return c.problem();
    return std::move(c->person);
}

json::object version_json(const contacts::ContactVersion& v) {
    return json::object{{"version", v.version}, {"type", v.type}, {"date", v.contact_at},
                        {"notes", v.notes},     {"sensitive", v.sensitive}, {"replacedAt", v.replaced_at}};
}

}  // namespace

void register_contact_edit_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/api/v1/people/{crn}/contacts/{id}", guard.api([&deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        const auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return Response::problem(Problem::not_found("No such contact"));
        auto result = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<json::object> {
            auto person = authorised_person(conn, crn, who, false);
            if (!person) return person.problem();
            auto contact = contacts::find_contact(conn, person->id, *id);
            if (!contact || (contact->sensitive && !who.staff)) return Problem::not_found("No such contact on this case");
            auto o = contact_json(*contact);
            json::array versions;
            for (const auto& v : contacts::contact_history(conn, contact->id)) versions.push_back(version_json(v));
            o["previousVersions"] = std::move(versions);
            return o;
        });
        if (!result) {
            access::audit_view(deps, req, who, "contact.view.refused", crn, "contact=" + std::to_string(*id));
            return Response::problem(result.problem());
        }
        access::audit_view(deps, req, who, "contact.view", crn, "contact=" + std::to_string(*id));
        return Response::json(json::serialize(*result));
    }));

    router.add("PUT", "/api/v1/people/{crn}/contacts/{id}", guard.api([&deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        const auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return Response::problem(Problem::not_found("No such contact"));
        if (auto refused = refuse_unless_writable(deps.db, crn, who)) return Response::problem(*refused);
        boost::system::error_code ec;
        auto body = json::parse(req.body, ec);
        if (ec || !body.is_object()) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        const auto& o = body.get_object();
        auto version_it = o.find("version");
        if (version_it == o.end() || !version_it->value().is_int64()) {
            return Response::problem(Problem::invalid({{"version", "Give the version of the contact you edited"}}));
        }
        const std::int64_t expected = version_it->value().get_int64();
        contacts::ContactInput input;
        std::vector<FieldError> errors;
        for (const char* name : {"type", "notes", "date"}) {
            auto it = o.find(name);
            if (it == o.end()) continue;
            if (!it->value().is_string()) {
                errors.push_back({name, std::string(name) + " must be a string"});
                continue;
            }
            std::string value(it->value().get_string());
            if (std::string(name) == "type") input.type = value;
            else if (std::string(name) == "notes") input.notes = value;
            else input.when = value;
        }
        if (auto it = o.find("sensitive"); it != o.end()) {
            if (it->value().is_bool()) input.sensitive = it->value().get_bool();
            else errors.push_back({"sensitive", "sensitive must be true or false"});
        }
        if (!errors.empty()) return Response::problem(Problem::invalid(std::move(errors)));
        auto outcome = update_contact_as(deps, req, who, crn, *id, expected, std::move(input));
        if (!outcome) return Response::problem(outcome.problem());
        if (auto conflict = std::get_if<ContactConflict>(&*outcome)) {
            json::object problem{{"type", "about:blank"},
                                 {"title", "Someone else changed this contact"},
                                 {"status", 409},
                                 {"detail", "Your edit was based on version " + std::to_string(expected) +
                                                " but the contact is now at version " +
                                                std::to_string(conflict->current.version) +
                                                ". Nothing was saved; merge your text into the current record and send it again."},
                                 {"current", contact_json(conflict->current)}};
            auto r = Response::json(json::serialize(problem), 409);
            r.headers.clear();
            r.header("Content-Type", "application/problem+json");
            return r;
        }
        return Response::json(json::serialize(contact_json(std::get<contacts::Contact>(*outcome))));
    }));
}

}  // namespace onecase::casework
