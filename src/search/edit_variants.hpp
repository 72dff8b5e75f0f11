#pragma once
// The words one typing slip away from a typed word, so that a mistyped name is found
// by exact lookups of the word index (a few hundred index probes) instead of by
// ranking every name that shares a trigram with it. Pure.
#include <string>
#include <string_view>
#include <vector>

namespace onecase::search {

// Every distinct word at Damerau-Levenshtein distance one from `word` (a letter
// deleted, inserted or changed, or two neighbours swapped), over the letters a-z
// that normalised name words hold. Excludes `word` itself and empty strings.
std::vector<std::string> one_edit_variants(std::string_view word);

}  // namespace onecase::search
