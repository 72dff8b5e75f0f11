#include "platform/clock.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace onecase::platform {
namespace {

using namespace std::chrono;

constexpr std::array<const char*, 12> kMonthAbbrev = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool parse_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc{};
}

// UK summer time starts and ends at 01:00 UTC on the last Sunday of March and
// October (The Summer Time Order 2002, harmonised with EU Directive 2000/84/EC).
sys_seconds last_sunday_0100_utc(year y, month m) {
    const sys_days last_day = sys_days{y / m / std::chrono::last};
    const weekday wd{last_day};
    const sys_days sunday = last_day - (wd - Sunday);
    return sunday + hours{1};
}

bool is_bst(sys_seconds t) {
    const year y = year_month_day{floor<days>(t)}.year();
    return t >= last_sunday_0100_utc(y, March) && t < last_sunday_0100_utc(y, October);
}

}  // namespace

Instant SystemClock::now() const { return floor<seconds>(system_clock::now()); }

std::string format_instant(Instant t) {
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss hms{t - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                  int(hms.minutes().count()), int(hms.seconds().count()));
    return buf;
}

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!parse_int(text.substr(0, 4), y) || !parse_int(text.substr(5, 2), m) ||
        !parse_int(text.substr(8, 2), d)) {
        return std::nullopt;
    }
    const Date date{year{y}, month{unsigned(m)}, day{unsigned(d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

namespace {
// Parses "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" (a space may replace T) into
// a date and seconds since midnight.
std::optional<std::pair<Date, seconds>> parse_date_time(std::string_view text) {
    if (text.size() != 16 && text.size() != 19) return std::nullopt;
    if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
    auto date = parse_date(text.substr(0, 10));
    if (!date || text[13] != ':') return std::nullopt;
    int h = 0, mi = 0, s = 0;
    if (!parse_int(text.substr(11, 2), h) || !parse_int(text.substr(14, 2), mi)) return std::nullopt;
    if (text.size() == 19) {
        if (text[16] != ':' || !parse_int(text.substr(17, 2), s)) return std::nullopt;
    }
    if (h > 23 || mi > 59 || s > 59) return std::nullopt;
    return std::pair{*date, hours{h} + minutes{mi} + seconds{s}};
}
}  // namespace

std::optional<Instant> parse_instant(std::string_view text) {
    if (text.empty() || text.back() != 'Z') return std::nullopt;
    auto parsed = parse_date_time(text.substr(0, text.size() - 1));
    if (!parsed) return std::nullopt;
    return sys_days{parsed->first} + parsed->second;
}

std::string format_date(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()),
                  unsigned(d.day()));
    return buf;
}

Instant london_local_to_utc(local_seconds local) {
    // Try GMT first; if that instant is in summer time, the local time meant BST.
    const sys_seconds as_gmt{local.time_since_epoch()};
    const sys_seconds as_bst = as_gmt - hours{1};
    if (is_bst(as_bst)) return as_bst;
    return as_gmt;
}

local_seconds utc_to_london_local(Instant t) {
    const auto offset = is_bst(t) ? hours{1} : hours{0};
    return local_seconds{t.time_since_epoch() + offset};
}

std::optional<Instant> parse_london_local(std::string_view text) {
    auto parsed = parse_date_time(text);
    if (!parsed) return std::nullopt;
    return london_local_to_utc(local_days{parsed->first} + parsed->second);
}

std::string display_date(Date d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%u %s %04d", unsigned(d.day()),
                  kMonthAbbrev[unsigned(d.month()) - 1], int(d.year()));
    return buf;
}

std::string display_london(Instant t) {
    const local_seconds local = utc_to_london_local(t);
    const auto day = floor<days>(local);
    const hh_mm_ss hms{local - day};
    char buf[16];
    std::snprintf(buf, sizeof buf, " %02d:%02d", int(hms.hours().count()),
                  int(hms.minutes().count()));
    return display_date(Date{day}) + buf;
}

Date london_date(Instant t) { return Date{floor<days>(utc_to_london_local(t))}; }

int age_on(Date dob, Date today) {
    int age = int(today.year()) - int(dob.year());
    if (today.month() < dob.month() || (today.month() == dob.month() && today.day() < dob.day())) {
        --age;
    }
    return age;
}

}  // namespace onecase::platform
