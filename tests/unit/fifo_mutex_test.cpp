#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "db/sqlite/fifo_mutex.hpp"

namespace onecase::db {
namespace {

void wait_until_queued(FifoMutex& m, std::size_t n) {
    for (int i = 0; i < 5000 && m.waiting() < n; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ASSERT_EQ(m.waiting(), n);
}

TEST(FifoMutex, WaitersGetTheLockInTheOrderTheyArrived) {
    FifoMutex m;
    m.lock();
    std::vector<int> order;
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&, i] {
            m.lock();
            order.push_back(i);  // guarded by m
            m.unlock();
        });
        wait_until_queued(m, static_cast<std::size_t>(i) + 1);  // thread i is queued before i + 1 starts
    }
    EXPECT_FALSE(m.try_lock()) << "held, and others are waiting";
    m.unlock();
    for (auto& t : threads) t.join();
    EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7}));
    EXPECT_TRUE(m.try_lock()) << "free again once everyone has been through";
    m.unlock();
}

TEST(FifoMutex, ExcludesUnderContention) {
    FifoMutex m;
    long counter = 0;
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&] {
            for (int n = 0; n < 20000; ++n) {
                std::lock_guard g(m);
                ++counter;
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(counter, 80000);
}

}  // namespace
}  // namespace onecase::db
