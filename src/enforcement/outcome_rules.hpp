#pragma once
// Pure rules for recording an appointment's outcome and acting on enforcement: what
// makes the input valid, and how stored rows become the history the enforcement
// rules read. No storage, no clock: `now` is passed in.
#include <optional>
#include <string>
#include <vector>

#include "contacts/enforcement_rules.hpp"
#include "enforcement/model.hpp"
#include "platform/clock.hpp"
#include "platform/result.hpp"

namespace onecase::enforcement {

// What a user sent. The page gives the new time as date + time (UK local); the API
// as `new_start` (ISO instant with Z, or UK local "YYYY-MM-DDTHH:MM").
struct OutcomeInput {
    std::string outcome;
    std::optional<bool> acceptable;
    std::string notes;
    std::optional<std::string> new_start;
    std::optional<std::string> new_date;
    std::optional<std::string> new_time;
};

struct ValidOutcome {
    Outcome outcome = Outcome::attended_complied;
    // Always set except for `rescheduled`: attended and complied is acceptable; a
    // failure to comply is unacceptable unless marked acceptable.
    std::optional<bool> acceptable;
    std::string notes;
    std::optional<platform::Instant> new_start;  // only for rescheduled

    // An unacceptable failure to attend or to comply: the enforcement rules run.
    bool is_unacceptable_failure() const;
};

// Checks the outcome against the appointment's start and `now`. Field names in errors
// are the page's: outcome, acceptable, notes, newDate, newTime.
// - outcome is one of the four codes;
// - failed_to_attend needs `acceptable` (acceptable or unacceptable absence) and notes
//   saying why; attended_failed_to_comply needs notes saying what happened;
// - an outcome other than rescheduled cannot be recorded before the appointment starts;
// - a new start time is only for rescheduled, and must be in the future;
// - notes are valid UTF-8 of at most contacts::kMaxNotesCharacters characters.
Result<ValidOutcome> validate_outcome(const OutcomeInput& input, platform::Instant appointment_start,
                                      platform::Instant now);

// A failure row as stored: an appointment with an outcome on some order.
struct OutcomeRow {
    std::int64_t event_id = 0;
    std::string start_at;  // UTC ISO 8601
    std::string outcome;
    std::optional<bool> acceptable;
};

// The enforcement history of an order from stored rows: failures are appointments
// that were failed_to_attend or attended_failed_to_comply (dated by the appointment's
// London date; a missing `acceptable` counts as unacceptable, as the outcome rules
// say), actions are enforcement_actions rows (withdrawn ones kept and marked). Rows
// with an unknown kind or an unreadable date are left out.
contacts::EnforcementHistory history_from_rows(const std::vector<OutcomeRow>& outcomes,
                                               const std::vector<ActionRecord>& actions);

// The warning a failure on `failure_date` falls under: the latest warning not withdrawn
// dated on or before the failure whose window (`months` beginning with its date) still
// runs on that day. Returns the warning's date and the last day of its window.
struct LiveWarning {
    platform::Date given;
    platform::Date window_ends;
};
std::optional<LiveWarning> live_warning_on(const std::vector<ActionRecord>& actions, platform::Date failure_date,
                                           int months);

std::optional<contacts::EnforcementActionKind> parse_action_kind(std::string_view code);
std::string_view action_kind_code(contacts::EnforcementActionKind kind);
// "Warning", "Breach started", ... for pages.
std::string_view action_kind_label(std::string_view code);
// "Warning due", "Breach due", "Recall consideration".
std::string_view proposal_label(std::string_view code);

// A new action as sent: kind, date (YYYY-MM-DD) and reason.
struct ActionInput {
    std::string kind;
    std::string date;
    std::string reason;
};

struct ValidAction {
    contacts::EnforcementActionKind kind = contacts::EnforcementActionKind::warning;
    platform::Date date;
    std::string reason;
};

// The kind is known; the date is a real date and not after `today` (a warning is
// dated by its letter, which has been sent); decided_not_to_breach needs a reason.
// Field names: kind, date, reason.
Result<ValidAction> validate_action(const ActionInput& input, platform::Date today);

// A reason that is required: not blank, valid UTF-8, at most 10,000 characters.
// Returns the error message, or nullopt when the text is fine.
std::optional<std::string> required_text_problem(const std::string& text, const std::string& what);

// How a proposal is resolved.
struct ResolutionInput {
    std::string decision;  // start_breach | do_not_breach | acknowledge | give_warning
    std::string reason;
    std::string date;      // the action's date; empty means today
};

struct ValidResolution {
    // The action recorded, if the decision is one; acknowledging a recall
    // consideration records only the decision text.
    std::optional<contacts::EnforcementActionKind> action;
    platform::Date date;
    std::string text;  // the reason or decision, kept as the proposal's resolution
};

// Which decisions answer which proposal: breach_due -> start_breach or do_not_breach
// (a reason is required not to breach); recall_consideration -> acknowledge (the
// decision text is required); warning -> give_warning (the letter date is required).
// Field names: decision, reason, date.
Result<ValidResolution> validate_resolution(std::string_view proposal, const ResolutionInput& input,
                                            platform::Date today);

// Breach due and recall consideration are for an SPO (managerial oversight); a
// warning may be given by whoever may write to the case.
bool resolution_needs_spo(std::string_view proposal);

}  // namespace onecase::enforcement
