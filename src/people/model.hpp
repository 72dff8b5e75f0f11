#pragma once
// A person on probation and their addresses.
#include <cstdint>
#include <optional>
#include <string>

namespace onecase::people {

struct Person {
    std::int64_t id = 0;
    std::string crn;
    std::string first_name;
    std::string middle_names;
    std::string last_name;
    std::string date_of_birth;  // YYYY-MM-DD
    std::string gender;
    std::optional<std::string> pnc;
    std::optional<std::string> noms;
    std::string phone;
    std::string email;
    std::optional<std::int64_t> case_manager_staff_id;
    std::optional<std::string> tier;
    bool current_case = true;
    std::int64_t version = 1;

    std::string full_name() const { return first_name + " " + last_name; }
};

struct Address {
    std::string status;  // main, previous, secondary
    std::string line1;
    std::string line2;
    std::string town;
    std::string postcode;
    std::string start_date;
    std::optional<std::string> end_date;
};

}  // namespace onecase::people
