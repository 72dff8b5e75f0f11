#include "app/app.hpp"

#include <boost/json.hpp>

#include <filesystem>

#include "access/security_routes.hpp"
#include "appointments/routes.hpp"
#include "casework/case_access.hpp"
#include "casework/routes.hpp"
#include "db/deferred_commits.hpp"
#include "search/routes.hpp"
#include "enforcement/routes.hpp"
#include "reports/routes.hpp"
#include "standards/routes.hpp"
#include "workload/routes.hpp"
#include "platform/log.hpp"

namespace onecase::app {

namespace fs = std::filesystem;

namespace {
bool is_problem(const http::Response& r) {
    for (const auto& [name, value] : r.headers) {
        if (name == "Content-Type" && value == "application/problem+json") return true;
    }
    return false;
}

// The request's writes, on disk: what a 2xx answer to it promises.
class WritesOnDisk final : public http::AnswerHold {
public:
    explicit WritesOnDisk(std::shared_ptr<db::DeferredCommits::All> writes) : writes_(std::move(writes)) {}
    void when_settled(std::function<void(std::exception_ptr)> settled) override {
        writes_->when_durable(std::move(settled));
    }

private:
    std::shared_ptr<db::DeferredCommits::All> writes_;
};

bool database_answers(db::Database& db) {
    try {
        auto conn = db.acquire();
        conn->query("SELECT 1");
        return true;
    } catch (const std::exception&) {
        return false;
    }
}
}  // namespace

std::optional<std::string> audit_journal_beside(const db::Database& db) {
    constexpr std::string_view kScheme = "sqlite:";
    const auto described = db.describe();
    if (db.dialect() != db::Dialect::sqlite || !described.starts_with(kScheme)) return std::nullopt;
    return described.substr(kScheme.size()) + "-audit-journal";
}

Application::Application(db::Database& db, const platform::Clock& clock, AppConfig config,
                         db::Database* replica)
    : config_(std::move(config)),
      templates_(config_.web_root + "/templates"),
      views_(access::make_view_audit(db, config_.audit_journal)),
      deps_{db, clock, templates_, config_.sessions, replica ? *replica : db, config_.sign_in_throttle, *views_},
      guard_(deps_) {
    static_files_.mount("/static/", config_.web_root + "/static");
    static_files_.mount("/assets/", config_.node_modules + "/govuk-frontend/dist/govuk/assets");
    static_files_.mount("/vendor/govuk/", config_.node_modules + "/govuk-frontend/dist/govuk");
    static_files_.mount("/vendor/moj/", config_.node_modules + "/@ministryofjustice/frontend/moj");

    // Liveness: the process answers, and says whether the database does.
    router_.add("GET", "/healthz", [&db](http::Request&) {
        const bool up = database_answers(db);
        return http::Response::json(std::string(R"({"status":"ok","database":")") + (up ? "up" : "down") + "\"}");
    });
    // Readiness: only while the database answers, so a load balancer stops sending
    // traffic here until it is back.
    router_.add("GET", "/readyz", [&db](http::Request&) {
        if (database_answers(db)) return http::Response::json(R"({"status":"ready"})");
        auto r = http::Response::json(R"({"status":"unavailable","database":"down"})", 503);
        r.header("Retry-After", "5");
        return r;
    });

    access::register_sign_in_routes(router_, guard_);
    access::register_security_routes(router_, guard_);
    casework::register_routes(router_, guard_);
    search::register_routes(router_, guard_);
    enforcement::register_routes(router_, guard_);
    reports::register_routes(router_, guard_);
    standards::register_routes(router_, guard_);
    appointments::register_routes(router_, guard_,
                                  [](db::Connection& c, const std::string& crn, const access::Principal& who,
                                     bool write) -> Result<people::Person> {
                                      auto authorised = casework::authorise_case(c, crn, who, write);
                                      if (!authorised) return authorised.problem();
                                      return std::move(authorised->person);
                                  });
    workload::register_routes(router_, guard_);
}

http::Response Application::handle(http::Request& req) {
    if (req.method == "GET" || req.method == "HEAD") {
        if (auto r = static_files_.serve(req)) return std::move(*r);
    }
    // The handler's writes do not keep its thread waiting for the disk: the answer
    // waits for them instead (db/deferred_commits.hpp).
    db::DeferredCommits writes;
    auto response = dispatch(req);
    if (!writes.empty()) req.hold_answer_until(std::make_shared<WritesOnDisk>(writes.take()));
    return response;
}

http::Response Application::dispatch(http::Request& req) {
    try {
        auto response = router_.dispatch(req);
        if (!req.wants_json() && (response.status == 404 || response.status == 405) && is_problem(response)) {
            const bool not_found = response.status == 404;
            return guard_.problem(req, nullptr,
                                  Problem{response.status, not_found ? "Page not found" : "That cannot be done here",
                                          not_found ? "Check the address, or find the person with the search box."
                                                    : "Go back to the previous page and try again.",
                                          {}});
        }
        return response;
    } catch (const db::Unavailable&) {
        return answer_failure(req, std::current_exception());
    }
}

http::Response Application::answer_failure(const http::Request& req, std::exception_ptr failure) const {
    try {
        std::rethrow_exception(failure);
    } catch (const db::StorageFull& e) {
        spdlog::error("database full on {} {}: {}", req.method, req.path, e.what());
        return unavailable(req, Problem{507, "There is no room to save this",
                                        "The database's disk is full. Nothing was changed; reading still works. "
                                        "Tell your service desk, then try again.",
                                        {}});
    } catch (const db::DiskFailed& e) {
        spdlog::critical("disk error on {} {}: {}", req.method, req.path, e.what());
        return unavailable(
            req, Problem{503, "Saving has stopped because of a disk error",
                         std::string(e.outcome_unknown()
                                         ? "The disk reported an error while this was being saved, so it may or may not "
                                           "have been kept: check the record before entering it again. "
                                         : "Nothing was changed. ") +
                             "Nothing more can be saved until the service is restarted. Tell your service desk.",
                         {}});
    } catch (const db::Unavailable& e) {
        spdlog::error("database unavailable on {} {}: {}", req.method, req.path, e.what());
        return unavailable(req, Problem{503, "The service is briefly unavailable",
                                        "Nothing was changed. Try again in a moment.", {}});
    } catch (const std::exception& e) {
        spdlog::error("unhandled error on {} {}: {}", req.method, req.path, e.what());
    } catch (...) {
        spdlog::error("unhandled error on {} {}", req.method, req.path);
    }
    return http::Response::problem(Problem::internal());
}

// A write that could not be made: for a page form, the typed text is shown back on the
// error page so it can be copied (it is also kept in the browser by the draft script).
http::Response Application::unavailable(const http::Request& req, const Problem& p) const {
    http::Response r;
    if (!req.wants_json() && req.method == "POST") {
        boost::json::array typed;
        for (const auto& [name, value] : req.form()) {
            if (name == "csrf" || name.rfind("draft", 0) == 0 || value.size() < 20) continue;
            typed.push_back(boost::json::object{{"name", name}, {"text", value}});
        }
        boost::json::object view{{"status", p.status}, {"title", p.title}, {"message", p.detail}};
        if (!typed.empty()) view["typed"] = std::move(typed);
        r = guard_.render(req, nullptr, "error", view, p.title, p.status);
    } else {
        r = guard_.problem(req, nullptr, p);
    }
    r.header("Retry-After", "5");
    return r;
}

std::string default_web_root() {
    for (const fs::path& candidate : {fs::current_path() / "web", fs::path(ONECASE_SOURCE_WEB)}) {
        if (fs::is_directory(candidate / "templates")) return candidate.string();
    }
    return "web";
}

std::string default_node_modules(const std::string& web_root) {
    return (fs::path(web_root).parent_path() / "node_modules").string();
}

}  // namespace onecase::app
