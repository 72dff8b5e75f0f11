#include "search/routes.hpp"

#include <boost/json.hpp>

#include <charconv>

#include "casework/case_access.hpp"
#include "casework/views.hpp"
#include "platform/clock.hpp"
#include "platform/identifiers.hpp"
#include "search/history_store.hpp"
#include "search/people_search.hpp"

namespace onecase::search {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

constexpr int kPageLimit = 50;
constexpr int kApiDefaultLimit = 20;
constexpr int kApiMaxLimit = 100;
constexpr int kHistoryLimit = 100;

// Sensitive contacts are for staff only (as on the case page).
bool may_see_sensitive(const Principal& who) { return who.staff.has_value(); }

// -1 when `limit` is present and not a whole number from 1.
int parse_limit(const Request& req, int fallback, int max) {
    auto text = req.query_param("limit");
    if (!text) return fallback;
    int n = 0;
    auto r = std::from_chars(text->data(), text->data() + text->size(), n);
    if (r.ec != std::errc{} || r.ptr != text->data() + text->size() || n < 1) return -1;
    return std::min(n, max);
}

std::vector<PersonResult> run_people_search(access::RouteDeps& deps, const Request& req, const Principal& who,
                                            int limit) {
    const std::string q = req.query_param("q").value_or("");
    const auto now = deps.clock.now();
    const auto query = parse_people_query(q, static_cast<int>(platform::london_date(now).year()));
    auto found = db::read_transaction(deps.db, [&](db::Connection& conn) { return search_people(conn, who, query, limit); });
    access::audit_view(deps, req, who, "search", std::nullopt, "q=" + q + " results=" + std::to_string(found.size()));
    return found;
}

std::string match_name(MatchClass m) {
    switch (m) {
        case MatchClass::identifier: return "identifier";
        case MatchClass::exact_name: return "exact";
        case MatchClass::close: return "close";
    }
    return "close";
}

std::string ask_text(const std::optional<access::StaffScope>& cm) {
    return cm ? cm->display_name + " (" + cm->team_name + ")" : std::string("your senior probation officer");
}

json::value case_manager_json(const std::optional<access::StaffScope>& cm) {
    if (!cm) return nullptr;
    return json::object{{"code", cm->staff_code}, {"name", cm->display_name}, {"teamName", cm->team_name}};
}

json::object api_result(const PersonResult& r) {
    if (!r.may_open) {
        // A case exists; nothing about the person, only whom to ask.
        return json::object{{"crn", r.person.crn},
                            {"access", "ask-owner"},
                            {"message", "A case exists; ask its owner, " + ask_text(r.case_manager) + "."},
                            {"caseManager", case_manager_json(r.case_manager)}};
    }
    auto o = casework::person_brief_json(r.person);
    o["access"] = "open";
    o["caseManager"] = case_manager_json(r.case_manager);
    o["match"] = match_name(r.match.match);
    if (!r.match.matched_kind.empty() && r.match.matched_kind != "current") {
        o["matchedName"] = json::object{{"kind", r.match.matched_kind}, {"name", r.match.matched_name}};
    }
    return o;
}

json::object page_result(const PersonResult& r) {
    const auto& p = r.person;
    if (!r.may_open) return json::object{{"crn", p.crn}, {"askOwner", true}, {"ask", ask_text(r.case_manager)}};
    const auto dob = platform::parse_date(p.date_of_birth);
    json::object o{{"crn", p.crn},
                   {"name", p.last_name + ", " + p.first_name},
                   {"dateOfBirth", dob ? platform::display_date(*dob) : p.date_of_birth},
                   {"caseManager", r.case_manager ? r.case_manager->display_name : std::string("Unallocated")},
                   {"team", r.case_manager ? r.case_manager->team_name : std::string()},
                   {"tier", p.tier.value_or("")},
                   {"current", p.current_case},
                   {"url", "/cases/" + p.crn}};
    if (!r.match.matched_kind.empty() && r.match.matched_kind != "current") {
        o["alsoKnownAs"] = (r.match.matched_kind == "previous" ? "Previously " : "Also known as ") + r.match.matched_name;
    }
    return o;
}

std::string display_at(const std::string& at) {
    if (auto i = platform::parse_instant(at)) return platform::display_london(*i);
    if (auto d = platform::parse_date(at)) return platform::display_date(*d);
    return at;
}

std::string source_label(const std::string& source) {
    if (source == "contact") return "Contact";
    if (source == "appointment") return "Appointment";
    if (source == "outcome") return "Appointment outcome";
    return "Enforcement";
}

std::string hit_url(const std::string& crn, const HistoryHit& h) {
    if (h.source == "contact") return "/cases/" + crn + "/contacts/" + std::to_string(h.source_id);
    return "/cases/" + crn;
}

struct HistoryRequest {
    HistoryQuery query;
    HistoryFilter filter;
    std::vector<FilterError> errors;
};

HistoryRequest read_history_request(const Request& req) {
    HistoryRequest h;
    h.query = parse_history_query(req.query_param("q").value_or(""));
    h.errors = parse_history_filter(req.query_param("type").value_or(""), req.query_param("from").value_or(""),
                                    req.query_param("to").value_or(""), h.filter);
    return h;
}

}  // namespace

void register_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/api/v1/people", guard.api([&deps](Request& req, const Principal& who) {
        const int limit = parse_limit(req, kApiDefaultLimit, kApiMaxLimit);
        if (limit < 0) return Response::problem(Problem::invalid({{"limit", "limit must be a whole number from 1"}}));
        json::array results;
        for (const auto& r : run_people_search(deps, req, who, limit)) results.push_back(api_result(r));
        return Response::json(json::serialize(json::object{{"results", std::move(results)}}));
    }));

    router.add("GET", "/search", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const std::string q = req.query_param("q").value_or("");
        auto found = run_people_search(deps, req, who, kPageLimit);
        // A CRN typed in full goes straight to the case.
        std::string upper = q;
        for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (found.size() == 1 && found[0].may_open && platform::is_valid_crn(upper)) {
            return Response::redirect("/cases/" + found[0].person.crn);
        }
        json::array results;
        for (const auto& r : found) results.push_back(page_result(r));
        json::object view{{"q", q},
                          {"count", static_cast<std::int64_t>(found.size())},
                          {"hasResults", !found.empty()},
                          {"results", std::move(results)},
                          {"searched", !q.empty()}};
        return guard.render(req, &who, "search", view, "Search");
    }));

    router.add("GET", "/api/v1/people/{crn}/history", guard.api([&deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        auto h = read_history_request(req);
        if (h.query.empty()) h.errors.push_back({"q", "Enter words to search for"});
        const int limit = parse_limit(req, kHistoryLimit, kHistoryLimit);
        if (limit < 0) h.errors.push_back({"limit", "limit must be a whole number from 1"});
        auto result = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<std::vector<HistoryHit>> {
            auto c = casework::authorise_case(conn, crn, who, false);
            if (!c) return c.problem();
            if (!h.errors.empty()) {
                std::vector<FieldError> errors;
                for (auto& e : h.errors) errors.push_back({e.field, e.message});
                return Problem::invalid(std::move(errors));
            }
            return search_history(conn, c->person.id, h.query, h.filter, may_see_sensitive(who), limit);
        });
        if (!result) {
            if (result.problem().status == 403) {
                access::audit_view(deps, req, who, "case.view.refused", crn, result.problem().title);
            }
            return Response::problem(result.problem());
        }
        access::audit_view(deps, req, who, "history.search", crn,
                           "q=" + req.query_param("q").value_or("") + " results=" + std::to_string(result->size()));
        json::array list;
        for (const auto& hit : *result) {
            list.push_back(json::object{{"source", hit.source},
                                        {"id", hit.source_id},
                                        {"type", hit.type},
                                        {"at", hit.at},
                                        {"excerpt", strip_marks(hit.excerpt)},
                                        {"excerptHtml", highlight_html(hit.excerpt)}});
        }
        return Response::json(json::serialize(json::object{{"results", std::move(list)}}));
    }));

    router.add("GET", "/cases/{crn}/search", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        const std::string q = req.query_param("q").value_or("");
        auto h = read_history_request(req);
        struct Page {
            casework::AuthorisedCase c;
            std::vector<HistoryHit> hits;
        };
        auto result = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<Page> {
            auto c = casework::authorise_case(conn, crn, who, false);
            if (!c) return c.problem();
            std::vector<HistoryHit> hits;
            if (h.errors.empty()) hits = search_history(conn, c->person.id, h.query, h.filter, may_see_sensitive(who), kHistoryLimit);
            return Page{std::move(*c), std::move(hits)};
        });
        if (!result) {
            access::audit_view(deps, req, who, "case.view.refused", crn, result.problem().title);
            return guard.problem(req, &who, result.problem());
        }
        access::audit_view(deps, req, who, "history.search", crn, "q=" + q + " results=" + std::to_string(result->hits.size()));
        json::array hits;
        for (const auto& hit : result->hits) {
            hits.push_back(json::object{{"label", source_label(hit.source)},
                                        {"type", hit.type},
                                        {"when", display_at(hit.at)},
                                        {"url", hit_url(crn, hit)},
                                        {"excerptHtml", highlight_html(hit.excerpt)}});
        }
        json::object errors;
        json::array summary;
        for (const auto& e : h.errors) {
            errors[e.field] = e.message;
            summary.push_back(json::object{{"field", e.field}, {"message", e.message}});
        }
        const auto& p = result->c.person;
        json::array types;
        for (const auto& [value, label] : std::vector<std::pair<std::string, std::string>>{
                 {"", "All"}, {"contact", "Contacts"}, {"appointment", "Appointments"}, {"outcome", "Appointment outcomes"},
                 {"enforcement", "Enforcement"}}) {
            types.push_back(json::object{{"value", value}, {"label", label}, {"selected", value == h.filter.type}});
        }
        json::object view{{"crn", crn},
                          {"name", p.full_name()},
                          {"q", q},
                          {"type", req.query_param("type").value_or("")},
                          {"from", req.query_param("from").value_or("")},
                          {"to", req.query_param("to").value_or("")},
                          {"types", std::move(types)},
                          {"errors", std::move(errors)},
                          {"errorSummary", std::move(summary)},
                          {"hasErrors", !h.errors.empty()},
                          {"searched", !h.query.empty() && h.errors.empty()},
                          {"count", static_cast<std::int64_t>(result->hits.size())},
                          {"hasResults", !result->hits.empty()},
                          {"results", std::move(hits)}};
        return guard.render(req, &who, "history_search", view, "Search the history of " + p.full_name(),
                            h.errors.empty() ? 200 : 422);
    }));
}

}  // namespace onecase::search
