#pragma once
// What someone typed into the people search box, understood. Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onecase::search {

struct PeopleQuery {
    std::optional<std::string> crn;            // X123456
    std::optional<std::string> pnc;            // canonical YYYY/NNNNNNNA
    std::optional<std::string> noms;           // A1234BC
    std::optional<std::string> date_of_birth;  // YYYY-MM-DD
    std::vector<std::string> words;            // name words, normalised (people::name_words)

    bool has_identifier() const { return crn || pnc || noms; }
    bool empty() const { return !has_identifier() && !date_of_birth && words.empty(); }
};

// Reads identifiers (CRN; PNC with or without the slash and check letter; NOMS),
// a date of birth (03/07/1990, 3/7/90, 3.7.1990, 3 Jul 1990, 3 July 1990,
// 1990-07-03) and name words in any order ("Smith, John", "john smith",
// "O'Neill 3/7/90"). A two-digit year is this century when it is not after
// `this_year`'s last two digits, otherwise last century.
PeopleQuery parse_people_query(std::string_view text, int this_year);

// A PNC ID in any form people type it: with or without the slash, with or without
// the check letter (then computed). Empty when it cannot be one.
std::optional<std::string> loose_pnc(std::string_view text);

}  // namespace onecase::search
