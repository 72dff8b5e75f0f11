#include <gtest/gtest.h>

#include <algorithm>

#include "platform/identifiers.hpp"
#include "search/people_query.hpp"
#include "search/edit_variants.hpp"
#include "search/people_store.hpp"
#include "search/ranking.hpp"

using namespace onecase::search;

namespace {
const std::string kPnc = [] {
    return std::string("2012/0052494") + onecase::platform::pnc_check_letter(12, 52494);
}();
}

TEST(PeopleQuery, ReadsIdentifiersDatesAndNames) {
    struct Row {
        std::string typed;
        std::optional<std::string> crn, pnc, noms, dob;
        std::vector<std::string> words;
    };
    const std::string check(1, kPnc.back());
    for (const auto& r : std::vector<Row>{
             {"X123456", "X123456", {}, {}, {}, {}},
             {"x123456", "X123456", {}, {}, {}, {}},
             {kPnc, {}, kPnc, {}, {}, {}},
             {"12/52494" + check, {}, kPnc, {}, {}, {}},
             {"2012/52494", {}, kPnc, {}, {}, {}},       // no check letter: computed
             {"20120052494" + check, {}, kPnc, {}, {}, {}},  // no slash
             {"20120052494", {}, kPnc, {}, {}, {}},      // neither
             {"a1234bc", {}, {}, "A1234BC", {}, {}},
             {"03/07/1990", {}, {}, {}, "1990-07-03", {}},
             {"3/7/90", {}, {}, {}, "1990-07-03", {}},
             {"3 Jul 1990", {}, {}, {}, "1990-07-03", {}},
             {"3 July 1990", {}, {}, {}, "1990-07-03", {}},
             {"1990-07-03", {}, {}, {}, "1990-07-03", {}},
             {"3.7.2001", {}, {}, {}, "2001-07-03", {}},
             {"O'Neill 3/7/90", {}, {}, {}, "1990-07-03", {"oneill"}},
             {"Smith, John", {}, {}, {}, {}, {"smith", "john"}},
             {"smith-jones", {}, {}, {}, {}, {"smith", "jones"}},
             {"31/02/1990 smith", {}, {}, {}, {}, {"smith"}},  // not a real date: ignored
             {"", {}, {}, {}, {}, {}},
         }) {
        const auto q = parse_people_query(r.typed, 2026);
        EXPECT_EQ(q.crn, r.crn) << r.typed;
        EXPECT_EQ(q.pnc, r.pnc) << r.typed;
        EXPECT_EQ(q.noms, r.noms) << r.typed;
        EXPECT_EQ(q.date_of_birth, r.dob) << r.typed;
        EXPECT_EQ(q.words, r.words) << r.typed;
    }
}

TEST(PeopleQuery, TwoDigitYearsPivotOnThisYear) {
    EXPECT_EQ(parse_people_query("1/1/05", 2026).date_of_birth, "2005-01-01");
    EXPECT_EQ(parse_people_query("1/1/27", 2026).date_of_birth, "1927-01-01");
}

TEST(EditDistance, TranspositionIsOneEdit) {
    EXPECT_EQ(edit_distance("smith", "smith"), 0);
    EXPECT_EQ(edit_distance("smtih", "smith"), 1);
    EXPECT_EQ(edit_distance("smoth", "smith"), 1);
    EXPECT_EQ(edit_distance("smih", "smith"), 1);
    EXPECT_EQ(edit_distance("smith", "jones"), 5);
    EXPECT_EQ(edit_distance("", "abc"), 3);
}

TEST(WordCloseness, ExactPrefixSoundTypos) {
    EXPECT_EQ(word_closeness("smith", "smith"), 1.0);
    EXPECT_EQ(word_closeness("smi", "smith"), 0.9);
    EXPECT_EQ(word_closeness("smyth", "smith"), 0.8);
    EXPECT_EQ(word_closeness("smtih", "smith"), 0.75);
    EXPECT_EQ(word_closeness("wiliamsn", "williams"), 0.6);
    EXPECT_EQ(word_closeness("jones", "smith"), 0.0);
    EXPECT_EQ(word_closeness("ab", "xy"), 0.0);
}

namespace {
Candidate person(std::int64_t id, std::string crn, std::string first, std::string last, std::string dob, bool current = true,
                 bool own = false, std::vector<CandidateName> extra = {}) {
    Candidate c;
    c.person_id = id;
    c.crn = std::move(crn);
    c.first_name = first;
    c.last_name = last;
    c.date_of_birth = std::move(dob);
    c.current_case = current;
    c.own_caseload = own;
    c.names.push_back({"current", first, last});
    for (auto& n : extra) c.names.push_back(std::move(n));
    return c;
}

std::string first_crn(const std::string& typed, const std::vector<Candidate>& cs) {
    auto ranked = rank_candidates(parse_people_query(typed, 2026), cs);
    return ranked.empty() ? "" : cs[ranked.front().candidate].crn;
}
}  // namespace

TEST(Ranking, TableOfSearches) {
    const std::vector<Candidate> cs{
        person(1, "A000001", "John", "Smith", "1990-07-03"),
        person(2, "A000002", "Jon", "Smyth", "1985-01-01"),
        person(3, "A000003", "Kathryn", "O'Neill", "1990-07-03"),
        person(4, "A000004", "Mary", "Smith-Jones", "1979-05-05"),
        person(5, "A000005", "Aisha", "Khan", "2000-02-02", true, false, {{"previous", "Aisha", "Patel"}}),
        person(6, "A000006", "Robert", "Williams", "1970-10-10", false),
        person(7, "A000007", "Rob", "Williams", "1971-10-10", true, true),
    };
    struct Row { const char* typed; const char* first; };
    for (const auto& r : std::vector<Row>{
             {"smith", "A000001"},          // exact surname beats sound-alike Smyth
             {"smyth", "A000002"},
             {"Smtih", "A000001"},          // transposition
             {"catherine oneill", "A000003"},// sound-alike forename, apostrophe
             {"O'Neil", "A000003"},         // one letter short
             {"Neill, Kathryn", "A000003"}, // surname first... "neill" is within two edits of "oneill"
             {"smith-jones", "A000004"},
             {"jones mary", "A000004"},     // order, one part of a double-barrelled name
             {"patel", "A000005"},          // previous name
             {"williams", "A000007"},       // own caseload, current, first
             {"3/7/1990 kathryn", "A000003"},
             {"A000006", "A000006"},
             {"", ""},
             {"zzzzzz", ""},
         }) {
        EXPECT_EQ(first_crn(r.typed, cs), r.first) << r.typed;
    }
}

TEST(Ranking, IdentifierThenExactThenClose) {
    const std::vector<Candidate> cs{person(1, "A000001", "John", "Smyth", "1990-07-03"),
                                    person(2, "A000002", "John", "Smith", "1990-07-03", false)};
    auto ranked = rank_candidates(parse_people_query("john smith", 2026), cs);
    ASSERT_EQ(ranked.size(), 2u);
    EXPECT_EQ(ranked[0].candidate, 1u);  // exact name, though an old case
    EXPECT_EQ(ranked[0].match, MatchClass::exact_name);
    EXPECT_EQ(ranked[1].match, MatchClass::close);
}

TEST(Ranking, DateOfBirthMustMatchWhenTyped) {
    const std::vector<Candidate> cs{person(1, "A000001", "John", "Smith", "1990-07-03"),
                                    person(2, "A000002", "John", "Smith", "1991-07-03")};
    auto ranked = rank_candidates(parse_people_query("smith 03/07/1990", 2026), cs);
    ASSERT_EQ(ranked.size(), 1u);
    EXPECT_EQ(cs[ranked[0].candidate].crn, "A000001");
    auto by_date = rank_candidates(parse_people_query("1990-07-03", 2026), cs);
    ASSERT_EQ(by_date.size(), 1u);
}

TEST(Ranking, AliasMatchSaysWhichName) {
    const std::vector<Candidate> cs{person(5, "A000005", "Aisha", "Khan", "2000-02-02", true, false, {{"previous", "Aisha", "Patel"}})};
    auto ranked = rank_candidates(parse_people_query("aisha patel", 2026), cs);
    ASSERT_EQ(ranked.size(), 1u);
    EXPECT_EQ(ranked[0].matched_kind, "previous");
    EXPECT_EQ(ranked[0].matched_name, "Aisha Patel");
}

TEST(TrigramExpression, OrWithinWordAndAcross) {
    EXPECT_EQ(trigram_match_expression({"smith", "jo"}), "(\"smi\" OR \"mit\" OR \"ith\")");
    EXPECT_EQ(trigram_match_expression({"abc", "bcd"}), "(\"abc\") AND (\"bcd\")");
    EXPECT_EQ(trigram_match_expression({"ab"}), "");
}

TEST(OneEditVariants, EverySlipOfAWordOnce) {
    const auto v = one_edit_variants("smith");
    auto has = [&](const std::string& w) { return std::find(v.begin(), v.end(), w) != v.end(); };
    EXPECT_TRUE(has("smth"));     // a letter left out
    EXPECT_TRUE(has("smiith"));   // a letter doubled
    EXPECT_TRUE(has("smitb"));    // a letter changed
    EXPECT_TRUE(has("smtih"));    // neighbours swapped
    EXPECT_TRUE(has("ssmith"));
    EXPECT_FALSE(has("smith"));   // not the word itself
    EXPECT_FALSE(has("smtbh"));   // two slips
    EXPECT_TRUE(std::is_sorted(v.begin(), v.end()));
    EXPECT_EQ(std::adjacent_find(v.begin(), v.end()), v.end());
    // 5 deletions + 4 swaps + 6 x 26 insertions + 5 x 25 changes, less the duplicates
    // ("smiith" by inserting either i, and so on: 6 insertions repeat a neighbour).
    EXPECT_EQ(v.size(), 5u + 4u + 156u - 5u + 125u);
}

TEST(OneEditVariants, ShortWordsAndRepeats) {
    EXPECT_EQ(one_edit_variants("a").size(), 25u + 52u - 1u);  // 25 changes, 52 insertions less "aa" twice; "" dropped
    for (const auto& w : one_edit_variants("ll")) EXPECT_NE(w, "ll");
}
