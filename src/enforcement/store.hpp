#pragma once
// Enforcement in storage: appointments' outcome columns, enforcement_actions,
// enforcement_proposals and the 'enforcement' policy versions. Every function runs in
// the caller's transaction, so a change commits together with its audit row.
#include <optional>
#include <string>
#include <vector>

#include "contacts/enforcement_rules.hpp"
#include "db/database.hpp"
#include "enforcement/model.hpp"
#include "enforcement/outcome_rules.hpp"
#include "platform/clock.hpp"

namespace onecase::enforcement {

std::optional<AppointmentRecord> find_appointment(db::Connection& conn, std::int64_t id);

// Appointments that have started, have no outcome and are not cancelled; latest first.
std::vector<AppointmentRecord> appointments_awaiting_outcome(db::Connection& conn, std::int64_t person_id,
                                                             platform::Instant now, int limit);

// The CRN of a person, to authorise through the case before reading anything else.
std::optional<std::string> crn_of_person(db::Connection& conn, std::int64_t person_id);

// The order (event) an appointment counts against.
struct OrderRef {
    std::int64_t id = 0;
    std::int64_t number = 0;
    std::string disposal_type;
    // True when the appointment named no order and this is the person's current one
    // (the latest active event): appointments booked without an order count against it.
    bool is_default = false;
};

// The appointment's own event_id, or else the person's latest active order.
std::optional<OrderRef> order_for_appointment(db::Connection& conn, const AppointmentRecord& appointment);
std::optional<OrderRef> find_order(db::Connection& conn, std::int64_t person_id, std::int64_t event_number);
std::optional<OrderRef> find_order_by_id(db::Connection& conn, std::int64_t event_id);

// Appointment outcomes on `order`, leaving out appointment `except`: those booked on
// the order, plus (when the order is the default) those booked with no order.
std::vector<OutcomeRow> outcomes_on_order(db::Connection& conn, std::int64_t person_id, const OrderRef& order,
                                          std::int64_t except);

// Sets the outcome columns and links the contact, only while the appointment still
// has no outcome and is at `expected_version`; bumps the version. False when someone
// got there first (the caller rolls back and answers 409).
bool set_outcome(db::Connection& conn, const AppointmentRecord& appointment, std::int64_t expected_version,
                 const ValidOutcome& outcome, std::int64_t contact_id, std::optional<std::int64_t> rescheduled_to,
                 std::int64_t user_id, platform::Instant now);

// Marks a contact as the record of an appointment (appointment, requirement and order
// copied from it).
void link_contact_to_appointment(db::Connection& conn, std::int64_t contact_id, const AppointmentRecord& appointment);

// Books the appointment a rescheduled one moves to: same person, type, length, place,
// staff, order and requirement; returns its id.
std::int64_t insert_rescheduled_appointment(db::Connection& conn, const AppointmentRecord& from,
                                            platform::Instant new_start, std::int64_t user_id,
                                            platform::Instant now);

// Actions on one order, or on every order of a person; oldest first.
std::vector<ActionRecord> actions_on_order(db::Connection& conn, std::int64_t event_id);
std::vector<ActionRecord> actions_for_person(db::Connection& conn, std::int64_t person_id);
std::optional<ActionRecord> find_action(db::Connection& conn, std::int64_t id);

ActionRecord insert_action(db::Connection& conn, std::int64_t person_id, std::int64_t event_id,
                           const ValidAction& action, std::optional<std::int64_t> appointment_id,
                           std::int64_t user_id, platform::Instant now);

// Withdraws an action still at `expected_version` and not yet withdrawn; false otherwise.
bool withdraw_action(db::Connection& conn, std::int64_t id, std::int64_t expected_version, const std::string& reason,
                     platform::Instant now);

std::int64_t insert_proposal(db::Connection& conn, std::int64_t person_id, std::int64_t event_id,
                             std::optional<std::int64_t> appointment_id, std::string_view proposal,
                             const std::string& reason, platform::Instant now);

std::optional<ProposalRecord> find_proposal(db::Connection& conn, std::int64_t id);

// A person's proposals: open ones first (oldest first), then the resolved ones, newest first.
std::vector<ProposalRecord> proposals_for_person(db::Connection& conn, std::int64_t person_id);

// Open breach-due and recall-consideration proposals on cases held in `team_id`, oldest first.
std::vector<ProposalRecord> open_spo_proposals_for_team(db::Connection& conn, std::int64_t team_id);

// Resolves an open proposal still at `expected_version`; false when it was resolved or
// changed meanwhile.
bool resolve_proposal(db::Connection& conn, std::int64_t id, std::int64_t expected_version,
                      std::optional<std::int64_t> action_id, const std::string& resolution, std::int64_t user_id,
                      platform::Instant now);

// Resolves every open warning proposal on the order with the warning just given.
std::int64_t resolve_warning_proposals(db::Connection& conn, std::int64_t event_id, std::int64_t action_id,
                                       std::int64_t user_id, platform::Instant now);

// --- the enforcement policy (policy_versions rows with policy = 'enforcement')

struct PolicyVersion {
    std::int64_t version = 1;
    std::string effective_from;  // UTC ISO 8601; empty for the code defaults
    std::string settings;        // JSON text
    std::string note;
    std::string created_at;
    std::string created_by;
};

// Newest first. Version 1 is the code defaults and is not stored.
std::vector<PolicyVersion> enforcement_policy_versions(db::Connection& conn);

// The policy in force at `now`: the latest stored version whose effective_from has
// come, else the code defaults. A stored row that no longer parses is skipped (and
// the one before it used), so a bad row can never stop outcomes being recorded.
contacts::EnforcementPolicy enforcement_policy_in_force(db::Connection& conn, platform::Instant now);

// Adds the next version (highest + 1, at least 2) and returns it.
std::int64_t insert_enforcement_policy_version(db::Connection& conn, const std::string& settings_json,
                                               const std::string& note, platform::Instant effective_from,
                                               std::int64_t user_id, platform::Instant now);

}  // namespace onecase::enforcement
