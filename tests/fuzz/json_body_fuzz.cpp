// Fuzzes JSON API bodies as the routes read them: Boost.JSON's parser (instrumented,
// tests/fuzz/boost_json.cpp), then the strict document readers behind the
// API and CLI: tier inputs (POST .../tier inputs, `onecase tier`) and the
// enforcement policy (POST /api/v1/enforcement/policy). Checks round trips.
#include <boost/json.hpp>

#include <cstdint>
#include <string_view>

#include "enforcement/policy_rules.hpp"
#include "fuzz_check.hpp"
#include "risk/tier_json.hpp"

namespace json = boost::json;
using namespace onecase;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    boost::system::error_code ec;
    const json::value v = json::parse(std::string_view(reinterpret_cast<const char*>(data), size), ec);
    if (ec) return 0;  // the routes answer 400
    // What the API writes is what it read.
    FUZZ_CHECK(json::parse(json::serialize(v)) == v);

    auto inputs = risk::parse_tier_inputs(v);
    if (inputs) {
        const auto result = risk::calculate_tier(*inputs);
        const auto written = risk::tier_result_json(result);
        FUZZ_CHECK(json::parse(json::serialize(written)) == written);
    } else {
        FUZZ_CHECK(inputs.problem().status == 422 || inputs.problem().status == 400);
    }

    auto policy = enforcement::parse_enforcement_policy(v);
    if (policy) {
        // Settings are stored as enforcement_policy_json writes them and read back.
        const auto stored = enforcement::enforcement_policy_json(*policy);
        auto again = enforcement::parse_enforcement_policy(stored);
        FUZZ_CHECK(again.ok());
        FUZZ_CHECK(enforcement::enforcement_policy_json(*again) == stored);
    }
    return 0;
}
