#include <gtest/gtest.h>

#include "people/rules.hpp"
#include "platform/identifiers.hpp"

using namespace onecase;
using namespace onecase::people;

namespace {
const platform::Date kToday = *platform::parse_date("2026-11-22");

PersonInput valid() {
    PersonInput in;
    in.first_name = " Siobhán ";
    in.last_name = "O'Neill";
    in.date_of_birth = "1990-07-03";
    in.gender = "Female";
    return in;
}

std::vector<std::string> fields(const Result<NewPerson>& r) {
    std::vector<std::string> out;
    if (!r) for (const auto& e : r.problem().errors) out.push_back(e.field);
    return out;
}
}  // namespace

TEST(PersonRules, AValidPersonIsTrimmedAndIdentifiersNormalised) {
    auto in = valid();
    const char check = platform::pnc_check_letter(12, 52494);
    in.pnc = std::string("12/52494") + char(std::tolower(check));
    in.noms = "a1234bc";
    auto r = validate_new_person(in, kToday);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->first_name, "Siobhán");
    EXPECT_EQ(r->pnc, std::string("2012/0052494") + check);
    EXPECT_EQ(r->noms, "A1234BC");
}

TEST(PersonRules, TableOfBadInputsAndTheFieldsNamed) {
    struct Row { std::function<void(PersonInput&)> change; std::vector<std::string> fields; };
    const std::vector<Row> rows = {
        {[](PersonInput& p) { p.first_name = "  "; }, {"firstName"}},
        {[](PersonInput& p) { p.last_name = ""; }, {"lastName"}},
        {[](PersonInput& p) { p.last_name = std::string(101, 'a'); }, {"lastName"}},
        {[](PersonInput& p) { p.date_of_birth = ""; }, {"dateOfBirth"}},
        {[](PersonInput& p) { p.date_of_birth = "1990-02-30"; }, {"dateOfBirth"}},
        {[](PersonInput& p) { p.date_of_birth = "2030-01-01"; }, {"dateOfBirth"}},   // future
        {[](PersonInput& p) { p.date_of_birth = "2020-01-01"; }, {"dateOfBirth"}},   // six years old
        {[](PersonInput& p) { p.date_of_birth = "1900-01-01"; }, {"dateOfBirth"}},   // 126
        {[](PersonInput& p) { p.gender = "Robot"; }, {"gender"}},
        {[](PersonInput& p) { p.pnc = "2012/0052494"; }, {"pnc"}},                   // no check letter
        {[](PersonInput& p) { p.noms = "A123BC"; }, {"noms"}},
        {[](PersonInput& p) { p.email = "not-an-email"; }, {"email"}},
        {[](PersonInput& p) { p.date_of_birth = "2016-11-22"; }, {}},                // exactly 10 today
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto in = valid();
        rows[i].change(in);
        EXPECT_EQ(fields(validate_new_person(in, kToday)), rows[i].fields) << "row " << i;
    }
}
