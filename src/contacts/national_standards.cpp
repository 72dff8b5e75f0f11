#include "contacts/national_standards.hpp"

#include <algorithm>
#include <iterator>

#include "platform/date_arithmetic.hpp"

namespace onecase::contacts {

using platform::add_days;
using platform::Date;
using platform::display_date;

namespace {

bool released(OrderType t) { return t == OrderType::licence || t == OrderType::pss; }

std::string start_words(const CaseFacts& f) {
    return std::string(released(f.order_type) ? "release" : "sentence") + " on " + display_date(f.start_date);
}

std::string every_words(int days) {
    if (days == 7) return "weekly";
    if (days % 7 == 0) return "at least every " + std::to_string(days / 7) + " weeks";
    return "at least every " + std::to_string(days) + " days";
}

std::string months_words(int months) { return std::to_string(months) + (months == 1 ? " month" : " months"); }

// The latest of `dates` in [from, today], if any.
std::optional<Date> latest_between(const std::vector<Date>& dates, Date from, Date today) {
    std::optional<Date> out;
    for (Date d : dates)
        if (from <= d && d <= today && (!out || *out < d)) out = d;
    return out;
}

DueItem item(DueKind kind, Date due, Date today, std::string description) {
    const bool overdue = due < today;
    return {kind, due, overdue, overdue ? std::optional<Date>(add_days(due, 1)) : std::nullopt, std::move(description)};
}

// A stretch of days [from, until) in which face-to-face contact is needed every
// `every_days`, and why.
struct Regime {
    Date from;
    std::optional<Date> until;
    int every_days;
    std::string why;
};

// The weekly regime after release, cut into the stretches where the tier's protect
// level is one the policy names.
std::vector<Regime> after_release_regimes(const CaseFacts& f, Date today, const NationalStandardsPolicy& p) {
    std::vector<Regime> out;
    if (!released(f.order_type)) return out;
    const Date window_end = add_days(f.start_date, 7 * p.after_release_weeks);
    std::vector<TierPeriod> tiers;
    std::copy_if(f.tiers.begin(), f.tiers.end(), std::back_inserter(tiers), [&](const auto& t) { return t.from <= today; });
    std::sort(tiers.begin(), tiers.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        const auto& t = tiers[i];
        const bool intensive = !t.tier.empty() && std::find(p.after_release_protect_levels.begin(),
                                                            p.after_release_protect_levels.end(),
                                                            t.tier.front()) != p.after_release_protect_levels.end();
        if (!intensive) continue;
        const Date from = std::max(t.from, f.start_date);
        const Date until = i + 1 < tiers.size() ? std::min(tiers[i + 1].from, window_end) : window_end;
        if (from < until)
            out.push_back({from, until, p.after_release_face_to_face_every_days,
                           " in the first " + std::to_string(p.after_release_weeks) + " weeks after release (tier " +
                               t.tier + ")"});
    }
    return out;
}

std::optional<DueItem> first_appointment_or_contact(const CaseFacts& f, Date today,
                                                    const platform::BankHolidays& holidays,
                                                    const NationalStandardsPolicy& p) {
    std::vector<Date> seen = f.face_to_face_contacts;
    seen.insert(seen.end(), f.home_visits.begin(), f.home_visits.end());
    const auto last = latest_between(seen, f.start_date, today);
    if (!last)
        return item(DueKind::first_appointment,
                    platform::add_working_days(f.start_date, p.first_appointment_working_days, holidays), today,
                    "First appointment within " + std::to_string(p.first_appointment_working_days) +
                        " working days of " + start_words(f));

    // Every regime that applies after the last contact proposes a due date: a full
    // interval from the later of the last contact and the day the regime began,
    // provided it falls while the regime still applies. The soonest wins.
    std::vector<Regime> regimes = after_release_regimes(f, today, p);
    regimes.push_back({f.start_date, std::nullopt, p.face_to_face_every_days, ""});
    std::optional<DueItem> best;
    for (const auto& r : regimes) {
        if (r.until && *r.until <= *last) continue;
        const Date due = add_days(std::max(*last, r.from), r.every_days);
        if (r.until && *r.until <= due) continue;
        if (!best || due < best->due_date)
            best = item(DueKind::face_to_face_contact, due, today,
                        "Face-to-face contact " + every_words(r.every_days) + r.why + "; last seen " +
                            display_date(*last));
    }
    return best;
}

std::optional<DueItem> initial_assessment(const CaseFacts& f, Date today, const platform::BankHolidays& holidays,
                                          const NationalStandardsPolicy& p) {
    if (f.assessment_completed && *f.assessment_completed <= today) return std::nullopt;
    return item(DueKind::initial_assessment,
                platform::add_working_days(f.start_date, p.initial_assessment_working_days, holidays), today,
                "Initial assessment within " + std::to_string(p.initial_assessment_working_days) +
                    " working days of " + start_words(f));
}

std::optional<DueItem> home_visit(const CaseFacts& f, Date today, const platform::BankHolidays& holidays,
                                  const NationalStandardsPolicy& p) {
    std::optional<DueItem> best;
    for (const auto& flag : f.flags) {
        const bool qualifies =
            std::find(p.home_visit_flags.begin(), p.home_visit_flags.end(), flag.type_code) != p.home_visit_flags.end();
        const bool stands = flag.registered_on <= today && (!flag.deregistered_on || today < *flag.deregistered_on);
        if (!qualifies || !stands) continue;
        const auto name = flag.description.empty() ? flag.type_code : flag.description;
        const auto last = latest_between(f.home_visits, flag.registered_on, today);
        DueItem candidate =
            last ? item(DueKind::home_visit, platform::add_months(*last, p.home_visit_every_months), today,
                        "Home visit every " + months_words(p.home_visit_every_months) + " while the " + name +
                            " flag stands; last visit " + display_date(*last))
                 : item(DueKind::home_visit,
                        platform::add_working_days(flag.registered_on, p.home_visit_working_days, holidays), today,
                        "Home visit within " + std::to_string(p.home_visit_working_days) + " working days of the " +
                            name + " flag registered on " + display_date(flag.registered_on));
        if (!best || candidate.due_date < best->due_date) best = std::move(candidate);
    }
    return best;
}

std::optional<DueItem> sentence_plan_review(const CaseFacts& f, Date today, const NationalStandardsPolicy& p) {
    const auto every = months_words(p.sentence_plan_review_every_months);
    if (f.last_sentence_plan_review && *f.last_sentence_plan_review <= today)
        return item(DueKind::sentence_plan_review,
                    platform::add_months(*f.last_sentence_plan_review, p.sentence_plan_review_every_months), today,
                    "Sentence plan review every " + every + "; last reviewed " +
                        display_date(*f.last_sentence_plan_review));
    if (f.assessment_completed && *f.assessment_completed <= today)
        return item(DueKind::sentence_plan_review,
                    platform::add_months(*f.assessment_completed, p.sentence_plan_review_every_months), today,
                    "Sentence plan review " + every + " after the assessment on " +
                        display_date(*f.assessment_completed));
    return std::nullopt;  // the plan follows the assessment, which is listed first
}

}  // namespace

const NationalStandardsPolicy* policy_in_force(const std::vector<NationalStandardsPolicy>& versions, Date day) {
    const NationalStandardsPolicy* best = nullptr;
    for (const auto& v : versions)
        if (v.effective_from <= day && (!best || best->effective_from < v.effective_from)) best = &v;
    return best;
}

std::vector<DueItem> due_items(const CaseFacts& facts, Date today, const platform::BankHolidays& holidays,
                               const NationalStandardsPolicy& policy) {
    std::vector<DueItem> out;
    if (facts.order_type == OrderType::custody) return out;  // community standards start at release
    for (auto next : {first_appointment_or_contact(facts, today, holidays, policy),
                      initial_assessment(facts, today, holidays, policy), home_visit(facts, today, holidays, policy),
                      sentence_plan_review(facts, today, policy)})
        if (next) out.push_back(std::move(*next));
    for (const auto& r : facts.registration_reviews) {
        out.push_back(item(DueKind::registration_review, r.review_due, today, "Review of the " + r.description + " registration"));
    }
    std::stable_sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) {
        return a.due_date != b.due_date ? a.due_date < b.due_date : a.kind < b.kind;
    });
    return out;
}

std::string_view due_kind_code(DueKind kind) {
    switch (kind) {
        case DueKind::first_appointment: return "first_appointment";
        case DueKind::initial_assessment: return "initial_assessment";
        case DueKind::face_to_face_contact: return "face_to_face_contact";
        case DueKind::home_visit: return "home_visit";
        case DueKind::sentence_plan_review: return "sentence_plan_review";
        case DueKind::registration_review: return "registration_review";
    }
    return "face_to_face_contact";
}

}  // namespace onecase::contacts
