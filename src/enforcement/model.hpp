#pragma once
// Enforcement on a case: appointment outcomes, the proposals the enforcement rules
// raise on an unacceptable failure, the actions taken on an order, and the versioned
// enforcement policy. Plain types; the rules live in contacts/enforcement_rules.hpp
// (what to propose) and enforcement/outcome_rules.hpp (what makes input valid).
//
// This module owns the outcome columns of `appointments`, and the tables
// `enforcement_actions`, `enforcement_proposals` and the 'enforcement' rows of
// `policy_versions`. It must never decide a breach or a recall: it proposes, and
// people with the authority record what they decided.
#include <cstdint>
#include <optional>
#include <string>

namespace onecase::enforcement {

enum class Outcome { attended_complied, attended_failed_to_comply, failed_to_attend, rescheduled };

// "attended_complied", ... <-> Outcome; nullopt for an unknown code.
std::optional<Outcome> parse_outcome(std::string_view code);
std::string_view outcome_code(Outcome outcome);
// "Attended and complied", ... for pages.
std::string_view outcome_label(Outcome outcome);

// An appointment as this module reads it.
struct AppointmentRecord {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::string type;
    std::string start_at;  // UTC ISO 8601
    std::int64_t duration_minutes = 30;
    std::string location;
    std::optional<std::int64_t> staff_id;
    std::optional<std::int64_t> event_id;
    std::optional<std::int64_t> requirement_id;
    std::optional<std::int64_t> office_id;
    std::optional<std::string> cancelled_at;
    std::optional<std::string> outcome;
    std::optional<bool> outcome_acceptable;
    std::optional<std::string> outcome_notes;
    std::optional<std::string> outcome_recorded_at;
    std::optional<std::int64_t> outcome_contact_id;
    std::optional<std::int64_t> rescheduled_to_id;
    std::int64_t version = 1;
};

// An action taken on an order (enforcement_actions).
struct ActionRecord {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::int64_t event_id = 0;
    std::int64_t event_number = 0;
    std::string kind;         // warning | breach_started | breach_resolved | decided_not_to_breach
    std::string action_date;  // YYYY-MM-DD
    std::string reason;
    std::optional<std::int64_t> appointment_id;
    std::optional<std::string> withdrawn_at;
    std::optional<std::string> withdrawn_reason;
    std::string created_at;
    std::int64_t version = 1;
};

// A proposal raised by the rules (enforcement_proposals).
struct ProposalRecord {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::int64_t event_id = 0;
    std::int64_t event_number = 0;
    std::string disposal_type;
    std::optional<std::int64_t> appointment_id;
    std::optional<std::string> failure_at;  // the appointment's start, when there is one
    std::string proposal;                   // warning | breach_due | recall_consideration
    std::string reason;
    std::string raised_at;
    std::optional<std::string> resolved_at;
    std::optional<std::int64_t> resolved_by_action_id;
    std::optional<std::string> resolution;
    std::int64_t version = 1;
    // For lists across cases (the SPO's breach list).
    std::string crn;
    std::string person_name;
    std::string case_manager_name;
};

}  // namespace onecase::enforcement
