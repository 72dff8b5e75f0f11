#pragma once
// Events (convictions) with their disposal, and the requirements or licence
// conditions attached to them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onecase::sentences {

struct Requirement {
    std::string category;  // unpaid_work, rar, accredited_programme, curfew, licence_standard, ...
    std::string description;
    std::optional<std::int64_t> length;
    std::string unit;  // hours, days, sessions, months
    std::string start_date;
    std::optional<std::string> end_date;
    bool active = true;
    std::int64_t id = 0;
};

struct Event {
    std::int64_t id = 0;
    std::int64_t number = 0;
    std::string offence;
    std::string court;
    std::string conviction_date;
    std::string disposal_type;  // community_order, suspended_sentence_order, licence, pss, custody
    std::optional<std::int64_t> length_months;
    std::string start_date;
    std::optional<std::string> end_date;
    bool active = true;
    std::vector<Requirement> requirements;
};

// "Community order", "Suspended sentence order", ... for a disposal code.
std::string disposal_label(const std::string& disposal_type);
// "Unpaid work", "Rehabilitation activity requirement (RAR)", ...
std::string requirement_label(const std::string& category);

}  // namespace onecase::sentences
