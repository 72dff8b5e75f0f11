#include "workload/notifier.hpp"

#include <boost/json.hpp>

#include <cstdlib>
#include <fstream>

#include "db/deferred_commits.hpp"
#include "platform/log.hpp"

namespace onecase::workload {

void LogEmailNotifier::send(const Email& email) noexcept {
    try {
        spdlog::info("e-mail to {}: {}", email.to.empty() ? "(no address)" : email.to, email.subject);
    } catch (...) {
    }
}

void FileEmailNotifier::send(const Email& email) noexcept {
    try {
        const auto line = boost::json::serialize(boost::json::object{{"to", email.to}, {"subject", email.subject}, {"body", email.body}});
        std::lock_guard lock(mutex_);
        std::ofstream out(path_, std::ios::app);
        out << line << '\n';
        if (!out) spdlog::error("could not write e-mail to {}", path_);
    } catch (const std::exception& e) {
        try {
            spdlog::error("e-mail to {} not written: {}", email.to, e.what());
        } catch (...) {
        }
    }
}

void send_once_written(EmailNotifier& email, const std::vector<Email>& mails) {
    if (mails.empty()) return;
    db::wait_for_deferred_writes();
    for (const auto& m : mails) email.send(m);
}

std::unique_ptr<EmailNotifier> email_notifier_from_environment() {
    if (const char* path = std::getenv("ONECASE_MAIL_FILE"); path && *path) return std::make_unique<FileEmailNotifier>(path);
    return std::make_unique<LogEmailNotifier>();
}

}  // namespace onecase::workload
