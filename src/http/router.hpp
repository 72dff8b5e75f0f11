#pragma once
// Maps method + path pattern to a handler. Patterns are literal segments and
// `{name}` segments, e.g. "/api/v1/people/{crn}/contacts".
#include <functional>
#include <string>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace onecase::http {

using Handler = std::function<Response(Request&)>;

// A registered route as written: "GET", "/api/v1/people/{crn}".
struct RouteInfo {
    std::string method;
    std::string pattern;
    bool operator==(const RouteInfo&) const = default;
};

class Router {
public:
    void add(std::string method, std::string pattern, Handler handler);

    // Finds the route, fills req.path_params and calls it. 404 when no pattern
    // matches; 405 (with Allow) when the path matches for other methods only.
    Response dispatch(Request& req) const;

    // Every route in the order added, so a test can check each one is accounted for
    // (the authorisation matrix test fails for a route without an entry).
    std::vector<RouteInfo> routes() const;

private:
    struct Route {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments;
        Handler handler;
    };
    std::vector<Route> routes_;
};

std::vector<std::string> split_path(std::string_view path);

}  // namespace onecase::http
