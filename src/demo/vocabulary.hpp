#pragma once
// Word lists for a synthetic probation service: regions and their PDUs, courts,
// names, streets, offences, requirements and licence conditions. Constant data only;
// every list is non-empty. Names of real places are used so the demo reads true;
// the people, staff and addresses made from them are invented.
#include <span>
#include <string_view>

namespace onecase::demo {

struct PduSeed {
    std::string_view name;           // as HMPPS names PDUs, e.g. "Camden and Islington"
    std::string_view town;           // where its main office is
    std::string_view postcode_area;  // e.g. "N", "CF"
};

struct RegionSeed {
    std::string_view code;  // short upper-case
    std::string_view name;
    std::span<const PduSeed> pdus;  // the first ones are used at small scale
    std::span<const std::string_view> courts;  // magistrates' and Crown courts
};

// The 12 regions of England and Wales, then the National Security Division (last).
std::span<const RegionSeed> regions();

std::span<const std::string_view> male_first_names();
std::span<const std::string_view> female_first_names();
// Includes hyphenated and apostrophe names (Smith-Jones, O'Neill).
std::span<const std::string_view> surnames();
std::span<const std::string_view> streets();
std::span<const std::string_view> localities();  // line 2 of an address

struct OffenceSeed {
    std::string_view name;
    int seriousness;  // 1 summary, 2 either way, 3 indictable only
    bool violent;
    bool sexual;
    bool domestic;  // usually domestic abuse related
};
std::span<const OffenceSeed> offences();

std::span<const std::string_view> accredited_programmes();
std::span<const std::string_view> licence_standard_conditions();
std::span<const std::string_view> licence_additional_conditions();
std::span<const std::string_view> pss_requirements();

}  // namespace onecase::demo
