#include "db/sqlite/fts_merger.hpp"

#include <string>

namespace onecase::db {

FtsMerger::FtsMerger(WriteBatcher& writer, std::chrono::milliseconds interval)
    : writer_(writer), interval_(interval), thread_([this](std::stop_token stop) { run(std::move(stop)); }) {}

FtsMerger::~FtsMerger() {
    thread_.request_stop();
    cv_.notify_all();
}

void FtsMerger::run(std::stop_token stop) {
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            cv_.wait_for(lock, stop, interval_, [] { return false; });
            if (stop.stop_requested()) return;
        }
        merge_step();
    }
}

void FtsMerger::merge_step() {
    // One write turn for all the indexes: a few small steps, so writers queued behind
    // it wait for one short turn. Never a base index (migration 0019): a base holds a
    // whole load in one large segment, a step over it moves a common word's whole
    // posting list at once, and nothing but a fold writes to it. A step that fails (a
    // full disk, say) is rolled back and tried again next time.
    try {
        writer_.begin_turn();
    } catch (const std::exception&) {
        return;
    }
    try {
        auto& handle = writer_.handle();
        for (const auto& r : handle.query(
                 "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'"
                 " AND name NOT LIKE '%\\_base' ESCAPE '\\'",
                 {})) {
            const std::string index = r.text(0);
            handle.execute("INSERT INTO " + index + " (" + index + ", rank) VALUES ('merge', " + std::to_string(kPagesPerStep) + ")",
                           {});
        }
    } catch (const std::exception&) {
        writer_.abandon_turn();
        return;
    }
    try {
        writer_.finish_turn();
    } catch (const std::exception&) {
        // The batch failed: the writers in it were told; the merge is tried again later.
    }
}

}  // namespace onecase::db
