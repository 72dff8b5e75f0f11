#include "sentences/model.hpp"

#include <map>

namespace onecase::sentences {

std::string disposal_label(const std::string& code) {
    static const std::map<std::string, std::string> kLabels = {
        {"community_order", "Community order"},
        {"suspended_sentence_order", "Suspended sentence order"},
        {"licence", "Licence"},
        {"pss", "Post-sentence supervision"},
        {"custody", "Custody"},
    };
    auto it = kLabels.find(code);
    return it == kLabels.end() ? code : it->second;
}

std::string requirement_label(const std::string& code) {
    static const std::map<std::string, std::string> kLabels = {
        {"unpaid_work", "Unpaid work"},
        {"rar", "Rehabilitation activity requirement (RAR)"},
        {"accredited_programme", "Accredited programme"},
        {"curfew", "Curfew (electronically monitored)"},
        {"exclusion", "Exclusion"},
        {"residence", "Residence"},
        {"prohibited_activity", "Prohibited activity"},
        {"foreign_travel_prohibition", "Foreign travel prohibition"},
        {"mental_health_treatment", "Mental health treatment"},
        {"drug_rehabilitation", "Drug rehabilitation"},
        {"alcohol_treatment", "Alcohol treatment"},
        {"alcohol_abstinence", "Alcohol abstinence and monitoring"},
        {"attendance_centre", "Attendance centre"},
        {"licence_standard", "Standard licence condition"},
        {"licence_additional", "Additional licence condition"},
    };
    auto it = kLabels.find(code);
    return it == kLabels.end() ? code : it->second;
}

}  // namespace onecase::sentences
