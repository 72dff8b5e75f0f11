// A contact's own page: the record, who changed it and when with every earlier
// version readable, and a form to correct it. When someone else saved first the
// editor gets the conflict page: their text still in the form, the other person's
// version beside it, and their text kept as a draft until they save.
#include <boost/json.hpp>

#include <charconv>

#include "casework/case_access.hpp"
#include "casework/contact_update.hpp"
#include "casework/routes.hpp"
#include "platform/identifiers.hpp"
#include "casework/views.hpp"
#include "contacts/store.hpp"
#include "drafts/store.hpp"

namespace onecase::casework {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

// What the edit form shows: the values typed, the version they were based on, errors.
struct EditFormState {
    ContactFormState form;
    std::int64_t version = 0;
};

EditFormState form_from_contact(const contacts::Contact& c) {
    EditFormState s;
    s.version = c.version;
    s.form.input.type = c.type;
    s.form.input.notes = c.notes;
    s.form.input.sensitive = c.sensitive;
    if (auto at = platform::parse_instant(c.contact_at)) set_local_date_and_time(s.form.input, *at);
    return s;
}

contacts::ContactInput input_from_form(const Request& req) {
    contacts::ContactInput input;
    input.type = req.form_value("type");
    input.notes = req.form_value("notes");
    input.date = req.form_value("date");
    input.time = req.form_value("time");
    input.sensitive = req.form_value("sensitive") == "1";
    return input;
}

std::string display(const std::string& iso) {
    auto at = platform::parse_instant(iso);
    return at ? platform::display_london(*at) : iso;
}

struct ContactPage {
    people::Person person;
    contacts::Contact contact;
    std::vector<contacts::ContactVersion> history;
    std::string created_by;
    bool can_edit = false;
};

json::object page_view(const ContactPage& p, const EditFormState& edit, const std::string& csrf,
                       const std::optional<contacts::Contact>& conflict_with) {
    const auto& c = p.contact;
    const auto type_label = [](const std::string& code) { return contacts::contact_type_label(code).value_or(code); };
    json::array versions;
    // Who made each version: the first by its author, later ones by whoever replaced
    // the one before.
    for (std::size_t i = 0; i < p.history.size(); ++i) {
        const auto& v = p.history[i];
        const std::string made_by = v.version == 1 ? p.created_by
                                                   : (i + 1 < p.history.size() ? p.history[i + 1].replaced_by : "");
        versions.push_back(json::object{{"version", v.version},
                                        {"type", type_label(v.type)},
                                        {"date", display(v.contact_at)},
                                        {"notes", v.notes},
                                        {"sensitive", v.sensitive},
                                        {"madeBy", made_by},
                                        {"replacedAt", display(v.replaced_at)},
                                        {"replacedBy", v.replaced_by}});
    }
    json::object form_view{{"type", edit.form.input.type},
                           {"date", edit.form.input.date.value_or("")},
                           {"time", edit.form.input.time.value_or("")},
                           {"notes", edit.form.input.notes},
                           {"sensitiveChecked", edit.form.input.sensitive},
                           {"version", edit.version},
                           {"hasErrors", !edit.form.errors.empty()}};
    json::array errors;
    for (const auto& e : edit.form.errors) {
        errors.push_back(json::object{{"message", e.message}, {"href", "#" + e.field}});
        form_view[e.field + "Error"] = e.message;
    }
    form_view["errors"] = std::move(errors);
    json::array types;
    for (const auto& t : contacts::contact_types()) {
        types.push_back(json::object{{"code", t.code}, {"label", t.label}, {"selected", t.code == edit.form.input.type}});
    }
    form_view["contactTypes"] = std::move(types);
    if (edit.form.restored_draft) form_view["restoredDraft"] = restored_draft_view(*edit.form.restored_draft);

    json::object view{{"csrf", csrf},
                      {"person", json::object{{"crn", p.person.crn}, {"name", p.person.full_name()}}},
                      {"contact", json::object{{"id", c.id},
                                               {"type", type_label(c.type)},
                                               {"date", display(c.contact_at)},
                                               {"author", c.author_name},
                                               {"notes", c.notes},
                                               {"sensitive", c.sensitive},
                                               {"version", c.version},
                                               {"updatedAt", display(c.updated_at)}}},
                      {"versions", std::move(versions)},
                      {"hasVersions", !p.history.empty()},
                      {"canEdit", p.can_edit},
                      {"form", std::move(form_view)}};
    if (conflict_with) {
        view["conflict"] = json::object{{"type", type_label(conflict_with->type)},
                                        {"date", display(conflict_with->contact_at)},
                                        {"notes", conflict_with->notes},
                                        {"version", conflict_with->version},
                                        {"updatedAt", display(conflict_with->updated_at)}};
    }
    return view;
}

Result<ContactPage> load_page(db::Connection& conn, const std::string& crn, std::int64_t id, const Principal& who) {
    auto c = authorise_case(conn, crn, who, false);
    if (!c) return c.problem();
    auto contact = contacts::find_contact(conn, c->person.id, id);
    if (!contact || (contact->sensitive && !who.staff)) return Problem::not_found("There is no such contact on this case.");
    ContactPage page{c->person, *contact, contacts::contact_history(conn, id), "", false};
    auto creator = conn.query("SELECT COALESCE(u.username, '') FROM contacts c LEFT JOIN users u ON u.id = c.created_by_user_id "
                              "WHERE c.id = ?", {id});
    if (!creator.empty()) page.created_by = creator[0].text(0);
    page.can_edit = static_cast<bool>(authorise_case(conn, crn, who, true));
    return page;
}

}  // namespace

void register_contact_page_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    auto render = [&guard](const Request& req, const Principal& who, const ContactPage& page, const EditFormState& edit,
                           const std::optional<contacts::Contact>& conflict, int status) {
        auto view = page_view(page, edit, who.csrf_token, conflict);
        const std::string title = conflict ? "Someone else changed this contact" : "Contact – " + page.person.full_name();
        return guard.render(req, &who, "contact", view, title, status);
    };

    router.add("GET", "/cases/{crn}/contacts/{id}", guard.page([&deps, &guard, render](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        const auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return guard.problem(req, &who, Problem::not_found("There is no such contact on this case."));
        auto loaded = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<std::pair<ContactPage, std::optional<drafts::Draft>>> {
            auto page = load_page(conn, crn, *id, who);
            if (!page) return page.problem();
            return std::pair{std::move(*page), drafts::find_draft(conn, who.user_id, contact_edit_draft_key(*id))};
        });
        access::audit_view(deps, req, who, loaded ? "contact.view" : "contact.view.refused", crn,
                           "contact=" + std::to_string(*id));
        if (!loaded) return guard.problem(req, &who, loaded.problem());
        auto& [page, draft] = *loaded;
        EditFormState edit = form_from_contact(page.contact);
        if (draft) {
            // The draft was typed against some version; the form posts that version so a
            // save over someone else's later change still meets the conflict check.
            const auto version = draft->fields.count("version") ? platform::parse_record_id(draft->fields.at("version")) : std::nullopt;
            edit.form = contact_form_from_draft(*draft, deps.clock.now());
            edit.version = version.value_or(page.contact.version);
        }
        return render(req, who, page, edit, std::nullopt, 200);
    }));

    router.add("POST", "/cases/{crn}/contacts/{id}", guard.page([&deps, &guard, render](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        const auto id = platform::parse_record_id(req.path_params.at("id"));
        const auto version = platform::parse_record_id(req.form_value("version"));
        if (auto refused = refuse_unless_writable(deps.db, crn, who)) return guard.problem(req, &who, *refused);
        if (!id || !version) return guard.problem(req, &who, Problem::bad_request("The form was incomplete. Go back and try again."));
        auto input = input_from_form(req);
        auto outcome = update_contact_as(deps, req, who, crn, *id, *version, input);
        if (outcome && std::holds_alternative<contacts::Contact>(*outcome)) {
            auto r = Response::redirect("/cases/" + crn + "?recorded=" + std::to_string(*id) + "#contact-" + std::to_string(*id));
            mark_draft_saved(r, contact_edit_draft_key(*id));
            return r;
        }
        if (!outcome && outcome.problem().status != 422) return guard.problem(req, &who, outcome.problem());
        auto page = db::read_transaction(deps.db, [&](db::Connection& conn) { return load_page(conn, crn, *id, who); });
        if (!page) return guard.problem(req, &who, page.problem());
        EditFormState edit;
        edit.form.input = input;
        edit.version = *version;
        if (!outcome) {
            edit.form.errors = outcome.problem().errors;
            return render(req, who, *page, edit, std::nullopt, 422);
        }
        // Stale: the editor's text stays in the form and is kept as their draft; saving
        // again is a deliberate choice made with the other version in view.
        const auto& current = std::get<ContactConflict>(*outcome).current;
        edit.version = current.version;
        db::write_transaction(deps.db, [&](db::Connection& conn) {
            drafts::DraftFields typed;
            for (const auto& [name, value] : req.form()) typed.emplace(name, value);
            typed["version"] = std::to_string(current.version);
            if (auto fields = drafts::validate_fields(std::move(typed))) {
                drafts::save_draft(conn, who.user_id,
                                   drafts::Draft{contact_edit_draft_key(*id), crn, std::move(*fields),
                                                 platform::format_instant(deps.clock.now()), false});
            }
            return true;
        });
        return render(req, who, *page, edit, current, 409);
    }));
}

}  // namespace onecase::casework
