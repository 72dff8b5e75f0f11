#include <gtest/gtest.h>

#include "search/english_stem.hpp"
#include "search/excerpt.hpp"
#include "search/history_query.hpp"

using namespace onecase::search;

namespace {

// The excerpt with its markers shown as [ ].
std::string shown(std::string marked) {
    for (auto& c : marked) {
        if (c == kMarkStart) c = '[';
        if (c == kMarkEnd) c = ']';
    }
    return marked;
}

}  // namespace

TEST(EnglishStem, StemsAsPostgresEnglishConfigurationDoes) {
    // Each pair is what to_tsvector('english', word) gives on PostgreSQL 15.
    struct Row { const char* word; const char* stem; };
    for (const auto& r : std::vector<Row>{{"missed", "miss"}, {"appointments", "appoint"}, {"appointment", "appoint"},
                                          {"running", "run"}, {"hostels", "hostel"}, {"housing", "hous"},
                                          {"employment", "employ"}, {"skies", "sky"}, {"dying", "die"},
                                          {"generously", "generous"}, {"2024", "2024"}}) {
        EXPECT_EQ(english_stem(r.word), r.stem) << r.word;
    }
    EXPECT_EQ(english_stem(""), "");
}

TEST(WantedLexemes, KeepsWordsAndPhrasesLeavesOutNegatedOnes) {
    EXPECT_EQ(wanted_lexemes("'miss' & 'appoint'"), (std::vector<std::string>{"miss", "appoint"}));
    EXPECT_EQ(wanted_lexemes("'home' <-> 'visit' & 'dog'"), (std::vector<std::string>{"home", "visit", "dog"}));
    EXPECT_EQ(wanted_lexemes("'curfew' & !'breach'"), (std::vector<std::string>{"curfew"}));
    EXPECT_EQ(wanted_lexemes("'a' & !( 'home' <-> 'visit' ) & 'b'"), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(wanted_lexemes("'o''neill' & 'back\\\\slash'"), (std::vector<std::string>{"o'neill", "back\\slash"}));
    EXPECT_EQ(wanted_lexemes("'miss' & 'miss'"), (std::vector<std::string>{"miss"})) << "each lexeme once";
    EXPECT_TRUE(wanted_lexemes("").empty()) << "a query of stop words only";
    EXPECT_TRUE(wanted_lexemes("'unterminated").size() == 1);
}

TEST(MarkedExcerpt, MarksEveryWordWhoseStemIsWanted) {
    EXPECT_EQ(shown(marked_excerpt("Missed his appointment; MISSING again.", {"miss", "appoint"})),
              "[Missed] his [appointment]; [MISSING] again.");
    EXPECT_EQ(shown(marked_excerpt("Nothing here matches.", {"breach"})), "Nothing here matches.");
    // PostgreSQL leaves a word of letters and digits unstemmed: 'abc1ed', not 'abc1'.
    EXPECT_EQ(shown(marked_excerpt("Code ABC1ED given.", {"abc1ed"})), "Code [ABC1ED] given.");
    EXPECT_EQ(shown(marked_excerpt("", {"breach"})), "");
}

TEST(MarkedExcerpt, ShowsTheWindowWithTheMostWantedWordsInContext) {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "filler" + std::to_string(i) + " ";
    text += "the curfew was breached twice ";
    for (int i = 40; i < 80; ++i) text += "filler" + std::to_string(i) + " ";
    text += "another curfew";
    const auto excerpt = shown(marked_excerpt(text, {"curfew", "breach"}, 10));
    EXPECT_EQ(excerpt, "…filler39 the [curfew] was [breached] twice filler40 filler41 filler42 filler43…");
    // Without a match the note's start is shown.
    EXPECT_EQ(shown(marked_excerpt(text, {"absent"}, 3)), "filler0 filler1 filler2…");
}

TEST(MarkedExcerpt, TheNotesOwnMarkersAreDroppedAndUtf8WordsKept) {
    const std::string text = std::string("caf\xC3\xA9 ") + kMarkStart + "breach" + kMarkEnd + " na\xC3\xAFve";
    EXPECT_EQ(shown(marked_excerpt(text, {"breach"})), "caf\xC3\xA9 [breach] na\xC3\xAFve");
    EXPECT_EQ(strip_marks(marked_excerpt(text, {"breach"})), "caf\xC3\xA9 breach na\xC3\xAFve");
}
