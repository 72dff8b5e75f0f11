// The appointment rules: booking, moving and cancelling, status, the diary's ranges
// and who sees whose diary, and RAR days used.
#include <gtest/gtest.h>

#include "appointments/rules.hpp"

namespace onecase::appointments {
namespace {

using platform::Instant;

Instant at(const char* iso) { return *platform::parse_instant(iso); }

const Instant kNow = at("2026-11-23T09:00:00Z");

BookingContext context() {
    BookingContext c;
    OrderRef current{10,
                     2,
                     "community_order",
                     true,
                     {RequirementRef{100, 10, "rar", "", 20, "days", true},
                      RequirementRef{101, 10, "unpaid_work", "", 120, "hours", true},
                      RequirementRef{102, 10, "curfew", "", 3, "months", false}}};
    OrderRef ended{
        11, 1, "licence", false, {RequirementRef{110, 11, "licence_standard", "Not commit any offence", {}, "", true}}};
    c.orders = {current, ended};
    c.staff = StaffRef{7, "N01A01", "Alex Smith", 3, 5};
    c.staff_office = Office{3, "N01O1", "Bolton Office", "1 High St"};
    c.home_address = "12 Mill Lane, Bolton, BL1 1AA";
    return c;
}

BookingInput office_visit() {
    BookingInput in;
    in.type = "office_visit";
    in.start = "2026-12-01T10:00";
    in.duration_minutes = "30";
    return in;
}

bool has_error(const Problem& p, const std::string& field) {
    for (const auto& e : p.errors) {
        if (e.field == field) return true;
    }
    return false;
}

TEST(AppointmentBooking, OfficeVisitDefaultsToTheStaffOfficeAndTheOnlyCurrentOrder) {
    auto r = validate_booking(office_visit(), context(), kNow);
    ASSERT_TRUE(r) << r.problem().errors.at(0).message;
    EXPECT_EQ(r->start_at, "2026-12-01T10:00:00Z");  // GMT in December
    EXPECT_EQ(r->duration_minutes, 30);
    EXPECT_EQ(r->location, "Bolton Office");
    EXPECT_EQ(r->office_id, 3);
    EXPECT_EQ(r->staff_id, 7);
    EXPECT_EQ(r->event_id, 10);
    EXPECT_FALSE(r->requirement_id);
}

TEST(AppointmentBooking, LocalSummerTimeIsStoredAsUtc) {
    auto in = office_visit();
    in.start = "2027-07-01T10:00:00";
    auto r = validate_booking(in, context(), kNow);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->start_at, "2027-07-01T09:00:00Z");
}

TEST(AppointmentBooking, HomeVisitDefaultsToTheHomeAddress) {
    auto in = office_visit();
    in.type = "home_visit";
    auto r = validate_booking(in, context(), kNow);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->location, "12 Mill Lane, Bolton, BL1 1AA");
    EXPECT_FALSE(r->office_id);

    auto no_home = context();
    no_home.home_address = "";
    auto refused = validate_booking(in, no_home, kNow);
    ASSERT_FALSE(refused);
    EXPECT_TRUE(has_error(refused.problem(), "location"));
}

TEST(AppointmentBooking, EachBadFieldIsNamed) {
    struct Case {
        const char* name;
        void (*change)(BookingInput&);
        const char* field;
    };
    const Case cases[] = {
        {"unknown type", [](BookingInput& i) { i.type = "email"; }, "type"},
        {"no type", [](BookingInput& i) { i.type = ""; }, "type"},
        {"30 February", [](BookingInput& i) { i.start = "2027-02-30T10:00"; }, "start"},
        {"25 o'clock", [](BookingInput& i) { i.start = "2026-12-01T25:00"; }, "start"},
        {"in the past", [](BookingInput& i) { i.start = "2026-11-23T08:59"; }, "start"},
        {"exactly now", [](BookingInput& i) { i.start = "2026-11-23T09:00"; }, "start"},
        {"4 minutes", [](BookingInput& i) { i.duration_minutes = "4"; }, "durationMinutes"},
        {"481 minutes", [](BookingInput& i) { i.duration_minutes = "481"; }, "durationMinutes"},
        {"half an hour in words", [](BookingInput& i) { i.duration_minutes = "half"; }, "durationMinutes"},
        {"no duration", [](BookingInput& i) { i.duration_minutes = ""; }, "durationMinutes"},
        {"order that ended", [](BookingInput& i) { i.event_number = "1"; }, "eventNumber"},
        {"order that does not exist", [](BookingInput& i) { i.event_number = "9"; }, "eventNumber"},
        {"requirement on an ended order", [](BookingInput& i) { i.requirement_id = "110"; }, "requirementId"},
        {"requirement that ended", [](BookingInput& i) { i.requirement_id = "102"; }, "requirementId"},
        {"someone else's requirement", [](BookingInput& i) { i.requirement_id = "999"; }, "requirementId"},
        {"unknown office", [](BookingInput& i) { i.office_code = "NOPE"; }, "officeCode"},
        {"unknown staff", [](BookingInput& i) { i.staff_code = "NOPE"; }, "staffCode"},
    };
    for (const auto& c : cases) {
        auto in = office_visit();
        c.change(in);
        auto ctx = context();
        if (std::string(c.field) == "staffCode") ctx.staff.reset();
        auto r = validate_booking(in, ctx, kNow);
        ASSERT_FALSE(r) << c.name;
        EXPECT_EQ(r.problem().status, 422) << c.name;
        EXPECT_TRUE(has_error(r.problem(), c.field)) << c.name << ": " << r.problem().errors.at(0).field;
    }
}

TEST(AppointmentBooking, PageFieldsNameDateAndTime) {
    BookingInput in = office_visit();
    in.start.reset();
    in.date = "2026-12-01";
    in.time = "9:15";
    auto ok = validate_booking(in, context(), kNow);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->start_at, "2026-12-01T09:15:00Z");
    in.date = "2026-11-20";
    auto past = validate_booking(in, context(), kNow);
    ASSERT_FALSE(past);
    EXPECT_TRUE(has_error(past.problem(), "date"));
    in.date = "1/12/2026";
    in.time = "";
    auto bad = validate_booking(in, context(), kNow);
    ASSERT_FALSE(bad);
    EXPECT_TRUE(has_error(bad.problem(), "date"));
    EXPECT_TRUE(has_error(bad.problem(), "time"));
}

TEST(AppointmentBooking, RequirementLinksItsOrder) {
    auto in = office_visit();
    in.requirement_id = "100";
    auto r = validate_booking(in, context(), kNow);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->requirement_id, 100);
    EXPECT_EQ(r->event_id, 10);
}

TEST(AppointmentBooking, RequirementMustBeOnTheOrderNamed) {
    auto ctx = context();
    ctx.orders.push_back(
        OrderRef{12, 3, "suspended_sentence_order", true, {RequirementRef{120, 12, "rar", "", 10, "days", true}}});
    auto in = office_visit();
    in.event_number = "2";
    in.requirement_id = "120";
    auto r = validate_booking(in, ctx, kNow);
    ASSERT_FALSE(r);
    EXPECT_TRUE(has_error(r.problem(), "requirementId"));
    // With two current orders and none named, none is guessed.
    auto plain = validate_booking(office_visit(), ctx, kNow);
    ASSERT_TRUE(plain);
    EXPECT_FALSE(plain->event_id);
}

Appointment booked_at(const char* start) {
    Appointment a;
    a.id = 1;
    a.start_at = start;
    a.duration_minutes = 30;
    a.location = "Bolton Office";
    a.office_id = 3;
    return a;
}

TEST(AppointmentStatus, FollowsTheRowAndNow) {
    auto a = booked_at("2026-11-23T10:00:00Z");
    EXPECT_EQ(appointment_status(a, kNow), Status::booked);
    EXPECT_EQ(appointment_status(a, at("2026-11-23T10:00:00Z")), Status::awaiting_outcome);
    EXPECT_EQ(appointment_status(a, at("2026-11-24T10:00:00Z")), Status::awaiting_outcome);
    a.outcome = "attended_complied";
    EXPECT_EQ(appointment_status(a, at("2026-11-24T10:00:00Z")), Status::outcome_recorded);
    a.outcome.reset();
    a.cancelled_at = "2026-11-22T10:00:00Z";
    EXPECT_EQ(appointment_status(a, kNow), Status::cancelled);
    EXPECT_EQ(appointment_status(a, at("2026-11-24T10:00:00Z")), Status::cancelled);
    EXPECT_EQ(status_code(Status::awaiting_outcome), "awaiting_outcome");
}

TEST(AppointmentHandOver, OnlyTheOldCaseManagersAppointmentsStillToComeMoveWithTheCase) {
    auto a = booked_at("2026-11-23T10:00:00Z");
    a.staff_id = 7;
    EXPECT_TRUE(moves_with_the_case(a, 7, kNow));
    EXPECT_FALSE(moves_with_the_case(a, 8, kNow)) << "with someone else";
    EXPECT_FALSE(moves_with_the_case(a, 7, at("2026-11-24T10:00:00Z"))) << "already passed";
    a.cancelled_at = "2026-11-22T10:00:00Z";
    EXPECT_FALSE(moves_with_the_case(a, 7, kNow)) << "cancelled";
    a.cancelled_at.reset();
    a.staff_id.reset();
    EXPECT_FALSE(moves_with_the_case(a, 7, kNow)) << "with nobody named";
}

TEST(AppointmentMove, NeedsAFutureStartAndKeepsWhatIsNotGiven) {
    auto a = booked_at("2026-11-25T10:00:00Z");
    MoveInput in;
    in.start = "2026-11-26T14:00";
    auto r = validate_move(in, a, std::nullopt, kNow);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->start_at, "2026-11-26T14:00:00Z");
    EXPECT_EQ(r->duration_minutes, 30);
    EXPECT_EQ(r->location, "Bolton Office");
    EXPECT_EQ(r->office_id, 3);

    in.start = "2026-11-20T14:00";
    EXPECT_FALSE(validate_move(in, a, std::nullopt, kNow));
    in.start = "2026-11-26T14:00";
    in.duration_minutes = "600";
    EXPECT_FALSE(validate_move(in, a, std::nullopt, kNow));
    in.duration_minutes = "60";
    in.location = "Community centre";
    auto elsewhere = validate_move(in, a, std::nullopt, kNow);
    ASSERT_TRUE(elsewhere);
    EXPECT_EQ(elsewhere->location, "Community centre");
    EXPECT_FALSE(elsewhere->office_id);
}

TEST(AppointmentMove, CancelledOrCompletedCannotMove) {
    MoveInput in;
    in.start = "2026-11-26T14:00";
    auto a = booked_at("2026-11-25T10:00:00Z");
    a.cancelled_at = "2026-11-22T10:00:00Z";
    EXPECT_FALSE(validate_move(in, a, std::nullopt, kNow));
    a.cancelled_at.reset();
    a.outcome = "failed_to_attend";
    EXPECT_FALSE(validate_move(in, a, std::nullopt, kNow));
}

TEST(AppointmentCancel, NeedsAReason) {
    auto a = booked_at("2026-11-25T10:00:00Z");
    auto blank = validate_cancel("  \n ", a, kNow);
    ASSERT_FALSE(blank);
    EXPECT_TRUE(has_error(blank.problem(), "reason"));
    EXPECT_FALSE(validate_cancel(std::string(1001, 'x'), a, kNow));
    auto ok = validate_cancel("  Booked in error ", a, kNow);
    ASSERT_TRUE(ok);
    EXPECT_EQ(*ok, "Booked in error");
    a.cancelled_at = "2026-11-22T10:00:00Z";
    EXPECT_FALSE(validate_cancel("again", a, kNow));
}

TEST(Diary, RangesAreWholeLocalDaysUpTo31) {
    auto r = diary_range("2026-07-01", "2026-07-31");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->days(), 31);
    // BST: a local day starts at 23:00 UTC the day before.
    EXPECT_EQ(platform::format_instant(r->start_utc()), "2026-06-30T23:00:00Z");
    EXPECT_EQ(platform::format_instant(r->end_utc()), "2026-07-31T23:00:00Z");
    EXPECT_FALSE(diary_range("2026-07-01", "2026-08-01"));
    EXPECT_FALSE(diary_range("2026-07-02", "2026-07-01"));
    EXPECT_FALSE(diary_range("2026-02-30", "2026-03-01"));
    EXPECT_FALSE(diary_range("", "2026-03-01"));
}

TEST(Diary, WeeksStartOnMonday) {
    EXPECT_EQ(platform::format_date(monday_of(*platform::parse_date("2026-11-23"))), "2026-11-23");
    EXPECT_EQ(platform::format_date(monday_of(*platform::parse_date("2026-11-29"))), "2026-11-23");
    EXPECT_EQ(platform::format_date(monday_of(*platform::parse_date("2026-11-22"))), "2026-11-16");
}

TEST(Diary, OwnDiaryAndAnSposTeam) {
    access::Principal po;
    po.role = access::Role::practitioner;
    po.staff = access::StaffScope{7, "N01A01", "Alex", 5, "T5", "Team", 2, 1};
    access::Principal spo = po;
    spo.role = access::Role::spo;
    spo.staff->staff_id = 8;
    const StaffRef alex{7, "N01A01", "Alex", 3, 5};
    const StaffRef colleague{9, "N01A02", "Sam", 3, 5};
    const StaffRef other_team{10, "N02A01", "Kim", 4, 6};
    EXPECT_TRUE(can_view_diary(po, alex));
    EXPECT_FALSE(can_view_diary(po, colleague));
    EXPECT_TRUE(can_view_diary(spo, alex));
    EXPECT_TRUE(can_view_diary(spo, colleague));
    EXPECT_FALSE(can_view_diary(spo, other_team));
    access::Principal admin = po;
    admin.role = access::Role::admin;
    EXPECT_FALSE(can_view_diary(admin, alex));
}

RarActivity contact(const char* at_utc) { return RarActivity{at_utc, false, std::nullopt, false}; }
RarActivity appointment(const char* at_utc, std::optional<std::string> outcome, bool cancelled = false) {
    return RarActivity{at_utc, true, std::move(outcome), cancelled};
}

TEST(RarDays, CountsDistinctLocalDaysOfAttendedActivity) {
    struct Case {
        const char* name;
        std::vector<RarActivity> activities;
        std::int64_t days;
    };
    const Case cases[] = {
        {"nothing yet", {}, 0},
        {"one contact", {contact("2026-11-02T10:00:00Z")}, 1},
        {"two contacts on one day", {contact("2026-11-02T10:00:00Z"), contact("2026-11-02T15:00:00Z")}, 1},
        {"two days", {contact("2026-11-02T10:00:00Z"), contact("2026-11-03T10:00:00Z")}, 2},
        {"23:30 UTC in summer is the next local day",
         {contact("2026-07-01T23:30:00Z"), contact("2026-07-02T10:00:00Z")},
         1},
        {"23:30 UTC in winter is the same day", {contact("2026-12-01T23:30:00Z"), contact("2026-12-02T10:00:00Z")}, 2},
        {"attended and complied", {appointment("2026-11-02T10:00:00Z", "attended_complied")}, 1},
        {"attended but failed to comply", {appointment("2026-11-02T10:00:00Z", "attended_failed_to_comply")}, 1},
        {"failed to attend", {appointment("2026-11-02T10:00:00Z", "failed_to_attend")}, 0},
        {"rescheduled", {appointment("2026-11-02T10:00:00Z", "rescheduled")}, 0},
        {"booked, no outcome", {appointment("2026-11-30T10:00:00Z", std::nullopt)}, 0},
        {"cancelled", {appointment("2026-11-02T10:00:00Z", std::nullopt, true)}, 0},
        {"attended appointment and its contact on one day",
         {appointment("2026-11-02T10:00:00Z", "attended_complied"),
          appointment("2026-11-02T10:00:00Z", "attended_complied")},
         1},
    };
    for (const auto& c : cases) EXPECT_EQ(rar_days_used(c.activities), c.days) << c.name;
}

}  // namespace
}  // namespace onecase::appointments
