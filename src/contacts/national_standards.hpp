#pragma once
// National standards: what contact a case is due, by when, and what is overdue.
// Pure: the caller passes the case's facts, `today` and the bank holidays; no
// storage, no clock. Recording late is never blocked or penalised here: a contact
// dated in the past satisfies the requirement from its own date, whenever it was
// typed in.
//
// Source: onecase issue 4 (policy defaults below) and docs/national-standards.md,
// which records each interpretation. The defaults follow the shape of HMPPS
// practice (first appointment within days of sentence or release, monthly contact
// at least, weekly after release for the highest tiers, home visits for domestic
// abuse and child concerns); they are data so the service can change them.
#include <optional>
#include <string>
#include <vector>

#include "contacts/order_type.hpp"
#include "platform/clock.hpp"
#include "platform/working_days.hpp"

namespace onecase::contacts {

// One version of the policy table. Admins edit it by adding a version with a later
// `effective_from`; past versions stay as they were.
struct NationalStandardsPolicy {
    int version = 1;
    platform::Date effective_from{std::chrono::year{1900} / 1 / 1};  // version 1 applies to all history

    int first_appointment_working_days = 5;      // of sentence or release
    int initial_assessment_working_days = 15;    // of sentence or release
    int face_to_face_every_days = 28;            // every case: at least every 4 weeks
    int after_release_face_to_face_every_days = 7;  // weekly ...
    int after_release_weeks = 12;                // ... in the first 12 weeks after release ...
    std::vector<char> after_release_protect_levels = {'A', 'B'};  // ... for tiers A and B
    int home_visit_working_days = 10;            // of a qualifying flag being registered
    int home_visit_every_months = 3;             // while the flag stands
    // Registration type codes that need home visits: domestic abuse and child
    // concerns (child protection is the stronger child-concern registration).
    std::vector<std::string> home_visit_flags = {"DOMESTIC_ABUSE", "CHILD_CONCERNS", "CHILD_PROTECTION"};
    int sentence_plan_review_every_months = 6;
};

// The version in force on `day`: the one with the latest effective_from on or before
// it. nullptr when none is.
const NationalStandardsPolicy* policy_in_force(const std::vector<NationalStandardsPolicy>& versions, platform::Date day);

struct TierPeriod {
    platform::Date from;  // the tier applies from this day until the next period's `from`
    std::string tier;     // "A3" ... "D0"; empty when not yet calculated
};

struct Flag {
    std::string type_code;    // "DOMESTIC_ABUSE"
    std::string description;  // "Domestic abuse perpetrator"
    platform::Date registered_on;
    std::optional<platform::Date> deregistered_on;  // the flag stands until this day
};

// What national standards are judged on. Dates after `today` are ignored.
struct CaseFacts {
    OrderType order_type = OrderType::community_order;
    // Sentence date for community and suspended sentence orders; release date for
    // licence and PSS. Nothing is due on a custodial sentence before release.
    platform::Date start_date;
    std::vector<TierPeriod> tiers;  // any order
    std::vector<Flag> flags;
    // Face-to-face contacts (office visits, ...). Home visits are face to face too
    // and need not be repeated here.
    std::vector<platform::Date> face_to_face_contacts;
    std::vector<platform::Date> home_visits;
    // The completed assessment that counts for this sentence or release, as the
    // caller decides (a pre-release assessment may count on licence); nullopt if none.
    std::optional<platform::Date> assessment_completed;
    std::optional<platform::Date> last_sentence_plan_review;
    // Standing registrations' next review dates (each type sets its own period): an
    // overdue review is as much a lapse in supervision as a missed contact.
    struct RegistrationReview {
        std::string description;  // "Risk of serious harm (High)"
        platform::Date review_due;
    };
    std::vector<RegistrationReview> registration_reviews;
};

enum class DueKind {
    first_appointment,
    initial_assessment,
    face_to_face_contact,
    home_visit,
    sentence_plan_review,
    registration_review,
};

struct DueItem {
    DueKind kind;
    platform::Date due_date;  // due on or before this day
    bool overdue = false;     // due_date is before today (due today is not overdue)
    std::optional<platform::Date> overdue_since;  // the first day it was overdue: due_date + 1
    std::string description;  // "First appointment within 5 working days of sentence on 2 Mar 2026"
};

// Everything due on the case as of `today`, soonest first (then in DueKind order).
// Each requirement appears at most once: the next occurrence not yet satisfied.
// One-off requirements already met (first appointment, initial assessment) are
// not listed.
std::vector<DueItem> due_items(const CaseFacts& facts, platform::Date today, const platform::BankHolidays& holidays,
                               const NationalStandardsPolicy& policy = {});

// "first_appointment", "initial_assessment", "face_to_face_contact", "home_visit",
// "sentence_plan_review": for the API.
std::string_view due_kind_code(DueKind kind);

}  // namespace onecase::contacts
