#pragma once
// Registrations (flags) on a case. The risk issue adds reference data, reviews and
// de-registration; this reads what is there.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace onecase::risk {

struct Registration {
    std::string type_code;
    std::string description;
    std::optional<std::string> level;
    std::string registered_on;
    std::optional<std::string> review_due;
};

// Registrations not de-registered, most recent first.
std::vector<Registration> active_registrations(db::Connection& conn, std::int64_t person_id);

}  // namespace onecase::risk
