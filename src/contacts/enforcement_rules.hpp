#pragma once
// Enforcement: what an unacceptable failure to comply proposes on the order it
// happened on — a warning, breach due, recall consideration or nothing. Pure: the
// caller passes the order's history; no storage, no clock. The proposal is advice
// for the practitioner and their SPO, never an action taken by the system.
//
// Sources. Community orders and suspended sentence orders: Sentencing Act 2020,
// Schedule 10 paragraphs 5-6 and Schedule 16 (formerly Criminal Justice Act 2003,
// Schedules 8 and 12): for an unacceptable failure the responsible officer gives a
// warning unless one was given in the previous 12 months; a further unacceptable
// failure "within the period of 12 months beginning with the date on which the
// warning was given" must be referred for breach. Licence and post-sentence
// supervision: onecase issue 4 asks for a recall-consideration flag (the recall
// decision itself is recorded elsewhere).
//
// Decisions for the cases the statute leaves open (docs/national-standards.md):
// - "Within 12 months" is the 12 months *beginning with* the warning's letter date:
//   the warning day counts and the window ends the day before the anniversary. A
//   failure on the anniversary itself (3 Mar 2026 for a warning of 3 Mar 2025) is
//   outside and earns a fresh warning. A warning of 29 Feb 2024 runs to 28 Feb 2025.
// - A failure on the same day as the warning letter is inside the window.
// - Only warnings on the same order (event) count; withdrawn warnings never count.
// - A breach started on the order after a warning answers that warning: a later
//   failure needs a new warning first. While a breach is open (started and not
//   resolved) a new failure proposes nothing new: it belongs to the open breach.
// - A failure dated before the latest warning (recorded late) is not "a further
//   failure after a warning", and that warning already answers the period, so it
//   proposes nothing new; the reason says so.
// - A recorded decision not to breach covers the failure it was made for only: the
//   warning stays live and the next failure in its window is breach due again.
// - Acceptable absences are not failures and never count.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "contacts/order_type.hpp"
#include "platform/clock.hpp"

namespace onecase::contacts {

// How unacceptable failures on a kind of order are dealt with.
enum class EnforcementRoute { warning_then_breach, recall_consideration, no_action };

// The enforcement policy as data, with the defaults of issue 4. The service may
// change it; rules read only this.
struct EnforcementPolicy {
    int version = 1;
    // A further unacceptable failure within this many calendar months beginning
    // with a live warning's date means breach (Sentencing Act 2020, Sch 10 para 6).
    int warning_window_months = 12;
    EnforcementRoute community_order = EnforcementRoute::warning_then_breach;
    EnforcementRoute suspended_sentence_order = EnforcementRoute::warning_then_breach;
    EnforcementRoute licence = EnforcementRoute::recall_consideration;
    // Issue 4 asks for recall consideration on PSS too. By statute a PSS breach goes
    // to the magistrates' court (CJA 2003 s256AC) rather than recall; the flag asks
    // for the same managerial decision, and the reason text says so.
    EnforcementRoute pss = EnforcementRoute::recall_consideration;
    // Before release a POM manages conduct in custody; no community enforcement.
    EnforcementRoute custody = EnforcementRoute::no_action;

    EnforcementRoute route_for(OrderType type) const;
};

// An appointment outcome of "failed to attend" or "attended, failed to comply".
struct ComplianceFailure {
    std::int64_t event_id = 0;  // the order it counts against
    platform::Date date;        // the appointment's date, not the day it was recorded
    bool acceptable = false;    // an acceptable absence is not a failure to comply
};

enum class EnforcementActionKind {
    warning,                // a warning letter, dated by the letter date
    breach_started,         // breach proceedings started (information laid / referred)
    breach_resolved,        // the court dealt with the breach and the order continues
    decided_not_to_breach,  // an SPO recorded why a due breach is not being started
};

struct EnforcementAction {
    std::int64_t event_id = 0;
    EnforcementActionKind kind = EnforcementActionKind::warning;
    platform::Date date;
    bool withdrawn = false;  // withdrawn actions are treated as never taken
    std::string reason;      // why, for decided_not_to_breach
};

// What is already recorded for the person: failures and actions on any of their
// orders, in any order. Entries on other orders are ignored.
struct EnforcementHistory {
    std::vector<ComplianceFailure> failures;
    std::vector<EnforcementAction> actions;
};

enum class EnforcementProposal { none, warning, breach_due, recall_consideration };

struct EnforcementAssessment {
    EnforcementProposal proposal = EnforcementProposal::none;
    // Why, in words a practitioner uses, with dates: shown beside the proposal.
    std::string reason;
    // breach_due: the live warning relied on and the last day of its window.
    std::optional<platform::Date> live_warning;
    std::optional<platform::Date> warning_window_ends;
};

// The proposal for a new failure `failure` on an order of type `order_type` (the
// order is failure.event_id), given what was recorded before it. `history` must not
// already contain `failure`.
EnforcementAssessment propose_enforcement(OrderType order_type, const ComplianceFailure& failure,
                                          const EnforcementHistory& history,
                                          const EnforcementPolicy& policy = {});

// "none", "warning", "breach_due", "recall_consideration": for the API.
std::string_view enforcement_proposal_code(EnforcementProposal proposal);

}  // namespace onecase::contacts
