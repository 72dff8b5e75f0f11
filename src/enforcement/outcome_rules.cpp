#include "enforcement/outcome_rules.hpp"

#include <array>

#include "contacts/model.hpp"
#include "contacts/rules.hpp"
#include "platform/date_arithmetic.hpp"

namespace onecase::enforcement {

using contacts::EnforcementActionKind;
using platform::Instant;

namespace {

struct OutcomeName {
    Outcome outcome;
    std::string_view code;
    std::string_view label;
};
constexpr std::array<OutcomeName, 4> kOutcomes{{
    {Outcome::attended_complied, "attended_complied", "Attended and complied"},
    {Outcome::attended_failed_to_comply, "attended_failed_to_comply", "Attended but failed to comply"},
    {Outcome::failed_to_attend, "failed_to_attend", "Failed to attend"},
    {Outcome::rescheduled, "rescheduled", "Rescheduled"},
}};

struct ActionName {
    EnforcementActionKind kind;
    std::string_view code;
    std::string_view label;
};
constexpr std::array<ActionName, 4> kActions{{
    {EnforcementActionKind::warning, "warning", "Warning"},
    {EnforcementActionKind::breach_started, "breach_started", "Breach started"},
    {EnforcementActionKind::breach_resolved, "breach_resolved", "Breach resolved"},
    {EnforcementActionKind::decided_not_to_breach, "decided_not_to_breach", "Decided not to breach"},
}};

constexpr std::size_t kMaxReasonCharacters = 10'000;

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// A new time given as an instant (API) or date + time (page), UK local unless it ends in Z.
std::optional<Instant> parse_new_start(const OutcomeInput& in, std::vector<FieldError>& errors) {
    if (in.new_start && !in.new_start->empty()) {
        auto t = in.new_start->ends_with("Z") ? platform::parse_instant(*in.new_start)
                                              : platform::parse_london_local(*in.new_start);
        if (!t) errors.push_back({"newDate", "Enter the new date and time as 2026-11-22T14:30"});
        return t;
    }
    const std::string date = in.new_date.value_or("");
    std::string time = in.new_time.value_or("");
    if (date.empty() && time.empty()) return std::nullopt;
    if (time.size() == 4 && time[1] == ':') time = "0" + time;
    const bool date_ok = platform::parse_date(date).has_value();
    const bool time_ok = !time.empty() && platform::parse_london_local("2000-01-01T" + time).has_value();
    if (!date_ok) errors.push_back({"newDate", "Enter a real date for the new appointment, for example 2026-11-30"});
    if (!time_ok) errors.push_back({"newTime", "Enter a real time for the new appointment, for example 14:30"});
    if (!date_ok || !time_ok) return std::nullopt;
    return platform::parse_london_local(date + "T" + time);
}

}  // namespace

std::optional<Outcome> parse_outcome(std::string_view code) {
    for (const auto& o : kOutcomes)
        if (o.code == code) return o.outcome;
    return std::nullopt;
}

std::string_view outcome_code(Outcome outcome) { return kOutcomes[static_cast<std::size_t>(outcome)].code; }
std::string_view outcome_label(Outcome outcome) { return kOutcomes[static_cast<std::size_t>(outcome)].label; }

bool ValidOutcome::is_unacceptable_failure() const {
    return (outcome == Outcome::failed_to_attend || outcome == Outcome::attended_failed_to_comply) &&
           acceptable == false;
}

std::optional<std::string> required_text_problem(const std::string& text, const std::string& what) {
    const auto length = contacts::utf8_length(text);
    if (!length) return what + " contains characters that are not valid text";
    if (blank(text)) return "Enter " + what;
    if (*length > kMaxReasonCharacters) return what + " must be 10,000 characters or fewer";
    return std::nullopt;
}

Result<ValidOutcome> validate_outcome(const OutcomeInput& in, Instant appointment_start, Instant now) {
    std::vector<FieldError> errors;
    ValidOutcome out;
    const auto outcome = parse_outcome(in.outcome);
    if (in.outcome.empty()) errors.push_back({"outcome", "Select what happened at the appointment"});
    else if (!outcome) errors.push_back({"outcome", "Select an outcome from the list"});
    if (outcome) out.outcome = *outcome;

    const auto length = contacts::utf8_length(in.notes);
    if (!length) errors.push_back({"notes", "Notes contain characters that are not valid text"});
    else if (*length > contacts::kMaxNotesCharacters)
        errors.push_back({"notes", "Notes must be 100,000 characters or fewer (these are " + std::to_string(*length) + ")"});
    out.notes = in.notes;

    if (outcome == Outcome::failed_to_attend) {
        if (!in.acceptable) errors.push_back({"acceptable", "Select whether the absence was acceptable"});
        if (length && blank(in.notes)) errors.push_back({"notes", "Enter the reason for the absence"});
        out.acceptable = in.acceptable;
    } else if (outcome == Outcome::attended_failed_to_comply) {
        if (length && blank(in.notes)) errors.push_back({"notes", "Enter what happened and why it was a failure to comply"});
        out.acceptable = in.acceptable.value_or(false);
    } else if (outcome == Outcome::attended_complied) {
        out.acceptable = true;
    }

    const auto new_start = parse_new_start(in, errors);
    if (new_start && outcome && outcome != Outcome::rescheduled)
        errors.push_back({"newDate", "Only a rescheduled appointment takes a new date and time"});
    else if (new_start && *new_start <= now)
        errors.push_back({"newDate", "The new appointment must be in the future"});
    if (outcome == Outcome::rescheduled) out.new_start = new_start;

    // What happened cannot be known before it starts; rescheduling ahead is normal.
    if (outcome && outcome != Outcome::rescheduled && appointment_start > now)
        errors.push_back({"outcome", "This appointment has not started yet. Record what happened after it, or "
                                     "choose Rescheduled"});

    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the outcome");
    return out;
}

contacts::EnforcementHistory history_from_rows(const std::vector<OutcomeRow>& outcomes,
                                               const std::vector<ActionRecord>& actions) {
    contacts::EnforcementHistory h;
    for (const auto& o : outcomes) {
        if (o.outcome != "failed_to_attend" && o.outcome != "attended_failed_to_comply") continue;
        const auto at = platform::parse_instant(o.start_at);
        if (!at) continue;
        h.failures.push_back({o.event_id, platform::london_date(*at), o.acceptable.value_or(false)});
    }
    for (const auto& a : actions) {
        const auto kind = parse_action_kind(a.kind);
        const auto date = platform::parse_date(a.action_date);
        if (!kind || !date) continue;
        h.actions.push_back({a.event_id, *kind, *date, a.withdrawn_at.has_value(), a.reason});
    }
    return h;
}

std::optional<LiveWarning> live_warning_on(const std::vector<ActionRecord>& actions, platform::Date failure_date,
                                           int months) {
    std::optional<LiveWarning> live;
    for (const auto& a : actions) {
        const auto d = platform::parse_date(a.action_date);
        if (a.kind != "warning" || a.withdrawn_at || !d || *d > failure_date) continue;
        if (live && live->given > *d) continue;
        live = LiveWarning{*d, platform::last_day_of_months_beginning_with(*d, months)};
    }
    if (live && live->window_ends < failure_date) return std::nullopt;
    return live;
}

std::optional<EnforcementActionKind> parse_action_kind(std::string_view code) {
    for (const auto& a : kActions)
        if (a.code == code) return a.kind;
    return std::nullopt;
}

std::string_view action_kind_code(EnforcementActionKind kind) { return kActions[static_cast<std::size_t>(kind)].code; }

std::string_view action_kind_label(std::string_view code) {
    for (const auto& a : kActions)
        if (a.code == code) return a.label;
    return code;
}

std::string_view proposal_label(std::string_view code) {
    if (code == "warning") return "Warning due";
    if (code == "breach_due") return "Breach due";
    if (code == "recall_consideration") return "Recall consideration";
    return code;
}

Result<ValidAction> validate_action(const ActionInput& in, platform::Date today) {
    std::vector<FieldError> errors;
    ValidAction out;
    const auto kind = parse_action_kind(in.kind);
    if (!kind) errors.push_back({"kind", "Select the kind of action"});
    else out.kind = *kind;
    const auto date = platform::parse_date(in.date);
    if (in.date.empty()) errors.push_back({"date", kind == EnforcementActionKind::warning
                                                        ? "Enter the date of the warning letter"
                                                        : "Enter the date of the action"});
    else if (!date) errors.push_back({"date", "Enter a real date, for example 2026-11-20"});
    else if (*date > today) errors.push_back({"date", "The date must be today or in the past"});
    if (date) out.date = *date;
    if (kind == EnforcementActionKind::decided_not_to_breach) {
        if (auto p = required_text_problem(in.reason, "the reason not to breach")) errors.push_back({"reason", *p});
    } else if (const auto length = contacts::utf8_length(in.reason); !length || *length > kMaxReasonCharacters) {
        errors.push_back({"reason", "The reason must be valid text of 10,000 characters or fewer"});
    }
    out.reason = in.reason;
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the enforcement action");
    return out;
}

Result<ValidResolution> validate_resolution(std::string_view proposal, const ResolutionInput& in,
                                            platform::Date today) {
    std::vector<FieldError> errors;
    ValidResolution out;
    out.date = today;
    out.text = in.reason;
    if (!in.date.empty()) {
        const auto d = platform::parse_date(in.date);
        if (!d) errors.push_back({"date", "Enter a real date, for example 2026-11-20"});
        else if (*d > today) errors.push_back({"date", "The date must be today or in the past"});
        else out.date = *d;
    }
    auto require = [&](const std::string& what) {
        if (auto p = required_text_problem(in.reason, what)) errors.push_back({"reason", *p});
    };
    if (proposal == "breach_due") {
        if (in.decision == "start_breach") {
            out.action = EnforcementActionKind::breach_started;
        } else if (in.decision == "do_not_breach") {
            out.action = EnforcementActionKind::decided_not_to_breach;
            require("the reason not to breach");
        } else {
            errors.push_back({"decision", "Select whether to start breach proceedings"});
        }
    } else if (proposal == "recall_consideration") {
        if (in.decision == "acknowledge") require("the decision and why");
        else errors.push_back({"decision", "Record the decision on recall consideration"});
    } else if (proposal == "warning") {
        if (in.decision == "give_warning") {
            out.action = EnforcementActionKind::warning;
            if (in.date.empty()) errors.push_back({"date", "Enter the date of the warning letter"});
        } else {
            errors.push_back({"decision", "A warning proposal is resolved by giving the warning"});
        }
    } else {
        errors.push_back({"decision", "This proposal cannot be resolved"});
    }
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the decision");
    return out;
}

bool resolution_needs_spo(std::string_view proposal) {
    return proposal == "breach_due" || proposal == "recall_consideration";
}

}  // namespace onecase::enforcement
