#pragma once
// A mutex that admits waiters in the order they arrived. SQLite's writers queue on it:
// std::mutex lets a thread that has just arrived take the lock ahead of those already
// asleep, and under 64 concurrent writers on the national data set some requests
// waited over a second while others went straight through. Unlocking hands the lock to
// the longest waiter directly.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace onecase::db {

class FifoMutex {
public:
    void lock() {
        std::unique_lock guard(mutex_);
        if (!held_ && waiters_.empty()) {
            held_ = true;
            return;
        }
        Waiter me;
        waiters_.push_back(&me);
        me.wake.wait(guard, [&] { return me.granted; });  // held_ stays true: handed over
    }

    bool try_lock() {
        std::lock_guard guard(mutex_);
        if (held_ || !waiters_.empty()) return false;
        held_ = true;
        return true;
    }

    void unlock() {
        std::lock_guard guard(mutex_);
        if (waiters_.empty()) {
            held_ = false;
            return;
        }
        Waiter* next = waiters_.front();
        waiters_.pop_front();
        next->granted = true;
        // Notified under mutex_: the waiter cannot return (and destroy `wake`) before
        // this function releases it.
        next->wake.notify_one();
    }

    // For tests: how many threads are queued.
    std::size_t waiting() {
        std::lock_guard guard(mutex_);
        return waiters_.size();
    }

private:
    struct Waiter {
        std::condition_variable wake;
        bool granted = false;
    };
    std::mutex mutex_;
    std::deque<Waiter*> waiters_;
    bool held_ = false;
};

}  // namespace onecase::db
