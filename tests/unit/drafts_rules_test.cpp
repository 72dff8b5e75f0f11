#include <gtest/gtest.h>

#include "drafts/rules.hpp"
#include "drafts/store.hpp"

namespace onecase::drafts {
namespace {

TEST(DraftFormKey, NamesAFormKindAndARecord) {
    EXPECT_TRUE(is_valid_form_key("contact-new:X123456"));
    EXPECT_TRUE(is_valid_form_key("contact-edit:42"));
    EXPECT_TRUE(is_valid_form_key("outcome:7"));
    EXPECT_FALSE(is_valid_form_key(""));
    EXPECT_FALSE(is_valid_form_key("contact-new"));
    EXPECT_FALSE(is_valid_form_key(":X1"));
    EXPECT_FALSE(is_valid_form_key("contact-new:"));
    EXPECT_FALSE(is_valid_form_key("Contact:1"));
    EXPECT_FALSE(is_valid_form_key("contact:1/../2"));
    EXPECT_FALSE(is_valid_form_key("contact:a b"));
    EXPECT_FALSE(is_valid_form_key("contact:" + std::string(100, 'a')));
    EXPECT_EQ(form_kind("contact-new:X123456"), "contact-new");
}

TEST(DraftFields, KeepWhatWasTypedAndNotTheFormMachinery) {
    auto kept = validate_fields({{"notes", "words"}, {"csrf", "secret"}, {"draftKey", "k:1"}, {"date", "2026-01-01"}});
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->size(), 2u);
    EXPECT_EQ(kept->at("notes"), "words");
    EXPECT_FALSE(kept->count("csrf"));
}

TEST(DraftFields, RefuseBrokenTextAndTooMuchOfIt) {
    EXPECT_FALSE(validate_fields({{"notes", std::string("\xff\xfe")}}));
    EXPECT_TRUE(validate_fields({{"notes", std::string(100'000, 'x')}}));
    EXPECT_FALSE(validate_fields({{"notes", std::string(kMaxDraftBytes + 1, 'x')}}));
    DraftFields many;
    for (std::size_t i = 0; i <= kMaxFields; ++i) many["f" + std::to_string(i)] = "x";
    EXPECT_FALSE(validate_fields(many));
}

TEST(DraftFields, RoundTripThroughJson) {
    DraftFields fields{{"notes", "line one\nline \"two\" — ü"}, {"type", "phone"}};
    auto back = fields_from_json(fields_to_json(fields));
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, fields);
    EXPECT_FALSE(fields_from_json("[]"));
    EXPECT_FALSE(fields_from_json(R"({"notes":1})"));
}

}  // namespace
}  // namespace onecase::drafts
