#pragma once
// Ranks the people a search found. Pure: the same query and candidates always give
// the same order.
//
// Order: exact identifier matches, then exact names (every word typed is a word of
// the name, or only a date of birth was typed and it matches), then close matches;
// within each, the caller's own caseload first, current cases before old ones, the
// closer match first, then by surname, forename and CRN. A candidate is dropped when
// an identifier or date of birth was typed and it does not match, or when a name word
// typed matches none of its names (current, alias or previous).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "search/people_query.hpp"

namespace onecase::search {

struct CandidateName {
    std::string kind;  // current, alias, previous
    std::string first_names;
    std::string last_name;
};

struct Candidate {
    std::int64_t person_id = 0;
    std::string crn;
    std::optional<std::string> pnc;
    std::optional<std::string> noms;
    std::string date_of_birth;
    bool current_case = false;
    bool own_caseload = false;
    std::string first_name;
    std::string last_name;
    std::vector<CandidateName> names;
};

enum class MatchClass { identifier = 0, exact_name = 1, close = 2 };

struct RankedMatch {
    std::size_t candidate = 0;   // index into the candidates given
    MatchClass match = MatchClass::close;
    double closeness = 0;        // 0..1, higher is closer
    std::string matched_kind;    // which name matched: current, alias, previous ("" for identifiers/dates)
    std::string matched_name;    // that name, "Forenames Surname"
};

// Damerau-Levenshtein distance (optimal string alignment: an adjacent
// transposition counts as one edit).
int edit_distance(std::string_view a, std::string_view b);

// How closely one typed word matches one word of a name: 1 exact; 0.9 the typed
// word begins the name word (as you type, or an initial); 0.8 the
// same sound key; 0.75 one edit; 0.6 two edits (words of five letters or more);
// 0 no match.
double word_closeness(std::string_view typed, std::string_view name_word);

std::vector<RankedMatch> rank_candidates(const PeopleQuery& query, const std::vector<Candidate>& candidates);

}  // namespace onecase::search
