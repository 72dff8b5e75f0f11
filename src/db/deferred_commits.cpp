#include "db/deferred_commits.hpp"

#include <atomic>
#include <future>

namespace onecase::db {
namespace {

thread_local DeferredCommits* open_scope = nullptr;

}  // namespace

DeferredCommits::DeferredCommits() : outer_(open_scope) { open_scope = this; }

DeferredCommits::~DeferredCommits() { open_scope = outer_; }

DeferredCommits* DeferredCommits::on_this_thread() { return open_scope; }

void DeferredCommits::add(std::shared_ptr<PendingCommit> commit) { pending_.push_back(std::move(commit)); }

void DeferredCommits::wait_committed() {
    for (; visible_ < pending_.size(); ++visible_) pending_[visible_]->wait_committed();
}

void DeferredCommits::wait_durable() {
    std::promise<std::exception_ptr> settled;
    All(pending_).when_durable([&settled](std::exception_ptr failure) { settled.set_value(failure); });
    if (auto failure = settled.get_future().get()) std::rethrow_exception(failure);
}

void wait_for_deferred_writes() {
    if (auto* deferred = DeferredCommits::on_this_thread()) deferred->wait_durable();
}

std::shared_ptr<DeferredCommits::All> DeferredCommits::take() {
    auto all = std::make_shared<All>(std::move(pending_));
    pending_.clear();
    visible_ = 0;
    return all;
}

void DeferredCommits::All::when_durable(std::function<void(std::exception_ptr)> durable) {
    if (commits_.empty()) {
        durable(nullptr);
        return;
    }
    // Each commit settles on whichever thread flushed it; the last to settle answers,
    // with the first failure seen, so `durable` runs once.
    struct Tally {
        std::function<void(std::exception_ptr)> durable;
        std::atomic<std::size_t> left;
        std::atomic<bool> failed = false;
        std::exception_ptr failure;  // written by the one that set `failed`
    };
    auto tally = std::make_shared<Tally>(std::move(durable), commits_.size());
    for (const auto& commit : commits_) {
        commit->when_durable([tally](std::exception_ptr failure) {
            if (failure && !tally->failed.exchange(true)) tally->failure = failure;
            if (tally->left.fetch_sub(1) == 1) tally->durable(tally->failure);
        });
    }
}

}  // namespace onecase::db
