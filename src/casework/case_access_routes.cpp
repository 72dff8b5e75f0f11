// Restricting a case and excluding staff from it, by page and API. Only an SPO of the
// team that holds the case; every change and view is audited.
#include <boost/json.hpp>

#include <charconv>

#include "casework/case_access_list.hpp"
#include "casework/routes.hpp"
#include "platform/identifiers.hpp"

namespace onecase::casework {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

json::object entry_json(const AccessListEntry& e) {
    return json::object{{"id", e.id},           {"kind", e.kind},         {"staffCode", e.staff_code},
                        {"staffName", e.staff_name}, {"reason", e.reason}, {"addedAt", e.added_at},
                        {"addedBy", e.added_by}};
}

Result<json::object> list_view(access::RouteDeps& deps, const Request& req, const Principal& who, const std::string& crn) {
    auto result = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<json::object> {
        auto c = authorise_access_management(conn, crn, who);
        if (!c) return c.problem();
        json::array restricted, excluded;
        for (const auto& e : access_list(conn, c->person.id)) (e.kind == "restriction" ? restricted : excluded).push_back(entry_json(e));
        return json::object{{"crn", crn},
                            {"name", c->person.full_name()},
                            {"restricted", !restricted.empty()},
                            {"restrictedTo", std::move(restricted)},
                            {"excluded", std::move(excluded)}};
    });
    access::audit_view(deps, req, who, result ? "case.access.view" : "case.access.view.refused", crn, "");
    return result;
}

}  // namespace

void register_case_access_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/api/v1/people/{crn}/access-list", guard.api([&deps](Request& req, const Principal& who) {
        auto v = list_view(deps, req, who, req.path_params.at("crn"));
        if (!v) return Response::problem(v.problem());
        return Response::json(json::serialize(*v));
    }));

    router.add("POST", "/api/v1/people/{crn}/access-list", guard.api([&deps](Request& req, const Principal& who) {
        if (auto refused = refuse_unless_access_manager(deps.db, req.path_params.at("crn"), who)) return Response::problem(*refused);
        boost::system::error_code ec;
        auto body = json::parse(req.body, ec);
        if (ec || !body.is_object()) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        auto text = [&](const char* name) {
            auto* v = body.as_object().if_contains(name);
            return v && v->is_string() ? std::string(v->as_string()) : std::string();
        };
        auto added = add_access_entry(deps, req, who, req.path_params.at("crn"),
                                      AccessListInput{text("staffCode"), text("kind"), text("reason")});
        if (!added) return Response::problem(added.problem());
        return Response::json(json::serialize(entry_json(*added)), 201);
    }));

    router.add("DELETE", "/api/v1/people/{crn}/access-list/{id}", guard.api([&deps](Request& req, const Principal& who) {
        auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return Response::problem(Problem::not_found("No such entry"));
        auto removed = remove_access_entry(deps, req, who, req.path_params.at("crn"), *id);
        if (!removed) return Response::problem(removed.problem());
        return Response{204, {}, ""};
    }));

    auto page = [&guard, &deps](const Request& req, const Principal& who, const std::string& crn,
                                const std::map<std::string, std::string>& typed, const std::vector<FieldError>& errors, int status) {
        auto v = list_view(deps, req, who, crn);
        if (!v) return guard.problem(req, &who, v.problem());
        auto view = *v;
        view["csrf"] = who.csrf_token;
        view["person"] = json::object{{"crn", crn}, {"name", view["name"]}};
        for (const auto& [k, val] : typed) view[k] = val;
        view["kindRestriction"] = typed.count("kind") ? typed.at("kind") == "restriction" : true;
        json::array list;
        for (const auto& e : errors) {
            view[e.field + "Error"] = e.message;
            list.push_back(json::object{{"message", e.message}, {"href", "#" + e.field}});
        }
        view["errors"] = std::move(list);
        view["hasErrors"] = !errors.empty();
        view["done"] = req.query_param("done").value_or("") == "1";
        return guard.render(req, &who, "case_access", view, "Who can see this case", status);
    };

    router.add("GET", "/cases/{crn}/access", guard.page([page](Request& req, const Principal& who) {
        return page(req, who, req.path_params.at("crn"), {}, {}, 200);
    }));

    router.add("POST", "/cases/{crn}/access", guard.page([&deps, &guard, page](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        AccessListInput in{req.form_value("staffCode"), req.form_value("kind"), req.form_value("reason")};
        auto added = add_access_entry(deps, req, who, crn, in);
        if (added) return Response::redirect("/cases/" + crn + "/access?done=1");
        if (added.problem().status != 422) return guard.problem(req, &who, added.problem());
        return page(req, who, crn, {{"staffCode", in.staff_code}, {"kind", in.kind}, {"reason", in.reason}},
                    added.problem().errors, 422);
    }));

    router.add("POST", "/cases/{crn}/access/{id}/remove", guard.page([&deps, &guard](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return guard.problem(req, &who, Problem::not_found("No such entry"));
        auto removed = remove_access_entry(deps, req, who, crn, *id);
        if (!removed) return guard.problem(req, &who, removed.problem());
        return Response::redirect("/cases/" + crn + "/access?done=1");
    }));
}

}  // namespace onecase::casework
