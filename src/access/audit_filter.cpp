#include "access/audit_filter.hpp"

#include <charconv>
#include <vector>

namespace onecase::access {

namespace {

std::optional<std::string> text(const std::map<std::string, std::string>& f, const std::string& name) {
    auto it = f.find(name);
    if (it == f.end()) return std::nullopt;
    auto v = it->second;
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.pop_back();
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.erase(v.begin());
    if (v.empty()) return std::nullopt;
    return v;
}

// A bound: a UK date, UK local time or UTC instant; `end_of_day` picks the end of a
// whole date (for `to`).
std::optional<platform::Instant> parse_bound(const std::string& v, bool upper) {
    if (v.size() == 10) {
        auto d = platform::parse_date(v);
        if (!d) return std::nullopt;
        auto day = std::chrono::local_days(std::chrono::sys_days(*d).time_since_epoch());
        if (upper) day += std::chrono::days(1);
        return platform::london_local_to_utc(std::chrono::local_seconds(day));
    }
    std::optional<platform::Instant> at =
        v.ends_with('Z') ? platform::parse_instant(v) : platform::parse_london_local(v);
    if (at && upper) *at += std::chrono::seconds(1);  // stored to the second: `to` includes that second
    return at;
}

std::optional<std::int64_t> parse_int(const std::string& v) {
    std::int64_t n = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc{} || p != v.data() + v.size()) return std::nullopt;
    return n;
}

}  // namespace

Result<AuditFilter> parse_audit_filter(const std::map<std::string, std::string>& fields) {
    AuditFilter f;
    std::vector<FieldError> errors;
    auto bounded = [&](const char* name, std::size_t max) -> std::optional<std::string> {
        auto v = text(fields, name);
        if (v && v->size() > max) {
            errors.push_back({name, std::string("Enter no more than ") + std::to_string(max) + " characters"});
            return std::nullopt;
        }
        return v;
    };
    f.crn = bounded("crn", 20);
    if (f.crn) {
        for (auto& c : *f.crn) {
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        }
    }
    f.username = bounded("user", 100);
    f.action = bounded("action", 100);
    if (auto v = text(fields, "from")) {
        f.from = parse_bound(*v, false);
        if (!f.from) errors.push_back({"from", "Enter the start as a date like 2026-11-22 or a time like 2026-11-22T09:30"});
    }
    if (auto v = text(fields, "to")) {
        f.before = parse_bound(*v, true);
        if (!f.before) errors.push_back({"to", "Enter the end as a date like 2026-11-22 or a time like 2026-11-22T17:30"});
    }
    if (f.from && f.before && *f.before <= *f.from) errors.push_back({"to", "The end must be after the start"});
    if (auto v = text(fields, "limit")) {
        auto n = parse_int(*v);
        if (!n || *n < 1 || *n > kAuditMaxLimit) {
            errors.push_back({"limit", "Enter a number of rows from 1 to " + std::to_string(kAuditMaxLimit)});
        } else {
            f.limit = static_cast<int>(*n);
        }
    }
    if (auto v = text(fields, "cursor")) {
        auto n = parse_int(*v);
        if (!n || *n < 1) errors.push_back({"cursor", "The cursor must be one returned by an earlier page"});
        else f.cursor = *n;
    }
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the audit search");
    return f;
}

std::string describe_audit_filter(const AuditFilter& f) {
    std::string out;
    auto add = [&](const char* name, const std::string& v) {
        if (!out.empty()) out += ' ';
        out += name;
        out += '=';
        out += v;
    };
    if (f.crn) add("crn", *f.crn);
    if (f.username) add("user", *f.username);
    if (f.action) add("action", *f.action);
    if (f.from) add("from", platform::format_instant(*f.from));
    if (f.before) add("before", platform::format_instant(*f.before));
    if (f.cursor) add("cursor", std::to_string(*f.cursor));
    add("limit", std::to_string(f.limit));
    return out;
}

}  // namespace onecase::access
