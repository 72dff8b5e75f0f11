#pragma once
// Expected failures as values. A Problem carries what a user or client needs to
// fix the request; it becomes problem+json (RFC 9457) or a page with messages in
// one place (http/problem_response).
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace onecase {

struct FieldError {
    std::string field;    // the form/JSON field name, e.g. "notes"
    std::string message;  // what to do, in plain English
};

struct Problem {
    int status = 400;
    std::string title;   // short, e.g. "Check the contact details"
    std::string detail;  // longer explanation, optional
    std::vector<FieldError> errors;

    static Problem invalid(std::vector<FieldError> errors,
                           std::string title = "There is a problem with what was sent") {
        return Problem{422, std::move(title), "", std::move(errors)};
    }
    static Problem not_found(std::string detail) {
        return Problem{404, "Not found", std::move(detail), {}};
    }
    static Problem forbidden(std::string detail) {
        return Problem{403, "You do not have access", std::move(detail), {}};
    }
    static Problem conflict(std::string detail) {
        return Problem{409, "Someone else changed this record", std::move(detail), {}};
    }
    static Problem bad_request(std::string detail) {
        return Problem{400, "Bad request", std::move(detail), {}};
    }
    // An error nobody expected; the details go to the log, not to the user.
    static Problem internal() { return Problem{500, "Something went wrong", "The error was logged.", {}}; }
};

template <typename T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Problem problem) : v_(std::move(problem)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    T& operator*() { return value(); }
    T* operator->() { return &value(); }
    const Problem& problem() const { return std::get<1>(v_); }

private:
    std::variant<T, Problem> v_;
};

}  // namespace onecase
