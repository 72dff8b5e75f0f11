#pragma once
// E-mail to staff about allocations. The in-app notification (table notifications)
// is the record; e-mail is a courtesy sent after the change has committed, so a mail
// failure never undoes an allocation. Sinks: a log line (default) or a file of JSON
// lines (ONECASE_MAIL_FILE), which tests read. A real SMTP sink plugs in here.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace onecase::workload {

struct Email {
    std::string to, subject, body;
};

class EmailNotifier {
public:
    virtual ~EmailNotifier() = default;
    // Must not throw: failures are logged.
    virtual void send(const Email& email) noexcept = 0;
};

class LogEmailNotifier final : public EmailNotifier {
public:
    void send(const Email& email) noexcept override;
};

// Appends one JSON object per e-mail to `path`.
class FileEmailNotifier final : public EmailNotifier {
public:
    explicit FileEmailNotifier(std::string path) : path_(std::move(path)) {}
    void send(const Email& email) noexcept override;

private:
    std::string path_;
    std::mutex mutex_;
};

// Sends `mails` once the write they announce is on disk, even when the request's
// commit was deferred (db/deferred_commits.hpp): a mail never announces a change that
// was not made. Throws, sending nothing, when it was not.
void send_once_written(EmailNotifier& email, const std::vector<Email>& mails);

// The file sink when ONECASE_MAIL_FILE names a file, else the log sink. Read once,
// when the routes are registered.
std::unique_ptr<EmailNotifier> email_notifier_from_environment();

}  // namespace onecase::workload
