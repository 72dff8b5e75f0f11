#pragma once
// National standards policy versions in storage (table policy_versions, policy =
// 'national_standards'). Rows are never changed: a new version is a new row.
#include <optional>
#include <string>
#include <vector>

#include "contacts/national_standards.hpp"
#include "db/database.hpp"
#include "platform/clock.hpp"

namespace onecase::standards {

inline constexpr const char* kPolicyName = "national_standards";

struct StoredPolicyVersion {
    contacts::NationalStandardsPolicy policy;
    std::string note;
    std::string created_at;  // UTC ISO; empty for the built-in defaults
    std::string created_by;  // username; empty for the built-in defaults
    bool built_in = false;   // the code's defaults, used while the table holds no version
};

// Every version, oldest first. Unless a version 1 is stored, the code's defaults come
// first as version 1 (built_in), in force from 1900 until the next version's date. A stored row whose settings no longer validate is a broken
// invariant (only validated settings are written) and throws std::runtime_error.
std::vector<StoredPolicyVersion> load_policy_versions(db::Connection& conn);

// The policies alone, for contacts::policy_in_force.
std::vector<contacts::NationalStandardsPolicy> policies_of(const std::vector<StoredPolicyVersion>& versions);

// Adds a version numbered one above the highest stored (so 2 after the built-in 1
// when the table is empty), in the caller's write transaction. Returns its number.
// Two admins saving at once: the UNIQUE (policy, version) constraint refuses the
// second with db::ConstraintViolation.
int insert_policy_version(db::Connection& conn, const contacts::NationalStandardsPolicy& policy,
                          const std::string& note, std::int64_t user_id, platform::Instant now);

}  // namespace onecase::standards
