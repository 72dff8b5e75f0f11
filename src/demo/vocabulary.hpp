#pragma once
// Word lists for synthetic people, places and notes.
#include <string>
#include <vector>

namespace onecase::demo {

struct RegionSeed {
    std::string code;
    std::string name;
    std::vector<std::string> pdus;  // realistic PDU names, first ones used at small scale
};

const std::vector<RegionSeed>& regions();
const std::vector<std::string>& male_first_names();
const std::vector<std::string>& female_first_names();
const std::vector<std::string>& surnames();
const std::vector<std::string>& streets();
const std::vector<std::string>& offences();
const std::vector<std::string>& courts();
// Sentences a practitioner might write; "{name}" is replaced by the first name.
const std::vector<std::string>& note_openings();
const std::vector<std::string>& note_bodies();
const std::vector<std::string>& note_closings();

}  // namespace onecase::demo
