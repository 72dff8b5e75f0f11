#pragma once
// The view-audit journal, for SQLite (docs/architecture.md, "Views are journalled").
//
// In WAL mode a SQLite handle drops its whole page cache whenever another handle has
// committed, and every request used to commit one audit row: so every reader started
// every request cold, re-reading each page it touched from the kernel, and queued for
// the single write turn besides. Here a view's row is appended to a journal file
// instead, and the request is answered once the journal is flushed to disk (one
// fdatasync shared by every row that arrived meanwhile). The journal's own thread
// writes and flushes, so a GET's answer waits for its row (record_before_answer)
// without a request thread sleeping meanwhile. A background thread moves
// the journal into audit_log a few times a second, one transaction per segment, and
// `settle` does it at once, for readers of the trail.
//
// The journal is a directory of segments, `<n>.journal`, one line per row
// (audit_journal_format.hpp). Rows go to the newest segment; an import first starts
// a new one, then imports each older one in a transaction that also records its
// number in audit_journal_state, and deletes its file after the commit. A segment
// whose number is already recorded was imported before a crash and is only deleted.
// At start every segment left over is imported before the first request.
//
// One process at a time: the directory is locked (flock); a second server on the same
// file writes its views directly instead.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "access/view_audit.hpp"

namespace onecase::access {

class JournalBusy : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class AuditJournal final : public ViewAudit {
public:
    static constexpr std::chrono::milliseconds kImportInterval{250};

    // Imports what an earlier process left, then opens a new segment. Throws
    // JournalBusy when another process holds `dir`.
    AuditJournal(db::Database& db, std::string dir, std::chrono::milliseconds import_interval = kImportInterval);
    // Imports everything recorded (unless the database refuses) and releases `dir`.
    ~AuditJournal() override;
    AuditJournal(const AuditJournal&) = delete;
    AuditJournal& operator=(const AuditJournal&) = delete;

    void record(platform::Instant at, const Principal* who, const std::string& remote_address,
                const AuditEntry& entry) override;
    std::shared_ptr<http::AnswerHold> record_before_answer(platform::Instant at, const Principal* who,
                                                           const std::string& remote_address,
                                                           const AuditEntry& entry) override;
    void settle() override;

private:
    struct Batch {
        std::string text;
        bool done = false;
        int error = 0;  // errno of a failed write or flush
        bool flushed_unknown = false;  // the write was made but its flush failed
        std::vector<std::function<void(std::exception_ptr)>> settled;  // holds waiting for done
    };
    class Hold;

    // Adds the row to the next batch; throws once a flush has failed.
    std::shared_ptr<Batch> enqueue(platform::Instant at, const Principal* who, const std::string& remote_address,
                                   const AuditEntry& entry);
    static std::exception_ptr failure_of(const Batch& batch);
    void run_flusher(std::stop_token stop);

    std::string segment_path(std::uint64_t n) const;
    void open_segment();
    void flush(std::unique_lock<std::mutex>& lock);
    void write_and_sync(Batch& batch);
    bool rotate();
    void import_closed();
    void import_segment(std::uint64_t n);
    void run_importer(std::stop_token stop);

    db::Database& db_;
    const std::string dir_;
    const std::chrono::milliseconds interval_;
    int lock_fd_ = -1;

    // Rows waiting to be written, and whether the flusher is writing: guarded by mutex_.
    std::mutex mutex_;
    std::condition_variable flushed_;
    std::condition_variable_any rows_waiting_;  // with mutex_: wakes the flusher
    std::condition_variable_any importer_wait_;  // with mutex_: a stop wakes it
    std::shared_ptr<Batch> pending_ = std::make_shared<Batch>();
    bool flushing_ = false;
    bool failed_ = false;  // a flush failed: nothing more is accepted until a restart
    std::uint64_t recorded_ = 0;

    // The open segment: guarded by io_mutex_, held while a batch is written and flushed.
    std::mutex io_mutex_;
    int fd_ = -1;
    std::uint64_t segment_ = 0;
    std::uint64_t segment_bytes_ = 0;
    std::deque<std::uint64_t> closed_;

    // One import at a time (the background thread, settle, the destructor).
    std::mutex import_mutex_;
    std::jthread importer_;
    std::jthread flusher_;
};

}  // namespace onecase::access
