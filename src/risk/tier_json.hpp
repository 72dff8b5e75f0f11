#pragma once
// The tier inputs and result as JSON, for `onecase tier` (the rules checked from
// outside the server) and the API. The schema is in docs/tiering.md.
#include <iosfwd>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "platform/result.hpp"
#include "risk/tiering.hpp"

namespace onecase::risk {

// Reads a tier inputs document. Strict: an unknown field, a wrong type or a value
// out of range is a FieldError naming the field by its path
// ("assessment.needs.attitudes", "current_sentences[0].custodial"); every error in the
// document is reported, not only the first. Absent and null mean the same.
Result<TierInputs> parse_tier_inputs(const boost::json::value& document);

// {"tier":"B2","protect":{"level":"B","points":30,"factors":[{"name":..,"points":..,
// "reason":..}]},"change":{"level":2,"points":12,"factors":[..]}}
boost::json::object tier_result_json(const TierResult& result);

// `onecase tier`: reads one inputs document from `in`, writes the result JSON and a
// newline to `out` and returns 0; on bad input writes one line per problem to `err`
// and returns 2, writing nothing to `out`.
int run_tier_command(std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace onecase::risk
