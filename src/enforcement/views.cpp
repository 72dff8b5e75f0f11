#include "enforcement/views.hpp"

#include <boost/json.hpp>

#include "enforcement/outcome_rules.hpp"
#include "sentences/model.hpp"

namespace onecase::enforcement {

namespace json = boost::json;

namespace {
json::value opt(const std::optional<std::string>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value opt(const std::optional<std::int64_t>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value opt(const std::optional<bool>& v) { return v ? json::value(*v) : json::value(nullptr); }
}  // namespace

std::string display_day(const std::string& iso_date) {
    auto d = platform::parse_date(iso_date);
    return d ? platform::display_date(*d) : iso_date;
}

std::string display_time(const std::string& iso_instant) {
    auto t = platform::parse_instant(iso_instant);
    return t ? platform::display_london(*t) : iso_instant;
}

std::string order_words(std::int64_t event_number, const std::string& disposal_type) {
    return "Event " + std::to_string(event_number) + ": " + sentences::disposal_label(disposal_type);
}

json::object appointment_json(const AppointmentRecord& a) {
    return json::object{{"id", a.id},
                        {"type", a.type},
                        {"start", a.start_at},
                        {"durationMinutes", a.duration_minutes},
                        {"location", a.location},
                        {"cancelledAt", opt(a.cancelled_at)},
                        {"outcome", opt(a.outcome)},
                        {"acceptable", opt(a.outcome_acceptable)},
                        {"outcomeNotes", opt(a.outcome_notes)},
                        {"outcomeRecordedAt", opt(a.outcome_recorded_at)},
                        {"outcomeContactId", opt(a.outcome_contact_id)},
                        {"rescheduledToId", opt(a.rescheduled_to_id)},
                        {"version", a.version}};
}

json::object action_json(const ActionRecord& a) {
    return json::object{{"id", a.id},
                        {"eventNumber", a.event_number},
                        {"kind", a.kind},
                        {"date", a.action_date},
                        {"reason", a.reason},
                        {"appointmentId", opt(a.appointment_id)},
                        {"withdrawn", a.withdrawn_at.has_value()},
                        {"withdrawnAt", opt(a.withdrawn_at)},
                        {"withdrawnReason", opt(a.withdrawn_reason)},
                        {"createdAt", a.created_at},
                        {"version", a.version}};
}

json::object proposal_json(const ProposalRecord& p) {
    return json::object{{"id", p.id},
                        {"crn", p.crn},
                        {"name", p.person_name},
                        {"eventNumber", p.event_number},
                        {"disposalType", p.disposal_type},
                        {"proposal", p.proposal},
                        {"reason", p.reason},
                        {"appointmentId", opt(p.appointment_id)},
                        {"failureAt", opt(p.failure_at)},
                        {"raisedAt", p.raised_at},
                        {"open", !p.resolved_at.has_value()},
                        {"resolvedAt", opt(p.resolved_at)},
                        {"resolvedByActionId", opt(p.resolved_by_action_id)},
                        {"resolution", opt(p.resolution)},
                        {"version", p.version}};
}

json::object assessment_json(const contacts::EnforcementAssessment& a, std::optional<std::int64_t> stored_id) {
    json::object o{{"proposal", contacts::enforcement_proposal_code(a.proposal)},
                   {"reason", a.reason},
                   {"proposalId", opt(stored_id)}};
    o["liveWarning"] = a.live_warning ? json::value(platform::format_date(*a.live_warning)) : json::value(nullptr);
    o["warningWindowEnds"] =
        a.warning_window_ends ? json::value(platform::format_date(*a.warning_window_ends)) : json::value(nullptr);
    return o;
}

json::object proposal_view(const ProposalRecord& p, bool may_resolve) {
    const bool open = !p.resolved_at.has_value();
    const bool spo_only = resolution_needs_spo(p.proposal);
    return json::object{{"id", p.id},
                        {"crn", p.crn},
                        {"name", p.person_name},
                        {"caseManager", p.case_manager_name},
                        {"caseUrl", "/cases/" + p.crn},
                        {"label", proposal_label(p.proposal)},
                        {"isBreachDue", p.proposal == "breach_due"},
                        {"isRecall", p.proposal == "recall_consideration"},
                        {"isWarning", p.proposal == "warning"},
                        {"order", order_words(p.event_number, p.disposal_type)},
                        {"reason", p.reason},
                        {"failure", p.failure_at ? display_time(*p.failure_at) : std::string()},
                        {"raised", display_time(p.raised_at)},
                        {"open", open},
                        {"resolved", p.resolved_at ? display_time(*p.resolved_at) : std::string()},
                        {"resolution", p.resolution.value_or("")},
                        {"canResolve", open && may_resolve},
                        {"awaitingSpo", open && spo_only && !may_resolve},
                        {"resolveUrl", "/enforcement-proposals/" + std::to_string(p.id)}};
}

json::object action_view(const ActionRecord& a, bool may_withdraw) {
    const bool withdrawn = a.withdrawn_at.has_value();
    return json::object{{"id", a.id},
                        {"label", action_kind_label(a.kind)},
                        {"date", display_day(a.action_date)},
                        {"order", "Event " + std::to_string(a.event_number)},
                        {"reason", a.reason},
                        {"withdrawn", withdrawn},
                        {"withdrawnReason", a.withdrawn_reason.value_or("")},
                        {"canWithdraw", !withdrawn && may_withdraw},
                        {"withdrawUrl", "/enforcement-actions/" + std::to_string(a.id) + "/withdraw"}};
}

}  // namespace onecase::enforcement
