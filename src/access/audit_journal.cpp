#include "access/audit_journal.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <spdlog/spdlog.h>

#include "access/audit_journal_format.hpp"

namespace onecase::access {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSuffix = ".journal";

std::optional<std::uint64_t> segment_number(const fs::path& p) {
    const auto name = p.filename().string();
    if (!name.ends_with(kSuffix)) return std::nullopt;
    const auto digits = name.substr(0, name.size() - std::strlen(kSuffix));
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    return std::stoull(digits);
}

std::string read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A new file's name is durable only once its directory is flushed.
void sync_directory(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("cannot open " + dir + ": " + std::strerror(errno));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) throw std::runtime_error("cannot flush " + dir + ": " + std::strerror(err));
}

std::uint64_t last_imported(db::Connection& conn) {
    const auto rows = conn.query("SELECT last_imported_segment FROM audit_journal_state WHERE id = 1");
    return rows.empty() ? 0 : static_cast<std::uint64_t>(rows.at(0).int64(0));
}

}  // namespace

AuditJournal::AuditJournal(db::Database& db, std::string dir, std::chrono::milliseconds import_interval)
    : db_(db), dir_(std::move(dir)), interval_(import_interval) {
    fs::create_directories(dir_);
    lock_fd_ = ::open((dir_ + "/lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock_fd_ < 0) throw std::runtime_error("cannot open " + dir_ + "/lock: " + std::strerror(errno));
    if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
        ::close(lock_fd_);
        throw JournalBusy("another process holds the audit journal " + dir_);
    }
    try {
        std::vector<std::uint64_t> left;
        for (const auto& entry : fs::directory_iterator(dir_)) {
            if (auto n = segment_number(entry.path())) left.push_back(*n);
        }
        std::sort(left.begin(), left.end());
        closed_.assign(left.begin(), left.end());
        const auto done = last_imported(*db_.acquire());
        segment_ = std::max(done, left.empty() ? 0 : left.back()) + 1;
        open_segment();
        {
            const std::lock_guard imports(import_mutex_);
            import_closed();
        }
        if (!closed_.empty()) spdlog::warn("audit journal: {} segments could not be imported yet", closed_.size());
    } catch (...) {
        if (fd_ >= 0) ::close(fd_);
        ::close(lock_fd_);
        throw;
    }
    flusher_ = std::jthread([this](std::stop_token stop) { run_flusher(stop); });
    importer_ = std::jthread([this](std::stop_token stop) { run_importer(stop); });
}

AuditJournal::~AuditJournal() {
    flusher_.request_stop();
    if (flusher_.joinable()) flusher_.join();
    importer_.request_stop();
    if (importer_.joinable()) importer_.join();
    try {
        const std::lock_guard imports(import_mutex_);
        import_closed();
    } catch (const std::exception& e) {
        spdlog::error("audit journal: rows left in {} for the next start: {}", dir_, e.what());
    }
    if (fd_ >= 0) ::close(fd_);
    ::close(lock_fd_);
}

std::string AuditJournal::segment_path(std::uint64_t n) const {
    char name[32];
    std::snprintf(name, sizeof name, "%012llu", static_cast<unsigned long long>(n));
    return dir_ + "/" + name + kSuffix;
}

void AuditJournal::open_segment() {
    const auto path = segment_path(segment_);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot create " + path + ": " + std::strerror(errno));
    try {
        sync_directory(dir_);
    } catch (...) {
        ::close(fd);
        throw;
    }
    fd_ = fd;
    segment_bytes_ = 0;
}

// A hold on an answer until its row's batch is flushed.
class AuditJournal::Hold final : public http::AnswerHold {
public:
    Hold(AuditJournal& journal, std::shared_ptr<Batch> batch) : journal_(journal), batch_(std::move(batch)) {}
    void when_settled(std::function<void(std::exception_ptr)> settled) override {
        {
            const std::lock_guard lock(journal_.mutex_);
            if (!batch_->done) {
                batch_->settled.push_back(std::move(settled));
                return;
            }
        }
        settled(failure_of(*batch_));
    }

private:
    AuditJournal& journal_;
    std::shared_ptr<Batch> batch_;
};

std::shared_ptr<AuditJournal::Batch> AuditJournal::enqueue(platform::Instant at, const Principal* who,
                                                           const std::string& remote_address, const AuditEntry& entry) {
    const auto line = encode_journal_line(audit_row(at, who, remote_address, entry));
    const std::lock_guard lock(mutex_);
    if (failed_) {
        throw db::DiskFailed("the audit journal could not be flushed to disk; the server must be restarted", false);
    }
    pending_->text += line;
    ++recorded_;
    // A busy flusher looks again when it finishes; only an idle one needs waking.
    if (!flushing_) rows_waiting_.notify_one();
    return pending_;
}

std::exception_ptr AuditJournal::failure_of(const Batch& batch) {
    if (batch.error == 0) return nullptr;
    if (batch.error == ENOSPC || batch.error == EDQUOT || batch.error == EFBIG) {
        return std::make_exception_ptr(db::StorageFull("there is no room on disk for the audit journal"));
    }
    return std::make_exception_ptr(db::DiskFailed(
        std::string("the audit journal could not be written: ") + std::strerror(batch.error), batch.flushed_unknown));
}

void AuditJournal::record(platform::Instant at, const Principal* who, const std::string& remote_address,
                          const AuditEntry& entry) {
    const auto mine = enqueue(at, who, remote_address, entry);
    {
        std::unique_lock lock(mutex_);
        flushed_.wait(lock, [&] { return mine->done; });
    }
    if (auto failure = failure_of(*mine)) std::rethrow_exception(failure);
}

std::shared_ptr<http::AnswerHold> AuditJournal::record_before_answer(platform::Instant at, const Principal* who,
                                                                     const std::string& remote_address,
                                                                     const AuditEntry& entry) {
    return std::make_shared<Hold>(*this, enqueue(at, who, remote_address, entry));
}

// Writes and flushes whatever is pending, batch after batch, until stopped; what was
// recorded before the stop is still written.
void AuditJournal::run_flusher(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    while (true) {
        rows_waiting_.wait(lock, stop, [&] { return !pending_->text.empty(); });
        if (pending_->text.empty()) return;
        flush(lock);
    }
}

void AuditJournal::flush(std::unique_lock<std::mutex>& lock) {
    auto batch = std::exchange(pending_, std::make_shared<Batch>());
    flushing_ = true;
    lock.unlock();
    write_and_sync(*batch);
    lock.lock();
    flushing_ = false;
    batch->done = true;
    if (batch->error != 0 && batch->flushed_unknown) failed_ = true;
    auto settled = std::move(batch->settled);
    flushed_.notify_all();
    if (settled.empty()) return;
    lock.unlock();
    const auto failure = failure_of(*batch);
    for (auto& callback : settled) callback(failure);
    lock.lock();
}

void AuditJournal::write_and_sync(Batch& batch) {
    const std::lock_guard io(io_mutex_);
    std::size_t written = 0;
    while (written < batch.text.size()) {
        const auto n = ::write(fd_, batch.text.data() + written, batch.text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            batch.error = errno;
            // Take back the part that was written, so the segment holds whole rows only;
            // if even that fails, nothing more is written to it.
            if (::ftruncate(fd_, static_cast<off_t>(segment_bytes_)) != 0) batch.flushed_unknown = true;
            return;
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fdatasync(fd_) != 0) {
        // The kernel may have dropped the rows and would report a later flush as clean.
        batch.error = errno;
        batch.flushed_unknown = true;
        return;
    }
    segment_bytes_ += written;
}

bool AuditJournal::rotate() {
    const std::lock_guard io(io_mutex_);
    if (segment_bytes_ == 0) return false;
    const int old_fd = fd_;
    const auto old_segment = segment_;
    ++segment_;
    try {
        open_segment();
    } catch (...) {
        --segment_;
        throw;
    }
    ::close(old_fd);
    closed_.push_back(old_segment);
    return true;
}

void AuditJournal::import_closed() {
    {
        const std::lock_guard lock(mutex_);
        if (failed_) return;  // the open segment may hold rows its flush lost track of
    }
    rotate();
    while (!closed_.empty()) {
        import_segment(closed_.front());
        closed_.pop_front();
    }
}

void AuditJournal::import_segment(std::uint64_t n) {
    const auto path = segment_path(n);
    const auto decoded = decode_journal(read_whole_file(path));
    if (decoded.unreadable_lines > 0) {
        spdlog::error("audit journal: {} unreadable lines in {} skipped", decoded.unreadable_lines, path);
    }
    db::write_transaction(db_, [&](db::Connection& conn) {
        if (last_imported(conn) >= n) return;
        for (const auto& row : decoded.rows) insert_audit_row(conn, row);
        conn.execute("UPDATE audit_journal_state SET last_imported_segment = ? WHERE id = 1",
                     {static_cast<std::int64_t>(n)});
    });
    fs::remove(path);
}

void AuditJournal::settle() {
    const std::lock_guard imports(import_mutex_);
    import_closed();
}

void AuditJournal::run_importer(std::stop_token stop) {
    constexpr auto kWarnEvery = std::chrono::minutes(1);
    std::uint64_t seen = 0;
    bool failing = false;
    auto warned = std::chrono::steady_clock::time_point{};
    while (!stop.stop_requested()) {
        {
            std::unique_lock lock(mutex_);
            importer_wait_.wait_for(lock, stop, interval_, [] { return false; });
            if (stop.stop_requested()) return;
            // After a failure, try again even if nothing new was recorded.
            if (recorded_ == seen && !failing) continue;
            seen = recorded_;
        }
        try {
            settle();
            if (failing) spdlog::info("audit journal: moving rows into audit_log again");
            failing = false;
        } catch (const std::exception& e) {
            // The rows stay in their segments on disk and are tried again next time; a
            // full disk would otherwise log this four times a second.
            const auto now = std::chrono::steady_clock::now();
            if (!failing || now - warned >= kWarnEvery) {
                spdlog::warn("audit journal: moving rows into audit_log failed, will retry: {}", e.what());
                warned = now;
            }
            failing = true;
        }
    }
}

std::unique_ptr<ViewAudit> make_view_audit(db::Database& db, const std::optional<std::string>& journal_dir) {
    if (journal_dir) {
        try {
            return std::make_unique<AuditJournal>(db, *journal_dir);
        } catch (const JournalBusy& e) {
            spdlog::warn("{}: views are audited directly in the database instead", e.what());
        }
    }
    return std::make_unique<DirectViewAudit>(db);
}

}  // namespace onecase::access
