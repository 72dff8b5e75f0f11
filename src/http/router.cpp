#include "http/router.hpp"

#include "platform/result.hpp"

namespace onecase::http {

std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> out;
    while (!path.empty()) {
        if (path.front() == '/') {
            path.remove_prefix(1);
            continue;
        }
        const auto slash = path.find('/');
        out.emplace_back(path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash);
    }
    return out;
}

void Router::add(std::string method, std::string pattern, Handler handler) {
    auto segments = split_path(pattern);
    routes_.push_back(Route{std::move(method), std::move(pattern), std::move(segments), std::move(handler)});
}

std::vector<RouteInfo> Router::routes() const {
    std::vector<RouteInfo> out;
    out.reserve(routes_.size());
    for (const auto& r : routes_) out.push_back(RouteInfo{r.method, r.pattern});
    return out;
}

Response Router::dispatch(Request& req) const {
    const auto segments = split_path(req.path);
    std::string allowed;
    for (const auto& route : routes_) {
        if (route.segments.size() != segments.size()) continue;
        std::map<std::string, std::string> params;
        bool match = true;
        for (std::size_t i = 0; i < segments.size() && match; ++i) {
            const auto& s = route.segments[i];
            if (s.size() > 2 && s.front() == '{' && s.back() == '}') {
                params[s.substr(1, s.size() - 2)] = segments[i];
            } else if (s != segments[i]) {
                match = false;
            }
        }
        if (!match) continue;
        if (route.method != req.method && !(req.method == "HEAD" && route.method == "GET")) {
            if (!allowed.empty()) allowed += ", ";
            allowed += route.method;
            continue;
        }
        req.path_params = std::move(params);
        return route.handler(req);
    }
    if (!allowed.empty()) {
        auto r = Response::problem(Problem{405, "Method not allowed", "", {}});
        r.header("Allow", allowed);
        return r;
    }
    return Response::problem(Problem::not_found("No page or resource at " + req.path));
}

}  // namespace onecase::http
