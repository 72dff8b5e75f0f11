#pragma once
// Keeps the file's FTS5 indexes merged while the server runs. The case-history indexes
// run with automerge off (migration 0015) so that no user's write pays for a large
// merge; left alone, their segments build up under writes (up to fifteen a level) and
// every search probes each one (measured on the national set: case-history search fell
// from about 1,000 to 55 a second). Every interval this thread takes a write turn per
// index and asks FTS5 to merge up to kPagesPerStep pages where a level has gathered
// several segments: a few milliseconds of writing, in turn with the writers. The
// case-history base indexes (migration 0019) are left alone: users never write to them.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "db/sqlite/write_batcher.hpp"

namespace onecase::db {

class FtsMerger {
public:
    static constexpr int kPagesPerStep = 64;

    FtsMerger(WriteBatcher& writer, std::chrono::milliseconds interval);
    ~FtsMerger();
    FtsMerger(const FtsMerger&) = delete;
    FtsMerger& operator=(const FtsMerger&) = delete;

private:
    void run(std::stop_token stop);
    void merge_step();

    WriteBatcher& writer_;
    std::chrono::milliseconds interval_;
    std::mutex mutex_;
    std::condition_variable_any cv_;
    std::jthread thread_;
};

}  // namespace onecase::db
