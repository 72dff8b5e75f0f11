// Drafts over the API: the page script saves what is typed every few seconds and on
// leaving a field, and asks for it back when a form is opened again. A draft is the
// user's own unsaved text: only its owner can read it, and one naming a case needs
// permission to write that case. Autosaves are not audited one by one (they would
// bury the trail); the record they become is.
#include <boost/json.hpp>

#include "casework/case_access.hpp"
#include "casework/routes.hpp"
#include "drafts/store.hpp"

namespace onecase::casework {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

json::object draft_json(const drafts::Draft& d) {
    json::object fields;
    for (const auto& [name, value] : d.fields) fields[name] = value;
    return json::object{{"formKey", d.form_key},
                        {"crn", d.crn ? json::value(*d.crn) : json::value(nullptr)},
                        {"fields", std::move(fields)},
                        {"savedAt", d.saved_at},
                        {"fromExpiredSession", d.from_expired_session}};
}

Result<drafts::Draft> draft_from_json(const std::string& key, const std::string& body, platform::Instant now) {
    boost::system::error_code ec;
    auto v = json::parse(body, ec);
    if (ec || !v.is_object()) return Problem::bad_request("The body must be a JSON object.");
    const auto& o = v.get_object();
    drafts::Draft d;
    d.form_key = key;
    d.saved_at = platform::format_instant(now);
    auto fields = o.find("fields");
    if (fields == o.end() || !fields->value().is_object()) {
        return Problem::invalid({{"fields", "Give fields: an object of field names to text"}});
    }
    drafts::DraftFields typed;
    for (const auto& [name, value] : fields->value().get_object()) {
        if (!value.is_string()) return Problem::invalid({{std::string(name), "Each field must be text"}});
        typed.emplace(std::string(name), std::string(value.get_string()));
    }
    auto valid = drafts::validate_fields(std::move(typed));
    if (!valid) return valid.problem();
    d.fields = std::move(*valid);
    if (auto crn = o.find("crn"); crn != o.end() && !crn->value().is_null()) {
        if (!crn->value().is_string()) return Problem::invalid({{"crn", "crn must be text"}});
        d.crn = std::string(crn->value().get_string());
    }
    return d;
}

Result<std::string> form_key_of(const Request& req) {
    const auto key = req.path_params.at("key");
    if (!drafts::is_valid_form_key(key)) return Problem::not_found("No draft has that name");
    return key;
}

}  // namespace

void register_draft_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    // The user's drafts, or the one for ?formKey= (an empty list, not 404, when there
    // is none: the page script asks on every form it opens).
    router.add("GET", "/api/v1/drafts", guard.api([&deps](Request& req, const Principal& who) {
        const auto only = req.query_param("formKey");
        auto all = db::read_transaction(deps.db, [&](db::Connection& conn) { return drafts::drafts_of(conn, who.user_id); });
        json::array list;
        for (const auto& d : all) {
            if (!only || d.form_key == *only) list.push_back(draft_json(d));
        }
        return Response::json(json::serialize(json::object{{"drafts", std::move(list)}}));
    }));

    router.add("GET", "/api/v1/drafts/{key}", guard.api([&deps](Request& req, const Principal& who) {
        auto key = form_key_of(req);
        if (!key) return Response::problem(key.problem());
        auto draft = db::read_transaction(deps.db, [&](db::Connection& conn) {
            return drafts::find_draft(conn, who.user_id, *key);
        });
        if (!draft) return Response::problem(Problem::not_found("There is no draft for this form"));
        return Response::json(json::serialize(draft_json(*draft)));
    }));

    router.add("PUT", "/api/v1/drafts/{key}", guard.api([&deps](Request& req, const Principal& who) {
        auto key = form_key_of(req);
        if (!key) return Response::problem(key.problem());
        auto draft = draft_from_json(*key, req.body, deps.clock.now());
        if (!draft) return Response::problem(draft.problem());
        auto saved = db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<drafts::Draft> {
            if (draft->crn) {
                auto c = authorise_case(conn, *draft->crn, who, true);
                if (!c) return c.problem();
            }
            drafts::save_draft(conn, who.user_id, *draft);
            return *draft;
        });
        if (!saved) return Response::problem(saved.problem());
        return Response::json(json::serialize(json::object{{"formKey", saved->form_key}, {"savedAt", saved->saved_at}}));
    }));

    router.add("DELETE", "/api/v1/drafts/{key}", guard.api([&deps](Request& req, const Principal& who) {
        auto key = form_key_of(req);
        if (!key) return Response::problem(key.problem());
        db::write_transaction(deps.db, [&](db::Connection& conn) { return drafts::discard_draft(conn, who.user_id, *key); });
        return Response{204, {}, ""};
    }));
}

}  // namespace onecase::casework
