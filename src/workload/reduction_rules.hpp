#pragma once
// Validating a reduction an SPO or admin records. Pure.
#include <string>

#include "platform/result.hpp"
#include "workload/capacity.hpp"

namespace onecase::workload {

struct ReductionInput {
    std::string reason, hours_per_week, start_date, end_date, notes;
};

// Field errors on reason, hoursPerWeek, startDate, endDate and notes: a listed reason;
// hours more than 0 and no more than 168, to the minute; real dates, the end (if any)
// on or after the start; notes required for "other", at most 2,000 characters.
Result<Reduction> parse_reduction(const ReductionInput& in);

}  // namespace onecase::workload
