#include "access/audit_journal_format.hpp"

#include <gtest/gtest.h>

namespace onecase::access {
namespace {

AuditRecord view_row() {
    return AuditRecord{"2026-12-07T09:30:00.125Z", 42, "demo.po", "10.0.0.9", "case.view", "X123456", "api", std::nullopt};
}

TEST(AuditJournalFormat, ARowComesBackAsItWasWrittenOneLineEach) {
    auto odd = view_row();
    odd.user_id = std::nullopt;
    odd.crn = std::nullopt;
    odd.detail = "q=O'Neill\nline two \"quoted\" \t tab ✓";
    odd.changes = R"([{"field":"notes"}])";
    const auto text = encode_journal_line(view_row()) + encode_journal_line(odd);
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2) << "a newline in a field is escaped, not written";

    const auto decoded = decode_journal(text);
    ASSERT_EQ(decoded.rows.size(), 2u);
    EXPECT_EQ(decoded.rows[0], view_row());
    EXPECT_EQ(decoded.rows[1], odd);
    EXPECT_EQ(decoded.torn_tail_bytes, 0u);
    EXPECT_EQ(decoded.unreadable_lines, 0);
}

TEST(AuditJournalFormat, ALastLineCutShortByACrashIsLeftOut) {
    const auto whole = encode_journal_line(view_row());
    const auto text = whole + whole.substr(0, whole.size() / 2);
    const auto decoded = decode_journal(text);
    EXPECT_EQ(decoded.rows.size(), 1u);
    EXPECT_EQ(decoded.torn_tail_bytes, whole.size() / 2);
    EXPECT_EQ(decoded.unreadable_lines, 0);
}

TEST(AuditJournalFormat, ADamagedLineIsCountedAndSkippedAndTheRestAreRead) {
    const auto whole = encode_journal_line(view_row());
    auto missing_field = whole;
    missing_field.replace(missing_field.find("\"action\""), 8, "\"actionX\"");
    const auto text = whole + "not json at all\n" + missing_field + "\n" + whole;
    const auto decoded = decode_journal(text);
    EXPECT_EQ(decoded.rows.size(), 2u);
    EXPECT_EQ(decoded.unreadable_lines, 3) << "the garbage, the row without an action, and the empty line";
}

TEST(AuditJournalFormat, AnEmptyJournalHasNoRows) {
    const auto decoded = decode_journal("");
    EXPECT_TRUE(decoded.rows.empty());
    EXPECT_EQ(decoded.torn_tail_bytes, 0u);
}

}  // namespace
}  // namespace onecase::access
