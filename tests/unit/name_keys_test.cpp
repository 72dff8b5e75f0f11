#include <gtest/gtest.h>

#include <algorithm>

#include "people/name_keys.hpp"

using namespace onecase::people;

TEST(NameWords, ApostrophesJoinHyphensSplitAndJoin) {
    EXPECT_EQ(name_words("O'Neill"), (std::vector<std::string>{"oneill"}));
    EXPECT_EQ(name_words("O’Neill"), (std::vector<std::string>{"oneill"}));
    EXPECT_EQ(name_words("Smith-Jones"), (std::vector<std::string>{"smith", "jones", "smithjones"}));
    EXPECT_EQ(name_words("  Mary  Ann "), (std::vector<std::string>{"mary", "ann"}));
    EXPECT_EQ(name_words("Zoë Brontë"), (std::vector<std::string>{"zoe", "bronte"}));
    EXPECT_EQ(name_words("José"), (std::vector<std::string>{"jose"}));
}

TEST(SoundKey, SoundAlikeNamesShareAKey) {
    struct Row { const char* a; const char* b; };
    for (const auto& r : std::vector<Row>{{"smith", "smyth"},
                                          {"catherine", "kathryn"},
                                          {"katherine", "cathryn"},
                                          {"stephen", "steven"},
                                          {"jon", "john"},
                                          {"claire", "clare"},
                                          {"geoff", "jeff"},
                                          {"mohammed", "muhammad"},
                                          {"philips", "phillips"},
                                          {"knight", "night"},
                                          {"wright", "right"},
                                          {"christine", "kristine"}}) {
        EXPECT_EQ(sound_key(r.a), sound_key(r.b)) << r.a << " / " << r.b;
        EXPECT_FALSE(sound_key(r.a).empty()) << r.a;
    }
}

TEST(SoundKey, DifferentNamesDiffer) {
    struct Row { const char* a; const char* b; };
    for (const auto& r : std::vector<Row>{{"smith", "jones"}, {"brown", "green"}, {"ali", "lee"}}) {
        EXPECT_NE(sound_key(r.a), sound_key(r.b)) << r.a << " / " << r.b;
    }
}

TEST(SoundKey, KnownKeys) {
    EXPECT_EQ(sound_key("smith"), "SM0");
    EXPECT_EQ(sound_key("catherine"), "K0RN");
    EXPECT_EQ(sound_key("oneill"), "ANL");
    EXPECT_EQ(sound_key("x"), "");
}

TEST(SortedLetters, TranspositionsAgree) {
    EXPECT_EQ(sorted_letters("smtih"), sorted_letters("smith"));
    EXPECT_EQ(sorted_letters("jnoes"), sorted_letters("jones"));
}

TEST(NameIndexKeys, EveryWordGivesItsKeys) {
    const auto keys = name_index_keys("Mary-Ann", "O'Neill");
    for (const char* k : {"t:mary", "t:ann", "t:maryann", "t:oneill", "p:ANL", "s:eillno"}) {
        EXPECT_NE(std::find(keys.begin(), keys.end(), k), keys.end()) << k;
    }
    EXPECT_EQ(name_search_text("Mary-Ann", "O'Neill"), "mary ann maryann oneill");
}
