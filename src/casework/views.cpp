#include "casework/views.hpp"

#include <boost/json.hpp>

#include <cstdio>

namespace onecase::casework {

namespace json = boost::json;
using platform::Instant;

namespace {

std::string display_date_text(const std::string& iso_date) {
    auto d = platform::parse_date(iso_date);
    return d ? platform::display_date(*d) : iso_date;
}

std::string display_instant_text(const std::optional<std::string>& iso) {
    if (!iso) return "";
    auto t = platform::parse_instant(*iso);
    return t ? platform::display_london(*t) : *iso;
}

std::string length_text(const std::optional<std::int64_t>& length, const std::string& unit) {
    if (!length) return "";
    return std::to_string(*length) + (unit.empty() ? "" : " " + unit);
}

json::object case_manager_json(const std::optional<access::StaffScope>& cm) {
    if (!cm) return json::object{{"name", "Unallocated"}, {"code", ""}, {"teamName", ""}};
    return json::object{{"name", cm->display_name}, {"code", cm->staff_code},
                        {"teamName", cm->team_name}, {"teamCode", cm->team_code}};
}

}  // namespace

void set_local_date_and_time(contacts::ContactInput& input, Instant at) {
    const auto local = platform::utc_to_london_local(at);
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const std::chrono::hh_mm_ss hms{local - day};
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", int(hms.hours().count()), int(hms.minutes().count()));
    input.date = platform::format_date(platform::Date{day});
    input.time = time;
}

ContactFormState empty_contact_form(Instant now) {
    ContactFormState f;
    f.input.type = "phone";
    set_local_date_and_time(f.input, now);
    return f;
}

ContactFormState contact_form_from_draft(const drafts::Draft& draft, Instant now) {
    ContactFormState f = empty_contact_form(now);
    auto field = [&](const char* name) -> const std::string* {
        auto it = draft.fields.find(name);
        return it == draft.fields.end() ? nullptr : &it->second;
    };
    if (auto v = field("type")) f.input.type = *v;
    if (auto v = field("date")) f.input.date = *v;
    if (auto v = field("time")) f.input.time = *v;
    if (auto v = field("notes")) f.input.notes = *v;
    if (auto v = field("sensitive")) f.input.sensitive = *v == "1";
    f.restored_draft = draft;
    return f;
}

json::object restored_draft_view(const drafts::Draft& draft) {
    return json::object{{"fromExpiredSession", draft.from_expired_session},
                        {"savedAt", display_instant_text(draft.saved_at)}};
}

json::object case_page_view(const CaseRecord& r, const ContactFormState& form, Instant now,
                            const std::string& csrf, std::optional<std::int64_t> recorded_id) {
    const auto& p = r.person;
    json::object person{{"crn", p.crn},
                        {"name", p.full_name()},
                        {"firstName", p.first_name},
                        {"lastName", p.last_name},
                        {"dateOfBirth", display_date_text(p.date_of_birth)},
                        {"gender", p.gender},
                        {"pnc", p.pnc.value_or("")},
                        {"noms", p.noms.value_or("")},
                        {"tier", p.tier.value_or("")},
                        {"tierKnown", p.tier.has_value()},
                        {"phone", p.phone},
                        {"email", p.email},
                        {"caseManager", case_manager_json(r.case_manager)}};
    if (auto dob = platform::parse_date(p.date_of_birth)) {
        person["age"] = platform::age_on(*dob, platform::london_date(now));
    }

    json::array flags;
    for (const auto& f : r.flags) {
        flags.push_back(json::object{{"description", f.description},
                                     {"level", f.level.value_or("")},
                                     {"registeredOn", display_date_text(f.registered_on)},
                                     {"reviewDue", f.review_due ? display_date_text(*f.review_due) : ""}});
    }

    json::array addresses;
    for (const auto& a : r.addresses) {
        addresses.push_back(json::object{{"status", a.status},
                                         {"line1", a.line1},
                                         {"line2", a.line2},
                                         {"town", a.town},
                                         {"postcode", a.postcode},
                                         {"startDate", display_date_text(a.start_date)},
                                         {"endDate", a.end_date ? display_date_text(*a.end_date) : ""},
                                         {"current", !a.end_date.has_value()}});
    }

    json::array events;
    for (const auto& e : r.events) {
        json::array reqs;
        for (const auto& q : e.requirements) {
            reqs.push_back(json::object{{"category", sentences::requirement_label(q.category)},
                                        {"description", q.description},
                                        {"length", length_text(q.length, q.unit)}});
        }
        const bool has_reqs = !reqs.empty();
        events.push_back(json::object{{"number", e.number},
                                      {"offence", e.offence},
                                      {"court", e.court},
                                      {"convictionDate", display_date_text(e.conviction_date)},
                                      {"disposal", sentences::disposal_label(e.disposal_type)},
                                      {"length", e.length_months ? std::to_string(*e.length_months) + " months" : ""},
                                      {"startDate", display_date_text(e.start_date)},
                                      {"endDate", e.end_date ? display_date_text(*e.end_date) : ""},
                                      {"active", e.active},
                                      {"requirements", std::move(reqs)},
                                      {"hasRequirements", has_reqs}});
    }

    json::array contact_list;
    for (const auto& c : r.contacts) {
        contact_list.push_back(json::object{{"id", c.id},
                                            {"anchor", "contact-" + std::to_string(c.id)},
                                            {"type", contacts::contact_type_label(c.type).value_or(c.type)},
                                            {"date", display_instant_text(c.contact_at)},
                                            {"author", c.author_name},
                                            {"notes", c.notes},
                                            {"sensitive", c.sensitive},
                                            {"edited", c.version > 1},
                                            {"url", "/cases/" + p.crn + "/contacts/" + std::to_string(c.id)}});
    }

    json::object form_view{{"type", form.input.type},
                           {"date", form.input.date.value_or("")},
                           {"time", form.input.time.value_or("")},
                           {"notes", form.input.notes},
                           {"sensitiveChecked", form.input.sensitive},
                           {"hasErrors", !form.errors.empty()}};
    json::array errors;
    for (const auto& e : form.errors) {
        errors.push_back(json::object{{"field", e.field}, {"message", e.message}, {"href", "#" + e.field}});
        form_view[e.field + "Error"] = e.message;
    }
    form_view["errors"] = std::move(errors);
    json::array types;
    for (const auto& t : contacts::contact_types()) {
        types.push_back(json::object{{"code", t.code}, {"label", t.label}, {"selected", t.code == form.input.type}});
    }
    form_view["contactTypes"] = std::move(types);
    if (form.restored_draft) form_view["restoredDraft"] = restored_draft_view(*form.restored_draft);
    json::array requirement_options;
    for (const auto& e : r.events) {
        for (const auto& q : e.requirements) {
            if (!e.active || !q.active) continue;
            const std::string id = std::to_string(q.id);
            requirement_options.push_back(json::object{
                {"id", id},
                {"label", "Order " + std::to_string(e.number) + ": " + sentences::requirement_label(q.category) +
                              (q.description.empty() ? "" : " – " + q.description.substr(0, 60))},
                {"selected", id == form.input.requirement_id}});
        }
    }
    form_view["hasRequirements"] = !requirement_options.empty();
    form_view["requirements"] = std::move(requirement_options);

    const bool has_flags = !flags.empty();
    const auto contact_count = static_cast<std::int64_t>(r.contacts.size());
    json::object view{{"csrf", csrf},
                      {"person", std::move(person)},
                      {"flags", std::move(flags)},
                      {"hasFlags", has_flags},
                      {"addresses", std::move(addresses)},
                      {"events", std::move(events)},
                      {"contacts", std::move(contact_list)},
                      {"contactCount", contact_count},
                      {"form", std::move(form_view)}};
    if (recorded_id) view["recordedId"] = std::to_string(*recorded_id);
    return view;
}

json::object caseload_page_view(const std::vector<CaseloadEntry>& entries, const access::Principal& who) {
    json::array cases;
    for (const auto& e : entries) {
        cases.push_back(json::object{
            {"crn", e.person.crn},
            {"name", e.person.last_name + ", " + e.person.first_name},
            {"dateOfBirth", display_date_text(e.person.date_of_birth)},
            {"tier", e.person.tier.value_or("")},
            {"tierKnown", e.person.tier.has_value()},
            {"sentence", e.disposal_type ? sentences::disposal_label(*e.disposal_type) : ""},
            {"lastContact", display_instant_text(e.last_contact_at)},
            {"nextAppointment", display_instant_text(e.next_appointment_at)},
            {"restricted", e.restricted},
            {"url", "/cases/" + e.person.crn}});
    }
    return json::object{{"staffName", who.display_name()},
                        {"staffCode", who.staff ? who.staff->staff_code : ""},
                        {"teamName", who.staff ? who.staff->team_name : ""},
                        {"count", static_cast<std::int64_t>(entries.size())},
                        {"hasCases", !entries.empty()},
                        {"cases", std::move(cases)}};
}

json::object contact_json(const contacts::Contact& c) {
    return json::object{{"id", c.id},
                        {"type", c.type},
                        {"date", c.contact_at},
                        {"author", c.author_name},
                        {"notes", c.notes},
                        {"sensitive", c.sensitive},
                        {"createdAt", c.created_at},
                        {"updatedAt", c.updated_at},
                        {"version", c.version},
                        {"requirementId", c.requirement_id ? json::value(*c.requirement_id) : json::value(nullptr)}};
}

json::object person_brief_json(const people::Person& p) {
    json::object o{{"crn", p.crn},
                   {"name", p.full_name()},
                   {"firstName", p.first_name},
                   {"lastName", p.last_name},
                   {"dateOfBirth", p.date_of_birth},
                   {"currentCase", p.current_case}};
    o["tier"] = p.tier ? json::value(*p.tier) : json::value(nullptr);
    return o;
}

json::object caseload_entry_json(const CaseloadEntry& e) {
    auto o = person_brief_json(e.person);
    o["sentenceType"] = e.disposal_type ? json::value(*e.disposal_type) : json::value(nullptr);
    o["lastContact"] = e.last_contact_at ? json::value(*e.last_contact_at) : json::value(nullptr);
    o["nextAppointment"] = e.next_appointment_at ? json::value(*e.next_appointment_at) : json::value(nullptr);
    o["restricted"] = e.restricted;
    return o;
}

json::object case_summary_json(const CaseRecord& r) {
    const auto& p = r.person;
    auto o = person_brief_json(p);
    o["middleNames"] = p.middle_names;
    o["gender"] = p.gender;
    o["pnc"] = p.pnc ? json::value(*p.pnc) : json::value(nullptr);
    o["noms"] = p.noms ? json::value(*p.noms) : json::value(nullptr);
    o["version"] = p.version;
    if (r.case_manager) {
        o["caseManager"] = json::object{{"code", r.case_manager->staff_code},
                                        {"name", r.case_manager->display_name},
                                        {"teamCode", r.case_manager->team_code},
                                        {"teamName", r.case_manager->team_name}};
    } else {
        o["caseManager"] = nullptr;
    }
    json::array addresses;
    for (const auto& a : r.addresses) {
        addresses.push_back(json::object{{"status", a.status}, {"line1", a.line1}, {"line2", a.line2},
                                         {"town", a.town}, {"postcode", a.postcode},
                                         {"startDate", a.start_date},
                                         {"endDate", a.end_date ? json::value(*a.end_date) : json::value(nullptr)}});
    }
    o["addresses"] = std::move(addresses);
    json::array events;
    for (const auto& e : r.events) {
        json::array reqs;
        for (const auto& q : e.requirements) {
            reqs.push_back(json::object{{"category", q.category}, {"description", q.description},
                                        {"length", q.length ? json::value(*q.length) : json::value(nullptr)},
                                        {"unit", q.unit}, {"startDate", q.start_date}, {"active", q.active}});
        }
        events.push_back(json::object{{"number", e.number}, {"offence", e.offence}, {"court", e.court},
                                      {"convictionDate", e.conviction_date}, {"disposalType", e.disposal_type},
                                      {"startDate", e.start_date},
                                      {"endDate", e.end_date ? json::value(*e.end_date) : json::value(nullptr)},
                                      {"active", e.active}, {"requirements", std::move(reqs)}});
    }
    o["events"] = std::move(events);
    json::array flags;
    for (const auto& f : r.flags) {
        flags.push_back(json::object{{"type", f.type_code}, {"description", f.description},
                                     {"level", f.level ? json::value(*f.level) : json::value(nullptr)},
                                     {"registeredOn", f.registered_on},
                                     {"reviewDue", f.review_due ? json::value(*f.review_due) : json::value(nullptr)}});
    }
    o["flags"] = std::move(flags);
    return o;
}

}  // namespace onecase::casework
