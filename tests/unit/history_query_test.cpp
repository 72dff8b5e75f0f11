#include <gtest/gtest.h>

#include "search/history_query.hpp"

using namespace onecase::search;

TEST(HistoryQuery, WordsAndQuotedPhrases) {
    struct Row { const char* typed; std::vector<std::string> terms; };
    for (const auto& r : std::vector<Row>{
             {"breach", {"breach"}},
             {"Missed APPOINTMENT", {"missed", "appointment"}},
             {"\"home visit\" dog", {"home visit", "dog"}},
             {"\"unclosed phrase", {"unclosed phrase"}},
             {"drop'; DROP TABLE x--", {"drop", "drop", "table", "x"}},
             {"\"\"", {}},
             {"", {}},
         }) {
        EXPECT_EQ(parse_history_query(r.typed).terms, r.terms) << r.typed;
    }
}

TEST(HistoryQuery, Fts5ExpressionRequiresEveryTermInTheColumn) {
    EXPECT_EQ(fts5_history_expression(parse_history_query("breach \"home visit\""), "notes"),
              "notes : \"breach\" AND notes : \"home visit\"");
}

TEST(HistoryQuery, KeyRangeHoldsExactlyOneCase) {
    const auto r = history_key_range(42);
    EXPECT_EQ(r.first, (std::int64_t{42} << 32) + 1);   // ids start at 1
    EXPECT_EQ(r.last, (std::int64_t{43} << 32) - 1);
    EXPECT_EQ(history_key_range(43).first, r.last + 2);
    EXPECT_GT(history_key_range(2'000'000'000).last, 0);  // no overflow for any plausible person id
}

TEST(HistoryQuery, WebsearchText) {
    EXPECT_EQ(websearch_text(parse_history_query("breach \"home visit\"")), "breach \"home visit\"");
}

TEST(HistoryQuery, WordsTextUnquotesPhrasesAndSaysWhetherThereWasOne) {
    const auto q = parse_history_query("breach \"home visit or call\" or");
    EXPECT_EQ(websearch_words_text(q), "breach home visit call");
    EXPECT_TRUE(has_phrase(q));
    EXPECT_FALSE(has_phrase(parse_history_query("breach home")));
    EXPECT_EQ(websearch_words_text(parse_history_query("breach home")), "breach home");
}

TEST(Highlight, EscapesEverythingThenMarks) {
    const std::string marked = std::string("<script>alert(1)</script> said ") + kMarkStart + "breach" + kMarkEnd + " & \"more\"";
    EXPECT_EQ(highlight_html(marked),
              "&lt;script&gt;alert(1)&lt;/script&gt; said <mark>breach</mark> &amp; &quot;more&quot;");
    EXPECT_EQ(highlight_html(std::string("a ") + kMarkStart + "b"), "a <mark>b</mark>");  // unclosed: closed
    EXPECT_EQ(highlight_html(std::string("a") + kMarkEnd + "b"), "ab");                   // stray end: dropped
    EXPECT_EQ(strip_marks(marked), "<script>alert(1)</script> said breach & \"more\"");
}

TEST(HistoryFilter, DatesAndTypeChecked) {
    HistoryFilter f;
    EXPECT_TRUE(parse_history_filter("contact", "2026-01-01", "2026-01-31", f).empty());
    EXPECT_EQ(f.to_after, "2026-02-01");
    EXPECT_EQ(f.type, "contact");
    auto errors = parse_history_filter("<b>", "2026-02-30", "yesterday", f);
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].field, "type");
    EXPECT_EQ(errors[1].field, "from");
    EXPECT_EQ(errors[2].field, "to");
    errors = parse_history_filter("", "2026-02-01", "2026-01-01", f);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "to");
}
