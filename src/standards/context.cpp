#include "standards/context.hpp"

#include <stdexcept>

namespace onecase::standards {

const platform::BankHolidays& shipped_bank_holidays() {
    static const platform::BankHolidays kHolidays = platform::england_and_wales_bank_holidays();
    return kHolidays;
}

PolicyContext load_policy_context(db::Connection& conn, platform::Instant now) {
    PolicyContext c;
    c.versions = load_policy_versions(conn);
    c.policies = policies_of(c.versions);
    c.today = platform::london_date(now);
    // policy_in_force keeps the first of versions sharing a date, so ask newest first:
    // a correction added later for the same day is the one in force.
    std::vector<contacts::NationalStandardsPolicy> newest_first(c.policies.rbegin(), c.policies.rend());
    const auto* chosen = contacts::policy_in_force(newest_first, c.today);
    for (const auto& p : c.policies)
        if (chosen && p.version == chosen->version) c.in_force = &p;
    if (!c.in_force) throw std::logic_error("no national standards policy in force");  // version 1 covers all days
    return c;
}

}  // namespace onecase::standards
