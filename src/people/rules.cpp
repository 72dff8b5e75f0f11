#include "people/rules.hpp"

#include "platform/identifiers.hpp"

namespace onecase::people {
namespace {

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

const std::vector<std::string>& genders() {
    static const std::vector<std::string> kGenders = {"Male", "Female", "Non-binary", "Not known",
                                                      "Prefer not to say"};
    return kGenders;
}

Result<NewPerson> validate_new_person(const PersonInput& in, platform::Date today) {
    std::vector<FieldError> errors;
    NewPerson out;
    out.first_name = trim(in.first_name);
    out.middle_names = trim(in.middle_names);
    out.last_name = trim(in.last_name);
    out.phone = trim(in.phone);
    out.email = trim(in.email);
    out.gender = trim(in.gender);

    if (out.first_name.empty()) errors.push_back({"firstName", "Enter a first name"});
    else if (out.first_name.size() > 100) errors.push_back({"firstName", "First name must be 100 characters or fewer"});
    if (out.middle_names.size() > 200) errors.push_back({"middleNames", "Middle names must be 200 characters or fewer"});
    if (out.last_name.empty()) errors.push_back({"lastName", "Enter a last name"});
    else if (out.last_name.size() > 100) errors.push_back({"lastName", "Last name must be 100 characters or fewer"});

    const auto dob = platform::parse_date(trim(in.date_of_birth));
    if (trim(in.date_of_birth).empty()) {
        errors.push_back({"dateOfBirth", "Enter a date of birth"});
    } else if (!dob) {
        errors.push_back({"dateOfBirth", "Date of birth must be a real date, for example 1990-07-03"});
    } else {
        const int age = platform::age_on(*dob, today);
        if (std::chrono::sys_days{*dob} > std::chrono::sys_days{today}) {
            errors.push_back({"dateOfBirth", "Date of birth must be in the past"});
        } else if (age < 10 || age > 120) {
            errors.push_back({"dateOfBirth", "Date of birth must make the person between 10 and 120 years old"});
        } else {
            out.date_of_birth = platform::format_date(*dob);
        }
    }

    bool known_gender = false;
    for (const auto& g : genders()) known_gender = known_gender || g == out.gender;
    if (!known_gender) errors.push_back({"gender", "Select a gender"});

    if (!trim(in.pnc).empty()) {
        out.pnc = platform::normalise_pnc(in.pnc);
        if (!out.pnc) errors.push_back({"pnc", "Enter a PNC ID in the format 2012/0052494X with the right check letter"});
    }
    if (!trim(in.noms).empty()) {
        out.noms = platform::normalise_noms(in.noms);
        if (!out.noms) errors.push_back({"noms", "Enter a NOMS number in the format A1234BC"});
    }
    if (!out.email.empty() && (out.email.find('@') == std::string::npos || out.email.size() > 254)) {
        errors.push_back({"email", "Enter an email address in the format name@example.com"});
    }
    if (out.phone.size() > 30) errors.push_back({"phone", "Phone number must be 30 characters or fewer"});

    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the person's details");
    return out;
}

}  // namespace onecase::people
