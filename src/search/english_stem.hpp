#pragma once
// The Snowball English stem of a word: the same algorithm PostgreSQL's 'english'
// text search configuration uses, from Debian's libstemmer.
#include <string>
#include <string_view>

namespace onecase::search {

// `word` lower-cased UTF-8; a word the stemmer cannot take comes back unchanged.
std::string english_stem(std::string_view word);

}  // namespace onecase::search
