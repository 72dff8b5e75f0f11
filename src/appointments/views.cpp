#include "appointments/views.hpp"

#include <boost/json.hpp>

#include <cstdio>

#include "sentences/model.hpp"

namespace onecase::appointments {

namespace json = boost::json;
using platform::Instant;

namespace {

json::value opt(const std::optional<std::string>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value opt(const std::optional<std::int64_t>& v) { return v ? json::value(*v) : json::value(nullptr); }

std::string display_time(const std::string& iso) {
    auto t = platform::parse_instant(iso);
    return t ? platform::display_london(*t) : iso;
}

std::string status_tag_class(Status s) {
    switch (s) {
        case Status::booked:
            return "govuk-tag--blue";
        case Status::awaiting_outcome:
            return "govuk-tag--orange";
        case Status::outcome_recorded:
            return "govuk-tag--green";
        case Status::cancelled:
            return "govuk-tag--grey";
    }
    return "";
}

}  // namespace

std::string local_iso(Instant t) {
    const auto local = platform::utc_to_london_local(t);
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const std::chrono::hh_mm_ss hms{local - day};
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", int(hms.hours().count()), int(hms.minutes().count()),
                  int(hms.seconds().count()));
    return platform::format_date(platform::Date{day}) + buf;
}

json::object appointment_json(const Appointment& a, Instant now) {
    const auto start = platform::parse_instant(a.start_at);
    json::object o{{"id", a.id},
                   {"crn", a.crn},
                   {"type", a.type},
                   {"start", start ? local_iso(*start) : a.start_at},
                   {"startUtc", a.start_at},
                   {"durationMinutes", a.duration_minutes},
                   {"location", a.location},
                   {"notes", a.notes},
                   {"status", status_code(appointment_status(a, now))},
                   {"outcome", opt(a.outcome)},
                   {"cancelledAt", opt(a.cancelled_at)},
                   {"cancelReason", opt(a.cancel_reason)},
                   {"eventNumber", opt(a.event_number)},
                   {"version", a.version}};
    o["officeCode"] = a.office_code.empty() ? json::value(nullptr) : json::value(a.office_code);
    o["staff"] =
        a.staff_id ? json::value(json::object{{"code", a.staff_code}, {"name", a.staff_name}}) : json::value(nullptr);
    o["requirement"] = a.requirement_id
                           ? json::value(json::object{{"id", *a.requirement_id}, {"category", a.requirement_category}})
                           : json::value(nullptr);
    return o;
}

json::object appointment_view(const Appointment& a, Instant now) {
    const auto status = appointment_status(a, now);
    const auto start = platform::parse_instant(a.start_at);
    std::string time;
    if (start) {
        const auto local = local_iso(*start);
        time = local.substr(11, 5);
    }
    const std::string url = "/appointments/" + std::to_string(a.id);
    json::object o{{"id", a.id},
                   {"crn", a.crn},
                   {"personName", a.person_name},
                   {"caseUrl", "/cases/" + a.crn},
                   {"type", appointment_type_label(a.type)},
                   {"start", display_time(a.start_at)},
                   {"time", time},
                   {"durationMinutes", a.duration_minutes},
                   {"location", a.location},
                   {"staff", a.staff_name},
                   {"notes", a.notes},
                   {"status", status_label(status)},
                   {"statusCode", status_code(status)},
                   {"statusClass", status_tag_class(status)},
                   {"awaitingOutcome", status == Status::awaiting_outcome},
                   {"changeable", status == Status::booked || status == Status::awaiting_outcome},
                   {"cancelled", status == Status::cancelled},
                   {"cancelReason", a.cancel_reason.value_or("")},
                   {"requirement", a.requirement_id ? sentences::requirement_label(a.requirement_category) : ""},
                   {"eventNumber", a.event_number ? std::to_string(*a.event_number) : ""},
                   {"url", url},
                   {"moveUrl", url + "/move"},
                   {"cancelUrl", url + "/cancel"},
                   {"outcomeUrl", url + "/outcome"},
                   {"version", a.version}};
    return o;
}

json::object rar_json(const RarProgress& r) {
    return json::object{{"requirementId", r.requirement_id},
                        {"eventNumber", r.event_number},
                        {"maxDays", r.max_days},
                        {"daysUsed", r.days_used},
                        {"daysRemaining", r.days_remaining}};
}

std::vector<RarProgress> rar_progress(const std::vector<OrderRef>& orders,
                                      const std::vector<std::vector<RarActivity>>& activities) {
    std::vector<RarProgress> out;
    std::size_t i = 0;
    for (const auto& o : orders) {
        if (!o.active) continue;
        for (const auto& r : o.requirements) {
            if (!is_rar(r) || !r.active) continue;
            RarProgress p;
            p.requirement_id = r.id;
            p.event_number = o.number;
            p.max_days = r.length.value_or(0);
            p.days_used = i < activities.size() ? rar_days_used(activities[i]) : 0;
            p.days_remaining = std::max<std::int64_t>(0, p.max_days - p.days_used);
            out.push_back(p);
            ++i;
        }
    }
    return out;
}

json::object case_section_view(const std::string& crn, const std::vector<Appointment>& appointments,
                               const std::vector<RarProgress>& rar, bool can_book, Instant now) {
    json::array upcoming, awaiting, rar_list;
    for (const auto& a : appointments) {
        const auto s = appointment_status(a, now);
        if (s == Status::booked)
            upcoming.push_back(appointment_view(a, now));
        else if (s == Status::awaiting_outcome)
            awaiting.push_back(appointment_view(a, now));
    }
    for (const auto& r : rar) {
        rar_list.push_back(json::object{{"eventNumber", r.event_number},
                                        {"maxDays", r.max_days},
                                        {"daysUsed", r.days_used},
                                        {"daysRemaining", r.days_remaining}});
    }
    const bool has_awaiting = !awaiting.empty();
    const bool has_rar = !rar_list.empty();
    return json::object{{"upcoming", std::move(upcoming)},
                        {"awaiting", std::move(awaiting)},
                        {"hasAwaiting", has_awaiting},
                        {"rar", std::move(rar_list)},
                        {"hasRar", has_rar},
                        {"canBook", can_book},
                        {"bookUrl", "/cases/" + crn + "/appointments/new"}};
}

}  // namespace onecase::appointments
