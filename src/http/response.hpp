#pragma once
// A response as handlers build it. Security headers are added by the server to
// every response, so handlers never forget them.
#include <string>
#include <utility>
#include <vector>

#include "platform/result.hpp"

namespace onecase::http {

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    Response& header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }

    static Response html(std::string body, int status = 200);
    static Response json(std::string body, int status = 200);
    static Response text(std::string body, int status = 200);
    // 303 See Other: the browser follows with GET, so a reload never re-posts.
    static Response redirect(const std::string& location);
    // RFC 9457 problem+json.
    static Response problem(const Problem& p);
};

}  // namespace onecase::http
