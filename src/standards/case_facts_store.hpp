#pragma once
// Assembles contacts::CaseFacts from storage, for one case, a caseload or a whole
// team in three queries whatever the number of cases (people with their latest
// qualifying contacts; active events; standing registrations).
//
// Mapping (docs/national-standards.md, "Where the facts come from"):
// - order type and start: the person's active event that started last
//   (events.disposal_type; events.start_date is the sentence date for community and
//   suspended sentence orders and the release date for licence and PSS). No active
//   event: nothing is due.
// - tier: people.tier is the current tier only, so it is one period from the start
//   date. Tier history arrives with the tiering issue.
// - flags: registrations standing today (type_code, registered_on, deregistered_on).
// - face-to-face: contacts of type office_visit; home visits: type home_visit. A
//   contact that records an appointment's outcome (appointment_id set) counts only
//   when the outcome was attended_*: a failed-to-attend is not a contact made.
// - initial assessment / sentence plan review: contacts of type initial_assessment /
//   sentence_plan_review. An assessment counts from the start date, or on licence and
//   PSS from the conviction date (a pre-release assessment counts).
// Dates are the UK local date of contacts.contact_at, so a contact typed in today
// but dated last week counts from last week.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "contacts/national_standards.hpp"
#include "db/database.hpp"
#include "platform/clock.hpp"

namespace onecase::standards {

struct SupervisedCase {
    std::int64_t person_id = 0;
    std::string crn;
    std::string first_name;
    std::string last_name;
    std::optional<std::int64_t> case_manager_staff_id;
    std::optional<std::string> tier;
    // Nullopt when the person has no active event: nothing is due.
    std::optional<contacts::CaseFacts> facts;
};

// Contacts that count as face to face and home visits, by contacts.type.
inline constexpr const char* kOfficeVisitType = "office_visit";
inline constexpr const char* kHomeVisitType = "home_visit";
inline constexpr const char* kInitialAssessmentType = "initial_assessment";
inline constexpr const char* kSentencePlanReviewType = "sentence_plan_review";

// One person (current case or not).
std::optional<SupervisedCase> load_case(db::Connection& conn, std::int64_t person_id, platform::Instant now);
// A staff member's current cases, by name.
std::vector<SupervisedCase> load_caseload_cases(db::Connection& conn, std::int64_t staff_id, platform::Instant now);
// The current cases held by every staff member of a team, by name.
std::vector<SupervisedCase> load_team_cases(db::Connection& conn, std::int64_t team_id, platform::Instant now);

}  // namespace onecase::standards
