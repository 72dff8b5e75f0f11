#pragma once
// The HTTP/1.1 server: Boost.Beast on Asio with one C++20 coroutine per connection,
// over plain TCP or, given a certificate and key, TLS (OpenSSL through Asio's ssl
// stream). Handlers are plain functions run on a pool of I/O threads; they may block
// on the database, so the pool is larger than the core count.
#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string>

#include "http/request.hpp"
#include "http/response.hpp"

namespace onecase::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;  // 0 picks a free port
    int threads = 0;            // 0: 4 per core, at least 8
    std::size_t max_body_bytes = 2 * 1024 * 1024;
    std::size_t max_header_bytes = 16 * 1024;
    int idle_timeout_seconds = 60;
    bool tls = false;  // set when behind a TLS-terminating proxy, for Secure cookies and HSTS
    // PEM files: when both are set the server speaks only TLS (1.2 or later) and
    // behaves as `tls` above. The key file must not be passphrase-protected.
    std::string tls_cert_file{};
    std::string tls_key_file{};
};

using App = std::function<Response(Request&)>;
// The answer sent instead when a hold on it failed (answer_hold.hpp): called on the
// request's connection with the hold's exception.
using HoldFailed = std::function<Response(const Request&, std::exception_ptr)>;

class Server {
public:
    // Throws std::runtime_error when the TLS certificate or key cannot be loaded.
    // Without `hold_failed`, a failed hold is answered 500.
    Server(ServerOptions options, App app, HoldFailed hold_failed = {});
    ~Server();

    // Binds the listening socket; throws std::system_error if the address is taken.
    void bind();
    // The bound port (after bind()).
    std::uint16_t port() const;
    // Serves until stop() or SIGTERM/SIGINT; in-flight requests finish first (at most 10 s).
    void run();
    // Asks run() to return; safe from any thread.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Adds the headers every response carries (CSP, nosniff, referrer policy, frame
// ancestors, HSTS when on TLS).
void add_security_headers(Response& response, bool tls);

}  // namespace onecase::http
