// The pure rules of the security work: the sign-in throttle, the password policy,
// CSV escaping for audit exports, and the audit search's filter.
#include <gtest/gtest.h>

#include <set>

#include "access/audit_filter.hpp"
#include "access/csv.hpp"
#include "access/password_policy.hpp"
#include "access/sign_in_throttle.hpp"

namespace onecase::access {
namespace {

using namespace std::chrono_literals;

const platform::Instant kNow = *platform::parse_instant("2026-11-23T10:00:00Z");

// ---- throttle ----

TEST(SignInThrottle, AFreshUsernameFromAQuietAddressMayTry) {
    EXPECT_EQ(decide_sign_in({}, SignInThrottle{}, kNow).verdict, SignInVerdict::allowed);
}

TEST(SignInThrottle, FifthFailureWithinTheWindowLocksForThirtyMinutes) {
    const SignInThrottle rule;
    for (int failures = 1; failures <= 4; ++failures) {
        EXPECT_FALSE(lockout_after_failure(failures, rule, kNow)) << failures;
    }
    auto until = lockout_after_failure(5, rule, kNow);
    ASSERT_TRUE(until);
    EXPECT_EQ(*until, kNow + 30min);
}

TEST(SignInThrottle, ALockedUsernameIsRefusedUntilTheLockoutEnds) {
    AttemptHistory h;
    h.locked_until = kNow + 1s;
    EXPECT_EQ(decide_sign_in(h, SignInThrottle{}, kNow).verdict, SignInVerdict::account_locked);
    EXPECT_EQ(decide_sign_in(h, SignInThrottle{}, kNow + 1s).verdict, SignInVerdict::allowed);
}

TEST(SignInThrottle, AnAddressWithTwentyFailuresWaitsUntilTheOldestLeavesTheWindow) {
    AttemptHistory h;
    h.address_failures = 20;
    h.oldest_address_failure = kNow - 10min;
    auto d = decide_sign_in(h, SignInThrottle{}, kNow);
    EXPECT_EQ(d.verdict, SignInVerdict::address_throttled);
    EXPECT_EQ(d.retry_after, 5min);
    h.address_failures = 19;
    EXPECT_EQ(decide_sign_in(h, SignInThrottle{}, kNow).verdict, SignInVerdict::allowed);
}

TEST(SignInThrottle, TheAddressWaitComesBeforeTheAccountLock) {
    AttemptHistory h;
    h.address_failures = 25;
    h.oldest_address_failure = kNow - 14min;
    h.locked_until = kNow + 10min;
    EXPECT_EQ(decide_sign_in(h, SignInThrottle{}, kNow).verdict, SignInVerdict::address_throttled);
}

TEST(SignInThrottle, TheNumbersAreSettings) {
    SignInThrottle rule;
    rule.account_failures = 3;
    rule.lockout = 5min;
    EXPECT_FALSE(lockout_after_failure(2, rule, kNow));
    EXPECT_EQ(*lockout_after_failure(3, rule, kNow), kNow + 5min);
}

// ---- password policy ----

TEST(PasswordPolicy, CountsCodePointsNotBytes) {
    EXPECT_EQ(count_code_points("abc"), 3u);
    EXPECT_EQ(count_code_points("ééé"), 3u);      // two bytes each
    EXPECT_EQ(count_code_points("🙂🙂"), 2u);      // four bytes each
}

TEST(PasswordPolicy, TableOfPasswords) {
    const CommonPasswords common("# comment\npassword1234\nQwertyuiop12\n\n");
    struct Row {
        const char* password;
        bool accepted;
        const char* message_contains;
    };
    const Row rows[] = {
        {"short", false, "at least 12 characters"},
        {"elevenchars", false, "at least 12 characters"},
        {"éééééééééé", false, "at least 12 characters"},   // 20 bytes, 10 characters
        {"twelve chars", true, ""},
        {"éééééééééééé", true, ""},                      // 12 characters
        {"password1234", false, "too common"},
        {"PASSWORD1234", false, "too common"},             // case does not help
        {"qwertyuiop12", false, "too common"},
        {"demo.practitioner", false, "not be your username"},
        {"correct kettle mountain", true, ""},
    };
    for (const auto& r : rows) {
        auto problem = password_problem(r.password, "demo.practitioner", common);
        EXPECT_EQ(!problem, r.accepted) << r.password;
        if (problem) {
            EXPECT_NE(problem->find(r.message_contains), std::string::npos) << *problem;
        }
    }
    EXPECT_TRUE(password_problem(std::string(256, 'x'), "u", common) == std::nullopt);
    auto too_long = password_problem(std::string(257, 'x'), "u", common);
    ASSERT_TRUE(too_long);
    EXPECT_NE(too_long->find("256 characters or fewer"), std::string::npos);
}

TEST(PasswordPolicy, TheShippedListHoldsThousandsOfCommonPasswordsIncludingLongOnes) {
    const auto& list = shipped_common_passwords();
    EXPECT_GT(list.size(), 3000u);
    EXPECT_TRUE(list.contains("password"));
    EXPECT_TRUE(list.contains("Password1234"));
    EXPECT_TRUE(list.contains("qwertyuiop[]"));
    EXPECT_FALSE(list.contains("# Passwords too common to use in onecase. One a line, lower-case; compared without"));
    EXPECT_FALSE(list.contains("onecase-demo-2026"));
}

// ---- CSV ----

TEST(Csv, QuotesFieldsWithCommasQuotesAndNewlines) {
    const std::pair<const char*, const char*> rows[] = {
        {"plain", "plain"},
        {"", ""},
        {"a,b", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"line one\nline two", "\"line one\nline two\""},
        {"cr\r\n", "\"cr\r\n\""},
    };
    for (const auto& [in, out] : rows) EXPECT_EQ(csv_field(in), out) << in;
}

TEST(Csv, CellsThatASpreadsheetWouldRunAsAFormulaStartWithAQuote) {
    EXPECT_EQ(csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
    EXPECT_EQ(csv_field("+1"), "'+1");
    EXPECT_EQ(csv_field("-2"), "'-2");
    EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(csv_field("\t=1"), "'\t=1");
    EXPECT_EQ(csv_field("a=1"), "a=1");  // only a leading character matters
}

TEST(Csv, ARecordEndsInCrLf) {
    EXPECT_EQ(csv_record({"a", "b,c", ""}), "a,\"b,c\",\r\n");
}

// ---- audit filter ----

TEST(AuditFilter, NoFieldsMeansTheNewestFifty) {
    auto f = parse_audit_filter({});
    ASSERT_TRUE(f);
    EXPECT_FALSE(f->crn || f->username || f->action || f->from || f->before || f->cursor);
    EXPECT_EQ(f->limit, 50);
}

TEST(AuditFilter, DatesAreWholeUkDaysAndTimesAreUkLocalUnlessUtc) {
    // 1 July is in British Summer Time (UTC+1).
    auto f = parse_audit_filter({{"from", "2026-07-01"}, {"to", "2026-07-01"}, {"crn", "x123456"}, {"user", " demo.po "}});
    ASSERT_TRUE(f);
    EXPECT_EQ(platform::format_instant(*f->from), "2026-06-30T23:00:00Z");
    EXPECT_EQ(platform::format_instant(*f->before), "2026-07-01T23:00:00Z");
    EXPECT_EQ(*f->crn, "X123456");
    EXPECT_EQ(*f->username, "demo.po");
    auto g = parse_audit_filter({{"from", "2026-07-01T09:30"}, {"to", "2026-07-01T10:00:00Z"}});
    ASSERT_TRUE(g);
    EXPECT_EQ(platform::format_instant(*g->from), "2026-07-01T08:30:00Z");
    EXPECT_EQ(platform::format_instant(*g->before), "2026-07-01T10:00:01Z");
}

TEST(AuditFilter, BadFieldsAreNamed) {
    auto f = parse_audit_filter({{"from", "yesterday"}, {"limit", "501"}, {"cursor", "-3"}});
    ASSERT_FALSE(f);
    std::set<std::string> fields;
    for (const auto& e : f.problem().errors) fields.insert(e.field);
    EXPECT_EQ(fields, (std::set<std::string>{"from", "limit", "cursor"}));
    auto backwards = parse_audit_filter({{"from", "2026-07-02"}, {"to", "2026-07-01"}});
    ASSERT_FALSE(backwards);
    EXPECT_EQ(backwards.problem().errors.at(0).field, "to");
}

}  // namespace
}  // namespace onecase::access
