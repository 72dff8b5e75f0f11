#pragma once
// Finds the people a search might mean, in a handful of statements, for the
// ranking to order. The only place in onecase that branches on the engine: the
// trigram indexes (SQLite FTS5 trigram, PostgreSQL pg_trgm) have no common SQL.
#include <cstdint>
#include <optional>
#include <vector>

#include "db/database.hpp"
#include "search/people_query.hpp"

namespace onecase::search {

// At most this many candidates come back from each way of finding people. The
// trigram index is the loosest (any shared trigram matches), so it gives only its
// best-ranked few, and is asked only when the word keys (exact, sound-alike,
// transposed, as-you-type prefix, one slip) found nobody.
inline constexpr int kCandidateLimit = 1000;
inline constexpr int kTrigramCandidateLimit = 200;

// Ids of people who match an identifier, the date of birth, or (when no date was
// typed) every name word by word key, sound key, sorted letters, prefix, one-slip
// variants or trigrams.
// For a name or date, the current caseload of `own_staff_id` is always included
// (the ranking drops those that do not match), so the caller's own cases are never
// lost behind the candidate limits. Unique, in no particular order.
std::vector<std::int64_t> candidate_people(db::Connection& conn, const PeopleQuery& query,
                                           std::optional<std::int64_t> own_staff_id);

// The FTS5 expression for the trigram index: each name word of three letters or
// more as an OR of its trigrams, words ANDed. Empty when no word is long enough.
std::string trigram_match_expression(const std::vector<std::string>& words);

}  // namespace onecase::search
