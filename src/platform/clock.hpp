#pragma once
// Time. Instants are stored in UTC as ISO 8601 text ("2026-11-22T09:30:00Z"); people
// see Europe/London local time. Rules never read the clock: they are passed `now`
// or `today`.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace onecase::platform {

using Instant = std::chrono::sys_seconds;
using Date = std::chrono::year_month_day;

class Clock {
public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;
};

class SystemClock final : public Clock {
public:
    Instant now() const override;
};

std::string format_instant(Instant t);                       // 2026-11-22T09:30:00Z
std::optional<Instant> parse_instant(std::string_view text);  // the form above
std::string format_date(Date d);                              // 2026-11-22
std::optional<Date> parse_date(std::string_view text);        // YYYY-MM-DD, a real date

// Europe/London conversions (GMT/BST by the UK rule: last Sunday of March and of
// October at 01:00 UTC).
Instant london_local_to_utc(std::chrono::local_seconds local);
std::chrono::local_seconds utc_to_london_local(Instant t);

// Parses local UK time "2026-12-01T10:00" or "2026-12-01T10:00:00" to UTC.
std::optional<Instant> parse_london_local(std::string_view text);

// "22 Nov 2026 09:30" in London time, for pages.
std::string display_london(Instant t);
// "22 Nov 2026".
std::string display_date(Date d);
// The London calendar date of an instant.
Date london_date(Instant t);

// Whole years between a date of birth and `today`.
int age_on(Date date_of_birth, Date today);

}  // namespace onecase::platform
