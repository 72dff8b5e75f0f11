#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace onecase::http {

std::string content_type_for(const std::string& path) {
    static const std::vector<std::pair<std::string, std::string>> kTypes = {
        {".css", "text/css; charset=utf-8"},   {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"}, {".png", "image/png"},
        {".svg", "image/svg+xml"},             {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},              {".woff", "font/woff"},
        {".json", "application/json"},         {".map", "application/json"},
        {".txt", "text/plain; charset=utf-8"}, {".webmanifest", "application/manifest+json"},
    };
    for (const auto& [ext, type] : kTypes) {
        if (path.ends_with(ext)) return type;
    }
    return "application/octet-stream";
}

void StaticFiles::mount(std::string url_prefix, std::string directory) {
    mounts_.emplace_back(std::move(url_prefix), std::move(directory));
}

std::optional<Response> StaticFiles::serve(const Request& req) const {
    for (const auto& [prefix, dir] : mounts_) {
        if (req.path.rfind(prefix, 0) != 0) continue;
        const std::string rest = req.path.substr(prefix.size());
        if (rest.find("..") != std::string::npos || rest.find('\0') != std::string::npos) {
            return Response::problem(Problem::not_found("No such file"));
        }
        const std::filesystem::path file = std::filesystem::path(dir) / rest;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec)) {
            return Response::problem(Problem::not_found("No such file"));
        }
        std::ifstream in(file, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        Response r{200, {}, ss.str()};
        r.header("Content-Type", content_type_for(file.string()));
        r.header("Cache-Control", "public, max-age=3600");
        return r;
    }
    return std::nullopt;
}

}  // namespace onecase::http
