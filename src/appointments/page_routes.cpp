// The appointment pages: book from the case page, see one appointment, move it and
// cancel it. Forms post back to themselves; errors are shown beside the fields with
// everything typed kept.
#include <boost/json.hpp>

#include "platform/identifiers.hpp"
#include "appointments/routes.hpp"
#include "appointments/views.hpp"
#include "sentences/model.hpp"

namespace onecase::appointments {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

void add_errors(json::object& view, const std::vector<FieldError>& errors) {
    json::array list;
    for (const auto& e : errors) {
        list.push_back(json::object{{"message", e.message}, {"href", "#" + e.field}});
        view[e.field + "Error"] = e.message;
    }
    view["hasErrors"] = !errors.empty();
    view["errors"] = std::move(list);
}

BookingInput booking_from_form(const Request& req) {
    BookingInput in;
    in.type = req.form_value("type");
    in.date = req.form_value("date");
    in.time = req.form_value("time");
    in.duration_minutes = req.form_value("durationMinutes");
    in.office_code = req.form_value("officeCode");
    in.location = req.form_value("location");
    in.staff_code = req.form_value("staffCode");
    in.event_number = req.form_value("eventNumber");
    in.requirement_id = req.form_value("requirementId");
    in.notes = req.form_value("notes");
    return in;
}

json::object booking_view(const BookingChoices& c, const BookingInput& in, const std::string& csrf,
                          const Principal& who) {
    json::array types, orders, requirements, offices, staff;
    const std::string staff_code = in.staff_code.empty() && who.staff ? who.staff->staff_code : in.staff_code;
    for (const auto& s : c.team) {
        staff.push_back(json::object{{"code", s.code},
                                     {"label", s.name + (who.staff && s.id == who.staff->staff_id ? " (you)" : "")},
                                     {"selected", s.code == staff_code}});
    }
    for (const auto& t : appointment_types()) {
        types.push_back(json::object{{"code", t.code}, {"label", t.label}, {"selected", t.code == in.type}});
    }
    for (const auto& o : c.orders) {
        if (!o.active) continue;
        const std::string number = std::to_string(o.number);
        orders.push_back(json::object{{"number", number},
                                      {"label", "Order " + number + " – " + sentences::disposal_label(o.disposal_type)},
                                      {"selected", number == in.event_number}});
        for (const auto& r : o.requirements) {
            if (!r.active) continue;
            const std::string id = std::to_string(r.id);
            std::string label = "Order " + number + ": " + sentences::requirement_label(r.category);
            if (r.length) label += " (" + std::to_string(*r.length) + " " + r.unit + ")";
            if (!r.description.empty()) label += " – " + r.description.substr(0, 80);
            requirements.push_back(json::object{{"id", id}, {"label", label}, {"selected", id == in.requirement_id}});
        }
    }
    for (const auto& o : c.offices) {
        offices.push_back(json::object{{"code", o.code}, {"label", o.name}, {"selected", o.code == in.office_code}});
    }
    json::object view{{"csrf", csrf},
                      {"crn", c.person.crn},
                      {"personName", c.person.full_name()},
                      {"types", std::move(types)},
                      {"orders", std::move(orders)},
                      {"requirements", std::move(requirements)},
                      {"offices", std::move(offices)},
                      {"staff", std::move(staff)},
                      {"date", in.date},
                      {"time", in.time},
                      {"durationMinutes", in.duration_minutes},
                      {"location", in.location},
                      {"notes", in.notes}};
    add_errors(view, {});
    return view;
}

json::object change_view(const Appointment& a, platform::Instant now, const std::string& csrf) {
    auto view = appointment_view(a, now);
    view["csrf"] = csrf;
    const auto start = platform::parse_instant(a.start_at);
    const std::string local = start ? local_iso(*start) : "";
    view["date"] = local.substr(0, 10);
    view["newTime"] = local.size() >= 16 ? local.substr(11, 5) : "";
    view["newDuration"] = std::to_string(a.duration_minutes);
    view["newLocation"] = a.location;
    view["reason"] = "";
    add_errors(view, {});
    return view;
}

std::string page_title(const Appointment& a) {
    return appointment_type_label(a.type) + " with " + a.person_name + " (" + a.crn + ")";
}

}  // namespace

void register_page_routes(http::Router& router, const access::Guard& guard, const Context& ctx) {
    router.add("GET", "/cases/{crn}/appointments/new", guard.page([ctx, &guard](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        auto choices = booking_choices(ctx, who, crn);
        if (!choices) {
            audit_view(ctx.deps, req, who, "appointment.book.refused", crn, choices.problem().title);
            return guard.problem(req, &who, choices.problem());
        }
        audit_view(ctx.deps, req, who, "appointment.book.view", crn);
        BookingInput defaults;
        defaults.type = "office_visit";
        defaults.duration_minutes = "30";
        return guard.render(req, &who, "appointment_book", booking_view(*choices, defaults, who.csrf_token, who),
                            "Book an appointment");
    }));

    router.add("POST", "/cases/{crn}/appointments", guard.page([ctx, &guard](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        const auto input = booking_from_form(req);
        auto saved = book(ctx, req, who, crn, input);
        if (saved) return Response::redirect("/appointments/" + std::to_string(saved->id) + "?booked=1");
        if (saved.problem().status != 422) return guard.problem(req, &who, saved.problem());
        auto choices = booking_choices(ctx, who, crn);
        if (!choices) return guard.problem(req, &who, choices.problem());
        auto view = booking_view(*choices, input, who.csrf_token, who);
        add_errors(view, saved.problem().errors);
        return guard.render(req, &who, "appointment_book", view, "Book an appointment", 422);
    }));

    router.add("GET", "/appointments/{id}", guard.page([ctx, &guard](Request& req, const Principal& who) {
        auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return guard.problem(req, &who, Problem::not_found("There is no appointment with that number"));
        auto a = read(ctx, req, who, *id, false, "appointment.view");
        if (!a) return guard.problem(req, &who, a.problem());
        auto view = appointment_view(*a, ctx.deps.clock.now());
        if (req.query_param("booked")) view["justBooked"] = true;
        if (req.query_param("moved")) view["justMoved"] = true;
        if (req.query_param("cancelled")) view["justCancelled"] = true;
        return guard.render(req, &who, "appointment", view, page_title(*a));
    }));

    auto change_form = [ctx, &guard](const char* page, const char* title) {
        return guard.page([ctx, &guard, page, title](Request& req, const Principal& who) {
            auto id = platform::parse_record_id(req.path_params.at("id"));
            if (!id) return guard.problem(req, &who, Problem::not_found("There is no appointment with that number"));
            auto a = read(ctx, req, who, *id, true, "appointment.view");
            if (!a) return guard.problem(req, &who, a.problem());
            return guard.render(req, &who, page, change_view(*a, ctx.deps.clock.now(), who.csrf_token), title);
        });
    };
    router.add("GET", "/appointments/{id}/move", change_form("appointment_move", "Move an appointment"));
    router.add("GET", "/appointments/{id}/cancel", change_form("appointment_cancel", "Cancel an appointment"));

    // Shows the form again after a refused change: the user's text, the errors, and
    // on a conflict the record as it is now with its version, so a resubmit applies
    // to what they have seen.
    auto after_change = [ctx, &guard](Request& req, const Principal& who, std::int64_t id, const ChangeResult& result,
                                      const char* page, const char* title, const char* done) {
        const auto now = ctx.deps.clock.now();
        if (result && std::holds_alternative<Appointment>(result.value())) {
            return Response::redirect("/appointments/" + std::to_string(id) + "?" + done + "=1");
        }
        if (!result && result.problem().status != 422) return guard.problem(req, &who, result.problem());
        std::optional<Appointment> current;
        if (result)
            current = std::get<Conflict>(result.value()).current;
        else if (auto a = read(ctx, req, who, id, true, "appointment.view"))
            current = *a;
        else
            return guard.problem(req, &who, result.problem());
        auto view = change_view(*current, now, who.csrf_token);
        view["date"] = req.form_value("date");
        view["newTime"] = req.form_value("time");
        view["newDuration"] = req.form_value("durationMinutes");
        view["newLocation"] = req.form_value("location");
        view["reason"] = req.form_value("reason");
        if (result) {
            view["conflict"] = true;
            add_errors(view, {{"version",
                               "Someone else changed this appointment while you were editing it. "
                               "Check the details as they are now and save again."}});
            return guard.render(req, &who, page, view, title, 409);
        }
        add_errors(view, result.problem().errors);
        if (result.problem().errors.empty())
            view["problemTitle"] = result.problem().title + ". " + result.problem().detail;
        return guard.render(req, &who, page, view, title, 422);
    };

    router.add(
        "POST", "/appointments/{id}/move", guard.page([ctx, after_change, &guard](Request& req, const Principal& who) {
            auto id = platform::parse_record_id(req.path_params.at("id"));
            if (!id) return guard.problem(req, &who, Problem::not_found("There is no appointment with that number"));
            if (auto refused = refuse_change(ctx, who, *id)) return guard.problem(req, &who, *refused);
            auto version = platform::parse_record_id(req.form_value("version"));
            if (!version)
                return guard.problem(req, &who,
                                     Problem::bad_request("The form did not say which version of the appointment it "
                                                          "changes. Open the appointment again."));
            MoveInput in;
            in.date = req.form_value("date");
            in.time = req.form_value("time");
            in.duration_minutes = req.form_value("durationMinutes");
            in.location = req.form_value("location");
            return after_change(req, who, *id, move(ctx, req, who, *id, *version, in), "appointment_move",
                                "Move an appointment", "moved");
        }));

    router.add("POST", "/appointments/{id}/cancel",
               guard.page([ctx, after_change, &guard](Request& req, const Principal& who) {
                   auto id = platform::parse_record_id(req.path_params.at("id"));
                   if (!id)
                       return guard.problem(req, &who, Problem::not_found("There is no appointment with that number"));
                   if (auto refused = refuse_change(ctx, who, *id)) return guard.problem(req, &who, *refused);
                   auto version = platform::parse_record_id(req.form_value("version"));
                   if (!version)
                       return guard.problem(
                           req, &who,
                           Problem::bad_request("The form did not say which version of the appointment it changes. "
                                                "Open the appointment again."));
                   return after_change(req, who, *id, cancel(ctx, req, who, *id, *version, req.form_value("reason")),
                                       "appointment_cancel", "Cancel an appointment", "cancelled");
               }));
}

}  // namespace onecase::appointments
