// Recording an appointment's outcome in one step: the outcome columns, a contact that
// records it, the appointment it was moved to, and any enforcement proposal, in one
// transaction with the audit row. An outcome is recorded once; a second attempt or a
// stale version gets 409 with the current record (corrections are a later issue).
#include <boost/json.hpp>

#include <variant>

#include "platform/identifiers.hpp"
#include "casework/case_access.hpp"
#include "contacts/model.hpp"
#include "contacts/order_type.hpp"
#include "contacts/store.hpp"
#include "enforcement/outcome_rules.hpp"
#include "enforcement/route_support.hpp"
#include "enforcement/routes.hpp"
#include "enforcement/store.hpp"
#include "enforcement/views.hpp"

namespace onecase::enforcement {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

struct Recorded {
    std::string crn;
    AppointmentRecord appointment;
    contacts::Contact contact;
    std::optional<AppointmentRecord> rescheduled_to;
    std::optional<contacts::EnforcementAssessment> assessment;
    std::optional<std::int64_t> proposal_id;
};

struct Conflict {
    std::string crn;
    AppointmentRecord current;
    std::string title;
    std::string detail;
};

using RecordResult = std::variant<Recorded, Conflict>;

// The appointment fields an outcome sets, for the audit row's before and after.
access::AuditSnapshot outcome_fields(const AppointmentRecord& a) {
    access::AuditSnapshot s;
    s.set("outcome", a.outcome);
    s.set("outcome_acceptable", a.outcome_acceptable ? std::optional<std::string>(*a.outcome_acceptable ? "true" : "false")
                                                     : std::nullopt);
    s.set("outcome_notes", a.outcome_notes);
    s.set("outcome_contact_id", a.outcome_contact_id);
    s.set("rescheduled_to_id", a.rescheduled_to_id);
    s.set("version", a.version);
    return s;
}

// Thrown inside the transaction when the guarded UPDATE lost a race, so the contact
// and the new appointment written before it roll back with it.
struct LostRace {};

Conflict conflict_for(const std::string& crn, const AppointmentRecord& current, std::optional<std::int64_t> expected) {
    if (current.outcome)
        return {crn, current, "The outcome is already recorded",
                "This appointment already has the outcome \"" + *current.outcome + "\", recorded at " +
                    current.outcome_recorded_at.value_or("") + ". Nothing was saved."};
    if (current.cancelled_at)
        return {crn, current, "The appointment was cancelled", "A cancelled appointment has no outcome. Nothing was saved."};
    return {crn, current, "Someone else changed this appointment",
            "Your outcome was for version " + std::to_string(expected.value_or(0)) + " but the appointment is now at version " +
                std::to_string(current.version) + ". Nothing was saved; check the appointment and send it again."};
}

// The enforcement proposal for an unacceptable failure, stored when there is one.
void assess(db::Connection& conn, const AppointmentRecord& a, platform::Instant start, platform::Instant now,
            Recorded& out) {
    const auto order = order_for_appointment(conn, a);
    const auto type = order ? contacts::parse_order_type(order->disposal_type) : std::nullopt;
    if (!type) {
        out.assessment = contacts::EnforcementAssessment{
            contacts::EnforcementProposal::none,
            "The appointment is not booked on an order and the case has no current order, so there is no order for "
            "the failure to count against. Record any action by hand.",
            std::nullopt, std::nullopt};
        return;
    }
    const auto history = history_from_rows(outcomes_on_order(conn, a.person_id, *order, a.id), actions_on_order(conn, order->id));
    const contacts::ComplianceFailure failure{order->id, platform::london_date(start), false};
    out.assessment = contacts::propose_enforcement(*type, failure, history, enforcement_policy_in_force(conn, now));
    if (out.assessment->proposal != contacts::EnforcementProposal::none)
        out.proposal_id = insert_proposal(conn, a.person_id, order->id, a.id,
                                          contacts::enforcement_proposal_code(out.assessment->proposal),
                                          out.assessment->reason, now);
}

Result<RecordResult> record_outcome(access::RouteDeps& deps, const Request& req, const Principal& who, std::int64_t id,
                               const OutcomeInput& input, std::optional<std::int64_t> expected_version) {
    const auto now = deps.clock.now();
    auto attempt = [&](db::Connection& conn) -> Result<RecordResult> {
        auto a = find_appointment(conn, id);
        if (!a) return Problem::not_found("There is no appointment " + std::to_string(id));
        const auto crn = crn_of_person(conn, a->person_id).value_or("");
        auto c = casework::authorise_case(conn, crn, who, true);
        if (!c) return c.problem();
        if (a->outcome || a->cancelled_at || (expected_version && *expected_version != a->version))
            return RecordResult{conflict_for(crn, *a, expected_version)};
        const auto start = platform::parse_instant(a->start_at);
        if (!start) throw std::logic_error("appointment " + std::to_string(id) + " has an unreadable start time");
        auto valid = validate_outcome(input, *start, now);
        if (!valid) return valid.problem();

        Recorded out{crn, *a, {}, std::nullopt, std::nullopt, std::nullopt};
        const contacts::NewContact record{a->type, a->start_at,
                                          valid->notes.empty() ? std::string(outcome_label(valid->outcome)) : valid->notes,
                                          false, a->requirement_id};
        out.contact = contacts::insert_contact(conn, a->person_id, record,
                                               who.staff ? std::optional(who.staff->staff_id) : std::nullopt,
                                               who.user_id, now);
        link_contact_to_appointment(conn, out.contact.id, *a);
        std::optional<std::int64_t> moved_to;
        if (valid->new_start) moved_to = insert_rescheduled_appointment(conn, *a, *valid->new_start, who.user_id, now);
        if (!set_outcome(conn, *a, a->version, *valid, out.contact.id, moved_to, who.user_id, now)) throw LostRace{};
        if (valid->is_unacceptable_failure()) assess(conn, *a, *start, now, out);

        std::string detail = "appointment=" + std::to_string(id) + " outcome=" + std::string(outcome_code(valid->outcome)) +
                             " contact=" + std::to_string(out.contact.id);
        if (moved_to) detail += " rescheduled_to=" + std::to_string(*moved_to);
        if (out.proposal_id) detail += " proposal=" + std::to_string(*out.proposal_id);
        out.appointment = *find_appointment(conn, id);
        audit(conn, deps, req, who, "appointment.outcome", crn, detail,
              access::diff_fields(outcome_fields(*a), outcome_fields(out.appointment)));
        if (moved_to) out.rescheduled_to = find_appointment(conn, *moved_to);
        return RecordResult{std::move(out)};
    };
    try {
        return db::write_transaction(deps.db, attempt);
    } catch (const LostRace&) {
        // Someone recorded an outcome between our read and our write: answer with theirs.
        auto conn = deps.db.acquire();
        auto a = find_appointment(*conn, id);
        return RecordResult{conflict_for(crn_of_person(*conn, a->person_id).value_or(""), *a, expected_version)};
    }
}

json::object recorded_json(const Recorded& r) {
    json::object contact{{"id", r.contact.id},
                         {"type", r.contact.type},
                         {"date", r.contact.contact_at},
                         {"notes", r.contact.notes},
                         {"appointmentId", r.appointment.id}};
    return json::object{{"crn", r.crn},
                        {"appointment", appointment_json(r.appointment)},
                        {"contact", std::move(contact)},
                        {"rescheduledTo", r.rescheduled_to ? json::value(appointment_json(*r.rescheduled_to)) : nullptr},
                        {"enforcement", r.assessment ? json::value(assessment_json(*r.assessment, r.proposal_id)) : nullptr}};
}

Result<OutcomeInput> input_from_json(const json::object& o, std::optional<std::int64_t>& version) {
    OutcomeInput in;
    std::vector<FieldError> errors;
    in.outcome = string_member(o, "outcome", errors);
    in.notes = string_member(o, "notes", errors);
    if (auto it = o.find("acceptable"); it != o.end() && !it->value().is_null()) {
        if (it->value().is_bool()) in.acceptable = it->value().get_bool();
        else errors.push_back({"acceptable", "acceptable must be true or false"});
    }
    if (auto s = string_member(o, "newStart", errors); !s.empty()) in.new_start = s;
    if (auto it = o.find("version"); it != o.end() && !it->value().is_null()) {
        if (it->value().is_int64()) version = it->value().get_int64();
        else errors.push_back({"version", "version must be a whole number"});
    }
    if (!errors.empty()) return Problem::invalid(std::move(errors));
    return in;
}

OutcomeInput input_from_form(const Request& req) {
    OutcomeInput in;
    in.outcome = req.form_value("outcome");
    in.notes = req.form_value("notes");
    if (in.outcome == "failed_to_attend") {
        const auto a = req.form_value("acceptable");
        if (a == "yes") in.acceptable = true;
        else if (a == "no") in.acceptable = false;
    } else if (in.outcome == "attended_failed_to_comply") {
        in.acceptable = req.form_value("complianceAcceptable") == "yes";
    }
    if (in.outcome == "rescheduled") {
        in.new_date = req.form_value("newDate");
        in.new_time = req.form_value("newTime");
    }
    return in;
}

// The outcome page: the appointment, and the form (or the outcome already recorded).
json::object page_view(const AppointmentRecord& a, const people::Person& person, const Principal& who,
                       const OutcomeInput& in, const std::vector<FieldError>& errors, const std::string& conflict) {
    json::object form{{"notes", in.notes},
                      {"newDate", in.new_date.value_or("")},
                      {"newTime", in.new_time.value_or("")},
                      {"version", a.version},
                      {"acceptableYes", in.outcome == "failed_to_attend" && in.acceptable == true},
                      {"acceptableNo", in.outcome == "failed_to_attend" && in.acceptable == false},
                      {"complianceAcceptable", in.outcome == "attended_failed_to_comply" && in.acceptable == true}};
    for (auto o : {enforcement::Outcome::attended_complied, enforcement::Outcome::attended_failed_to_comply,
                   enforcement::Outcome::failed_to_attend, enforcement::Outcome::rescheduled})
        form[std::string(outcome_code(o)) + "Checked"] = in.outcome == outcome_code(o);
    add_form_errors(form, errors);
    json::object view{{"csrf", who.csrf_token},
                      {"form", std::move(form)},
                      {"conflict", conflict},
                      {"person", json::object{{"crn", person.crn}, {"name", person.full_name()}, {"url", "/cases/" + person.crn}}},
                      {"appointment", json::object{{"id", a.id},
                                                   {"type", contacts::contact_type_label(a.type).value_or(a.type)},
                                                   {"start", display_time(a.start_at)},
                                                   {"location", a.location}}}};
    if (a.outcome) {
        const auto o = parse_outcome(*a.outcome);
        view["recorded"] = json::object{
            {"outcome", o ? std::string(outcome_label(*o)) : *a.outcome},
            {"acceptable", a.outcome_acceptable ? (*a.outcome_acceptable ? "Acceptable" : "Unacceptable") : ""},
            {"notes", a.outcome_notes.value_or("")},
            {"at", a.outcome_recorded_at ? display_time(*a.outcome_recorded_at) : ""}};
    } else if (a.cancelled_at) {
        view["cancelled"] = display_time(*a.cancelled_at);
    }
    return view;
}

struct PageContext {
    AppointmentRecord appointment;
    people::Person person;
};

// Authorises the viewer on the appointment's case (to write: only those who may record
// on the case see the form) and loads the appointment.
Result<PageContext> load_page(access::RouteDeps& deps, std::int64_t id, const Principal& who) {
    return db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<PageContext> {
        auto a = find_appointment(conn, id);
        if (!a) return Problem::not_found("There is no appointment " + std::to_string(id));
        auto c = casework::authorise_case(conn, crn_of_person(conn, a->person_id).value_or(""), who, true);
        if (!c) return c.problem();
        return PageContext{*a, std::move(c->person)};
    });
}

}  // namespace

void register_outcome_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    router.add("POST", "/api/v1/appointments/{id}/outcome", guard.api([&deps](Request& req, const Principal& who) {
        const auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return Response::problem(Problem::not_found("No such appointment"));
        auto body = parse_json_object(req.body);
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        std::optional<std::int64_t> version;
        auto input = input_from_json(*body, version);
        if (!input) return Response::problem(input.problem());
        auto result = record_outcome(deps, req, who, *id, *input, version);
        if (!result) return Response::problem(result.problem());
        if (auto c = std::get_if<Conflict>(&*result)) return conflict_response(c->title, c->detail, appointment_json(c->current));
        const auto& r = std::get<Recorded>(*result);
        auto response = Response::json(json::serialize(recorded_json(r)), 201);
        response.header("Location", "/api/v1/people/" + r.crn + "/contacts/" + std::to_string(r.contact.id));
        return response;
    }));

    router.add("GET", "/appointments/{id}/outcome", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return guard.problem(req, &who, Problem::not_found("No such appointment"));
        auto ctx = load_page(deps, *id, who);
        if (!ctx) {
            if (ctx.problem().status == 403) audit_refused_view(deps, req, who, "appointment.view.refused", "appointments", *id);
            return guard.problem(req, &who, ctx.problem());
        }
        audit_view(deps, req, who, "appointment.view", ctx->person.crn, "appointment=" + std::to_string(*id));
        return guard.render(req, &who, "outcome", page_view(ctx->appointment, ctx->person, who, {}, {}, ""),
                            "Record the outcome – " + ctx->person.full_name());
    }));

    router.add("POST", "/appointments/{id}/outcome", guard.page([&guard, &deps](Request& req, const Principal& who) {
        const auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return guard.problem(req, &who, Problem::not_found("No such appointment"));
        const auto input = input_from_form(req);
        std::optional<std::int64_t> version;
        if (auto v = platform::parse_record_id(req.form_value("version"))) version = *v;
        auto result = record_outcome(deps, req, who, *id, input, version);
        if (result && std::holds_alternative<Recorded>(*result)) {
            const auto& r = std::get<Recorded>(*result);
            return Response::redirect("/cases/" + r.crn + "#enforcement");
        }
        if (!result && result.problem().status != 422) return guard.problem(req, &who, result.problem());
        // Show the form again with every word typed: errors beside the fields, or the
        // record someone else saved first.
        auto ctx = load_page(deps, *id, who);
        if (!ctx) return guard.problem(req, &who, ctx.problem());
        if (!result)
            return guard.render(req, &who, "outcome",
                                page_view(ctx->appointment, ctx->person, who, input, result.problem().errors, ""),
                                "Record the outcome – " + ctx->person.full_name(), 422);
        const auto& c = std::get<Conflict>(*result);
        return guard.render(req, &who, "outcome",
                            page_view(ctx->appointment, ctx->person, who, input, {}, c.title + ". " + c.detail),
                            "Record the outcome – " + ctx->person.full_name(), 409);
    }));
}

}  // namespace onecase::enforcement
