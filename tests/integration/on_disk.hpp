#pragma once
// For tests of deferred commits (db/deferred_commits.hpp): the scope's writes, taken
// from it, as a future that is ready once they are on disk (nullptr) or have failed.
#include <exception>
#include <future>
#include <memory>

#include "db/deferred_commits.hpp"

namespace onecase::testing {

inline std::future<std::exception_ptr> when_on_disk(db::DeferredCommits& deferred) {
    auto settled = std::make_shared<std::promise<std::exception_ptr>>();
    deferred.take()->when_durable([settled](std::exception_ptr failure) { settled->set_value(failure); });
    return settled->get_future();
}

}  // namespace onecase::testing
