#pragma once
// From what a case record holds to the tier rules' inputs. Pure: the store reads the
// rows (risk_store.cpp), this decides what each one means for the tier, so the
// mapping is unit tested without a database. docs/tiering.md lists the mapping.
#include <optional>
#include <string>
#include <vector>

#include "risk/assessment_rules.hpp"
#include "risk/tiering.hpp"

namespace onecase::risk {

struct TierFacts {
    platform::Date today;
    std::string gender;  // as on the person: "Female", "Male", ...

    // Live registrations whose type feeds the tier (register_types.tier_factor).
    struct Flag {
        std::string tier_factor;  // rosh, mappa, iom, or a complexity factor code
        std::optional<std::string> level;     // "High", "Level 2"
        std::optional<std::string> category;  // "Category 1"
    };
    std::vector<Flag> flags;

    // Active orders and their active requirements (category codes).
    struct Sentence {
        std::string disposal_type;  // community_order, suspended_sentence_order, custody, licence, pss
        std::vector<std::string> requirement_categories;
    };
    std::vector<Sentence> sentences;

    // A breach started (and not withdrawn) on a current order, or a recall.
    bool breach_or_recall = false;

    std::optional<AssessmentRecord> latest_assessment;
};

TierInputs assemble_tier_inputs(const TierFacts& facts);

// Requirement categories that restrict rather than rehabilitate, so give no mandate
// for change on their own.
bool is_restrictive_requirement(const std::string& category);

}  // namespace onecase::risk
