// Fuzzes what the server does with the bytes of a request before any handler runs:
// Beast's parser with the server's header and body limits, then from_beast (target
// split, %-decoding, header folding) and the Request accessors handlers call
// (form body, cookies, query parameters).
#include <boost/beast/core/buffers_prefix.hpp>
#include <boost/beast/http.hpp>

#include <cctype>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "http/beast_request.hpp"
#include "http/server.hpp"

namespace bhttp = boost::beast::http;
using namespace onecase;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const http::ServerOptions limits;
    bhttp::request_parser<bhttp::string_body> parser;
    parser.body_limit(limits.max_body_bytes);
    parser.header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
    parser.eager(true);

    std::string_view in(reinterpret_cast<const char*>(data), size);
    boost::beast::error_code ec;
    while (!parser.is_done()) {
        const auto used = parser.put(boost::asio::buffer(in.data(), in.size()), ec);
        in.remove_prefix(used);
        if (ec == bhttp::error::need_more) {
            if (!in.empty() && used > 0) {
                ec = {};
                continue;
            }
            ec = {};
            parser.put_eof(ec);  // the client closed: all the bytes there will be
            break;
        }
        if (ec) return 0;  // the server answers 400/413 and closes
        if (used == 0) break;
    }
    if (ec || !parser.is_done()) return 0;

    const http::Request req = http::from_beast(parser.get(), "127.0.0.1", false);
    for (const auto& [name, value] : req.headers) {
        for (char c : name) FUZZ_CHECK(!std::isupper(static_cast<unsigned char>(c)));
    }
    FUZZ_CHECK(req.body.size() <= limits.max_body_bytes);
    FUZZ_CHECK(req.target.rfind(req.path, 0) == 0 || req.target.find('%') != std::string::npos);
    (void)req.form();
    (void)req.form_value("csrf");
    (void)req.cookie("onecase_session");
    (void)req.cookie("");
    (void)req.query_param("q");
    (void)req.wants_json();
    // What the app writes into links and redirects reads back as it was.
    FUZZ_CHECK(http::url_decode(http::url_encode(req.path)) == req.path);
    for (const auto& [key, value] : req.query) {
        FUZZ_CHECK(http::url_decode(http::url_encode(key)) == key);
        FUZZ_CHECK(http::url_decode(http::url_encode(value), false) == value);
    }
    return 0;
}
