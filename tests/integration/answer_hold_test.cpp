// Holds on an answer (http/answer_hold.hpp) through the real server: the answer is sent
// only once its hold settles, the thread that ran the handler serves other connections
// meanwhile, and a failed hold is answered by the server's failure mapping instead.
#include <gtest/gtest.h>

#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "http/server.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

using namespace std::chrono_literals;

// Settled by the test, from its own thread.
class ManualHold final : public http::AnswerHold {
public:
    void when_settled(std::function<void(std::exception_ptr)> settled) override {
        std::unique_lock lock(mutex_);
        if (!done_) {
            waiting_ = std::move(settled);
            asked_.notify_all();
            return;
        }
        lock.unlock();
        settled(failure_);
    }
    void settle(std::exception_ptr failure = nullptr) {
        std::function<void(std::exception_ptr)> waiting;
        {
            std::lock_guard lock(mutex_);
            done_ = true;
            failure_ = failure;
            waiting = std::move(waiting_);
        }
        if (waiting) waiting(failure);
    }
    // Waits until the server has asked to hear when this settles.
    bool wait_until_awaited() {
        std::unique_lock lock(mutex_);
        return asked_.wait_for(lock, 10s, [&] { return static_cast<bool>(waiting_); });
    }

private:
    std::mutex mutex_;
    std::condition_variable asked_;
    bool done_ = false;
    std::exception_ptr failure_;
    std::function<void(std::exception_ptr)> waiting_;
};

// Settled from the start, but keeps each callback after calling it, as a flusher does
// until it clears its queue, perhaps after the server has gone.
class SettledButKeptHold final : public http::AnswerHold {
public:
    void when_settled(std::function<void(std::exception_ptr)> settled) override {
        settled(nullptr);
        kept_.push_back(std::move(settled));
    }
    void forget() { kept_.clear(); }

private:
    std::vector<std::function<void(std::exception_ptr)>> kept_;
};

// A server whose /held answer waits on `hold` and whose /free answer waits on nothing,
// on one thread, so a held answer that kept its thread would stop every other.
class HeldServer {
public:
    explicit HeldServer(std::shared_ptr<http::AnswerHold> hold, http::HoldFailed hold_failed = answer_507)
        : server_(options(),
                  [hold](http::Request& req) {
                      if (req.path == "/held") req.hold_answer_until(hold);
                      return http::Response::json(R"({"answer":"sent"})");
                  },
                  std::move(hold_failed)) {
        server_.bind();
        thread_ = std::thread([this] { server_.run(); });
    }
    ~HeldServer() {
        server_.stop();
        thread_.join();
    }
    std::uint16_t port() const { return server_.port(); }

    static http::Response answer_507(const http::Request&, std::exception_ptr failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& e) {
            return http::Response::json(std::string(R"({"failed":")") + e.what() + "\"}", 507);
        }
    }

private:
    static http::ServerOptions options() {
        http::ServerOptions o;
        o.port = 0;
        o.threads = 1;
        return o;
    }
    http::Server server_;
    std::thread thread_;
};

TEST(AnswerHold, TheAnswerWaitsForItsHoldWhileTheThreadServesOthers) {
    auto hold = std::make_shared<ManualHold>();
    HeldServer server(hold);
    auto held = std::async(std::launch::async, [&] { return http_request(server.port(), "GET", "/held"); });
    // EXPECT, not ASSERT: the hold must be settled below whatever happens, or the
    // server would stop with a connection waiting on it.
    EXPECT_TRUE(hold->wait_until_awaited()) << "the server never waited on the hold";

    // The server's only thread is free: another connection is answered meanwhile.
    EXPECT_EQ(http_request(server.port(), "GET", "/free").status, 200);
    EXPECT_EQ(held.wait_for(200ms), std::future_status::timeout) << "answered before its hold settled";

    hold->settle();
    ASSERT_EQ(held.wait_for(10s), std::future_status::ready);
    const auto answer = held.get();
    EXPECT_EQ(answer.status, 200);
    EXPECT_NE(answer.body.find("sent"), std::string::npos);
}

TEST(AnswerHold, AFailedHoldIsAnsweredByTheFailureMappingAndNotByTheHandler) {
    auto hold = std::make_shared<ManualHold>();
    HeldServer server(hold);
    auto held = std::async(std::launch::async, [&] { return http_request(server.port(), "GET", "/held"); });
    EXPECT_TRUE(hold->wait_until_awaited());
    hold->settle(std::make_exception_ptr(std::runtime_error("no room for the row")));
    ASSERT_EQ(held.wait_for(10s), std::future_status::ready);
    const auto answer = held.get();
    EXPECT_EQ(answer.status, 507);
    EXPECT_NE(answer.body.find("no room for the row"), std::string::npos) << answer.body;
    EXPECT_EQ(answer.body.find("sent"), std::string::npos) << "the handler's answer went out: " << answer.body;
}

TEST(AnswerHold, AHoldAlreadySettledIsAnsweredAtOnce) {
    auto hold = std::make_shared<ManualHold>();
    hold->settle();
    HeldServer server(hold);
    EXPECT_EQ(http_request(server.port(), "GET", "/held").status, 200);
    auto failed = std::make_shared<ManualHold>();
    failed->settle(std::make_exception_ptr(std::runtime_error("already failed")));
    HeldServer other(failed);
    EXPECT_EQ(http_request(other.port(), "GET", "/held").status, 507);
}

TEST(AnswerHold, WithoutAFailureMappingAFailedHoldIsAnswered500WithoutItsDetails) {
    auto hold = std::make_shared<ManualHold>();
    hold->settle(std::make_exception_ptr(std::runtime_error("an internal detail")));
    HeldServer server(hold, {});
    const auto answer = http_request(server.port(), "GET", "/held");
    EXPECT_EQ(answer.status, 500);
    EXPECT_EQ(answer.header("content-type"), "application/problem+json");
    EXPECT_EQ(answer.body.find("an internal detail"), std::string::npos) << answer.body;
    EXPECT_EQ(answer.body.find("sent"), std::string::npos) << "the handler's answer went out: " << answer.body;
}

// Found by AddressSanitizer: a callback destroyed after its server released the
// connection's executor then, into the destroyed io_context.
TEST(AnswerHold, ACallbackDestroyedAfterItsServerReleasesNothingOfTheServer) {
    auto hold = std::make_shared<SettledButKeptHold>();
    {
        HeldServer server(hold);
        EXPECT_EQ(http_request(server.port(), "GET", "/held").status, 200);
    }
    hold->forget();
}

}  // namespace
}  // namespace onecase::testing
