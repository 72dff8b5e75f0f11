#pragma once
// The HTTP/1.1 server: Boost.Beast on Asio with one C++20 coroutine per connection.
// Handlers are plain functions run on a pool of I/O threads; they may block on the
// database, so the pool is larger than the core count.
#include <atomic>
#include <cstdint>
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
};

using App = std::function<Response(Request&)>;

class Server {
public:
    Server(ServerOptions options, App app);
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
