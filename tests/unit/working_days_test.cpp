#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "platform/date_arithmetic.hpp"
#include "platform/working_days.hpp"

using namespace onecase;
using namespace onecase::platform;

namespace {

Date d(const char* iso) { return *parse_date(iso); }

const BankHolidays& shipped() {
    static const BankHolidays holidays = england_and_wales_bank_holidays();
    return holidays;
}

std::string read_data_file() {
    auto path = std::filesystem::path(ONECASE_SOURCE_DIR) / "data/bank-holidays-england-and-wales.txt";
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot open " << path;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
Date easter_sunday(int y) {
    int a = y % 19, b = y / 100, c = y % 100, dd = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - dd - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return Date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(month)},
                std::chrono::day{static_cast<unsigned>(day)}};
}

Date next_monday_on_or_after(Date x) {
    while (iso_weekday(x) != 1) x = add_days(x, 1);
    return x;
}

Date last_monday_of(int y, unsigned m) {
    Date x{std::chrono::year{y} / std::chrono::month{m} / std::chrono::last};
    while (iso_weekday(x) != 1) x = add_days(x, -1);
    return x;
}

// The standing rules (Banking and Financial Dealings Act 1971 and the royal
// proclamations), computed independently of the data file.
std::set<Date> standing_rule_holidays(int y) {
    std::set<Date> out;
    Date new_year{std::chrono::year{y} / 1 / 1};
    out.insert(iso_weekday(new_year) <= 5 ? new_year : next_monday_on_or_after(new_year));
    Date easter = easter_sunday(y);
    out.insert(add_days(easter, -2));
    out.insert(add_days(easter, 1));
    out.insert(next_monday_on_or_after(Date{std::chrono::year{y} / 5 / 1}));
    out.insert(last_monday_of(y, 5));
    out.insert(last_monday_of(y, 8));
    Date christmas{std::chrono::year{y} / 12 / 25};
    auto dec = [&](unsigned day) { return Date{std::chrono::year{y} / 12 / day}; };
    switch (iso_weekday(christmas)) {
        case 5: out.insert({dec(25), dec(28)}); break;   // Boxing Day on Saturday
        case 6: out.insert({dec(27), dec(28)}); break;   // both on the weekend
        case 7: out.insert({dec(26), dec(27)}); break;   // Christmas on Sunday
        default: out.insert({dec(25), dec(26)}); break;
    }
    return out;
}

}  // namespace

// ---- the shipped list ---------------------------------------------------------------

TEST(WorkingDays, EmbeddedListMatchesTheDataFile) {
    // If this fails, run scripts/embed-bank-holidays after editing the data file.
    EXPECT_EQ(std::string(embedded_england_and_wales_text()), read_data_file());
}

TEST(WorkingDays, ShippedListCoversEveryYearFrom2020To2030) {
    for (int y = 2020; y <= 2030; ++y) {
        Date jan1{std::chrono::year{y} / 1 / 1}, dec31{std::chrono::year{y} / 12 / 31};
        EXPECT_TRUE(shipped().covers(jan1)) << y;
        EXPECT_GE(shipped().count_weekdays_between(jan1, dec31), 8) << y;
    }
}

TEST(WorkingDays, ShippedListFollowsTheStandingRulesExceptTheOneOffChanges) {
    // Everything the standing rules give is listed, except the two days moved for a
    // national event; everything listed is the standing rules or a one-off.
    const std::set<Date> moved_away = {d("2020-05-04"), d("2022-05-30")};
    const std::set<Date> one_offs = {d("2020-05-08"), d("2022-06-02"), d("2022-06-03"), d("2022-09-19"),
                                     d("2023-05-08")};
    std::set<Date> expected;
    for (int y = 2020; y <= 2030; ++y)
        for (Date x : standing_rule_holidays(y))
            if (!moved_away.contains(x)) expected.insert(x);
    expected.insert(one_offs.begin(), one_offs.end());

    std::set<Date> listed;
    for (const auto& h : shipped().all()) listed.insert(h.date);
    for (Date x : expected) EXPECT_TRUE(listed.contains(x)) << format_date(x) << " is missing";
    for (Date x : listed) EXPECT_TRUE(expected.contains(x)) << format_date(x) << " is not a bank holiday";
}

TEST(WorkingDays, ShippedListNamesTheOneOffAndSubstituteDays) {
    struct Row { const char* date; const char* name; };
    const Row rows[] = {
        {"2020-05-08", "Early May bank holiday (VE Day)"},
        {"2022-06-02", "Spring bank holiday"},
        {"2022-06-03", "Platinum Jubilee bank holiday"},
        {"2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"},
        {"2023-05-08", "Bank holiday for the coronation of King Charles III"},
        {"2020-12-28", "Boxing Day (substitute day)"},
        {"2021-12-27", "Christmas Day (substitute day)"},
        {"2021-12-28", "Boxing Day (substitute day)"},
        {"2022-01-03", "New Year's Day (substitute day)"},
        {"2022-12-27", "Christmas Day (substitute day)"},
        {"2023-01-02", "New Year's Day (substitute day)"},
        {"2026-12-28", "Boxing Day (substitute day)"},
        {"2028-01-03", "New Year's Day (substitute day)"},
        {"2024-03-29", "Good Friday"},
        {"2027-03-29", "Easter Monday"},
    };
    for (const auto& row : rows) EXPECT_EQ(shipped().name_of(d(row.date)).value_or("(none)"), row.name) << row.date;
    EXPECT_FALSE(shipped().name_of(d("2022-05-30")));  // the spring holiday moved to 2 June that year
    EXPECT_FALSE(shipped().name_of(d("2020-05-04")));  // the early May holiday moved to VE Day
}

// ---- working days ---------------------------------------------------------------------

TEST(WorkingDays, WeekdaysAreWorkingDaysExceptBankHolidays) {
    struct Row { const char* date; bool working; const char* why; };
    const Row rows[] = {
        {"2026-03-02", true, "an ordinary Monday"},
        {"2026-03-06", true, "an ordinary Friday"},
        {"2026-03-07", false, "Saturday"},
        {"2026-03-08", false, "Sunday"},
        {"2026-04-03", false, "Good Friday"},
        {"2026-04-06", false, "Easter Monday"},
        {"2026-12-26", false, "Boxing Day on a Saturday"},
        {"2026-12-28", false, "its substitute Monday"},
        {"2026-12-29", true, "Tuesday after Christmas"},
        {"2022-09-19", false, "the Queen's funeral"},
        {"2022-05-30", true, "the last Monday in May 2022 was not a holiday"},
    };
    for (const auto& row : rows) EXPECT_EQ(is_working_day(d(row.date), shipped()), row.working) << row.why;
}

TEST(WorkingDays, AddingWorkingDaysCountsFromTheNextWorkingDay) {
    struct Row { const char* from; int n; const char* expected; const char* why; };
    const Row rows[] = {
        {"2026-03-04", 0, "2026-03-04", "day 0 is the same date"},
        {"2026-03-07", 0, "2026-03-07", "day 0 is the same date, even on a Saturday"},
        {"2026-03-04", 1, "2026-03-05", "Wednesday + 1 is Thursday"},
        {"2026-03-06", 1, "2026-03-09", "Friday + 1 is Monday"},
        {"2026-03-07", 1, "2026-03-09", "Saturday + 1 is Monday"},
        {"2026-03-02", 5, "2026-03-09", "sentenced Monday: five working days is the next Monday"},
        {"2026-04-02", 1, "2026-04-07", "Thursday before Easter + 1 skips Good Friday and Easter Monday"},
        {"2025-12-19", 5, "2025-12-30", "sentenced the Friday before Christmas"},
        {"2026-12-24", 1, "2026-12-29", "Christmas Eve 2026 + 1 skips Christmas and Boxing Day's substitute"},
        {"2022-06-01", 1, "2022-06-06", "Platinum Jubilee Thursday and Friday"},
        {"2026-03-02", 15, "2026-03-23", "three whole weeks"},
        {"2026-03-20", 15, "2026-04-14", "fifteen working days across Easter"},
    };
    for (const auto& row : rows)
        EXPECT_EQ(format_date(add_working_days(d(row.from), row.n, shipped())), row.expected) << row.why;
}

TEST(WorkingDays, NegativeWorkingDaysAreRefused) {
    EXPECT_THROW(add_working_days(d("2026-03-02"), -1, shipped()), std::invalid_argument);
}

TEST(WorkingDays, WorkingDaysBetweenCountsDaysAfterTheFirstUpToTheSecond) {
    struct Row { const char* from; const char* to; int expected; const char* why; };
    const Row rows[] = {
        {"2026-03-04", "2026-03-04", 0, "same day"},
        {"2026-03-06", "2026-03-09", 1, "Friday to Monday"},
        {"2026-03-07", "2026-03-08", 0, "Saturday to Sunday"},
        {"2026-03-09", "2026-03-06", -1, "backwards"},
        {"2026-04-02", "2026-04-07", 1, "across Easter"},
        {"2026-01-01", "2026-12-31", 253, "2026: 260 weekdays after 1 Jan, less the 7 bank holidays after it"},
    };
    for (const auto& row : rows) EXPECT_EQ(working_days_between(d(row.from), d(row.to), shipped()), row.expected) << row.why;
}

TEST(WorkingDays, WorkingDaysBetweenUndoesAddingWorkingDaysOnEveryDayOfTheList) {
    for (Date x = d("2019-12-01"); x <= d("2031-01-31"); x = add_days(x, 1))
        for (int n = 0; n <= 25; ++n)
            ASSERT_EQ(working_days_between(x, add_working_days(x, n, shipped()), shipped()), n)
                << format_date(x) << " + " << n;
}

TEST(WorkingDays, DatesOutsideTheListHaveOnlyWeekends) {
    EXPECT_FALSE(shipped().covers(d("2031-12-25")));
    EXPECT_TRUE(is_working_day(d("2031-12-25"), shipped()));  // unknown year: callers may warn
    EXPECT_TRUE(is_working_day(d("2026-03-02"), BankHolidays{}));
    EXPECT_FALSE(is_working_day(d("2026-03-07"), BankHolidays{}));
}

// ---- the file format ------------------------------------------------------------------

TEST(WorkingDays, AListIsReplaceableWithAnyFileInTheSameFormat) {
    auto parsed = parse_bank_holidays(
        "# a test list\r\n"
        "\r\n"
        "2026-03-04\tOnecase day   # a comment\r\n"
        "   2026-03-05 Second day with spaces  \n"
        "2026-03-06  Third");
    ASSERT_TRUE(parsed.ok()) << parsed.problem().detail;
    ASSERT_EQ(parsed->all().size(), 3u);
    EXPECT_EQ(parsed->name_of(d("2026-03-04")), "Onecase day");
    EXPECT_EQ(parsed->name_of(d("2026-03-05")), "Second day with spaces");
    EXPECT_EQ(format_date(add_working_days(d("2026-03-03"), 1, *parsed)), "2026-03-09");
}

TEST(WorkingDays, ABadLineIsReportedWithItsNumber) {
    struct Row { std::string text; std::string field; std::string message_has; };
    const std::vector<Row> rows = {
        {"# header\n2026-02-30 Nonsense day\n", "line 2", "2026-02-30 is not a real date"},
        {"2026-03-04\n", "line 1", "has no name"},
        {"2026-03-04   # only a comment\n", "line 1", "has no name"},
        {"04/03/2026 Wrong format\n", "line 1", "04/03/2026 is not a real date (expected YYYY-MM-DD)"},
        {"2026-03-04Glued name\n", "line 1", "expected a date as YYYY-MM-DD"},
        {"\n\n2026-03-07 Saturday holiday\n", "line 3", "2026-03-07 is a Saturday"},
        {"2026-03-08 Sunday holiday\n", "line 1", "is a Sunday"},
        {"2026-03-04 One\n2026-03-05 Two\n2026-03-04 Again\n", "line 3", "listed twice (first on line 1)"},
        {"# nothing here\n", "file", "no bank holidays"},
    };
    for (const auto& row : rows) {
        auto parsed = parse_bank_holidays(row.text);
        ASSERT_FALSE(parsed.ok()) << row.text;
        ASSERT_EQ(parsed.problem().errors.size(), 1u) << row.text;
        EXPECT_EQ(parsed.problem().errors[0].field, row.field) << row.text;
        EXPECT_NE(parsed.problem().errors[0].message.find(row.message_has), std::string::npos)
            << parsed.problem().errors[0].message;
        EXPECT_EQ(parsed.problem().detail.rfind(row.field + ": ", 0), 0u) << parsed.problem().detail;
    }
}

TEST(WorkingDays, EveryBadLineIsReportedNotJustTheFirst) {
    auto parsed = parse_bank_holidays("2026-13-01 A\n2026-03-04 Fine\nrubbish\n");
    ASSERT_FALSE(parsed.ok());
    ASSERT_EQ(parsed.problem().errors.size(), 2u);
    EXPECT_EQ(parsed.problem().errors[0].field, "line 1");
    EXPECT_EQ(parsed.problem().errors[1].field, "line 3");
}

TEST(WorkingDays, AMissingFileIsAProblemNamingThePath) {
    auto loaded = load_bank_holidays("/nonexistent/bank-holidays.txt");
    ASSERT_FALSE(loaded.ok());
    EXPECT_NE(loaded.problem().detail.find("/nonexistent/bank-holidays.txt"), std::string::npos);
}

TEST(WorkingDays, TheDataFileLoadsFromDisk) {
    auto path = std::filesystem::path(ONECASE_SOURCE_DIR) / "data/bank-holidays-england-and-wales.txt";
    auto loaded = load_bank_holidays(path.string());
    ASSERT_TRUE(loaded.ok()) << loaded.problem().detail;
    EXPECT_EQ(loaded->all().size(), shipped().all().size());
}
