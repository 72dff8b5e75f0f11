#include <gtest/gtest.h>

#include "platform/identifiers.hpp"

using namespace onecase::platform;

TEST(Crn, OneUpperCaseLetterAndSixDigits) {
    struct Row { const char* text; bool valid; };
    for (const auto& r : std::vector<Row>{
             {"X123456", true}, {"A000001", true}, {"x123456", false}, {"X12345", false},
             {"X1234567", false}, {"XX12345", false}, {"X12345A", false}, {"", false}, {"1234567", false}}) {
        EXPECT_EQ(is_valid_crn(r.text), r.valid) << r.text;
    }
}

TEST(Crn, MadeFromLetterAndSerialZeroPadded) {
    EXPECT_EQ(make_crn('X', 1), "X000001");
    EXPECT_EQ(make_crn('b', 999999), "B999999");
    EXPECT_TRUE(is_valid_crn(make_crn('Y', 42)));
}

TEST(Pnc, CheckLetterFollowsTheModulus23Rule) {
    // 12 followed by 0052494 = 120052494; 120052494 mod 23 = 11 -> 'L'.
    EXPECT_EQ(pnc_check_letter(12, 52494), "ZABCDEFGHJKLMNPQRTUVWXY"[120052494 % 23]);
    EXPECT_EQ(pnc_check_letter(0, 0), 'Z');
}

TEST(Pnc, AcceptedFormsNormaliseToFourDigitYearAndSevenDigitSerial) {
    const char check = pnc_check_letter(12, 52494);
    const std::string canonical = std::string("2012/0052494") + check;
    for (const std::string& typed : {canonical, std::string("12/52494") + check, std::string("2012/52494") + char(std::tolower(check)),
                                     std::string(" 2012/0052494") + check + " "}) {
        auto n = normalise_pnc(typed);
        ASSERT_TRUE(n.has_value()) << typed;
        EXPECT_EQ(*n, canonical) << typed;
    }
}

TEST(Pnc, WrongCheckLetterOrShapeIsRefused) {
    const char check = pnc_check_letter(12, 52494);
    const char wrong = check == 'A' ? 'B' : 'A';
    for (const std::string& typed : {std::string("2012/0052494") + wrong, std::string("20120052494") + check,
                                     std::string("2012/00524941") + check, std::string("abcd/0052494") + check,
                                     std::string("2012/"), std::string("")}) {
        EXPECT_FALSE(normalise_pnc(typed).has_value()) << typed;
    }
}

TEST(Noms, LetterFourDigitsTwoLetters) {
    EXPECT_EQ(normalise_noms("a1234bc"), "A1234BC");
    EXPECT_EQ(normalise_noms("A1234BC"), "A1234BC");
    EXPECT_FALSE(normalise_noms("A123BC").has_value());
    EXPECT_FALSE(normalise_noms("11234BC").has_value());
    EXPECT_FALSE(normalise_noms("A1234B1").has_value());
}

namespace onecase::platform {
namespace {

TEST(RecordId, AWholeNumberFromOneAndNothingElse) {
    EXPECT_EQ(parse_record_id("42"), 42);
    EXPECT_EQ(parse_record_id("1"), 1);
    for (const char* bad : {"", "0", "-3", "4x", " 4", "4.0", "99999999999999999999"}) EXPECT_FALSE(parse_record_id(bad)) << bad;
}

}  // namespace
}  // namespace onecase::platform
