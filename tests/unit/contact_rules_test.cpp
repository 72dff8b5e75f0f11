#include <gtest/gtest.h>

#include "contacts/rules.hpp"

using namespace onecase;
using namespace onecase::contacts;

namespace {
const platform::Instant kNow = *platform::parse_instant("2026-11-22T14:00:00Z");

ContactInput phone(std::string notes) {
    ContactInput in;
    in.type = "phone";
    in.notes = std::move(notes);
    return in;
}

std::vector<std::string> error_fields(const Result<NewContact>& r) {
    std::vector<std::string> out;
    if (!r) for (const auto& e : r.problem().errors) out.push_back(e.field);
    return out;
}
}  // namespace

TEST(ContactRules, APhoneCallWithNotesAndNoDateHappenedNow) {
    auto r = validate_new_contact(phone("Rang to confirm Thursday."), kNow);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->contact_at, "2026-11-22T14:00:00Z");
    EXPECT_EQ(r->type, "phone");
}

TEST(ContactRules, TableOfInputsAndTheFieldsTheyFail) {
    struct Row { std::string type, notes; std::optional<std::string> when, date, time; std::vector<std::string> fields; };
    const std::vector<Row> rows = {
        {"phone", "ok", std::nullopt, std::nullopt, std::nullopt, {}},
        {"", "ok", std::nullopt, std::nullopt, std::nullopt, {"type"}},
        {"fax", "ok", std::nullopt, std::nullopt, std::nullopt, {"type"}},
        {"phone", "", std::nullopt, std::nullopt, std::nullopt, {"notes"}},
        {"phone", " \n\t ", std::nullopt, std::nullopt, std::nullopt, {"notes"}},
        {"phone", "late entry", std::nullopt, "2026-10-01", "09:15", {}},           // recording late is allowed
        {"phone", "ok", std::nullopt, "2026-11-22", "9:05", {}},                    // one-digit hour
        {"phone", "ok", std::nullopt, "2026-11-31", "09:00", {"date"}},
        {"phone", "ok", std::nullopt, "2026-11-22", "25:00", {"time"}},
        {"phone", "ok", std::nullopt, "2026-11-23", "09:00", {"date"}},             // tomorrow
        {"phone", "ok", "2026-11-22T13:00:00Z", std::nullopt, std::nullopt, {}},
        {"phone", "ok", "2026-11-22T13:00", std::nullopt, std::nullopt, {}},
        {"phone", "ok", "yesterday", std::nullopt, std::nullopt, {"date"}},
        {"", "", std::nullopt, "x", "y", {"type", "notes", "date", "time"}},
    };
    for (const auto& row : rows) {
        ContactInput in;
        in.type = row.type;
        in.notes = row.notes;
        in.when = row.when;
        in.date = row.date;
        in.time = row.time;
        auto r = validate_new_contact(in, kNow);
        EXPECT_EQ(error_fields(r), row.fields) << row.type << " / " << row.notes << " / " << row.date.value_or("") << " "
                                              << row.time.value_or("") << row.when.value_or("");
    }
}

TEST(ContactRules, LocalUkTimeIsStoredAsUtc) {
    ContactInput in = phone("summer call");
    in.date = "2026-07-01";
    in.time = "10:00";
    auto r = validate_new_contact(in, kNow);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->contact_at, "2026-07-01T09:00:00Z");
}

TEST(ContactRules, NotesUpToOneHundredThousandCharactersCountedAsCharactersNotBytes) {
    std::string exactly;
    for (int i = 0; i < 100'000; ++i) exactly += "é";
    EXPECT_TRUE(validate_new_contact(phone(exactly), kNow).ok());
    EXPECT_EQ(error_fields(validate_new_contact(phone(exactly + "a"), kNow)), std::vector<std::string>{"notes"});
}

TEST(ContactRules, InvalidUtf8IsRefused) {
    EXPECT_FALSE(utf8_length("\xC3\x28").has_value());
    EXPECT_FALSE(utf8_length("\xED\xA0\x80").has_value());  // a surrogate
    EXPECT_FALSE(utf8_length("\xC0\xAF").has_value());      // overlong
    EXPECT_EQ(utf8_length("Siobhán 👍"), 9u);
    EXPECT_EQ(error_fields(validate_new_contact(phone("bad \xFF byte"), kNow)), std::vector<std::string>{"notes"});
}

TEST(ContactRules, ARequirementIsGivenByItsNumber) {
    ContactInput in = phone("RAR session");
    in.requirement_id = "222";
    auto r = validate_new_contact(in, kNow);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->requirement_id, 222);
    EXPECT_FALSE(validate_new_contact(phone("no requirement"), kNow)->requirement_id.has_value());
    for (const char* bad : {"rar", "0", "-3", "12x"}) {
        in.requirement_id = bad;
        EXPECT_EQ(error_fields(validate_new_contact(in, kNow)), std::vector<std::string>{"requirementId"}) << bad;
    }
}
