// Fuzzes the router: "METHOD PATH" (split at the first space) dispatched over a table
// shaped like the application's (literal and {param} segments, overlapping patterns,
// several methods on one path). Checks what handlers rely on.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "http/router.hpp"

using namespace onecase;

namespace {

constexpr const char* kRoutes[][2] = {
    {"GET", "/"},
    {"GET", "/caseload"},
    {"GET", "/people/{crn}"},
    {"POST", "/people/{crn}/contacts"},
    {"GET", "/people/{crn}/contacts/{id}/edit"},
    {"POST", "/people/{crn}/contacts/{id}/edit"},
    {"GET", "/people/{crn}/history"},
    {"GET", "/api/v1/caseload"},
    {"GET", "/api/v1/people"},
    {"GET", "/api/v1/people/{crn}"},
    {"GET", "/api/v1/people/{crn}/contacts"},
    {"POST", "/api/v1/people/{crn}/contacts"},
    {"PUT", "/api/v1/people/{crn}/contacts/{id}"},
    {"DELETE", "/api/v1/tokens/{id}"},
    {"GET", "/api/v1/appointments/{id}"},
    {"PATCH", "/api/v1/appointments/{id}"},
    {"GET", "/static/{file}"},
    {"GET", "/{anything}/literal"},
};

const http::Router& router() {
    static const http::Router r = [] {
        http::Router built;
        for (const auto& [method, pattern] : kRoutes) {
            std::string p = pattern;
            built.add(method, pattern, [p](http::Request& req) {
                // The path parameters are whole, non-empty segments of the request path.
                for (const auto& [name, value] : req.path_params) {
                    FUZZ_CHECK(!name.empty());
                    FUZZ_CHECK(!value.empty());
                    FUZZ_CHECK(value.find('/') == std::string::npos);
                }
                FUZZ_CHECK(http::split_path(req.path).size() == http::split_path(p).size());
                return http::Response::text(p);
            });
        }
        return built;
    }();
    return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    const auto space = in.find(' ');
    http::Request req;
    req.method = std::string(in.substr(0, space));
    req.path = space == std::string_view::npos ? "/" : std::string(in.substr(space + 1));

    const auto segments = http::split_path(req.path);
    std::string rejoined;
    for (const auto& s : segments) {
        FUZZ_CHECK(!s.empty());
        FUZZ_CHECK(s.find('/') == std::string::npos);
        rejoined += "/" + s;
    }
    FUZZ_CHECK(http::split_path(rejoined) == segments);

    const auto response = router().dispatch(req);
    FUZZ_CHECK(response.status == 200 || response.status == 404 || response.status == 405);
    if (response.status == 405) {
        bool allow = false;
        for (const auto& [k, v] : response.headers) allow = allow || (k == "Allow" && !v.empty());
        FUZZ_CHECK(allow);
    }
    return 0;
}
