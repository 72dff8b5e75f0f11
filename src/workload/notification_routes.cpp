// A staff member's in-app notifications (allocations to and away from them).
#include <boost/json.hpp>

#include "enforcement/route_support.hpp"
#include "workload/routes.hpp"
#include "workload/store.hpp"

namespace onecase::workload {

namespace json = boost::json;
using access::Principal;
using http::Request;
using http::Response;

namespace {

constexpr int kShown = 100;

json::object notifications_doc(db::Connection& conn, std::int64_t staff_id) {
    json::array list;
    for (const auto& n : notifications_for(conn, staff_id, kShown))
        list.push_back(json::object{{"id", n.id},
                                    {"kind", n.kind},
                                    {"crn", n.crn},
                                    {"message", n.message},
                                    {"createdAt", n.created_at},
                                    {"createdAtText", platform::parse_instant(n.created_at)
                                                          ? platform::display_london(*platform::parse_instant(n.created_at))
                                                          : n.created_at},
                                    {"read", n.read}});
    const bool any = !list.empty();
    return json::object{{"unread", unread_notifications(conn, staff_id)}, {"notifications", std::move(list)}, {"hasNotifications", any}};
}

}  // namespace

void register_notification_routes(http::Router& router, const access::Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/api/v1/notifications", guard.api([&deps](Request&, const Principal& who) {
        if (!who.staff) return Response::json(R"({"unread":0,"notifications":[]})");
        auto doc = db::read_transaction(deps.db, [&](db::Connection& conn) { return notifications_doc(conn, who.staff->staff_id); });
        doc.erase("hasNotifications");
        return Response::json(json::serialize(doc));
    }));

    router.add("GET", "/notifications", guard.page([&guard, &deps](Request& req, const Principal& who) {
        json::object doc{{"notifications", json::array{}}, {"hasNotifications", false}, {"unread", 0}};
        if (who.staff)
            doc = db::read_transaction(deps.db, [&](db::Connection& conn) { return notifications_doc(conn, who.staff->staff_id); });
        doc["csrf"] = who.csrf_token;
        return guard.render(req, &who, "notifications", doc, "Notifications");
    }));

    // Marks every notification read (page and API).
    auto mark = [&deps](const Principal& who) {
        if (!who.staff) return;
        db::write_transaction(deps.db, [&](db::Connection& conn) { mark_notifications_read(conn, who.staff->staff_id, deps.clock.now()); });
    };
    router.add("POST", "/notifications/read", guard.page([mark](Request&, const Principal& who) {
        mark(who);
        return Response::redirect("/notifications");
    }));
    router.add("POST", "/api/v1/notifications/read", guard.api([mark](Request&, const Principal& who) {
        mark(who);
        return Response::json(R"({"unread":0})");
    }));
}

}  // namespace onecase::workload
