// The audit trail's before and after (issue #8): diffing two snapshots of a record,
// and the JSON the audit_log.changes column holds. Pure, no database.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "access/audit_changes.hpp"

namespace onecase::access {
namespace {

using Changes = std::vector<FieldChange>;
constexpr std::nullopt_t none = std::nullopt;

AuditSnapshot appointment(const char* start, const char* location, std::optional<std::string> reason = none) {
    return AuditSnapshot{}.set("start_at", start).set("location", location).set("cancel_reason", std::move(reason));
}

TEST(AuditChanges, AMoveListsOnlyTheFieldsThatChangedInTheRecordsOrder) {
    EXPECT_EQ(diff_fields(appointment("2026-11-24T10:00:00Z", "Room 1"), appointment("2026-11-25T14:30:00Z", "Room 2")),
              (Changes{{"start_at", "2026-11-24T10:00:00Z", "2026-11-25T14:30:00Z"}, {"location", "Room 1", "Room 2"}}));
    EXPECT_EQ(diff_fields(appointment("2026-11-24T10:00:00Z", "Room 1"), appointment("2026-11-24T10:00:00Z", "Room 2")),
              (Changes{{"location", "Room 1", "Room 2"}}));
}

TEST(AuditChanges, NothingChangedMeansNoChanges) {
    EXPECT_TRUE(diff_fields(appointment("2026-11-24T10:00:00Z", "Room 1"), appointment("2026-11-24T10:00:00Z", "Room 1")).empty());
    EXPECT_TRUE(diff_fields({}, {}).empty());
}

TEST(AuditChanges, UnsetAndEmptyAreDifferentValues) {
    // A cancellation sets a reason that was unset; clearing notes to "" is a change too.
    EXPECT_EQ(diff_fields(appointment("t", "l"), appointment("t", "l", "Ill")), (Changes{{"cancel_reason", none, "Ill"}}));
    EXPECT_EQ(diff_fields(AuditSnapshot{}.set("notes", "Seen"), AuditSnapshot{}.set("notes", "")),
              (Changes{{"notes", "Seen", ""}}));
    EXPECT_EQ(diff_fields(AuditSnapshot{}.set("notes", ""), AuditSnapshot{}.set("notes", none)),
              (Changes{{"notes", "", none}}));
}

TEST(AuditChanges, ACreationHasOnlyAftersAndARemovalOnlyBefores) {
    const auto entry = AuditSnapshot{}.set("kind", "restriction").set("staff", "N07A01").set("reason", none);
    EXPECT_EQ(created_fields(entry), (Changes{{"kind", none, "restriction"}, {"staff", none, "N07A01"}}))
        << "an unset field of a new record is no change";
    EXPECT_EQ(removed_fields(entry), (Changes{{"kind", "restriction", none}, {"staff", "N07A01", none}}));
}

TEST(AuditChanges, FieldsOnlyInOneSnapshotCountAsUnsetInTheOther) {
    const auto before = AuditSnapshot{}.set("restricted_to", "A1").set("excluded", "B2");
    const auto after = AuditSnapshot{}.set("restricted_to", "A1,C3").set("tier", "B2");
    EXPECT_EQ(diff_fields(before, after),
              (Changes{{"restricted_to", "A1", "A1,C3"}, {"excluded", "B2", none}, {"tier", none, "B2"}}));
}

TEST(AuditChanges, NumbersAndFlagsAreText) {
    EXPECT_EQ(diff_fields(AuditSnapshot{}.set("version", std::int64_t{3}).set("hours", std::optional<std::int64_t>{}),
                          AuditSnapshot{}.set("version", std::int64_t{4}).set("hours", std::optional<std::int64_t>{2220})),
              (Changes{{"version", "3", "4"}, {"hours", none, "2220"}}));
    EXPECT_EQ(diff_fields(AuditSnapshot{}.set_flag("sensitive", false), AuditSnapshot{}.set_flag("sensitive", true)),
              (Changes{{"sensitive", "false", "true"}}));
}

TEST(AuditChanges, SettingAFieldAgainReplacesItsValueInPlace) {
    auto s = AuditSnapshot{}.set("a", "1").set("b", "2").set("a", "3");
    ASSERT_EQ(s.fields().size(), 2u);
    EXPECT_EQ(s.fields()[0].first, "a");
    EXPECT_EQ(s.get("a"), "3");
    EXPECT_EQ(s.get("missing"), none);
}

TEST(AuditChanges, PasswordsHashesAndSecretsNeverAppearWhateverACallerPutsIn) {
    const auto before = AuditSnapshot{}.set("password_hash", "$argon2id$old").set("Password", "x").set("role", "practitioner");
    const auto after = AuditSnapshot{}.set("password_hash", "$argon2id$new").set("Password", "y").set("role", "spo")
                           .set("token_hash", "abc").set("client_secret", "s");
    EXPECT_EQ(diff_fields(before, after), (Changes{{"role", "practitioner", "spo"}}));
    EXPECT_TRUE(created_fields(AuditSnapshot{}.set("token_hash", "abc")).empty());
}

TEST(AuditChanges, SettingsDocumentsBecomeDottedFieldsSoAPolicyVersionShowsWhatMoved) {
    const auto old_settings = boost::json::parse(R"({"warning":{"withinMonths":12,"label":"W"},"codes":["A","B"],"off":null})");
    const auto new_settings = boost::json::parse(R"({"warning":{"withinMonths":6,"label":"W"},"codes":["A"],"off":null})");
    const auto before = json_snapshot(old_settings, "settings");
    EXPECT_EQ(before.get("settings.warning.label"), "W") << "a string is unquoted";
    EXPECT_EQ(before.get("settings.codes"), R"(["A","B"])") << "an array is one field";
    EXPECT_EQ(diff_fields(before, json_snapshot(new_settings, "settings")),
              (Changes{{"settings.warning.withinMonths", "12", "6"}, {"settings.codes", R"(["A","B"])", R"(["A"])"}}));
}

TEST(AuditChanges, TheStoredJsonReadsBackAsWritten) {
    const Changes changes{{"start_at", "2026-11-24T10:00:00Z", "2026-11-25T14:30:00Z"},
                          {"cancel_reason", none, "Said \"ill\"\nby phone"},
                          {"notes", "", none}};
    const auto text = changes_to_json(changes);
    EXPECT_EQ(changes_to_json({{"tier", "B2", none}}), R"([{"field":"tier","before":"B2","after":null}])");
    EXPECT_EQ(changes_from_json(text), changes);
    EXPECT_EQ(changes_to_json({}), "[]");
    EXPECT_TRUE(changes_from_json("[]").empty());
}

TEST(AuditChanges, TextNotInTheStoredFormIsShownRawRatherThanHidden) {
    for (const char* bad : {"not json", "{\"field\":\"a\"}", "[1]", "[{\"before\":\"x\"}]", "[{\"field\":\"a\",\"after\":3}]"}) {
        EXPECT_EQ(changes_from_json(bad), (Changes{{"changes", none, std::string(bad)}})) << bad;
    }
}

}  // namespace
}  // namespace onecase::access
