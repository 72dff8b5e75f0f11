#include "db/postgres/postgres_database.hpp"

#include <condition_variable>
#include <mutex>
#include <vector>

#include "db/postgres/connection_url.hpp"
#include "db/postgres/postgres_connection.hpp"

namespace onecase::db {
namespace {

// The pool. Connections open lazily up to pool_size; a broken one is dropped when
// given back (or found dead when taken) and a fresh one opened on demand, so the
// server recovers by itself when PostgreSQL comes back.
class PostgresDatabase final : public Database {
public:
    PostgresDatabase(std::string url, const OpenOptions& options) : url_(std::move(url)), options_(options) {
        // One connection now, so a wrong URL or a server that is down fails at start
        // (open_database's contract) rather than on the first request.
        idle_.push_back(std::make_unique<PostgresConnection>(url_, options_.busy_timeout));
        open_ = 1;
    }

    Dialect dialect() const override { return Dialect::postgres; }
    std::string describe() const override { return redact_connection_url(url_); }

protected:
    std::unique_ptr<Connection> take() override {
        const auto deadline = std::chrono::steady_clock::now() + options_.busy_timeout;
        std::unique_lock lock(mutex_);
        for (;;) {
            if (!cv_.wait_until(lock, deadline, [&] { return !idle_.empty() || open_ < options_.pool_size; })) {
                throw Unavailable("no PostgreSQL connection free within " +
                                  std::to_string(options_.busy_timeout.count()) + " ms");
            }
            if (idle_.empty()) break;
            auto c = std::move(idle_.back());
            idle_.pop_back();
            lock.unlock();
            if (c->still_connected()) return c;
            c.reset();
            lock.lock();
            --open_;
        }
        ++open_;
        lock.unlock();
        try {
            return std::make_unique<PostgresConnection>(url_, options_.busy_timeout);
        } catch (...) {
            std::lock_guard relock(mutex_);
            --open_;
            cv_.notify_one();
            throw;
        }
    }

    void give_back(std::unique_ptr<Connection> c) override {
        // Only take() makes connections for this pool, so each is a PostgresConnection.
        std::unique_ptr<PostgresConnection> pg(static_cast<PostgresConnection*>(c.release()));
        const bool reusable = pg->reset_for_reuse();
        if (!reusable) pg.reset();  // closes the session outside the lock
        std::lock_guard lock(mutex_);
        if (reusable) {
            idle_.push_back(std::move(pg));
        } else {
            --open_;
        }
        cv_.notify_one();
    }

private:
    const std::string url_;
    const OpenOptions options_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<PostgresConnection>> idle_;  // most recently used last
    int open_ = 0;                                           // idle + lent out
};

}  // namespace

std::unique_ptr<Database> make_postgres_database(const std::string& url, const OpenOptions& options) {
    return std::make_unique<PostgresDatabase>(url, options);
}

}  // namespace onecase::db
