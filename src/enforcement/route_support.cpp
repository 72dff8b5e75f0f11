#include "enforcement/route_support.hpp"

#include <charconv>
#include <map>

namespace onecase::enforcement {

namespace json = boost::json;

std::optional<json::object> parse_json_object(const std::string& body) {
    boost::system::error_code ec;
    auto v = json::parse(body, ec);
    if (ec || !v.is_object()) return std::nullopt;
    return v.get_object();
}

std::string string_member(const json::object& o, const char* name, std::vector<FieldError>& errors) {
    auto it = o.find(name);
    if (it == o.end() || it->value().is_null()) return "";
    if (!it->value().is_string()) {
        errors.push_back({name, std::string(name) + " must be a string"});
        return "";
    }
    return std::string(it->value().get_string());
}

void audit(db::Connection& conn, const access::RouteDeps& deps, const http::Request& req, const access::Principal& who,
           std::string action, std::optional<std::string> crn, std::string detail,
           std::vector<access::FieldChange> changes) {
    access::record_audit(conn, deps.clock.now(), &who, req.remote_address,
                         access::AuditEntry{std::move(action), std::move(crn), std::move(detail), std::move(changes)});
}

void audit_refused_view(const access::RouteDeps& deps, const http::Request& req, const access::Principal& who,
                        const std::string& action, const std::string& table, std::int64_t id) {
    // The record kinds this is for, and what the detail calls each.
    static const std::map<std::string, std::string> kRecord{
        {"appointments", "appointment"}, {"enforcement_actions", "action"}, {"enforcement_proposals", "proposal"}};
    const auto& record = kRecord.at(table);
    auto conn = deps.db.acquire();
    auto rows = conn->query("SELECT p.crn FROM " + table + " r JOIN people p ON p.id = r.person_id WHERE r.id = ?", {id});
    audit_view(deps, req, who, action, rows.empty() ? std::nullopt : rows.at(0).opt_text(0),
               record + "=" + std::to_string(id));
}

http::Response conflict_response(const std::string& title, const std::string& detail, json::object current) {
    json::object problem{{"type", "about:blank"},
                         {"title", title},
                         {"status", 409},
                         {"detail", detail},
                         {"current", std::move(current)}};
    http::Response r{409, {}, json::serialize(problem)};
    r.header("Content-Type", "application/problem+json");
    return r;
}

void add_form_errors(json::object& form, const std::vector<FieldError>& errors) {
    json::array list;
    for (const auto& e : errors) {
        list.push_back(json::object{{"field", e.field}, {"message", e.message}, {"href", "#" + e.field}});
        form[e.field + "Error"] = e.message;
    }
    form["hasErrors"] = !errors.empty();
    form["errors"] = std::move(list);
}

}  // namespace onecase::enforcement
