#include "http/response.hpp"

#include <boost/json.hpp>

namespace onecase::http {

Response Response::html(std::string body, int status) {
    Response r{status, {}, std::move(body)};
    r.header("Content-Type", "text/html; charset=utf-8");
    r.header("Cache-Control", "no-store");
    return r;
}

Response Response::json(std::string body, int status) {
    Response r{status, {}, std::move(body)};
    r.header("Content-Type", "application/json");
    r.header("Cache-Control", "no-store");
    return r;
}

Response Response::text(std::string body, int status) {
    Response r{status, {}, std::move(body)};
    r.header("Content-Type", "text/plain; charset=utf-8");
    return r;
}

Response Response::redirect(const std::string& location) {
    Response r{303, {}, {}};
    r.header("Location", location);
    return r;
}

Response Response::problem(const Problem& p) {
    boost::json::object o;
    o["type"] = "about:blank";
    o["title"] = p.title;
    o["status"] = p.status;
    if (!p.detail.empty()) o["detail"] = p.detail;
    if (!p.errors.empty()) {
        boost::json::array errors;
        for (const auto& e : p.errors) {
            errors.push_back(boost::json::object{{"field", e.field}, {"message", e.message}});
        }
        o["errors"] = std::move(errors);
    }
    Response r{p.status, {}, boost::json::serialize(o)};
    r.header("Content-Type", "application/problem+json");
    r.header("Cache-Control", "no-store");
    return r;
}

}  // namespace onecase::http
