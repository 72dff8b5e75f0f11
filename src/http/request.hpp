#pragma once
// A request as handlers see it: parsed once by the server, with no Beast types, so
// modules compile quickly and test without a socket.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/answer_hold.hpp"

namespace onecase::http {

// Parses application/x-www-form-urlencoded text (also a query string). Later
// duplicates of a key win. Invalid %-escapes are kept literally.
std::map<std::string, std::string> parse_urlencoded(std::string_view text);
std::string url_decode(std::string_view text, bool plus_as_space = true);
std::string url_encode(std::string_view text);

struct Request {
    std::string method;                           // GET, POST, ...
    std::string target;                           // raw target, path and query
    std::string path;                             // decoded path
    std::map<std::string, std::string> query;     // decoded query parameters
    std::map<std::string, std::string> headers;   // lower-case names
    std::string body;
    std::string remote_address;
    bool tls = false;
    std::map<std::string, std::string> path_params;  // filled by the router

    std::optional<std::string> header(const std::string& lower_name) const;
    std::optional<std::string> cookie(std::string_view name) const;
    std::optional<std::string> query_param(const std::string& name) const;
    // The urlencoded form body (parsed on first use).
    const std::map<std::string, std::string>& form() const;
    std::string form_value(const std::string& name) const;  // "" when absent
    bool wants_json() const;

    // The answer is not sent before `hold` settles (answer_hold.hpp). Const because
    // it is bookkeeping for the server, not a change to what was asked; handlers
    // mostly hold the request const.
    void hold_answer_until(std::shared_ptr<AnswerHold> hold) const { holds_.push_back(std::move(hold)); }
    const std::vector<std::shared_ptr<AnswerHold>>& answer_holds() const { return holds_; }

private:
    mutable std::optional<std::map<std::string, std::string>> form_;
    mutable std::vector<std::shared_ptr<AnswerHold>> holds_;
};

}  // namespace onecase::http
