#pragma once
// UK working days for England and Wales: Monday to Friday except bank holidays.
//
// The bank holidays are data, never code: parse them from the shipped list
// (data/bank-holidays-england-and-wales.txt, also embedded in the binary) or from
// any file in the same format, and pass the result to the functions below. Built
// once at start (main.cpp) and handed to whoever needs it; no global list.
//
// File format: one holiday a line, "YYYY-MM-DD" then a space or tab then its name;
// blank lines and lines starting with '#' are ignored; '#' after the name starts a
// comment. Each date must be a real, unique weekday (when a holiday falls on a
// weekend, list the substitute weekday, as GOV.UK does).
//
// Dates outside the years the list covers are treated as having no bank holidays;
// callers that care can ask `covers`.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.hpp"
#include "platform/result.hpp"

namespace onecase::platform {

struct BankHoliday {
    Date date;
    std::string name;  // "Boxing Day (substitute day)"
};

class BankHolidays {
public:
    BankHolidays() = default;  // no bank holidays at all
    // Sorts by date; of two holidays on one date, keeps the first given.
    explicit BankHolidays(std::vector<BankHoliday> holidays);

    bool contains(Date d) const;
    // The holiday's name, or nullopt when `d` is not a bank holiday.
    std::optional<std::string> name_of(Date d) const;
    // How many bank holidays on Monday to Friday fall in [from, to], both inclusive.
    int count_weekdays_between(Date from, Date to) const;
    // True when `d` falls in a calendar year from the first to the last listed.
    bool covers(Date d) const;
    const std::vector<BankHoliday>& all() const { return holidays_; }

private:
    std::vector<BankHoliday> holidays_;  // sorted by date, unique
};

// Parses the file format above. On failure the Problem lists every bad line as a
// FieldError whose field is "line N" and whose message says what is wrong; its
// detail names the first one, e.g. "line 12: 2026-02-30 is not a real date".
Result<BankHolidays> parse_bank_holidays(std::string_view text);

// Reads and parses a file; a missing or unreadable file is a Problem too.
Result<BankHolidays> load_bank_holidays(const std::string& path);

// The shipped England and Wales list (2020-2030), embedded at build time from
// data/bank-holidays-england-and-wales.txt. Throws std::logic_error if the
// embedded copy does not parse (a broken build; the unit tests catch it first).
std::string_view embedded_england_and_wales_text();
BankHolidays england_and_wales_bank_holidays();

// Monday to Friday and not a bank holiday.
bool is_working_day(Date d, const BankHolidays& holidays);

// The date `n` working days after `from`, counting from the next working day:
// day 1 is the first working day after `from`, so Friday + 1 is Monday (or
// Tuesday after a bank holiday Monday). n == 0 returns `from` unchanged, even on
// a weekend. Requires n >= 0 (throws std::invalid_argument otherwise).
Date add_working_days(Date from, int n, const BankHolidays& holidays);

// The number of working days d with from < d <= to: the inverse of
// add_working_days, so working_days_between(x, add_working_days(x, n)) == n.
// Negative when `to` is before `from`; 0 when they are equal.
int working_days_between(Date from, Date to, const BankHolidays& holidays);

}  // namespace onecase::platform
