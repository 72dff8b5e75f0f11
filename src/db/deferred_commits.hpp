#pragma once
// Writes whose wait for disk is handed back to the caller instead of keeping its thread.
//
// A write request's thread used to sleep twice after its turn on SQLite's shared write
// handle: until its batch was committed, and until an fsync after that commit ended.
// On a 2-core machine where every sleep and wake is dear, a throwaway build that
// skipped both waits (not durable) took a contact write from 0.47 to 0.33 ms of server
// CPU under 64 writers. While a DeferredCommits scope is open on a thread (the application
// opens one around each request's handler), a write transaction's commit() returns as
// soon as the turn is handed on, and leaves a PendingCommit in the scope. The caller
// then waits for the scope without a thread (http/answer_hold.hpp): the request's
// answer is sent only once every write in it is committed and on disk, so a 2xx still
// means on disk, and a write that failed gets the answer a failed commit always got.
//
// Within the scope the thread still sees its own writes: any later statement it runs
// on a connection first waits until the scope's writes are committed (not yet flushed),
// and a write that failed fails that statement as well, so a request never goes on
// from a write that was not made. Drivers that commit synchronously (PostgreSQL)
// leave the scope empty.
#include <exception>
#include <functional>
#include <memory>
#include <vector>

namespace onecase::db {

// One write transaction's commit, made or still to be made.
class PendingCommit {
public:
    virtual ~PendingCommit() = default;
    // Blocks until the commit is visible to other connections; throws the error that
    // kept it from being made (as a synchronous commit would have).
    virtual void wait_committed() = 0;
    // Calls `durable` exactly once, on any thread, perhaps before returning: with
    // nullptr once the commit is on disk, or with the reason it is not.
    virtual void when_durable(std::function<void(std::exception_ptr)> durable) = 0;
};

class DeferredCommits {
public:
    // Opens the scope on this thread until destroyed; a scope opened inside another
    // hides it until then.
    DeferredCommits();
    ~DeferredCommits();
    DeferredCommits(const DeferredCommits&) = delete;
    DeferredCommits& operator=(const DeferredCommits&) = delete;

    // The scope open on this thread, or nullptr: commits then wait as they always did.
    static DeferredCommits* on_this_thread();

    void add(std::shared_ptr<PendingCommit> commit);

    // Before anything else touches the database on this thread: waits until the
    // scope's writes are visible; throws when one of them was not made.
    void wait_committed();

    // Blocks until the scope's writes are on disk; throws what kept one from being
    // made or flushed. They stay in the scope, for the answer to wait on as well.
    void wait_durable();

    bool empty() const { return pending_.empty(); }

    // Hands over the scope's writes as one: `durable` is called once with nullptr when
    // all are on disk, or with the first failure. The scope is empty afterwards.
    class All;
    std::shared_ptr<All> take();

private:
    std::vector<std::shared_ptr<PendingCommit>> pending_;
    std::size_t visible_ = 0;  // pending_[0, visible_) are known to be committed
    DeferredCommits* outer_;
};

// For a side effect outside the database that must only follow a write on disk (an
// e-mail announcing it): blocks until this thread's deferred writes are on disk, and
// throws when one was not made. Returns at once outside a scope.
void wait_for_deferred_writes();

class DeferredCommits::All {
public:
    explicit All(std::vector<std::shared_ptr<PendingCommit>> commits) : commits_(std::move(commits)) {}
    void when_durable(std::function<void(std::exception_ptr)> durable);

private:
    std::vector<std::shared_ptr<PendingCommit>> commits_;
};

}  // namespace onecase::db
