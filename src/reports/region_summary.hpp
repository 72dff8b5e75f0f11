#pragma once
// A read-only report: a region's current cases by PDU and tier. Reporting routes read
// from the replica when one is configured (--db-replica), so heavy reads never
// compete with recording on the primary; their figures may lag it slightly.
#include <cstdint>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace onecase::reports {

struct TierCount {
    std::string pdu_code;
    std::string pdu_name;
    std::string tier;  // "" when not known
    std::int64_t cases = 0;
};

// Current cases held in the region, by PDU and tier; unallocated cases are not in
// any PDU yet and are left out.
std::vector<TierCount> region_tier_counts(db::Connection& conn, std::int64_t region_id);

}  // namespace onecase::reports
