#pragma once
// Pure rules for recording a new person on probation. No storage, no clock.
#include <optional>
#include <string>
#include <vector>

#include "platform/clock.hpp"
#include "platform/result.hpp"

namespace onecase::people {

// What a user sent, before validation.
struct PersonInput {
    std::string first_name;
    std::string middle_names;
    std::string last_name;
    std::string date_of_birth;  // YYYY-MM-DD
    std::string gender;
    std::string pnc;   // optional; any accepted PNC form
    std::string noms;  // optional
    std::string phone;
    std::string email;
};

// A validated person: identifiers normalised, text trimmed.
struct NewPerson {
    std::string first_name;
    std::string middle_names;
    std::string last_name;
    std::string date_of_birth;
    std::string gender;
    std::optional<std::string> pnc;
    std::optional<std::string> noms;
    std::string phone;
    std::string email;
};

const std::vector<std::string>& genders();

// Names are required (at most 100 characters); the date of birth is a real date
// making the person 10 to 120 years old on `today`; gender from genders(); PNC ID and
// NOMS number, when given, must be valid and are normalised.
Result<NewPerson> validate_new_person(const PersonInput& input, platform::Date today);

}  // namespace onecase::people
