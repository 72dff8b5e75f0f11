#pragma once
// Something a request's answer must wait for that finishes off the request's thread:
// a view's audit row being flushed by the journal's own thread, or the request's
// writes being committed and flushed (db/deferred_commits.hpp). The handler returns
// its answer at once and places a hold on it (Request::hold_answer_until); the server
// sends the answer only once every hold has settled, and meanwhile its thread serves
// other connections instead of sleeping. A hold that failed replaces the answer with
// the one the server's failure mapping gives (Server's constructor).
#include <exception>
#include <functional>

namespace onecase::http {

class AnswerHold {
public:
    virtual ~AnswerHold() = default;
    // Calls `settled` exactly once, on any thread, perhaps before returning: with
    // nullptr once the hold is met, or with the reason it never will be.
    virtual void when_settled(std::function<void(std::exception_ptr)> settled) = 0;
};

}  // namespace onecase::http
