#pragma once
// Synthetic identity details: names, dates of birth, PNC IDs, NOMS numbers,
// postcodes, phone numbers and emails. Pure: the same Random state gives the same
// result. Contact details use ranges reserved for fiction (Ofcom's 07700 900xxx
// drama numbers, example.com) so a demo can never reach a real person.
#include <chrono>
#include <string>
#include <string_view>

#include "demo/random.hpp"

namespace onecase::demo {

struct PersonName {
    std::string first, middle, last;
};
PersonName make_name(Random& rng, bool female);

// A date of birth for someone aged 18 to 75 on `today`, weighted towards the ages
// people on probation mostly are (20s and 30s).
std::chrono::sys_days make_date_of_birth(Random& rng, std::chrono::sys_days today);

// A PNC ID in canonical form YYYY/NNNNNNNA with a correct check letter, first
// recorded between age 12 and `latest_year`.
std::string make_pnc(Random& rng, int earliest_year, int latest_year);

// A NOMS (prison) number: letter, four digits, two letters (A1234BC).
std::string make_noms(Random& rng);

// A postcode in `area`, e.g. "CF24 3QP".
std::string make_postcode(Random& rng, std::string_view area);

// "07700 900123".
std::string make_phone(Random& rng);

// "firstname.lastname42@example.com", lower case, without apostrophes.
std::string make_email(Random& rng, std::string_view first, std::string_view last);

}  // namespace onecase::demo
