// Fuzzes JSON API bodies as the routes read them: Boost.JSON's parser (instrumented,
// tests/fuzz/boost_json.cpp), then the strict document readers behind the
// API and CLI: tier inputs (POST .../tier inputs, `onecase tier`) and the
// enforcement policy (POST /api/v1/enforcement/policy). Checks round trips.
#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>

#include "enforcement/policy_rules.hpp"
#include "fuzz_check.hpp"
#include "risk/tier_json.hpp"

namespace json = boost::json;
using namespace onecase;

namespace {

bool all_finite(const json::value& v) {
    if (v.is_double()) return std::isfinite(v.get_double());
    if (v.is_array()) {
        for (const auto& e : v.get_array()) {
            if (!all_finite(e)) return false;
        }
    }
    if (v.is_object()) {
        for (const auto& e : v.get_object()) {
            if (!all_finite(e.value())) return false;
        }
    }
    return true;
}

// Equal, but doubles only to a few units in the last place: Boost.JSON 1.81's parser
// is not correctly rounded, so reading back what it wrote may differ by an ulp.
bool same(const json::value& a, const json::value& b) {
    if (a.is_double() && b.is_double()) {
        const double x = a.get_double(), y = b.get_double();
        return x == y || std::fabs(x - y) <= 1e-14 * std::max(std::fabs(x), std::fabs(y));
    }
    if (a.kind() != b.kind()) return false;
    if (a.is_array()) {
        const auto &p = a.get_array(), &q = b.get_array();
        if (p.size() != q.size()) return false;
        for (std::size_t i = 0; i < p.size(); ++i) {
            if (!same(p[i], q[i])) return false;
        }
        return true;
    }
    if (a.is_object()) {
        const auto &p = a.get_object(), &q = b.get_object();
        if (p.size() != q.size()) return false;
        for (const auto& e : p) {
            const auto* other = q.if_contains(e.key());
            if (!other || !same(e.value(), *other)) return false;
        }
        return true;
    }
    return a == b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    boost::system::error_code ec;
    const json::value v = json::parse(std::string_view(reinterpret_cast<const char*>(data), size), ec);
    if (ec) return 0;  // the routes answer 400
    // What the API writes is what it read, for finite numbers. Boost.JSON reads a
    // number too large for a double as infinity and writes it as "Infinity" (not
    // JSON): the readers below must refuse such values (found by this target; the
    // regression rows are in tests/unit/tier_json_test.cpp).
    const bool finite = all_finite(v);
    if (finite) FUZZ_CHECK(same(json::parse(json::serialize(v)), v));

    auto inputs = risk::parse_tier_inputs(v);
    if (inputs) {
        const auto result = risk::calculate_tier(*inputs);
        const auto written = risk::tier_result_json(result);
        FUZZ_CHECK(same(json::parse(json::serialize(written)), written));
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
