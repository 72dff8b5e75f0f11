#include "casework/routes.hpp"

#include <boost/json.hpp>

#include <charconv>

#include "access/audit.hpp"
#include "access/policy.hpp"
#include "access/users_store.hpp"
#include "casework/case_access.hpp"
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

constexpr int kDefaultContactLimit = 100;
constexpr int kMaxContactLimit = 1000;

void audit(access::RouteDeps& deps, const Request& req, const Principal& who, std::string action,
           std::optional<std::string> crn, std::string detail = "") {
    auto conn = deps.db.acquire();
    access::record_audit(*conn, deps.clock.now(), &who, req.remote_address,
                         access::AuditEntry{std::move(action), std::move(crn), std::move(detail)});
}

int parse_limit(const Request& req) {
    auto text = req.query_param("limit");
    if (!text) return kDefaultContactLimit;
    int n = 0;
    auto r = std::from_chars(text->data(), text->data() + text->size(), n);
    if (r.ec != std::errc{} || r.ptr != text->data() + text->size() || n < 1) return -1;
    return std::min(n, kMaxContactLimit);
}

bool may_see_sensitive(const Principal& who) { return who.staff.has_value(); }

Response case_page(const access::Guard& guard, const Request& req, const Principal& who,
                   const AuthorisedCase& c, const ContactFormState& form,
                   std::optional<std::int64_t> recorded_id, int status) {
    auto& deps = guard.deps();
    const auto now = deps.clock.now();
    CaseRecord record = read_transaction(deps.db, [&](db::Connection& conn) {
        auto r = load_case_record(conn, c.person, now);
        r.case_manager = c.case_manager;
        r.contacts = contacts::contacts_for_person(conn, c.person.id, 0, may_see_sensitive(who));
        return r;
    });
    auto view = case_page_view(record, form, now, who.csrf_token, recorded_id);
    return guard.render(req, &who, "case", view, c.person.full_name() + " (" + c.person.crn + ")", status);
}

// Reads an API body as a JSON object; nullopt means 400.
std::optional<json::object> parse_json_object(const std::string& body) {
    boost::system::error_code ec;
    auto v = json::parse(body, ec);
    if (ec || !v.is_object()) return std::nullopt;
    return v.get_object();
}

Result<contacts::ContactInput> contact_input_from_json(const json::object& o) {
    contacts::ContactInput in;
    std::vector<FieldError> errors;
    auto text_field = [&](const char* name, std::string& out, bool required) {
        auto it = o.find(name);
        if (it == o.end() || it->value().is_null()) {
            if (required) errors.push_back({name, std::string("Give ") + name});
            return;
        }
        if (!it->value().is_string()) {
            errors.push_back({name, std::string(name) + " must be a string"});
            return;
        }
        out = std::string(it->value().get_string());
    };
    text_field("type", in.type, true);
    text_field("notes", in.notes, true);
    std::string when;
    text_field("date", when, false);
    if (!when.empty()) in.when = when;
    if (auto it = o.find("sensitive"); it != o.end()) {
        if (!it->value().is_bool()) {
            errors.push_back({"sensitive", "sensitive must be true or false"});
        } else {
            in.sensitive = it->value().get_bool();
        }
    }
    if (!errors.empty()) return Problem::invalid(std::move(errors));
    return in;
}

Result<contacts::Contact> save_contact(access::RouteDeps& deps, const Request& req, const Principal& who,
                                       const std::string& crn, const contacts::ContactInput& input) {
    const auto now = deps.clock.now();
    auto valid = contacts::validate_new_contact(input, now);
    if (!valid) return valid.problem();
    return db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<contacts::Contact> {
        auto c = authorise_case(conn, crn, who, true);
        if (!c) return c.problem();
        auto saved = contacts::insert_contact(conn, c->person.id, *valid,
                                              who.staff ? std::optional(who.staff->staff_id) : std::nullopt,
                                              who.user_id, now);
        access::record_audit(conn, now, &who, req.remote_address,
                             access::AuditEntry{"contact.create", crn, "contact=" + std::to_string(saved.id)});
        return saved;
    });
}

}  // namespace

void register_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/", [](Request&) { return Response::redirect("/caseload"); });
    register_new_person_routes(router, guard);
    register_contact_edit_routes(router, guard);

    router.add("GET", "/caseload", guard.page([&guard, &deps](Request& req, const Principal& who) {
        std::vector<CaseloadEntry> entries;
        if (who.staff) {
            entries = read_transaction(deps.db, [&](db::Connection& conn) {
                return load_caseload(conn, who.staff->staff_id, deps.clock.now());
            });
        }
        audit(deps, req, who, "caseload.view", std::nullopt, "cases=" + std::to_string(entries.size()));
        return guard.render(req, &who, "caseload", caseload_page_view(entries, who), "My caseload");
    }));

    router.add("GET", "/api/v1/caseload", guard.api([&deps](Request& req, const Principal& who) {
        std::vector<CaseloadEntry> entries;
        if (who.staff) {
            entries = read_transaction(deps.db, [&](db::Connection& conn) {
                return load_caseload(conn, who.staff->staff_id, deps.clock.now());
            });
        }
        audit(deps, req, who, "caseload.view", std::nullopt, "cases=" + std::to_string(entries.size()));
        json::array cases;
        for (const auto& e : entries) cases.push_back(caseload_entry_json(e));
        return Response::json(json::serialize(json::object{{"cases", std::move(cases)}}));
    }));

    router.add("GET", "/api/v1/me", guard.api([](Request&, const Principal& who) {
        json::object o{{"username", who.username}, {"role", access::role_name(who.role)}};
        if (who.staff) {
            o["staffCode"] = who.staff->staff_code;
            o["name"] = who.staff->display_name;
            o["teamCode"] = who.staff->team_code;
            o["teamName"] = who.staff->team_name;
        }
        return Response::json(json::serialize(o));
    }));

    router.add("GET", "/cases/{crn}", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        auto c = [&] {
            auto conn = deps.db.acquire();
            return authorise_case(*conn, crn, who, false);
        }();
        if (!c) {
            audit(deps, req, who, "case.view.refused", crn, c.problem().title);
            return guard.problem(req, &who, c.problem());
        }
        audit(deps, req, who, "case.view", crn);
        std::optional<std::int64_t> recorded;
        if (auto r = req.query_param("recorded")) {
            std::int64_t id = 0;
            if (std::from_chars(r->data(), r->data() + r->size(), id).ec == std::errc{}) recorded = id;
        }
        return case_page(guard, req, who, *c, empty_contact_form(deps.clock.now()), recorded, 200);
    }));

    router.add("POST", "/cases/{crn}/contacts", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        contacts::ContactInput input;
        input.type = req.form_value("type");
        input.notes = req.form_value("notes");
        input.date = req.form_value("date");
        input.time = req.form_value("time");
        input.sensitive = req.form_value("sensitive") == "1";
        auto saved = save_contact(deps, req, who, crn, input);
        if (saved) return Response::redirect("/cases/" + crn + "?recorded=" + std::to_string(saved->id) +
                                             "#contact-" + std::to_string(saved->id));
        if (saved.problem().status != 422) return guard.problem(req, &who, saved.problem());
        // Show the form again with every word the user typed and the errors beside it.
        auto c = [&] {
            auto conn = deps.db.acquire();
            return authorise_case(*conn, crn, who, false);
        }();
        if (!c) return guard.problem(req, &who, c.problem());
        return case_page(guard, req, who, *c, ContactFormState{input, saved.problem().errors}, std::nullopt, 422);
    }));

    router.add("GET", "/api/v1/people/{crn}", guard.api([&deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        const auto now = deps.clock.now();
        auto result = read_transaction(deps.db, [&](db::Connection& conn) -> Result<CaseRecord> {
            auto c = authorise_case(conn, crn, who, false);
            if (!c) return c.problem();
            auto r = load_case_record(conn, c->person, now);
            return r;
        });
        if (!result) {
            audit(deps, req, who, "case.view.refused", crn, result.problem().title);
            return Response::problem(result.problem());
        }
        audit(deps, req, who, "case.view", crn, "api");
        return Response::json(json::serialize(case_summary_json(*result)));
    }));

    router.add("GET", "/api/v1/people/{crn}/contacts", guard.api([&deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        const int limit = parse_limit(req);
        if (limit < 0) {
            return Response::problem(Problem::invalid({{"limit", "limit must be a whole number from 1"}}));
        }
        auto result = read_transaction(deps.db, [&](db::Connection& conn) -> Result<std::vector<contacts::Contact>> {
            auto c = authorise_case(conn, crn, who, false);
            if (!c) return c.problem();
            return contacts::contacts_for_person(conn, c->person.id, limit, may_see_sensitive(who));
        });
        if (!result) return Response::problem(result.problem());
        audit(deps, req, who, "contacts.view", crn, "count=" + std::to_string(result->size()));
        json::array list;
        for (const auto& c : *result) list.push_back(contact_json(c));
        return Response::json(json::serialize(json::object{{"contacts", std::move(list)}}));
    }));

    router.add("POST", "/api/v1/people/{crn}/contacts", guard.api([&deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        auto body = parse_json_object(req.body);
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        auto input = contact_input_from_json(*body);
        if (!input) return Response::problem(input.problem());
        auto saved = save_contact(deps, req, who, crn, *input);
        if (!saved) return Response::problem(saved.problem());
        auto r = Response::json(json::serialize(contact_json(*saved)), 201);
        r.header("Location", "/api/v1/people/" + crn + "/contacts/" + std::to_string(saved->id));
        return r;
    }));

    auto search = [&deps](const Request& req, const Principal& who, int limit) {
        const std::string q = req.query_param("q").value_or("");
        std::vector<AuthorisedCase> found;
        if (!q.empty()) {
            auto conn = deps.db.acquire();
            auto candidates = people::search(*conn, q, limit);
            // Only people the caller may open are listed.
            for (auto& p : candidates) {
                std::optional<access::StaffScope> cm;
                if (p.case_manager_staff_id) cm = access::load_staff_scope(*conn, *p.case_manager_staff_id);
                if (access::can_read_case(who, case_scope(cm, p))) found.push_back(AuthorisedCase{std::move(p), std::move(cm)});
            }
        }
        audit(deps, req, who, "search", std::nullopt, "q=" + q + " results=" + std::to_string(found.size()));
        return found;
    };

    router.add("GET", "/api/v1/people", guard.api([search](Request& req, const Principal& who) {
        int limit = 20;
        if (auto l = req.query_param("limit")) {
            int n = 0;
            if (std::from_chars(l->data(), l->data() + l->size(), n).ec != std::errc{} || n < 1) {
                return Response::problem(Problem::invalid({{"limit", "limit must be a whole number from 1"}}));
            }
            limit = std::min(n, 100);
        }
        json::array results;
        for (const auto& c : search(req, who, limit)) {
            auto o = person_brief_json(c.person);
            o["caseManager"] = c.case_manager ? json::value(json::object{{"code", c.case_manager->staff_code},
                                                                         {"name", c.case_manager->display_name},
                                                                         {"teamName", c.case_manager->team_name}})
                                              : json::value(nullptr);
            results.push_back(std::move(o));
        }
        return Response::json(json::serialize(json::object{{"results", std::move(results)}}));
    }));

    router.add("GET", "/search", guard.page([&guard, search](Request& req, const Principal& who) {
        const std::string q = req.query_param("q").value_or("");
        auto found = search(req, who, 50);
        if (found.size() == 1 && platform::is_valid_crn(q)) return Response::redirect("/cases/" + found[0].person.crn);
        json::array results;
        for (const auto& c : found) {
            const auto& p = c.person;
            const auto dob = platform::parse_date(p.date_of_birth);
            results.push_back(json::object{{"crn", p.crn},
                                           {"name", p.last_name + ", " + p.first_name},
                                           {"dateOfBirth", dob ? platform::display_date(*dob) : p.date_of_birth},
                                           {"caseManager", c.case_manager ? c.case_manager->display_name + " (" + c.case_manager->team_name + ")"
                                                                          : std::string("Unallocated")},
                                           {"url", "/cases/" + p.crn}});
        }
        json::object view{{"q", q},
                          {"count", static_cast<std::int64_t>(found.size())},
                          {"hasResults", !found.empty()},
                          {"results", std::move(results)},
                          {"searched", !q.empty()}};
        return guard.render(req, &who, "search", view, "Search");
    }));
}

}  // namespace onecase::casework
