// The national standards policy as JSON: defaults round-trip, every bad setting is
// named, and a new version cannot start in the past.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "standards/policy_json.hpp"

namespace onecase::standards {
namespace {

namespace json = boost::json;
using contacts::NationalStandardsPolicy;

platform::Date d(const char* iso) { return *platform::parse_date(iso); }

json::object defaults() { return policy_settings_json(NationalStandardsPolicy{}); }

TEST(StandardsPolicyJson, DefaultsRoundTrip) {
    const auto o = defaults();
    EXPECT_EQ(o.at("firstAppointmentWorkingDays").as_int64(), 5);
    EXPECT_EQ(json::serialize(o.at("afterReleaseProtectLevels")), R"(["A","B"])");
    auto back = policy_from_settings(o);
    ASSERT_TRUE(back) << back.problem().title;
    EXPECT_EQ(json::serialize(policy_settings_json(*back)), json::serialize(o));
}

TEST(StandardsPolicyJson, ReadsEveryField) {
    auto o = defaults();
    o["firstAppointmentWorkingDays"] = 3;
    o["initialAssessmentWorkingDays"] = 20;
    o["faceToFaceEveryDays"] = 21;
    o["afterReleaseFaceToFaceEveryDays"] = 14;
    o["afterReleaseWeeks"] = 8;
    o["afterReleaseProtectLevels"] = json::array{"A", "B", "C"};
    o["homeVisitWorkingDays"] = 7;
    o["homeVisitEveryMonths"] = 2;
    o["homeVisitFlags"] = json::array{"DOMESTIC_ABUSE"};
    o["sentencePlanReviewEveryMonths"] = 4;
    auto p = policy_from_settings(o);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->first_appointment_working_days, 3);
    EXPECT_EQ(p->initial_assessment_working_days, 20);
    EXPECT_EQ(p->face_to_face_every_days, 21);
    EXPECT_EQ(p->after_release_face_to_face_every_days, 14);
    EXPECT_EQ(p->after_release_weeks, 8);
    EXPECT_EQ(p->after_release_protect_levels, (std::vector<char>{'A', 'B', 'C'}));
    EXPECT_EQ(p->home_visit_working_days, 7);
    EXPECT_EQ(p->home_visit_every_months, 2);
    EXPECT_EQ(p->home_visit_flags, (std::vector<std::string>{"DOMESTIC_ABUSE"}));
    EXPECT_EQ(p->sentence_plan_review_every_months, 4);
}

// One row: a setting changed to a bad value, and the field the error must name.
struct BadSetting {
    const char* why;
    const char* field;
    json::value value;
};

TEST(StandardsPolicyJson, RefusesBadSettingsNamingTheField) {
    const std::vector<BadSetting> rows = {
        {"zero working days", "firstAppointmentWorkingDays", 0},
        {"negative", "initialAssessmentWorkingDays", -5},
        {"a typo: 280 days", "faceToFaceEveryDays", 280},
        {"a fraction", "homeVisitWorkingDays", 2.5},
        {"text", "homeVisitEveryMonths", "three"},
        {"missing", "sentencePlanReviewEveryMonths", nullptr},
        {"more than a year of weeks", "afterReleaseWeeks", 53},
        {"after-release contact less often than every case", "afterReleaseFaceToFaceEveryDays", 35},
        {"tier letter E", "afterReleaseProtectLevels", json::array{"A", "E"}},
        {"two letters in one", "afterReleaseProtectLevels", json::array{"AB"}},
        {"a repeated letter", "afterReleaseProtectLevels", json::array{"A", "A"}},
        {"not a list", "afterReleaseProtectLevels", "A"},
        {"empty flag code", "homeVisitFlags", json::array{"DOMESTIC_ABUSE", ""}},
        {"lower-case flag code", "homeVisitFlags", json::array{"domestic abuse"}},
        {"a repeated flag", "homeVisitFlags", json::array{"CHILD_CONCERNS", "CHILD_CONCERNS"}},
    };
    for (const auto& row : rows) {
        auto o = defaults();
        if (row.value.is_null()) o.erase(row.field);
        else o[row.field] = row.value;
        auto p = policy_from_settings(o);
        ASSERT_FALSE(p) << row.why;
        ASSERT_EQ(p.problem().errors.size(), 1u) << row.why;
        EXPECT_EQ(p.problem().errors[0].field, row.field) << row.why;
        EXPECT_FALSE(p.problem().errors[0].message.empty()) << row.why;
    }
}

TEST(StandardsPolicyJson, EmptyListsAreAllowed) {
    // No weekly regime after release, and no flag needing home visits: a choice the
    // service may make.
    auto o = defaults();
    o["afterReleaseProtectLevels"] = json::array{};
    o["homeVisitFlags"] = json::array{};
    auto p = policy_from_settings(o);
    ASSERT_TRUE(p);
    EXPECT_TRUE(p->after_release_protect_levels.empty());
    EXPECT_TRUE(p->home_visit_flags.empty());
}

TEST(StandardsPolicyJson, SettingsMustBeAnObject) {
    EXPECT_FALSE(policy_from_settings(json::array{}));
    EXPECT_FALSE(policy_from_settings(nullptr));
}

json::object request(const char* from, const char* note) {
    return json::object{{"effectiveFrom", from}, {"note", note}, {"settings", defaults()}};
}

TEST(StandardsPolicyJson, NewVersionFromTodayOrLater) {
    const auto today = d("2027-01-06");
    auto same_day = validate_new_version(request("2027-01-06", "Faster first appointments"), today);
    ASSERT_TRUE(same_day) << same_day.problem().title;
    EXPECT_EQ(platform::format_date(same_day->policy.effective_from), "2027-01-06");
    EXPECT_EQ(same_day->note, "Faster first appointments");
    EXPECT_TRUE(validate_new_version(request("2027-04-01", "From April"), today));
}

TEST(StandardsPolicyJson, NewVersionRefusals) {
    const auto today = d("2027-01-06");
    struct Row {
        json::object body;
        const char* field;
    };
    auto bad_settings = request("2027-02-01", "x");
    bad_settings["settings"].as_object()["homeVisitEveryMonths"] = 0;
    auto no_settings = request("2027-02-01", "x");
    no_settings.erase("settings");
    const std::vector<Row> rows = {
        {request("2027-01-05", "Backdated"), "effectiveFrom"},
        {request("2027-02-30", "Not a date"), "effectiveFrom"},
        {request("", "No date"), "effectiveFrom"},
        {request("2027-02-01", "   "), "note"},
        {request("2027-02-01", std::string(2001, 'x').c_str()), "note"},
        {bad_settings, "homeVisitEveryMonths"},
        {no_settings, "settings"},
    };
    for (const auto& row : rows) {
        auto r = validate_new_version(row.body, today);
        ASSERT_FALSE(r) << json::serialize(row.body);
        EXPECT_EQ(r.problem().status, 422);
        ASSERT_FALSE(r.problem().errors.empty());
        EXPECT_EQ(r.problem().errors[0].field, row.field) << json::serialize(row.body);
    }
}

TEST(StandardsPolicyJson, FormFieldsBecomeSettings) {
    auto o = settings_from_form({{"firstAppointmentWorkingDays", " 4 "},
                                 {"faceToFaceEveryDays", "four"},
                                 {"afterReleaseProtectLevels", "A, B,C"},
                                 {"homeVisitFlags", "DOMESTIC_ABUSE CHILD_CONCERNS"}});
    EXPECT_EQ(o.at("firstAppointmentWorkingDays").as_int64(), 4);
    EXPECT_EQ(o.at("faceToFaceEveryDays").as_string(), "four");  // kept, so validation names it
    EXPECT_EQ(json::serialize(o.at("afterReleaseProtectLevels")), R"(["A","B","C"])");
    EXPECT_EQ(json::serialize(o.at("homeVisitFlags")), R"(["DOMESTIC_ABUSE","CHILD_CONCERNS"])");
    EXPECT_EQ(settings_field_names().size(), 10u);
}

}  // namespace
}  // namespace onecase::standards
