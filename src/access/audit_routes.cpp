// The audit log for auditors: a page with a filter form, a CSV export and the JSON
// API. Only auditors read it (docs/security.md says why not administrators), and
// every query and export is itself audited.
#include <boost/json.hpp>

#include "access/audit.hpp"
#include "access/audit_query.hpp"
#include "access/csv.hpp"
#include "access/security_routes.hpp"

namespace onecase::access {

namespace json = boost::json;
using http::Request;
using http::Response;

namespace {

// One CSV file holds at most this many rows; a Link header points to the rest.
constexpr int kCsvMaxRows = 10'000;

const char* const kFilterFields[] = {"crn", "user", "action", "from", "to"};

std::optional<Problem> refuse_unless_auditor(const Principal& who) {
    if (who.role == Role::auditor) return std::nullopt;
    return Problem::forbidden("Only auditors can read the audit log.");
}

// The query string for the same filters (no cursor or limit), for links.
std::string filter_query(const std::map<std::string, std::string>& fields) {
    std::string q;
    for (const char* name : kFilterFields) {
        auto it = fields.find(name);
        if (it == fields.end() || it->second.empty()) continue;
        q += q.empty() ? "?" : "&";
        q += std::string(name) + "=" + http::url_encode(it->second);
    }
    return q;
}

// Reads a page and records that it was read, in one transaction.
AuditPage read_audited(RouteDeps& deps, const Request& req, const Principal& who, const AuditFilter& filter,
                       const char* action, std::optional<int> limit_override = {}) {
    deps.views.settle();  // views journalled a moment ago are part of the trail too
    return db::write_transaction(deps.db, [&](db::Connection& conn) {
        auto page = query_audit(conn, filter, limit_override);
        AuditFilter described = filter;
        if (limit_override) described.limit = *limit_override;
        record_audit(conn, deps.clock.now(), &who, req.remote_address,
                     AuditEntry{action, filter.crn,
                                describe_audit_filter(described) + " rows=" + std::to_string(page.rows.size())});
        return page;
    });
}

json::value optional_json(const std::optional<std::string>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::array changes_json(const std::vector<FieldChange>& changes) {
    json::array list;
    for (const auto& c : changes) {
        list.push_back(json::object{{"field", c.field}, {"before", optional_json(c.before)}, {"after", optional_json(c.after)}});
    }
    return list;
}

// For the page: an unset value and an empty one read differently from any text.
json::array changes_view(const std::vector<FieldChange>& changes) {
    auto side = [](json::object& o, const char* name, const std::optional<std::string>& v) {
        o[name] = v.value_or("");
        o[std::string(name) + "Hint"] = !v ? "none" : v->empty() ? "blank" : "";
    };
    json::array list;
    for (const auto& c : changes) {
        json::object o{{"field", c.field}};
        side(o, "before", c.before);
        side(o, "after", c.after);
        list.push_back(std::move(o));
    }
    return list;
}

json::object row_json(const AuditRow& r) {
    return json::object{{"id", r.id},
                        {"at", r.at},
                        {"user", r.username},
                        {"action", r.action},
                        {"crn", r.crn ? json::value(*r.crn) : json::value(nullptr)},
                        {"remoteAddress", r.remote_address},
                        {"detail", r.detail},
                        {"changes", changes_json(r.changes)}};
}

Response csv_response(RouteDeps& deps, const Request& req, const Principal& who, const std::string& base_path) {
    auto filter = parse_audit_filter(req.query);
    if (!filter) return Response::problem(filter.problem());
    auto page = read_audited(deps, req, who, *filter, "audit.export", kCsvMaxRows);
    std::string body = csv_record({"id", "at", "user", "action", "crn", "remote_address", "detail", "changes"});
    for (const auto& r : page.rows) {
        body += csv_record({std::to_string(r.id), r.at, r.username, r.action, r.crn.value_or(""), r.remote_address,
                            r.detail, r.changes.empty() ? std::string{} : changes_to_json(r.changes)});
    }
    Response res{200, {}, std::move(body)};
    res.header("Content-Type", "text/csv; charset=utf-8");
    res.header("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
    res.header("Cache-Control", "no-store");
    if (page.next_cursor) {
        auto q = filter_query(req.query);
        q += (q.empty() ? "?" : "&") + std::string("cursor=") + std::to_string(*page.next_cursor);
        res.header("Link", "<" + base_path + q + ">; rel=\"next\"");
        res.header("X-Next-Cursor", std::to_string(*page.next_cursor));
    }
    return res;
}

json::object page_view(const std::map<std::string, std::string>& fields, const std::vector<FieldError>& errors) {
    json::object values;
    for (const char* name : kFilterFields) {
        auto it = fields.find(name);
        values[name] = it == fields.end() ? "" : it->second;
    }
    json::array list;
    json::object by_field;
    for (const auto& e : errors) {
        list.push_back(json::object{{"message", e.message}, {"href", "#" + e.field}});
        by_field[e.field] = e.message;
    }
    return json::object{{"values", std::move(values)},
                        {"errors", std::move(list)},
                        {"error", std::move(by_field)},
                        {"hasErrors", !errors.empty()},
                        {"csvHref", "/audit.csv" + filter_query(fields)}};
}

}  // namespace

void register_audit_routes(http::Router& router, const Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/audit", guard.page([&guard, &deps](Request& req, const Principal& who) {
        if (auto p = refuse_unless_auditor(who)) return guard.problem(req, &who, *p);
        auto filter = parse_audit_filter(req.query);
        if (!filter) {
            return guard.render(req, &who, "audit", page_view(req.query, filter.problem().errors), "Audit log", 422);
        }
        auto page = read_audited(deps, req, who, *filter, "audit.query");
        auto view = page_view(req.query, {});
        json::array rows;
        for (const auto& r : page.rows) {
            auto o = row_json(r);
            if (auto at = platform::parse_instant(r.at)) o["atDisplay"] = platform::display_london(*at);
            o["hasChanges"] = !r.changes.empty();
            o["changes"] = changes_view(r.changes);
            rows.push_back(std::move(o));
        }
        view["hasRows"] = !rows.empty();
        view["rows"] = std::move(rows);
        if (page.next_cursor) {
            auto q = filter_query(req.query);
            view["olderHref"] = "/audit" + q + (q.empty() ? "?" : "&") + "cursor=" + std::to_string(*page.next_cursor);
        }
        view["paged"] = filter->cursor.has_value();
        view["firstHref"] = "/audit" + filter_query(req.query);
        return guard.render(req, &who, "audit", view, "Audit log");
    }));

    router.add("GET", "/audit.csv", guard.page([&guard, &deps](Request& req, const Principal& who) {
        if (auto p = refuse_unless_auditor(who)) return guard.problem(req, &who, *p);
        if (auto f = parse_audit_filter(req.query); !f) {
            return guard.render(req, &who, "audit", page_view(req.query, f.problem().errors), "Audit log", 422);
        }
        return csv_response(deps, req, who, "/audit.csv");
    }));

    router.add("GET", "/api/v1/audit", guard.api([&deps](Request& req, const Principal& who) {
        if (auto p = refuse_unless_auditor(who)) return Response::problem(*p);
        auto filter = parse_audit_filter(req.query);
        if (!filter) return Response::problem(filter.problem());
        auto page = read_audited(deps, req, who, *filter, "audit.query");
        json::array rows;
        for (const auto& r : page.rows) rows.push_back(row_json(r));
        json::object o{{"rows", std::move(rows)},
                       {"nextCursor", page.next_cursor ? json::value(*page.next_cursor) : json::value(nullptr)}};
        return Response::json(json::serialize(o));
    }));

    router.add("GET", "/api/v1/audit.csv", guard.api([&deps](Request& req, const Principal& who) {
        if (auto p = refuse_unless_auditor(who)) return Response::problem(*p);
        return csv_response(deps, req, who, "/api/v1/audit.csv");
    }));
}

void register_security_routes(http::Router& router, const Guard& guard) {
    register_audit_routes(router, guard);
    register_account_routes(router, guard);
    register_admin_user_routes(router, guard);
}

}  // namespace onecase::access
