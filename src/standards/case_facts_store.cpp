#include "standards/case_facts_store.hpp"

#include <map>

namespace onecase::standards {

using platform::Date;

namespace {

enum class Selection { person, staff, team };

// The people a read covers, as a condition on `p` with one parameter.
std::string selector(Selection s) {
    switch (s) {
        case Selection::person: return "p.id = ?";
        case Selection::staff: return "p.case_manager_staff_id = ? AND p.current_case = 1";
        case Selection::team:
            return "p.case_manager_staff_id IN (SELECT s.id FROM staff s WHERE s.team_id = ?) AND p.current_case = 1";
    }
    return "p.id = ?";
}

// The latest contact of one type that counts: dated by now, and not the record of an
// appointment that was not attended. Walks contacts_person_type_time backwards.
std::string latest_contact(const char* type) {
    return std::string(
               "(SELECT c.contact_at FROM contacts c LEFT JOIN appointments a ON a.id = c.appointment_id"
               " WHERE c.person_id = p.id AND c.type = '") +
           type +
           "' AND c.contact_at <= ?"
           " AND (c.appointment_id IS NULL OR a.outcome IN ('attended_complied', 'attended_failed_to_comply'))"
           " ORDER BY c.contact_at DESC LIMIT 1)";
}

std::optional<Date> local_date(const std::optional<std::string>& instant) {
    if (!instant) return std::nullopt;
    auto t = platform::parse_instant(*instant);
    if (!t) return std::nullopt;
    return platform::london_date(*t);
}

struct Latest {
    std::optional<Date> office, home, assessment, review;
};

struct ActiveEvent {
    contacts::OrderType type;
    Date start;
    Date convicted;
};

std::vector<SupervisedCase> load(db::Connection& conn, Selection sel, std::int64_t key, platform::Instant now) {
    const std::string where = selector(sel);
    const std::string now_text = platform::format_instant(now);
    const Date today = platform::london_date(now);
    const std::string today_text = platform::format_date(today);

    auto people = conn.query(
        "SELECT p.id, p.crn, p.first_name, p.last_name, p.case_manager_staff_id, p.tier, " +
            latest_contact(kOfficeVisitType) + ", " + latest_contact(kHomeVisitType) + ", " +
            latest_contact(kInitialAssessmentType) + ", " + latest_contact(kSentencePlanReviewType) +
            ", (SELECT MAX(x.assessed_on) FROM assessments x WHERE x.person_id = p.id AND x.complete = 1)" +
            " FROM people p WHERE " + where + " ORDER BY p.last_name, p.first_name, p.crn",
        {now_text, now_text, now_text, now_text, key});
    if (people.empty()) return {};

    // The active event that started last decides what is due (a custodial sentence
    // after an order means the person is in custody; a licence follows release).
    std::map<std::int64_t, ActiveEvent> events;
    for (const auto& r : conn.query("SELECT e.person_id, e.disposal_type, e.start_date, e.conviction_date"
                                    " FROM events e JOIN people p ON p.id = e.person_id"
                                    " WHERE " + where + " AND e.active = 1 AND e.start_date <= ?",
                                    {key, today_text})) {
        auto type = contacts::parse_order_type(r.text(1));
        auto start = platform::parse_date(r.text(2));
        if (!type || !start) continue;  // an unknown disposal has no national standard
        const Date convicted = platform::parse_date(r.text(3)).value_or(*start);
        auto [it, fresh] = events.try_emplace(r.int64(0), ActiveEvent{*type, *start, convicted});
        if (!fresh && it->second.start < *start) it->second = ActiveEvent{*type, *start, convicted};
    }

    std::map<std::int64_t, std::vector<contacts::Flag>> flags;
    std::map<std::int64_t, std::vector<contacts::CaseFacts::RegistrationReview>> reviews;
    for (const auto& r : conn.query("SELECT r.person_id, r.type_code, r.description, r.registered_on, r.deregistered_on,"
                                    " r.review_due, r.level"
                                    " FROM registrations r JOIN people p ON p.id = r.person_id"
                                    " WHERE " + where + " AND r.registered_on <= ?"
                                    " AND (r.deregistered_on IS NULL OR r.deregistered_on > ?)",
                                    {key, today_text, today_text})) {
        auto on = platform::parse_date(r.text(3));
        if (!on) continue;
        flags[r.int64(0)].push_back(contacts::Flag{r.text(1), r.text(2), *on,
                                                   r.opt_text(4) ? platform::parse_date(*r.opt_text(4)) : std::nullopt});
        if (auto due = r.opt_text(5) ? platform::parse_date(*r.opt_text(5)) : std::nullopt) {
            const auto level = r.opt_text(6);
            reviews[r.int64(0)].push_back({r.text(2) + (level ? " (" + *level + ")" : ""), *due});
        }
    }

    std::vector<SupervisedCase> out;
    out.reserve(people.size());
    for (const auto& r : people) {
        SupervisedCase c{r.int64(0), r.text(1), r.text(2), r.text(3), r.opt_int64(4), r.opt_text(5), std::nullopt};
        auto ev = events.find(c.person_id);
        if (ev != events.end()) {
            contacts::CaseFacts f;
            f.order_type = ev->second.type;
            f.start_date = ev->second.start;
            if (c.tier) f.tiers.push_back(contacts::TierPeriod{f.start_date, *c.tier});
            if (auto fl = flags.find(c.person_id); fl != flags.end()) f.flags = fl->second;
            if (auto rv = reviews.find(c.person_id); rv != reviews.end()) f.registration_reviews = rv->second;
            // An assessment is a contact of that type or an assessment entered on the
            // risk page, whichever is later.
            auto assessed = local_date(r.opt_text(8));
            if (auto entered = r.opt_text(10) ? platform::parse_date(*r.opt_text(10)) : std::nullopt;
                entered && (!assessed || *assessed < *entered)) {
                assessed = entered;
            }
            const Latest latest{local_date(r.opt_text(6)), local_date(r.opt_text(7)), assessed, local_date(r.opt_text(9))};
            if (latest.office) f.face_to_face_contacts.push_back(*latest.office);
            if (latest.home) f.home_visits.push_back(*latest.home);
            const bool released = f.order_type == contacts::OrderType::licence || f.order_type == contacts::OrderType::pss;
            const Date counts_from = released ? ev->second.convicted : f.start_date;
            if (latest.assessment && counts_from <= *latest.assessment) f.assessment_completed = latest.assessment;
            // Reviews belong to this order: one before its start is not a review of this plan.
            if (latest.review && f.start_date <= *latest.review) f.last_sentence_plan_review = latest.review;
            c.facts = std::move(f);
        }
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

std::optional<SupervisedCase> load_case(db::Connection& conn, std::int64_t person_id, platform::Instant now) {
    auto all = load(conn, Selection::person, person_id, now);
    if (all.empty()) return std::nullopt;
    return std::move(all.front());
}

std::vector<SupervisedCase> load_caseload_cases(db::Connection& conn, std::int64_t staff_id, platform::Instant now) {
    return load(conn, Selection::staff, staff_id, now);
}

std::vector<SupervisedCase> load_team_cases(db::Connection& conn, std::int64_t team_id, platform::Instant now) {
    return load(conn, Selection::team, team_id, now);
}

}  // namespace onecase::standards
