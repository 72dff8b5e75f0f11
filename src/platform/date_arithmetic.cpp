#include "platform/date_arithmetic.hpp"

#include <stdexcept>

namespace onecase::platform {

using std::chrono::days;
using std::chrono::sys_days;

Date add_days(Date d, int n) { return Date{sys_days{d} + days{n}}; }

Date add_months(Date d, int n) {
    auto moved = std::chrono::year_month{d.year(), d.month()} + std::chrono::months{n};
    auto last = std::chrono::year_month_day_last{moved.year(), std::chrono::month_day_last{moved.month()}};
    auto day = d.day() < last.day() ? d.day() : last.day();
    return Date{moved.year(), moved.month(), day};
}

Date last_day_of_months_beginning_with(Date start, int months) {
    if (months < 1) throw std::invalid_argument("last_day_of_months_beginning_with: months < 1");
    // The period ends the day before the anniversary. When the anniversary month has
    // no such day (a 29 February start, or the 31st into a 30-day month), the period
    // runs to the end of that month: the first day outside is the 1st of the next.
    auto target = std::chrono::year_month{start.year(), start.month()} + std::chrono::months{months};
    auto last = std::chrono::year_month_day_last{target.year(), std::chrono::month_day_last{target.month()}};
    if (start.day() > last.day()) return Date{last};
    return add_days(Date{target.year(), target.month(), start.day()}, -1);
}

int days_between(Date from, Date to) {
    return static_cast<int>((sys_days{to} - sys_days{from}).count());
}

unsigned iso_weekday(Date d) { return std::chrono::weekday{sys_days{d}}.iso_encoding(); }

}  // namespace onecase::platform
