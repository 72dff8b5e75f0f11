#pragma once
// Serves files under URL prefixes from directories (GOV.UK Frontend, MoJ Frontend,
// our own CSS/JS). Never serves anything outside a mounted directory.
#include <optional>
#include <string>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace onecase::http {

class StaticFiles {
public:
    // Maps `url_prefix` (e.g. "/static/") to `directory`.
    void mount(std::string url_prefix, std::string directory);

    // The file's response, or nullopt when no mount matches the path. 404 for a
    // mount without such a file; ".." segments are refused.
    std::optional<Response> serve(const Request& req) const;

private:
    std::vector<std::pair<std::string, std::string>> mounts_;
};

std::string content_type_for(const std::string& path);

}  // namespace onecase::http
