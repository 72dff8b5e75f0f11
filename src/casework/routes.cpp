#include "casework/routes.hpp"

#include <boost/json.hpp>

#include <charconv>

#include "access/audit.hpp"
#include "casework/contact_update.hpp"
#include "access/policy.hpp"
#include "access/users_store.hpp"
#include "appointments/case_section.hpp"
#include "casework/case_access.hpp"
#include "casework/contact_paging.hpp"
#include "casework/views.hpp"
#include "contacts/store.hpp"
#include "drafts/store.hpp"
#include "enforcement/case_section.hpp"
#include "people/store.hpp"
#include "sentences/store.hpp"
#include "platform/identifiers.hpp"
#include "standards/case_section.hpp"

namespace onecase::casework {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

constexpr int kDefaultContactLimit = 100;
constexpr int kMaxContactLimit = 1000;

int parse_limit(const Request& req) {
    auto text = req.query_param("limit");
    if (!text) return kDefaultContactLimit;
    int n = 0;
    auto r = std::from_chars(text->data(), text->data() + text->size(), n);
    if (r.ec != std::errc{} || r.ptr != text->data() + text->size() || n < 1) return -1;
    return std::min(n, kMaxContactLimit);
}

bool may_see_sensitive(const Principal& who) { return who.staff.has_value(); }

// A contact may count towards a requirement only on one of the person's current orders.
bool requirement_on_current_order(db::Connection& conn, std::int64_t person_id, std::int64_t requirement_id) {
    for (const auto& e : sentences::events_for_person(conn, person_id)) {
        for (const auto& r : e.requirements) {
            if (r.id == requirement_id) return e.active && r.active;
        }
    }
    return false;
}

Response case_page(const access::Guard& guard, const Request& req, const Principal& who,
                   const AuthorisedCase& c, const ContactFormState& form,
                   std::optional<std::int64_t> recorded_id, int status) {
    auto& deps = guard.deps();
    const auto now = deps.clock.now();
    json::object appointments_section;
    ContactPage contact_page;
    CaseRecord record = read_transaction(deps.db, [&](db::Connection& conn) {
        auto r = load_case_record(conn, c.person, c.case_manager);
        contact_page = load_contact_page(conn, c.person.id, older_than_param(req), may_see_sensitive(who));
        r.contacts = contact_page.contacts;
        appointments_section = appointments::case_section(conn, c.person.id, c.person.crn,
                                                          access::can_write_case(who, case_scope(c.case_manager, c.person)), now);
        return r;
    });
    auto view = case_page_view(record, form, now, who.csrf_token, recorded_id);
    add_contact_paging(view, c.person.crn, contact_page, recorded_id);
    view["nationalStandards"] = standards::case_page_section(deps.db, c.person.id, now);
    const bool may_write = access::can_write_case(who, c.scope);
    view["restricted"] = c.scope.restricted();
    view["canManageAccess"] = access::can_manage_case_access(who, c.scope);
    // SPOs reach allocation, reallocation and transfer from here; that page checks access.
    view["showAllocationLink"] = who.role == access::Role::spo;
    view["enforcement"] = read_transaction(deps.db, [&](db::Connection& conn) {
        return enforcement::case_section(conn, c.person.id, c.person.crn, who, may_write, now);
    });
    view["appointmentsSection"] = std::move(appointments_section);
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
    if (auto it = o.find("requirementId"); it != o.end() && !it->value().is_null()) {
        if (it->value().is_int64()) in.requirement_id = std::to_string(it->value().get_int64());
        else errors.push_back({"requirementId", "requirementId must be a whole number"});
    }
    if (!errors.empty()) return Problem::invalid(std::move(errors));
    return in;
}

Result<contacts::Contact> save_contact(access::RouteDeps& deps, const Request& req, const Principal& who,
                                       const std::string& crn, const contacts::ContactInput& input) {
    const auto now = deps.clock.now();
    return db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<contacts::Contact> {
        // Access before input: someone refused hears only that.
        auto c = authorise_case(conn, crn, who, true);
        if (!c) return c.problem();
        auto valid = contacts::validate_new_contact(input, now);
        if (!valid) return valid.problem();
        if (valid->requirement_id && !requirement_on_current_order(conn, c->person.id, *valid->requirement_id)) {
            return Problem::invalid({{"requirementId", "Select a requirement or condition on one of the person's current orders"}},
                                    "Check the contact details");
        }
        auto saved = contacts::insert_contact(conn, c->person.id, *valid,
                                              who.staff ? std::optional(who.staff->staff_id) : std::nullopt,
                                              who.user_id, now);
        // The draft becomes the record in the same commit: never both, never neither.
        drafts::discard_draft(conn, who.user_id, new_contact_draft_key(crn));
        access::record_audit(conn, now, &who, req.remote_address,
                             access::AuditEntry{"contact.create", crn, "contact=" + std::to_string(saved.id),
                                                access::created_fields(contact_audit_fields(saved))});
        return saved;
    });
}

}  // namespace

void register_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/", [](Request&) { return Response::redirect("/caseload"); });
    register_new_person_routes(router, guard);
    register_contact_edit_routes(router, guard);
    register_contact_page_routes(router, guard);
    register_draft_routes(router, guard);
    register_risk_routes(router, guard);
    register_risk_page_routes(router, guard);
    register_case_access_routes(router, guard);

    router.add("GET", "/caseload", guard.page([&guard, &deps](Request& req, const Principal& who) {
        std::vector<CaseloadEntry> entries;
        if (who.staff) {
            entries = read_transaction(deps.db, [&](db::Connection& conn) {
                return load_caseload(conn, who.staff->staff_id, deps.clock.now());
            });
        }
        access::audit_view(deps, req, who, "caseload.view", std::nullopt, "cases=" + std::to_string(entries.size()));
        return guard.render(req, &who, "caseload", caseload_page_view(entries, who), "My caseload");
    }));

    router.add("GET", "/api/v1/caseload", guard.api([&deps](Request& req, const Principal& who) {
        std::vector<CaseloadEntry> entries;
        if (who.staff) {
            entries = read_transaction(deps.db, [&](db::Connection& conn) {
                return load_caseload(conn, who.staff->staff_id, deps.clock.now());
            });
        }
        access::audit_view(deps, req, who, "caseload.view", std::nullopt, "cases=" + std::to_string(entries.size()));
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
            access::audit_view(deps, req, who, "case.view.refused", crn, c.problem().title);
            return guard.problem(req, &who, c.problem());
        }
        access::audit_view(deps, req, who, "case.view", crn);
        std::optional<std::int64_t> recorded;
        if (auto r = req.query_param("recorded")) {
            std::int64_t id = 0;
            if (std::from_chars(r->data(), r->data() + r->size(), id).ec == std::errc{}) recorded = id;
        }
        const auto now = deps.clock.now();
        auto draft = [&] {
            auto conn = deps.db.acquire();
            return drafts::find_draft(*conn, who.user_id, new_contact_draft_key(crn));
        }();
        return case_page(guard, req, who, *c, draft ? contact_form_from_draft(*draft, now) : empty_contact_form(now),
                         recorded, 200);
    }));

    router.add("POST", "/cases/{crn}/contacts", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        contacts::ContactInput input;
        input.type = req.form_value("type");
        input.notes = req.form_value("notes");
        input.date = req.form_value("date");
        input.time = req.form_value("time");
        input.sensitive = req.form_value("sensitive") == "1";
        input.requirement_id = req.form_value("requirementId");
        auto saved = save_contact(deps, req, who, crn, input);
        if (saved) {
            auto r = Response::redirect("/cases/" + crn + "?recorded=" + std::to_string(saved->id) + "#contact-" +
                                        std::to_string(saved->id));
            mark_draft_saved(r, new_contact_draft_key(crn));
            return r;
        }
        if (saved.problem().status != 422) return guard.problem(req, &who, saved.problem());
        // Show the form again with every word the user typed and the errors beside it.
        auto c = [&] {
            auto conn = deps.db.acquire();
            return authorise_case(*conn, crn, who, false);
        }();
        if (!c) return guard.problem(req, &who, c.problem());
        return case_page(guard, req, who, *c, ContactFormState{input, saved.problem().errors, std::nullopt}, std::nullopt, 422);
    }));

    router.add("GET", "/api/v1/people/{crn}", guard.api([&deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        auto result = read_transaction(deps.db, [&](db::Connection& conn) -> Result<CaseRecord> {
            auto c = authorise_case(conn, crn, who, false);
            if (!c) return c.problem();
            auto r = load_case_record(conn, c->person, c->case_manager);
            return r;
        });
        if (!result) {
            access::audit_view(deps, req, who, "case.view.refused", crn, result.problem().title);
            return Response::problem(result.problem());
        }
        access::audit_view(deps, req, who, "case.view", crn, "api");
        return Response::json(json::serialize(case_summary_json(*result)));
    }));

    router.add("GET", "/api/v1/people/{crn}/contacts", guard.api([&deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        const int limit = parse_limit(req);
        if (limit < 0) {
            return Response::problem(Problem::invalid({{"limit", "limit must be a whole number from 1"}}));
        }
        const auto older_than_text = req.query_param("olderThan");
        const auto older_than = older_than_param(req);
        auto result = read_transaction(deps.db, [&](db::Connection& conn) -> Result<std::vector<contacts::Contact>> {
            auto c = authorise_case(conn, crn, who, false);
            if (!c) return c.problem();
            if (!older_than_text) return contacts::contacts_for_person(conn, c->person.id, limit, may_see_sensitive(who));
            // The next page after the last contact a client has: one of this case's.
            auto after = older_than ? contacts::find_contact(conn, c->person.id, *older_than) : std::nullopt;
            if (!after || (after->sensitive && !may_see_sensitive(who))) {
                return Problem::invalid({{"olderThan", "olderThan must be the id of one of this case's contacts"}});
            }
            return contacts::contacts_after(conn, *after, limit, may_see_sensitive(who));
        });
        if (!result) {
            access::audit_view(deps, req, who, "contacts.view.refused", crn, result.problem().title);
            return Response::problem(result.problem());
        }
        access::audit_view(deps, req, who, "contacts.view", crn, "count=" + std::to_string(result->size()));
        json::array list;
        for (const auto& c : *result) list.push_back(contact_json(c));
        return Response::json(json::serialize(json::object{{"contacts", std::move(list)}}));
    }));

    router.add("POST", "/api/v1/people/{crn}/contacts", guard.api([&deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        // Someone refused hears only that, whatever they sent. save_contact checks access
        // before anything else in its transaction, so only a body it never sees needs a
        // check of its own here: checking every write twice cost 8% of a write's time.
        auto unless_refused = [&](const Problem& bad_input) {
            if (auto refused = refuse_unless_writable(deps.db, crn, who)) return Response::problem(*refused);
            return Response::problem(bad_input);
        };
        auto body = parse_json_object(req.body);
        if (!body) return unless_refused(Problem::bad_request("The body must be a JSON object."));
        auto input = contact_input_from_json(*body);
        if (!input) return unless_refused(input.problem());
        auto saved = save_contact(deps, req, who, crn, *input);
        if (!saved) return Response::problem(saved.problem());
        auto r = Response::json(json::serialize(contact_json(*saved)), 201);
        r.header("Location", "/api/v1/people/" + crn + "/contacts/" + std::to_string(saved->id));
        return r;
    }));
}

}  // namespace onecase::casework
