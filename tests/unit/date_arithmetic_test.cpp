#include <gtest/gtest.h>

#include "platform/date_arithmetic.hpp"

using namespace onecase::platform;

namespace {
Date d(const char* iso) { return *parse_date(iso); }
}  // namespace

TEST(DateArithmetic, AddingMonthsKeepsTheDayOrTakesTheMonthsLastDay) {
    struct Row { const char* from; int months; const char* expected; };
    const Row rows[] = {
        {"2026-03-15", 3, "2026-06-15"},  {"2026-01-31", 1, "2026-02-28"}, {"2024-01-31", 1, "2024-02-29"},
        {"2024-02-29", 12, "2025-02-28"}, {"2024-02-29", 48, "2028-02-29"}, {"2026-08-31", 6, "2027-02-28"},
        {"2026-11-30", 3, "2027-02-28"},  {"2026-03-31", -1, "2026-02-28"}, {"2026-12-15", 1, "2027-01-15"},
    };
    for (const auto& row : rows) EXPECT_EQ(format_date(add_months(d(row.from), row.months)), row.expected) << row.from;
}

TEST(DateArithmetic, APeriodBeginningWithADayIncludesItAndEndsTheDayBeforeTheAnniversary) {
    struct Row { const char* start; int months; const char* last_day; };
    const Row rows[] = {
        {"2025-03-15", 12, "2026-03-14"},
        {"2024-02-29", 12, "2025-02-28"},  // no 29 Feb in 2025: the month's last day
        {"2024-03-01", 12, "2025-02-28"},
        {"2023-03-01", 12, "2024-02-29"},
        {"2025-03-31", 1, "2025-04-30"},
        {"2025-01-01", 12, "2025-12-31"},
    };
    for (const auto& row : rows)
        EXPECT_EQ(format_date(last_day_of_months_beginning_with(d(row.start), row.months)), row.last_day) << row.start;
}

TEST(DateArithmetic, DaysAndWeekdays) {
    EXPECT_EQ(days_between(d("2024-02-28"), d("2024-03-01")), 2);
    EXPECT_EQ(days_between(d("2024-03-01"), d("2024-02-28")), -2);
    EXPECT_EQ(format_date(add_days(d("2025-12-31"), 1)), "2026-01-01");
    EXPECT_EQ(iso_weekday(d("2026-03-02")), 1u);  // Monday
    EXPECT_EQ(iso_weekday(d("2026-03-08")), 7u);  // Sunday
}
