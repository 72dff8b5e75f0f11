#pragma once
// Turns a request Beast parsed into the Request handlers see. Pure: no socket, so the
// fuzz target (tests/fuzz/http_request_fuzz.cpp) runs exactly what the server runs.
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string>

#include "http/request.hpp"

namespace onecase::http {

// Splits and decodes the target into path and query, lower-cases header names
// (repeated headers are joined: cookies with "; ", others with ", ") and copies the body.
Request from_beast(const boost::beast::http::request<boost::beast::http::string_body>& msg,
                   std::string remote_address, bool tls);

}  // namespace onecase::http
