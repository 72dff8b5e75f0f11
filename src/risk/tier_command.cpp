// `onecase tier`: the tier rules from the command line, so they can be checked from
// outside the server (issue 5). main.cpp calls run_tier_command.
#include <iostream>
#include <iterator>
#include <string>

#include <boost/json.hpp>

#include "risk/tier_json.hpp"

namespace onecase::risk {

int run_tier_command(std::istream& in, std::ostream& out, std::ostream& err) {
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    boost::system::error_code ec;
    const boost::json::value document = boost::json::parse(text, ec);
    if (ec) {
        err << "tier: the input is not valid JSON: " << ec.message() << "\n";
        return 2;
    }
    const Result<TierInputs> inputs = parse_tier_inputs(document);
    if (!inputs) {
        err << "tier: " << inputs.problem().title << "\n";
        for (const auto& e : inputs.problem().errors)
            err << "tier: " << (e.field.empty() ? "" : e.field + ": ") << e.message << "\n";
        return 2;
    }
    out << boost::json::serialize(tier_result_json(calculate_tier(inputs.value()))) << "\n";
    return 0;
}

}  // namespace onecase::risk
