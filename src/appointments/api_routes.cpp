// The appointments API under /api/v1: book, list, read, move, cancel, and RAR
// progress. Field names match the booking page's where both have the field.
#include <boost/json.hpp>

#include "platform/identifiers.hpp"
#include "appointments/case_section.hpp"
#include "appointments/routes.hpp"
#include "appointments/store.hpp"
#include "appointments/views.hpp"

namespace onecase::appointments {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

std::optional<json::object> parse_object(const std::string& body) {
    boost::system::error_code ec;
    auto v = json::parse(body, ec);
    if (ec || !v.is_object()) return std::nullopt;
    return v.get_object();
}

// Reads optional string and whole-number fields into text, as the rules take them.
class Fields {
public:
    explicit Fields(const json::object& o) : o_(o) {}
    std::string text(const char* name) {
        auto it = o_.find(name);
        if (it == o_.end() || it->value().is_null()) return "";
        if (!it->value().is_string()) {
            errors_.push_back({name, std::string(name) + " must be a string"});
            return "";
        }
        return std::string(it->value().get_string());
    }
    std::optional<std::string> opt_text(const char* name) {
        if (!o_.contains(name)) return std::nullopt;
        return text(name);
    }
    std::string number(const char* name) {
        auto it = o_.find(name);
        if (it == o_.end() || it->value().is_null()) return "";
        if (it->value().is_int64()) return std::to_string(it->value().get_int64());
        if (it->value().is_uint64()) return std::to_string(it->value().get_uint64());
        errors_.push_back({name, std::string(name) + " must be a whole number"});
        return "";
    }
    std::optional<std::int64_t> version() {
        auto it = o_.find("version");
        if (it == o_.end() || !it->value().is_int64()) {
            errors_.push_back({"version", "Give the version of the appointment you changed"});
            return std::nullopt;
        }
        return it->value().get_int64();
    }
    std::vector<FieldError>& errors() { return errors_; }

private:
    const json::object& o_;
    std::vector<FieldError> errors_;
};

Response conflict_response(const Conflict& c, std::int64_t expected, platform::Instant now) {
    json::object problem{{"type", "about:blank"},
                         {"title", "Someone else changed this appointment"},
                         {"status", 409},
                         {"detail", "Your change was based on version " + std::to_string(expected) +
                                        " but the appointment is now at version " + std::to_string(c.current.version) +
                                        ". Nothing was saved; look at the current appointment and try again."},
                         {"current", appointment_json(c.current, now)}};
    auto r = Response::json(json::serialize(problem), 409);
    r.headers.clear();
    r.header("Content-Type", "application/problem+json");
    return r;
}

Response change_response(const ChangeResult& result, std::int64_t expected, platform::Instant now) {
    if (!result) return Response::problem(result.problem());
    if (auto c = std::get_if<Conflict>(&result.value())) return conflict_response(*c, expected, now);
    return Response::json(json::serialize(appointment_json(std::get<Appointment>(result.value()), now)));
}

}  // namespace

void register_api_routes(http::Router& router, const access::Guard& guard, const Context& ctx) {
    auto& deps = guard.deps();

    router.add("POST", "/api/v1/people/{crn}/appointments", guard.api([ctx](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        auto body = parse_object(req.body);
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        Fields f(*body);
        BookingInput in;
        in.type = f.text("type");
        in.start = f.text("start");
        in.duration_minutes = f.number("durationMinutes");
        in.office_code = f.text("officeCode");
        in.location = f.text("location");
        in.staff_code = f.text("staffCode");
        in.event_number = f.number("eventNumber");
        in.requirement_id = f.number("requirementId");
        in.notes = f.text("notes");
        if (!f.errors().empty()) return Response::problem(Problem::invalid(std::move(f.errors())));
        auto saved = book(ctx, req, who, crn, in);
        if (!saved) return Response::problem(saved.problem());
        auto r = Response::json(json::serialize(appointment_json(*saved, ctx.deps.clock.now())), 201);
        r.header("Location", "/api/v1/appointments/" + std::to_string(saved->id));
        return r;
    }));

    router.add("GET", "/api/v1/people/{crn}/appointments", guard.api([ctx, &deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        const auto now = deps.clock.now();
        auto result = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<std::vector<Appointment>> {
            auto person = ctx.authorise(conn, crn, who, false);
            if (!person) return person.problem();
            return appointments_for_person(conn, person->id);
        });
        if (!result) {
            audit_view(deps, req, who, "appointments.view.refused", crn, result.problem().title);
            return Response::problem(result.problem());
        }
        audit_view(deps, req, who, "appointments.view", crn, "count=" + std::to_string(result->size()));
        json::array list;
        for (const auto& a : *result) list.push_back(appointment_json(a, now));
        return Response::json(json::serialize(json::object{{"appointments", std::move(list)}}));
    }));

    router.add("GET", "/api/v1/people/{crn}/requirements", guard.api([ctx, &deps](Request& req, const Principal& who) {
        const std::string crn = req.path_params.at("crn");
        auto result = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<json::array> {
            auto person = ctx.authorise(conn, crn, who, false);
            if (!person) return person.problem();
            const auto progress = load_rar_progress(conn, person->id);
            json::array list;
            for (const auto& o : orders_for_person(conn, person->id)) {
                for (const auto& r : o.requirements) {
                    json::object item{{"id", r.id},
                                      {"eventNumber", o.number},
                                      {"category", r.category},
                                      {"description", r.description},
                                      {"length", r.length ? json::value(*r.length) : json::value(nullptr)},
                                      {"unit", r.unit},
                                      {"active", r.active && o.active},
                                      {"rar", nullptr}};
                    for (const auto& p : progress) {
                        if (p.requirement_id == r.id) item["rar"] = rar_json(p);
                    }
                    list.push_back(std::move(item));
                }
            }
            return list;
        });
        if (!result) {
            audit_view(deps, req, who, "requirements.view.refused", crn, result.problem().title);
            return Response::problem(result.problem());
        }
        audit_view(deps, req, who, "requirements.view", crn);
        return Response::json(json::serialize(json::object{{"requirements", std::move(*result)}}));
    }));

    router.add("GET", "/api/v1/appointments/{id}", guard.api([ctx](Request& req, const Principal& who) {
        auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return Response::problem(Problem::not_found("There is no appointment with that number"));
        auto a = read(ctx, req, who, *id, false, "appointment.view");
        if (!a) return Response::problem(a.problem());
        return Response::json(json::serialize(appointment_json(*a, ctx.deps.clock.now())));
    }));

    router.add("PUT", "/api/v1/appointments/{id}", guard.api([ctx](Request& req, const Principal& who) {
        auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return Response::problem(Problem::not_found("There is no appointment with that number"));
        if (auto refused = refuse_change(ctx, who, *id)) return Response::problem(*refused);
        auto body = parse_object(req.body);
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        Fields f(*body);
        const auto version = f.version();
        MoveInput in;
        in.start = f.text("start");
        in.duration_minutes = f.number("durationMinutes");
        in.office_code = f.text("officeCode");
        in.location = f.text("location");
        if (!f.errors().empty()) return Response::problem(Problem::invalid(std::move(f.errors())));
        return change_response(move(ctx, req, who, *id, *version, in), *version, ctx.deps.clock.now());
    }));

    router.add("POST", "/api/v1/appointments/{id}/cancel", guard.api([ctx](Request& req, const Principal& who) {
        auto id = platform::parse_record_id(req.path_params.at("id"));
        if (!id) return Response::problem(Problem::not_found("There is no appointment with that number"));
        if (auto refused = refuse_change(ctx, who, *id)) return Response::problem(*refused);
        auto body = parse_object(req.body);
        if (!body) return Response::problem(Problem::bad_request("The body must be a JSON object."));
        Fields f(*body);
        const auto version = f.version();
        const std::string reason = f.text("reason");
        if (!f.errors().empty()) return Response::problem(Problem::invalid(std::move(f.errors())));
        return change_response(cancel(ctx, req, who, *id, *version, reason), *version, ctx.deps.clock.now());
    }));
}

}  // namespace onecase::appointments
