#include "db/sqlite/wal_syncer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

#include "db/database.hpp"

namespace onecase::db {
namespace {

std::string dir_of(const std::string& path) {
    const auto parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? "." : parent.string();
}

}  // namespace

WalSyncer::WalSyncer(const std::string& database_path) : wal_path_(database_path + "-wal"), dir_(dir_of(database_path)) {}

WalSyncer::~WalSyncer() {
    if (flusher_.joinable()) {
        flusher_.request_stop();
        flusher_.join();  // answers whatever is still queued first
    }
    if (fd_ >= 0) ::close(fd_);
}

void WalSyncer::refuse_if_failed() {
    std::lock_guard lock(mutex_);
    if (failed_) throw DiskFailed("the disk reported an error earlier; restart the server after checking it", false);
}

void WalSyncer::wait_durable() {
    std::unique_lock lock(mutex_);
    const std::uint64_t ticket = ++written_;
    while (synced_ < ticket) {
        if (failed_) throw DiskFailed("flushing a committed write failed; restart the server after checking the disk", true);
        if (syncing_) {
            cv_.wait(lock);
            continue;
        }
        syncing_ = true;
        const std::uint64_t target = written_;
        lock.unlock();
        const int err = sync_wal();
        lock.lock();
        syncing_ = false;
        if (err != 0) failed_ = true;
        else synced_ = std::max(synced_, target);
        cv_.notify_all();
    }
}

void WalSyncer::when_durable(std::function<void(std::exception_ptr)> durable) {
    {
        std::lock_guard lock(mutex_);
        queued_.push_back(std::move(durable));
        if (!flusher_.joinable()) flusher_ = std::jthread([this](std::stop_token stop) { run_flusher(stop); });
    }
    queue_cv_.notify_one();
}

void WalSyncer::run_flusher(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    while (queue_cv_.wait(lock, stop, [&] { return !queued_.empty(); })) {
        auto waiting = std::move(queued_);
        queued_.clear();
        lock.unlock();
        std::exception_ptr failure;
        try {
            wait_durable();
        } catch (...) {
            failure = std::current_exception();
        }
        for (auto& durable : waiting) durable(failure);
        lock.lock();
    }
}

// fdatasync of the WAL through our own descriptor (on Linux a sync covers the file,
// whichever descriptor asks), reopened if the WAL file was replaced.
int WalSyncer::sync_wal() {
    struct stat now{};
    if (fd_ >= 0 && (::stat(wal_path_.c_str(), &now) != 0 || now.st_ino != inode_)) {
        ::close(fd_);
        fd_ = -1;
    }
    if (fd_ < 0) {
        fd_ = ::open(wal_path_.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0) return errno;
        struct stat st{};
        ::fstat(fd_, &st);
        inode_ = st.st_ino;
        // A new WAL file's directory entry must be durable too.
        const int dir = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir >= 0) {
            ::fsync(dir);
            ::close(dir);
        }
    }
    return ::fdatasync(fd_) == 0 ? 0 : errno;
}

}  // namespace onecase::db
