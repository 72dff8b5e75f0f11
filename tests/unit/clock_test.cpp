#include <gtest/gtest.h>

#include "platform/clock.hpp"

using namespace onecase::platform;
using namespace std::chrono;

TEST(Dates, IsoDatesMustBeRealDays) {
    EXPECT_TRUE(parse_date("2024-02-29").has_value());
    EXPECT_FALSE(parse_date("2023-02-29").has_value());
    EXPECT_FALSE(parse_date("2026-13-01").has_value());
    EXPECT_FALSE(parse_date("2026-1-01").has_value());
    EXPECT_FALSE(parse_date("").has_value());
    EXPECT_EQ(format_date(*parse_date("2026-11-22")), "2026-11-22");
}

TEST(Instants, RoundTripInUtc) {
    auto t = parse_instant("2026-11-22T09:30:05Z");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(format_instant(*t), "2026-11-22T09:30:05Z");
    EXPECT_FALSE(parse_instant("2026-11-22T09:30:05").has_value());
    EXPECT_FALSE(parse_instant("2026-11-22T24:00:00Z").has_value());
}

TEST(LondonTime, WinterIsGmtAndSummerIsBst) {
    EXPECT_EQ(format_instant(*parse_london_local("2026-12-01T10:00")), "2026-12-01T10:00:00Z");
    EXPECT_EQ(format_instant(*parse_london_local("2026-07-01T10:00")), "2026-07-01T09:00:00Z");
}

TEST(LondonTime, ClocksChangeOnTheLastSundayOfMarchAndOctober) {
    // 2026: BST from 29 March 01:00 UTC to 25 October 01:00 UTC.
    EXPECT_EQ(format_instant(*parse_london_local("2026-03-29T00:30")), "2026-03-29T00:30:00Z");
    EXPECT_EQ(format_instant(*parse_london_local("2026-03-29T03:00")), "2026-03-29T02:00:00Z");
    EXPECT_EQ(format_instant(*parse_london_local("2026-10-25T03:00")), "2026-10-25T03:00:00Z");
    EXPECT_EQ(display_london(*parse_instant("2026-06-15T23:30:00Z")), "16 Jun 2026 00:30");
    EXPECT_EQ(display_london(*parse_instant("2026-12-15T23:30:00Z")), "15 Dec 2026 23:30");
}

TEST(Age, CountsWholeYearsOnTheBirthday) {
    const auto dob = *parse_date("1990-07-03");
    EXPECT_EQ(age_on(dob, *parse_date("2026-07-02")), 35);
    EXPECT_EQ(age_on(dob, *parse_date("2026-07-03")), 36);
}
