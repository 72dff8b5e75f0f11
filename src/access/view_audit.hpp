#pragma once
// Audit rows for events that change no record: a case viewed, a search, a refused
// request. A change's own audit row is written in the change's transaction
// (record_audit); these have no transaction to join, and they are most of the trail,
// one for nearly every request.
#include <memory>
#include <optional>
#include <string>

#include "access/audit.hpp"
#include "db/database.hpp"
#include "http/answer_hold.hpp"
#include "platform/clock.hpp"

namespace onecase::access {

class ViewAudit {
public:
    virtual ~ViewAudit() = default;
    // Returns once the row is on disk; throws db::Unavailable (or a subclass) when it
    // could not be made durable, and the request must then fail.
    virtual void record(platform::Instant at, const Principal* who, const std::string& remote_address,
                        const AuditEntry& entry) = 0;
    // As record, for a request that changes nothing, whose answer can wait for the row
    // instead of its thread (http/answer_hold.hpp): may return before the row is on
    // disk, with a hold that settles once it is; nullptr when it already is. Throws as
    // record does when the row cannot even be taken.
    virtual std::shared_ptr<http::AnswerHold> record_before_answer(platform::Instant at, const Principal* who,
                                                                   const std::string& remote_address,
                                                                   const AuditEntry& entry) {
        record(at, who, remote_address, entry);
        return nullptr;
    }
    // Returns once every row recorded so far is in audit_log.
    virtual void settle() = 0;
};

// Each row is its own durable write to audit_log.
class DirectViewAudit final : public ViewAudit {
public:
    explicit DirectViewAudit(db::Database& db) : db_(db) {}
    void record(platform::Instant at, const Principal* who, const std::string& remote_address,
                const AuditEntry& entry) override {
        auto conn = db_.acquire();
        record_audit(*conn, at, who, remote_address, entry);
    }
    void settle() override {}

private:
    db::Database& db_;
};

// A journal in `journal_dir` when one is given and no other process holds it (see
// audit_journal.hpp), otherwise direct writes.
std::unique_ptr<ViewAudit> make_view_audit(db::Database& db, const std::optional<std::string>& journal_dir);

}  // namespace onecase::access
