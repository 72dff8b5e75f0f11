#pragma once
// Calendar arithmetic on dates (days and calendar months), shared by the rule engines.
// Pure; dates are std::chrono::year_month_day as everywhere in onecase.
#include "platform/clock.hpp"

namespace onecase::platform {

// `d` moved by `days` (may be negative). `d` must be a valid date.
Date add_days(Date d, int days);

// `d` moved by whole calendar months (may be negative). When the target month is
// shorter, the result is that month's last day: 31 Jan + 1 month = 28 (or 29) Feb,
// 29 Feb 2024 + 12 months = 28 Feb 2025. This is the "corresponding date" rule
// English courts apply to periods in months (Dodds v Walker [1981] 1 WLR 1441).
Date add_months(Date d, int months);

// The last day of the period of `months` calendar months *beginning with* `start`
// (the start day counts, as in statutes worded "the period of 12 months beginning
// with the date on which the warning was given"). It ends the day before the
// anniversary: 15 Mar 2025, 12 -> 14 Mar 2026; 1 Mar 2023, 12 -> 29 Feb 2024. With no
// anniversary day in that month it runs to the month's end: 29 Feb 2024, 12 -> 28 Feb
// 2025 (a full 366 days). Requires months >= 1.
Date last_day_of_months_beginning_with(Date start, int months);

// Days from `from` to `to` (negative when `to` is earlier).
int days_between(Date from, Date to);

// Monday = 1 ... Sunday = 7 (ISO 8601).
unsigned iso_weekday(Date d);

}  // namespace onecase::platform
