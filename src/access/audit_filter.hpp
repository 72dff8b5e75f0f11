#pragma once
// What an auditor asks of the audit log: by case, user, action and time, a page at
// a time. Pure: parsed and checked from the request's text fields alone.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "platform/clock.hpp"
#include "platform/result.hpp"

namespace onecase::access {

inline constexpr int kAuditDefaultLimit = 50;
inline constexpr int kAuditMaxLimit = 500;

struct AuditFilter {
    std::optional<std::string> crn;
    std::optional<std::string> username;
    std::optional<std::string> action;        // exact, e.g. case.view
    std::optional<platform::Instant> from;    // inclusive
    std::optional<platform::Instant> before;  // exclusive
    int limit = kAuditDefaultLimit;
    std::optional<std::int64_t> cursor;  // rows with a smaller id than this: the next (older) page
};

// Fields as sent: crn, user, action, from, to, limit, cursor (absent or empty means
// no filter). `from` and `to` are a UK date (2026-11-22: from its start / to its
// end), a UK local time (2026-11-22T09:30) or a UTC instant (2026-11-22T09:30:00Z).
// Field errors name the field as sent.
Result<AuditFilter> parse_audit_filter(const std::map<std::string, std::string>& fields);

// The filter in words for the audit row that records the query, e.g.
// "crn=X123456 user=demo.po from=2026-11-22T00:00:00Z".
std::string describe_audit_filter(const AuditFilter& filter);

}  // namespace onecase::access
