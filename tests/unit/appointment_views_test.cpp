// What the case page and the API show of appointments: RAR progress per current
// RAR, upcoming and awaiting-outcome lists, UK local times in the API.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "appointments/views.hpp"

namespace onecase::appointments {
namespace {

using platform::Instant;
Instant at(const char* iso) { return *platform::parse_instant(iso); }

TEST(AppointmentViews, RarProgressForCurrentRarsOnly) {
    const std::vector<OrderRef> orders = {
        {10,
         2,
         "community_order",
         true,
         {RequirementRef{100, 10, "rar", "", 20, "days", true},
          RequirementRef{101, 10, "unpaid_work", "", 100, "hours", true},
          RequirementRef{102, 10, "rar", "", 5, "days", true}}},
        {11, 1, "community_order", false, {RequirementRef{110, 11, "rar", "", 10, "days", true}}},
    };
    const std::vector<std::vector<RarActivity>> activities = {
        {{"2026-11-02T10:00:00Z", false, std::nullopt, false}, {"2026-11-03T10:00:00Z", false, std::nullopt, false}},
        {{"2026-11-02T10:00:00Z", false, std::nullopt, false},
         {"2026-11-03T10:00:00Z", false, std::nullopt, false},
         {"2026-11-04T10:00:00Z", false, std::nullopt, false},
         {"2026-11-05T10:00:00Z", false, std::nullopt, false},
         {"2026-11-06T10:00:00Z", false, std::nullopt, false},
         {"2026-11-09T10:00:00Z", false, std::nullopt, false}},
    };
    auto p = rar_progress(orders, activities);
    ASSERT_EQ(p.size(), 2u) << "the ended order's RAR and the unpaid work are left out";
    EXPECT_EQ(p[0].requirement_id, 100);
    EXPECT_EQ(p[0].days_used, 2);
    EXPECT_EQ(p[0].days_remaining, 18);
    EXPECT_EQ(p[1].requirement_id, 102);
    EXPECT_EQ(p[1].days_used, 6);
    EXPECT_EQ(p[1].days_remaining, 0) << "never below nothing left";
}

TEST(AppointmentViews, CaseSectionSplitsUpcomingFromAwaitingOutcome) {
    const auto now = at("2026-11-23T12:00:00Z");
    Appointment past;
    past.id = 1;
    past.crn = "X123456";
    past.type = "office_visit";
    past.start_at = "2026-11-23T10:00:00Z";
    Appointment future = past;
    future.id = 2;
    future.start_at = "2026-11-24T10:00:00Z";
    Appointment cancelled = future;
    cancelled.id = 3;
    cancelled.cancelled_at = "2026-11-22T10:00:00Z";
    Appointment done = past;
    done.id = 4;
    done.outcome = "attended_complied";
    auto view = case_section_view("X123456", {past, future, cancelled, done}, {}, true, now);
    ASSERT_EQ(view.at("awaiting").as_array().size(), 1u);
    EXPECT_EQ(view.at("awaiting").at(0).at("outcomeUrl").as_string(), "/appointments/1/outcome");
    ASSERT_EQ(view.at("upcoming").as_array().size(), 1u);
    EXPECT_EQ(view.at("upcoming").at(0).at("id").as_int64(), 2);
    EXPECT_EQ(view.at("bookUrl").as_string(), "/cases/X123456/appointments/new");
}

TEST(AppointmentViews, ApiGivesUkLocalStartAndUtc) {
    Appointment a;
    a.start_at = "2026-07-01T09:00:00Z";
    auto o = appointment_json(a, at("2026-06-01T00:00:00Z"));
    EXPECT_EQ(o.at("start").as_string(), "2026-07-01T10:00:00");
    EXPECT_EQ(o.at("startUtc").as_string(), "2026-07-01T09:00:00Z");
    EXPECT_EQ(o.at("status").as_string(), "booked");
    EXPECT_TRUE(o.at("requirement").is_null());
}

}  // namespace
}  // namespace onecase::appointments
