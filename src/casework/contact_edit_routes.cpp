// Reading one contact with its earlier versions, and correcting it. An edit names the
// version it was based on; if someone else saved first the answer is 409 with the
// current record, and the editor's text is never discarded (it is in their request).
#include <boost/json.hpp>

#include <charconv>

#include "access/audit.hpp"
#include "access/policy.hpp"
#include "access/users_store.hpp"
#include "casework/routes.hpp"
#include "casework/views.hpp"
#include "contacts/store.hpp"
#include "people/store.hpp"
#include "platform/identifiers.hpp"

namespace onecase::casework {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

std::optional<std::int64_t> parse_id(const std::string& text) {
    std::int64_t id = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), id);
    if (r.ec != std::errc{} || r.ptr != text.data() + text.size() || id < 1) return std::nullopt;
    return id;
}

// The person, if the caller may read (or write) their case.
Result<people::Person> authorised_person(db::Connection& conn, const std::string& crn, const Principal& who, bool write) {
    if (!platform::is_valid_crn(crn)) return Problem::not_found("There is no case with CRN " + crn);
    auto person = people::find_by_crn(conn, crn);
    if (!person) return Problem::not_found("There is no case with CRN " + crn);
    std::optional<access::StaffScope> cm;
    if (person->case_manager_staff_id) cm = access::load_staff_scope(conn, *person->case_manager_staff_id);
    const auto scope = case_scope(cm, *person);
    if (!(write ? access::can_write_case(who, scope) : access::can_read_case(who, scope))) {
        return Problem::forbidden(write ? "You cannot change records on this case." : "You cannot open this case.");
    }
    return *person;
}

json::object version_json(const contacts::ContactVersion& v) {
    return json::object{{"version", v.version}, {"type", v.type}, {"date", v.contact_at},
                        {"notes", v.notes},     {"sensitive", v.sensitive}, {"replacedAt", v.replaced_at}};
}

struct Conflict {
    contacts::Contact current;
};

}  // namespace

void register_contact_edit_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/api/v1/people/{crn}/contacts/{id}", guard.api([&deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        const auto id = parse_id(req.path_params.at("id"));
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
        if (!result) return Response::problem(result.problem());
        auto conn = deps.db.acquire();
        access::record_audit(*conn, deps.clock.now(), &who, req.remote_address,
                             access::AuditEntry{"contact.view", crn, "contact=" + std::to_string(*id)});
        return Response::json(json::serialize(*result));
    }));

    router.add("PUT", "/api/v1/people/{crn}/contacts/{id}", guard.api([&deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        const auto id = parse_id(req.path_params.at("id"));
        if (!id) return Response::problem(Problem::not_found("No such contact"));
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
        const auto now = deps.clock.now();

        auto outcome = db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<std::variant<contacts::Contact, Conflict>> {
            auto person = authorised_person(conn, crn, who, true);
            if (!person) return person.problem();
            auto current = contacts::find_contact(conn, person->id, *id);
            if (!current) return Problem::not_found("No such contact on this case");
            if (!input.when) input.when = current->contact_at;  // unchanged unless given
            auto valid = contacts::validate_new_contact(input, now);
            if (!valid) return valid.problem();
            if (current->version != expected) return std::variant<contacts::Contact, Conflict>{Conflict{*current}};
            auto updated = contacts::update_contact(conn, *current, expected, *valid, who.user_id, now);
            if (!updated) return std::variant<contacts::Contact, Conflict>{Conflict{*current}};
            access::record_audit(conn, now, &who, req.remote_address,
                                 access::AuditEntry{"contact.update", crn, "contact=" + std::to_string(*id) + " version=" +
                                                                                std::to_string(updated->version)});
            return std::variant<contacts::Contact, Conflict>{*updated};
        });
        if (!outcome) return Response::problem(outcome.problem());
        if (auto conflict = std::get_if<Conflict>(&*outcome)) {
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
