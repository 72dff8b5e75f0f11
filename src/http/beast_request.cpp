#include "http/beast_request.hpp"

#include <cctype>

namespace onecase::http {

Request from_beast(const boost::beast::http::request<boost::beast::http::string_body>& msg,
                   std::string remote_address, bool tls) {
    Request req;
    req.method = std::string(msg.method_string());
    req.target = std::string(msg.target());
    const auto q = req.target.find('?');
    req.path = url_decode(std::string_view(req.target).substr(0, q), false);
    if (q != std::string::npos) req.query = parse_urlencoded(std::string_view(req.target).substr(q + 1));
    for (const auto& field : msg) {
        std::string name(field.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        auto [it, inserted] = req.headers.emplace(name, std::string(field.value()));
        if (!inserted) it->second += (name == "cookie" ? "; " : ", ") + std::string(field.value());
    }
    req.body = msg.body();
    req.remote_address = std::move(remote_address);
    req.tls = tls;
    return req;
}

}  // namespace onecase::http
