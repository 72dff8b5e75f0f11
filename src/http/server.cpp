#include "http/server.hpp"

#include <sys/resource.h>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "http/beast_request.hpp"
#include "platform/log.hpp"

namespace onecase::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;

void add_security_headers(Response& r, bool tls) {
    auto has = [&](std::string_view name) {
        for (const auto& [k, v] : r.headers) {
            if (beast::iequals(k, name)) return true;
        }
        return false;
    };
    if (!has("Content-Security-Policy")) {
        r.header("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                 "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                 "frame-ancestors 'none'");
    }
    r.header("X-Content-Type-Options", "nosniff");
    r.header("Referrer-Policy", "no-referrer");
    r.header("X-Frame-Options", "DENY");
    r.header("Cross-Origin-Opener-Policy", "same-origin");
    if (tls) r.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

// Lets a hold settled after the server is gone (a flush still running at shutdown)
// find that out instead of posting to a destroyed io_context.
struct HoldGate {
    std::mutex mutex;
    bool open = true;
};

struct Server::Impl {
    ServerOptions options;
    App app;
    HoldFailed hold_failed;
    std::shared_ptr<HoldGate> hold_gate = std::make_shared<HoldGate>();
    net::io_context ioc;
    // The acceptor is not thread-safe: accepting, signal handling and stopping all
    // run on this one strand so a stop never closes it under an accept in flight.
    net::strand<net::io_context::executor_type> acceptor_strand = net::make_strand(ioc);
    tcp::acceptor acceptor{acceptor_strand};
    net::signal_set signals{acceptor_strand, SIGINT, SIGTERM};
    std::atomic<int> in_flight{0};
    std::atomic<bool> stopping{false};
    std::optional<net::ssl::context> ssl_context;  // set when serving TLS

    Impl(ServerOptions o, App a, HoldFailed f) : options(std::move(o)), app(std::move(a)), hold_failed(std::move(f)) {
        if (options.tls_cert_file.empty() != options.tls_key_file.empty()) {
            throw std::runtime_error("give both a TLS certificate and its key, or neither");
        }
        if (!options.tls_cert_file.empty()) {
            ssl_context.emplace(load_tls_context(options.tls_cert_file, options.tls_key_file));
            options.tls = true;
        }
    }

    // TLS 1.2 or later with OpenSSL's default cipher choice; no renegotiation,
    // no compression. Throws with the file named when one cannot be used.
    static net::ssl::context load_tls_context(const std::string& cert_file, const std::string& key_file) {
        net::ssl::context ctx(net::ssl::context::tls_server);
        ctx.set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                        net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 |
                        net::ssl::context::no_tlsv1_1 | net::ssl::context::no_compression |
                        net::ssl::context::single_dh_use);
        SSL_CTX_set_options(ctx.native_handle(), SSL_OP_NO_RENEGOTIATION);
        beast::error_code ec;
        ctx.use_certificate_chain_file(cert_file, ec);
        if (ec) throw std::runtime_error("cannot use TLS certificate " + cert_file + ": " + ec.message());
        ctx.use_private_key_file(key_file, net::ssl::context::pem, ec);
        if (ec) throw std::runtime_error("cannot use TLS key " + key_file + ": " + ec.message());
        if (SSL_CTX_check_private_key(ctx.native_handle()) != 1) {
            throw std::runtime_error("TLS key " + key_file + " does not match certificate " + cert_file);
        }
        return ctx;
    }

    bhttp::response<bhttp::string_body> to_message(Response r, unsigned version, bool keep_alive,
                                                   bool head) {
        add_security_headers(r, options.tls);
        bhttp::response<bhttp::string_body> msg{static_cast<bhttp::status>(r.status), version};
        msg.set(bhttp::field::server, "onecase");
        for (auto& [k, v] : r.headers) msg.insert(k, v);
        msg.keep_alive(keep_alive);
        const auto size = r.body.size();
        if (!head) msg.body() = std::move(r.body);
        msg.content_length(size);
        return msg;
    }

    Response handle(Request& req) {
        try {
            return app(req);
        } catch (const std::exception& e) {
            spdlog::error("unhandled error on {} {}: {}", req.method, req.path, e.what());
            return Response::problem(Problem::internal());
        }
    }

    ~Impl() {
        const std::lock_guard lock(hold_gate->mutex);
        hold_gate->open = false;
    }

    // Waits for every hold on the request's answer, without keeping a thread; returns
    // the first failure, if any. Takes the request by reference, as a coroutine may
    // only because its caller awaits it at once, while the request is alive in the
    // caller's frame; never start it detached.
    net::awaitable<std::exception_ptr> settle_holds(const Request& req) {
        std::exception_ptr first;
        for (std::size_t i = 0; i < req.answer_holds().size(); ++i) {
            // GCC 12 may destroy a temporary in a co_await expression twice: harmless for
            // asio's awaitables, which are moved from by then, but a lambda holding a
            // shared_ptr released it twice. So the lambda holds a plain pointer; the
            // request keeps the hold alive.
            AnswerHold* hold = req.answer_holds()[i].get();
            // The error code is always empty: the hold's failure is the value, not
            // thrown here.
            auto failure = co_await net::async_initiate<decltype(net::use_awaitable),
                                                        void(boost::system::error_code, std::exception_ptr)>(
                [this, hold](auto handler) { resume_when_settled(*hold, std::move(handler)); }, net::use_awaitable);
            if (failure && !first) first = failure;
        }
        co_return first;
    }

    template <class Handler>
    void resume_when_settled(AnswerHold& hold, Handler handler) {
        auto executor = net::get_associated_executor(handler, ioc.get_executor());
        // The work keeps run() from returning while a connection waits only on a hold.
        using Work = decltype(net::prefer(executor, net::execution::outstanding_work.tracked));
        struct Waiting {
            Handler handler;
            Work work;
        };
        auto waiting = std::make_shared<Waiting>(
            Waiting{std::move(handler), net::prefer(executor, net::execution::outstanding_work.tracked)});
        // The callback gives up its share of `waiting` when called: whoever settles the
        // hold may destroy the callback much later (a flusher clearing its queue after
        // the server is gone), and the connection's executor and work must not be
        // released then, only on the server's own thread while it still runs.
        hold.when_settled([gate = hold_gate, waiting](std::exception_ptr failure) mutable {
            const std::lock_guard lock(gate->mutex);
            if (!gate->open) {
                // The io_context is gone: neither resuming the connection nor releasing
                // its work is possible any more, so what waited is left as it is.
                new std::shared_ptr<Waiting>(std::move(waiting));
                return;
            }
            auto work = waiting->work;
            net::post(work, [waiting = std::move(waiting), failure]() mutable {
                std::move(waiting->handler)(boost::system::error_code{}, failure);
            });
        });
    }

    Response answer_for_failed_hold(const Request& req, std::exception_ptr failure) {
        try {
            if (hold_failed) return hold_failed(req, failure);
            std::rethrow_exception(failure);
        } catch (const std::exception& e) {
            spdlog::error("a hold on the answer to {} {} failed: {}", req.method, req.path, e.what());
        } catch (...) {
            spdlog::error("a hold on the answer to {} {} failed", req.method, req.path);
        }
        return Response::problem(Problem::internal());
    }

    // One connection: over TLS when configured (a client that does not complete the
    // handshake, such as plain HTTP sent to the TLS port, is closed without a reply),
    // otherwise plain TCP.
    net::awaitable<void> session(tcp::socket socket) {
        tcp::endpoint peer;
        try {
            peer = socket.remote_endpoint();
        } catch (...) {
            co_return;
        }
        beast::tcp_stream tcp_stream(std::move(socket));
        if (!ssl_context) {
            co_await serve_requests(tcp_stream, peer);
            beast::error_code ignored;
            tcp_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
            co_return;
        }
        beast::ssl_stream<beast::tcp_stream> stream(std::move(tcp_stream), *ssl_context);
        beast::get_lowest_layer(stream).expires_after(10s);
        beast::error_code ec;
        co_await stream.async_handshake(net::ssl::stream_base::server, net::redirect_error(net::use_awaitable, ec));
        if (ec) {
            spdlog::debug("TLS handshake with {} failed: {}", peer.address().to_string(), ec.message());
            co_return;
        }
        co_await serve_requests(stream, peer);
        beast::get_lowest_layer(stream).expires_after(5s);
        co_await stream.async_shutdown(net::redirect_error(net::use_awaitable, ec));
    }

    // Reads requests and writes responses until the client closes, a request says
    // close, the idle timeout passes or the server stops. Stream is a tcp_stream or
    // an ssl_stream over one.
    template <class Stream>
    net::awaitable<void> serve_requests(Stream& stream, const tcp::endpoint& peer) {
        beast::flat_buffer buffer;
        while (!stopping) {
            bhttp::request_parser<bhttp::string_body> parser;
            parser.body_limit(options.max_body_bytes);
            parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
            beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(options.idle_timeout_seconds));
            beast::error_code ec;
            co_await bhttp::async_read(stream, buffer, parser,
                                       net::redirect_error(net::use_awaitable, ec));
            if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
                ec == net::error::connection_reset || ec == net::error::operation_aborted ||
                ec == net::error::eof || ec == net::ssl::error::stream_truncated) {
                break;
            }
            if (ec) {
                const int status = ec == bhttp::error::body_limit ? 413 : 400;
                Response r = Response::problem(
                    Problem{status, status == 413 ? "Request too large" : "Bad request", ec.message(), {}});
                auto msg = to_message(std::move(r), 11, false, false);
                co_await bhttp::async_write(stream, msg, net::redirect_error(net::use_awaitable, ec));
                break;
            }
            auto& msg = parser.get();
            const bool keep_alive = msg.keep_alive();
            ++in_flight;
            Request req = from_beast(msg, peer.address().to_string(), options.tls);
            Response res = handle(req);
            if (!req.answer_holds().empty()) {
                if (auto failure = co_await settle_holds(req)) res = answer_for_failed_hold(req, failure);
            }
            auto out = to_message(std::move(res), msg.version(), keep_alive && !stopping,
                                  msg.method() == bhttp::verb::head);
            beast::get_lowest_layer(stream).expires_after(30s);
            co_await bhttp::async_write(stream, out, net::redirect_error(net::use_awaitable, ec));
            --in_flight;
            if (ec || !keep_alive) break;
        }
    }

    net::awaitable<void> accept_loop() {
        while (acceptor.is_open()) {
            beast::error_code ec;
            // Each connection on its own strand: its coroutine and the stream's timeout
            // timer never run at once on two threads (a TLS stream's state must not be
            // touched concurrently).
            tcp::socket socket =
                co_await acceptor.async_accept(net::make_strand(ioc), net::redirect_error(net::use_awaitable, ec));
            if (ec) {
                if (!acceptor.is_open()) co_return;
                // Out of file descriptors (a flood of connections): wait a moment for
                // some to close rather than spin, and keep serving the ones we have.
                net::steady_timer pause(ioc);
                pause.expires_after(50ms);
                co_await pause.async_wait(net::redirect_error(net::use_awaitable, ec));
                continue;
            }
            auto executor = socket.get_executor();
            net::co_spawn(executor, session(std::move(socket)), net::detached);
        }
    }

    void begin_stop() {
        if (stopping.exchange(true)) return;
        beast::error_code ignored;
        acceptor.close(ignored);
        net::co_spawn(ioc, drain(), net::detached);
    }

    net::awaitable<void> drain() {
        net::steady_timer timer(ioc);
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (in_flight > 0 && std::chrono::steady_clock::now() < deadline) {
            timer.expires_after(20ms);
            co_await timer.async_wait(net::use_awaitable);
        }
        ioc.stop();
    }
};

Server::Server(ServerOptions options, App app, HoldFailed hold_failed)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(app), std::move(hold_failed))) {}
Server::~Server() = default;

void Server::bind() {
    auto& a = impl_->acceptor;
    const tcp::endpoint endpoint(net::ip::make_address(impl_->options.host), impl_->options.port);
    a.open(endpoint.protocol());
    a.set_option(net::socket_base::reuse_address(true));
    a.bind(endpoint);
    a.listen(net::socket_base::max_listen_connections);
}

std::uint16_t Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::run() {
    // Every connection is a file descriptor: allow as many as the system lets this
    // process have, so thousands of idle keep-alive connections do not lock others out.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
    if (!impl_->acceptor.is_open()) bind();
    impl_->signals.async_wait([this](const beast::error_code& ec, int sig) {
        if (ec) return;
        spdlog::info("signal {} received: finishing in-flight requests", sig);
        impl_->begin_stop();
    });
    net::co_spawn(impl_->acceptor_strand, impl_->accept_loop(), net::detached);
    int threads = impl_->options.threads;
    if (threads <= 0) threads = std::max(8, 4 * static_cast<int>(std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i) pool.emplace_back([this] { impl_->ioc.run(); });
    impl_->ioc.run();
    for (auto& t : pool) t.join();
}

void Server::stop() {
    net::post(impl_->acceptor_strand, [this] { impl_->begin_stop(); });
}

}  // namespace onecase::http
