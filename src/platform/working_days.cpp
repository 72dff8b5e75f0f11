#include "platform/working_days.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "platform/bank_holidays_data.hpp"
#include "platform/date_arithmetic.hpp"

namespace onecase::platform {

namespace {

bool by_date(const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; }

std::string_view trim(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

const char* weekday_name(unsigned iso) { return iso == 6 ? "Saturday" : "Sunday"; }

// Weekdays (Monday to Friday) d with from < d <= to, for from <= to.
int weekdays_after_up_to(Date from, Date to) {
    const int span = days_between(from, to);
    int count = (span / 7) * 5;
    unsigned wd = iso_weekday(from);
    for (int i = 0; i < span % 7; ++i) {
        wd = wd % 7 + 1;
        if (wd <= 5) ++count;
    }
    return count;
}

}  // namespace

BankHolidays::BankHolidays(std::vector<BankHoliday> holidays) : holidays_(std::move(holidays)) {
    std::stable_sort(holidays_.begin(), holidays_.end(), by_date);
    auto same_date = [](const BankHoliday& a, const BankHoliday& b) { return a.date == b.date; };
    holidays_.erase(std::unique(holidays_.begin(), holidays_.end(), same_date), holidays_.end());
}

bool BankHolidays::contains(Date d) const {
    return std::binary_search(holidays_.begin(), holidays_.end(), BankHoliday{d, {}}, by_date);
}

std::optional<std::string> BankHolidays::name_of(Date d) const {
    auto it = std::lower_bound(holidays_.begin(), holidays_.end(), BankHoliday{d, {}}, by_date);
    if (it == holidays_.end() || it->date != d) return std::nullopt;
    return it->name;
}

int BankHolidays::count_weekdays_between(Date from, Date to) const {
    if (to < from) return 0;
    auto lo = std::lower_bound(holidays_.begin(), holidays_.end(), BankHoliday{from, {}}, by_date);
    auto hi = std::upper_bound(holidays_.begin(), holidays_.end(), BankHoliday{to, {}}, by_date);
    return static_cast<int>(std::count_if(lo, hi, [](const BankHoliday& h) { return iso_weekday(h.date) <= 5; }));
}

bool BankHolidays::covers(Date d) const {
    return !holidays_.empty() && holidays_.front().date.year() <= d.year() &&
           d.year() <= holidays_.back().date.year();
}

Result<BankHolidays> parse_bank_holidays(std::string_view text) {
    std::vector<BankHoliday> holidays;
    std::vector<FieldError> errors;
    std::map<Date, int> first_line;
    int line_number = 0;
    while (!text.empty()) {
        auto end = text.find('\n');
        auto raw = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++line_number;

        auto line = trim(raw);
        if (line.empty() || line.front() == '#') continue;
        auto fail = [&](std::string message) {
            errors.push_back({"line " + std::to_string(line_number), std::move(message)});
        };
        if (auto hash = line.find('#'); hash != std::string_view::npos) line = trim(line.substr(0, hash));

        if (line.size() < 10 || (line.size() > 10 && line[10] != ' ' && line[10] != '\t')) {
            fail("expected a date as YYYY-MM-DD, then a space or tab, then the holiday's name, but found \"" +
                 std::string(line) + "\"");
            continue;
        }
        auto date_text = line.substr(0, 10);
        auto date = parse_date(date_text);
        if (!date) {
            fail(std::string(date_text) + " is not a real date (expected YYYY-MM-DD)");
            continue;
        }
        auto name = trim(line.substr(10));
        if (name.empty()) {
            fail("the holiday on " + std::string(date_text) + " has no name after the date");
            continue;
        }
        if (auto wd = iso_weekday(*date); wd > 5) {
            fail(std::string(date_text) + " is a " + weekday_name(wd) +
                 "; list the weekday the holiday is taken instead (the substitute day)");
            continue;
        }
        if (auto [it, inserted] = first_line.emplace(*date, line_number); !inserted) {
            fail(std::string(date_text) + " is listed twice (first on line " + std::to_string(it->second) + ")");
            continue;
        }
        holidays.push_back({*date, std::string(name)});
    }
    if (errors.empty() && holidays.empty()) errors.push_back({"file", "the list has no bank holidays in it"});
    if (!errors.empty()) {
        Problem p = Problem::invalid(errors, "The bank holiday list could not be read");
        p.detail = errors.front().field + ": " + errors.front().message;
        return p;
    }
    return BankHolidays(std::move(holidays));
}

Result<BankHolidays> load_bank_holidays(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Problem::bad_request("Cannot open the bank holiday list " + path);
    std::ostringstream text;
    text << in.rdbuf();
    auto parsed = parse_bank_holidays(text.str());
    if (!parsed) {
        Problem p = parsed.problem();
        p.detail = path + ", " + p.detail;
        return p;
    }
    return parsed;
}

std::string_view embedded_england_and_wales_text() { return kEnglandAndWalesBankHolidaysText; }

BankHolidays england_and_wales_bank_holidays() {
    auto parsed = parse_bank_holidays(kEnglandAndWalesBankHolidaysText);
    if (!parsed) throw std::logic_error("embedded bank holiday list is broken: " + parsed.problem().detail);
    return std::move(parsed.value());
}

bool is_working_day(Date d, const BankHolidays& holidays) {
    return iso_weekday(d) <= 5 && !holidays.contains(d);
}

Date add_working_days(Date from, int n, const BankHolidays& holidays) {
    if (n < 0) throw std::invalid_argument("add_working_days: n must not be negative");
    Date d = from;
    while (n > 0) {
        d = add_days(d, 1);
        if (is_working_day(d, holidays)) --n;
    }
    return d;
}

int working_days_between(Date from, Date to, const BankHolidays& holidays) {
    if (to < from) return -working_days_between(to, from, holidays);
    return weekdays_after_up_to(from, to) - holidays.count_weekdays_between(add_days(from, 1), to);
}

}  // namespace onecase::platform
