#include "casework/risk_views.hpp"

#include <boost/json.hpp>

namespace onecase::casework {

namespace json = boost::json;

namespace {
json::value text_or_null(const std::optional<std::string>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value level_or_null(const std::optional<risk::RoshLevel>& l) {
    return l ? json::value(std::string(risk::rosh_code(*l))) : json::value(nullptr);
}
json::array strings(const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v) a.push_back(json::value(s));
    return a;
}
}  // namespace

json::object register_type_json(const risk::RegisterType& t) {
    return json::object{{"code", t.code},
                        {"description", t.description},
                        {"levels", strings(t.levels)},
                        {"categories", strings(t.categories)},
                        {"reviewMonths", t.review_months},
                        {"highSignal", t.high_signal},
                        {"tierFactor", text_or_null(t.tier_factor)}};
}

json::object registration_json(const risk::RegistrationRow& r, platform::Date today) {
    json::array reviews;
    for (const auto& v : r.reviews) {
        reviews.push_back(json::object{{"reviewedOn", v.reviewed_on},
                                       {"notes", v.notes},
                                       {"nextReviewDue", text_or_null(v.next_review_due)},
                                       {"reviewedBy", v.reviewed_by}});
    }
    const bool live = !r.deregistered_on;
    const auto due = r.review_due ? platform::parse_date(*r.review_due) : std::nullopt;
    return json::object{{"id", r.id},
                        {"type", r.type_code},
                        {"description", r.description},
                        {"level", text_or_null(r.level)},
                        {"category", text_or_null(r.category)},
                        {"registeredOn", r.registered_on},
                        {"registeredBy", r.registered_by},
                        {"reviewDue", text_or_null(r.review_due)},
                        {"reviewOverdue", live && due && std::chrono::sys_days{*due} < std::chrono::sys_days{today}},
                        {"active", live},
                        {"deregisteredOn", text_or_null(r.deregistered_on)},
                        {"deregisteredReason", text_or_null(r.deregistered_reason)},
                        {"deregisteredBy", r.deregistered_by},
                        {"notes", r.notes},
                        {"highSignal", r.high_signal},
                        {"version", r.version},
                        {"reviews", std::move(reviews)}};
}

json::object assessment_json(const risk::StoredAssessment& s) {
    const auto& a = s.record;
    json::object needs;
    for (const auto& [section, severity] : a.needs) needs[risk::code(section)] = risk::severity_code(severity);
    json::object o{{"id", s.id},
                   {"assessedOn", platform::format_date(a.assessed_on)},
                   {"type", std::string(risk::assessment_type_code(a.type))},
                   {"complete", a.complete},
                   {"rosh", json::object{{"overall", level_or_null(a.rosh_overall)},
                                         {"public", level_or_null(a.rosh_public)},
                                         {"knownAdult", level_or_null(a.rosh_known_adult)},
                                         {"children", level_or_null(a.rosh_children)},
                                         {"staff", level_or_null(a.rosh_staff)}}},
                   {"needs", std::move(needs)},
                   {"notes", a.notes},
                   {"enteredBy", s.entered_by},
                   {"enteredAt", s.created_at}};
    auto score = [](auto value, std::string_view band) {
        return json::object{{"percent", value}, {"band", std::string(band)}};
    };
    o["ogrs"] = a.ogrs ? json::value(score(*a.ogrs, risk::ogrs_band(*a.ogrs))) : json::value(nullptr);
    o["ovp"] = a.ovp ? json::value(score(*a.ovp, risk::ovp_band(*a.ovp))) : json::value(nullptr);
    o["rsr"] = a.rsr ? json::value(score(*a.rsr, risk::rsr_band(std::stod(*a.rsr)))) : json::value(nullptr);
    o["ospC"] = level_or_null(a.osp_c);
    o["ospI"] = level_or_null(a.osp_i);
    o["parentingResponsibilities"] = a.parenting_responsibilities ? json::value(*a.parenting_responsibilities) : json::value(nullptr);
    o["impulsivity"] = a.impulsivity ? json::value(*a.impulsivity) : json::value(nullptr);
    o["temperControl"] = a.temper_control ? json::value(*a.temper_control) : json::value(nullptr);
    return o;
}

json::object tier_json(const std::optional<std::string>& current_tier, const std::vector<risk::TierHistoryEntry>& history) {
    json::array entries;
    for (const auto& h : history) {
        boost::system::error_code ec;
        auto explanation = json::parse(h.explanation, ec);
        entries.push_back(json::object{{"tier", h.tier},
                                       {"calculatedAt", h.calculated_at},
                                       {"reason", h.reason},
                                       {"calculatedBy", h.calculated_by},
                                       {"explanation", ec ? json::value(nullptr) : explanation}});
    }
    json::object o{{"tier", text_or_null(current_tier)}, {"history", std::move(entries)}};
    o["explanation"] = history.empty() ? json::value(nullptr) : o["history"].as_array()[0].as_object()["explanation"];
    return o;
}

}  // namespace onecase::casework
