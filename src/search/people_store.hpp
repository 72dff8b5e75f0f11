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
// transposed, as-you-type prefix, one slip) found nobody the caller could be shown
// and the words are nobody's anywhere.
inline constexpr int kCandidateLimit = 1000;
inline constexpr int kTrigramCandidateLimit = 200;

// The word keys give this many candidates for each result asked for, at least the
// floor: loading and ranking a candidate costs about 7 µs at national scale, and the
// keys already give the best classes first.
inline constexpr int kNameCandidatesPerResult = 5;
inline constexpr int kNameCandidateFloor = 100;
std::int64_t name_candidate_limit(int wanted);

// Whose search it is.
struct SearchScope {
    std::int64_t staff_id = 0;
    std::int64_t region_id = 0;
};

// Ids of people who match an identifier, the date of birth, or (when no date was
// typed) every name word by word key, sound key, sorted letters, prefix, one-slip
// variants or trigrams. `wanted` is how many results the caller will show.
// With a scope:
// - word-key candidates are only people its staff member could be shown (their own,
//   unallocated, or with a case manager in their region: access::can_read_case
//   before the case's restriction and exclusion lists), so the limit is not spent on
//   people the access check would hide;
// - their current cases matching a name word by any key, or born on the date typed,
//   are always included, so their own cases are never lost behind the limits.
// Unique, in no particular order.
std::vector<std::int64_t> candidate_people(db::Connection& conn, const PeopleQuery& query,
                                           const std::optional<SearchScope>& scope, int wanted);

// The FTS5 expression for the trigram index: each name word of three letters or
// more as an OR of its trigrams, words ANDed. Empty when no word is long enough.
std::string trigram_match_expression(const std::vector<std::string>& words);

}  // namespace onecase::search
