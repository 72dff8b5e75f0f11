#pragma once
// The national standards policy as data: JSON <-> contacts::NationalStandardsPolicy,
// with the validation an admin's new version must pass. Pure: no storage, no clock
// (the caller passes `today`).
//
// The settings JSON (stored in policy_versions.settings, sent to and returned by
// the API, and the names of the admin form's fields):
//   {"firstAppointmentWorkingDays":5, "initialAssessmentWorkingDays":15,
//    "faceToFaceEveryDays":28, "afterReleaseFaceToFaceEveryDays":7,
//    "afterReleaseWeeks":12, "afterReleaseProtectLevels":["A","B"],
//    "homeVisitWorkingDays":10, "homeVisitEveryMonths":3,
//    "homeVisitFlags":["DOMESTIC_ABUSE","CHILD_CONCERNS","CHILD_PROTECTION"],
//    "sentencePlanReviewEveryMonths":6}
// version and effective_from are not settings: they live in their own columns.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <vector>

#include "contacts/national_standards.hpp"
#include "platform/result.hpp"

namespace onecase::standards {

// The settings of `policy` as the JSON object above.
boost::json::object policy_settings_json(const contacts::NationalStandardsPolicy& policy);

// Reads and checks settings. Every field is required. Numbers must be whole and in
// range (see kLimits in the .cpp: e.g. 1-60 working days, 1-366 days, 1-24 months),
// protect levels letters A-D without repeats, flag codes non-empty upper-case codes
// without repeats. Errors name the JSON field. version/effective_from are left at
// their defaults for the caller to set.
Result<contacts::NationalStandardsPolicy> policy_from_settings(const boost::json::value& settings);

// What an admin sends to add a version: settings plus the day it takes effect and a note.
struct NewPolicyVersion {
    contacts::NationalStandardsPolicy policy;  // effective_from set; version set by the store
    std::string note;
};

// Checks a whole request {"effectiveFrom":"2027-01-01","note":"...","settings":{...}}
// (the form posts the same names, settings flattened; see settings_from_form).
// effectiveFrom must be a real date, today or later: a version never rewrites what
// was due in the past. The note is required (why the standard changed), at most 2,000
// characters.
Result<NewPolicyVersion> validate_new_version(const boost::json::object& request, platform::Date today);

// The admin form's fields (text as typed) as the settings JSON: numbers that parse
// become numbers, the rest stay strings so validation names them; comma- or
// space-separated lists become arrays.
boost::json::object settings_from_form(const std::vector<std::pair<std::string, std::string>>& fields);

// The names of the settings fields, in form order.
const std::vector<std::string>& settings_field_names();

}  // namespace onecase::standards
