#include "contacts/enforcement_rules.hpp"

#include <algorithm>

#include "platform/date_arithmetic.hpp"

namespace onecase::contacts {

using platform::Date;
using platform::display_date;

namespace {

using Kind = EnforcementActionKind;

std::vector<EnforcementAction> live_actions_on(std::int64_t event_id, const EnforcementHistory& history, Kind kind) {
    std::vector<EnforcementAction> out;
    for (const auto& a : history.actions)
        if (a.event_id == event_id && a.kind == kind && !a.withdrawn) out.push_back(a);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    return out;
}

bool any_withdrawn_warning_on(std::int64_t event_id, const EnforcementHistory& history) {
    return std::any_of(history.actions.begin(), history.actions.end(), [&](const auto& a) {
        return a.event_id == event_id && a.kind == Kind::warning && a.withdrawn;
    });
}

bool earlier_unacceptable_failure_on(const ComplianceFailure& failure, const EnforcementHistory& history) {
    return std::any_of(history.failures.begin(), history.failures.end(), [&](const auto& f) {
        return f.event_id == failure.event_id && !f.acceptable && f.date <= failure.date;
    });
}

// A breach started on or after `from` and on or before `to`.
std::optional<Date> breach_between(const std::vector<EnforcementAction>& breaches, Date from, Date to) {
    for (const auto& b : breaches)
        if (from <= b.date && b.date <= to) return b.date;
    return std::nullopt;
}

std::string months_words(int months) { return std::to_string(months) + (months == 1 ? " month" : " months"); }

EnforcementAssessment propose_warning_or_breach(const ComplianceFailure& failure, const EnforcementHistory& history,
                                                const EnforcementPolicy& policy, std::string_view order) {
    const auto on = display_date(failure.date);
    const auto breaches = live_actions_on(failure.event_id, history, Kind::breach_started);
    const auto resolved = live_actions_on(failure.event_id, history, Kind::breach_resolved);

    if (!breaches.empty()) {
        const Date started = breaches.back().date;
        const bool open = std::none_of(resolved.begin(), resolved.end(), [&](const auto& r) { return r.date >= started; });
        if (open)
            return {EnforcementProposal::none,
                    "Breach proceedings started on " + display_date(started) + " are still open on this " +
                        std::string(order) + ". Add the failure on " + on +
                        " to the breach information rather than giving a warning.",
                    std::nullopt, std::nullopt};
    }

    const auto warnings = live_actions_on(failure.event_id, history, Kind::warning);
    const auto window = months_words(policy.warning_window_months);

    // The latest warning not answered by a later breach.
    std::optional<EnforcementAction> latest;
    for (const auto& w : warnings)
        if (!breach_between(breaches, w.date, std::max(w.date, failure.date))) latest = w;

    if (latest && failure.date < latest->date)
        return {EnforcementProposal::none,
                "The failure on " + on + " happened before the warning given on " + display_date(latest->date) +
                    ", so it is not a further failure after that warning and needs no new warning. Record it and "
                    "consider it with the warning already given.",
                std::nullopt, std::nullopt};

    if (latest) {
        const Date ends = platform::last_day_of_months_beginning_with(latest->date, policy.warning_window_months);
        if (failure.date <= ends) {
            std::string reason = "A further unacceptable failure on " + on + ", within " + window +
                                 " of the warning given on " + display_date(latest->date) + " on this " +
                                 std::string(order) + " (the " + window + " run to " + display_date(ends) +
                                 "). Breach is due: an SPO must start breach proceedings or record why not.";
            for (const auto& decision : live_actions_on(failure.event_id, history, Kind::decided_not_to_breach))
                if (decision.date >= latest->date)
                    reason += " On " + display_date(decision.date) + " it was decided not to breach" +
                              (decision.reason.empty() ? "" : " (" + decision.reason + ")") +
                              "; that decision covered the earlier failure only.";
            return {EnforcementProposal::breach_due, std::move(reason), latest->date, ends};
        }
        return {EnforcementProposal::warning,
                "Unacceptable failure on " + on + ". The last warning on this " + std::string(order) + ", given on " +
                    display_date(latest->date) + ", ran out on " + display_date(ends) + ", so a new warning is due.",
                std::nullopt, std::nullopt};
    }

    std::string reason = "Unacceptable failure on " + on + ". ";
    if (!warnings.empty() && breach_between(breaches, warnings.back().date, failure.date))
        reason += "The last warning on this " + std::string(order) + " was followed by breach proceedings started on " +
                  display_date(*breach_between(breaches, warnings.back().date, failure.date)) +
                  ", so a new warning is due.";
    else if (any_withdrawn_warning_on(failure.event_id, history))
        reason += "The only warning on this " + std::string(order) +
                  " was withdrawn and does not count, so a warning is due.";
    else if (!earlier_unacceptable_failure_on(failure, history))
        reason += "This is the first unacceptable failure on this " + std::string(order) + ": a warning is due.";
    else
        reason += "There is no warning on this " + std::string(order) + ", so a warning is due.";
    return {EnforcementProposal::warning, std::move(reason), std::nullopt, std::nullopt};
}

}  // namespace

EnforcementRoute EnforcementPolicy::route_for(OrderType type) const {
    switch (type) {
        case OrderType::community_order: return community_order;
        case OrderType::suspended_sentence_order: return suspended_sentence_order;
        case OrderType::licence: return licence;
        case OrderType::pss: return pss;
        case OrderType::custody: return custody;
    }
    return EnforcementRoute::no_action;
}

EnforcementAssessment propose_enforcement(OrderType order_type, const ComplianceFailure& failure,
                                          const EnforcementHistory& history, const EnforcementPolicy& policy) {
    const auto order = order_type_words(order_type);
    const auto on = display_date(failure.date);
    if (failure.acceptable)
        return {EnforcementProposal::none,
                "The absence on " + on + " was accepted as reasonable, so it is not a failure to comply and never "
                "counts towards a warning, breach or recall.",
                std::nullopt, std::nullopt};

    switch (policy.route_for(order_type)) {
        case EnforcementRoute::warning_then_breach:
            return propose_warning_or_breach(failure, history, policy, order);
        case EnforcementRoute::recall_consideration:
            return {EnforcementProposal::recall_consideration,
                    "Unacceptable failure on " + on + " while on " + std::string(order) +
                        (order_type == OrderType::pss
                             ? ". Consider enforcement with your manager (a PSS breach is taken to the magistrates' "
                               "court) and record the decision and why."
                             : ". Consider whether recall to prison is needed, with your manager, and record the "
                               "decision and why."),
                    std::nullopt, std::nullopt};
        case EnforcementRoute::no_action:
            break;
    }
    return {EnforcementProposal::none,
            "The failure on " + on + " is on a " + std::string(order) +
                ": community enforcement does not apply to it.",
            std::nullopt, std::nullopt};
}

std::string_view enforcement_proposal_code(EnforcementProposal proposal) {
    switch (proposal) {
        case EnforcementProposal::none: return "none";
        case EnforcementProposal::warning: return "warning";
        case EnforcementProposal::breach_due: return "breach_due";
        case EnforcementProposal::recall_consideration: return "recall_consideration";
    }
    return "none";
}

}  // namespace onecase::contacts
