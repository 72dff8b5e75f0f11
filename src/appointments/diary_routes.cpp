// The practitioner's diary: their appointments across the caseload, by day or by
// week (page) or for up to 31 days (API). An SPO may open the diary of someone in
// the team they manage. Each entry is also checked against the case's access
// policy, so a diary never shows a case its reader may not open.
#include <boost/json.hpp>

#include <map>

#include "appointments/routes.hpp"
#include "appointments/store.hpp"
#include "appointments/views.hpp"

namespace onecase::appointments {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;
using namespace std::chrono;

namespace {

struct Diary {
    StaffRef owner;
    std::vector<Appointment> entries;
};

Result<Diary> load_diary(const Context& ctx, const Request& req, const Principal& who, const DayRange& range) {
    const std::string code = req.query_param("staffCode").value_or("");
    auto result = db::read_transaction(ctx.deps.db, [&](db::Connection& conn) -> Result<Diary> {
        std::optional<StaffRef> owner;
        if (!code.empty())
            owner = find_staff_by_code(conn, code);
        else if (who.staff)
            owner = find_staff(conn, who.staff->staff_id);
        if (!owner) {
            if (code.empty()) return Problem::forbidden("Only staff with a caseload have a diary.");
            return Problem::not_found("There is no member of staff with code " + code);
        }
        if (!can_view_diary(who, *owner)) {
            return Problem::forbidden("You can see your own diary, and an SPO the diaries of their team.");
        }
        Diary d{*owner, {}};
        std::map<std::string, bool> may_read;
        for (auto& a : appointments_for_staff(conn, owner->id, range.start_utc(), range.end_utc())) {
            auto it = may_read.find(a.crn);
            if (it == may_read.end()) it = may_read.emplace(a.crn, ctx.authorise(conn, a.crn, who, false).ok()).first;
            if (it->second) d.entries.push_back(std::move(a));
        }
        return d;
    });
    const std::string detail = "staff=" + (result ? result->owner.code : code) +
                               " from=" + platform::format_date(range.from) + " to=" + platform::format_date(range.to);
    if (!result)
        audit_view(ctx.deps, req, who, "diary.view.refused", std::nullopt, detail);
    else
        audit_view(ctx.deps, req, who, "diary.view", std::nullopt,
                   detail + " count=" + std::to_string(result->entries.size()));
    return result;
}

std::string day_heading(platform::Date d) {
    static constexpr const char* kDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                            "Thursday", "Friday", "Saturday"};
    return std::string(kDays[weekday{sys_days{d}}.c_encoding()]) + " " + platform::display_date(d);
}

platform::Date add_days(platform::Date d, int n) { return platform::Date{sys_days{d} + days{n}}; }

}  // namespace

void register_diary_routes(http::Router& router, const access::Guard& guard, const Context& ctx) {
    router.add("GET", "/api/v1/diary", guard.api([ctx](Request& req, const Principal& who) {
        auto range = diary_range(req.query_param("from").value_or(""), req.query_param("to").value_or(""));
        if (!range) return Response::problem(range.problem());
        auto diary = load_diary(ctx, req, who, *range);
        if (!diary) return Response::problem(diary.problem());
        const auto now = ctx.deps.clock.now();
        json::array list;
        for (const auto& a : diary->entries) {
            auto o = appointment_json(a, now);
            o["person"] = json::object{{"crn", a.crn}, {"name", a.person_name}};
            list.push_back(std::move(o));
        }
        return Response::json(json::serialize(
            json::object{{"staff", json::object{{"code", diary->owner.code}, {"name", diary->owner.name}}},
                         {"from", platform::format_date(range->from)},
                         {"to", platform::format_date(range->to)},
                         {"appointments", std::move(list)}}));
    }));

    router.add("GET", "/diary", guard.page([ctx, &guard](Request& req, const Principal& who) {
        const auto now = ctx.deps.clock.now();
        const auto today = platform::london_date(now);
        const auto week_param = req.query_param("week");
        const bool week_view = week_param.has_value();
        std::optional<platform::Date> chosen =
            platform::parse_date(week_view ? *week_param : req.query_param("date").value_or(""));
        const auto given = week_view ? week_param : req.query_param("date");
        if (given && !given->empty() && !chosen) {
            return guard.problem(
                req, &who,
                Problem::bad_request("Give the date as YYYY-MM-DD, for example " + platform::format_date(today)));
        }
        platform::Date first = chosen.value_or(today);
        if (week_view) first = monday_of(first);
        const DayRange range{first, week_view ? add_days(first, 6) : first};
        auto diary = load_diary(ctx, req, who, range);
        if (!diary) return guard.problem(req, &who, diary.problem());

        json::array day_list;
        for (int i = 0; i < range.days(); ++i) {
            const auto d = add_days(range.from, i);
            json::array entries;
            for (const auto& a : diary->entries) {
                auto t = platform::parse_instant(a.start_at);
                if (t && platform::london_date(*t) == d) entries.push_back(appointment_view(a, now));
            }
            const bool empty = entries.empty();
            day_list.push_back(json::object{{"heading", day_heading(d)},
                                            {"isToday", d == today},
                                            {"entries", std::move(entries)},
                                            {"empty", empty}});
        }
        const std::string staff_query =
            req.query_param("staffCode") ? "&staffCode=" + http::url_encode(*req.query_param("staffCode")) : "";
        const int step = week_view ? 7 : 1;
        const std::string key = week_view ? "week" : "date";
        const std::string base = "/diary?" + key + "=";
        json::object view{
            {"weekView", week_view},
            {"title", week_view ? "Week beginning " + platform::display_date(range.from) : day_heading(range.from)},
            {"staffName", diary->owner.name},
            {"own", who.staff && who.staff->staff_id == diary->owner.id},
            {"previousUrl", base + platform::format_date(add_days(range.from, -step)) + staff_query},
            {"nextUrl", base + platform::format_date(add_days(range.from, step)) + staff_query},
            {"todayUrl",
             std::string(week_view ? "/diary?week=" : "/diary?date=") + platform::format_date(today) + staff_query},
            {"otherViewUrl", std::string(week_view ? "/diary?date=" : "/diary?week=") +
                                 platform::format_date(range.from) + staff_query},
            {"otherViewLabel", week_view ? "Day view" : "Week view"},
            {"countText", diary->entries.empty()       ? std::string("No appointments")
                          : diary->entries.size() == 1 ? std::string("1 appointment")
                                                       : std::to_string(diary->entries.size()) + " appointments"},
            {"days", std::move(day_list)}};
        return guard.render(req, &who, "diary", view, "Diary");
    }));
}

}  // namespace onecase::appointments
