#pragma once
// `onecase demo-data`: a realistic, deterministic synthetic probation service for
// demonstrations, tests (small) and benchmarks (national).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"
#include "platform/clock.hpp"

namespace onecase::demo {

enum class DemoScale { small, national };
std::optional<DemoScale> parse_scale(std::string_view text);

struct DemoUser {
    std::string username, password, role, description;
};

struct DemoSummary {
    std::int64_t regions = 0, pdus = 0, teams = 0, offices = 0, staff = 0, people = 0,
                 current_cases = 0, events = 0, contacts = 0, appointments = 0;
    std::vector<DemoUser> users;
};

inline constexpr const char* kDemoPassword = "onecase-demo-2026";

// Loads a whole synthetic service into a migrated, empty database. The same seed
// gives the same service (dates are relative to `now`). Throws std::runtime_error
// if the database already holds people.
DemoSummary load_demo_data(db::Database& db, DemoScale scale, std::uint64_t seed, platform::Instant now);

}  // namespace onecase::demo
