#pragma once
// How a person's name is indexed for search. Pure: the same name always gives the
// same keys, computed by our code at write time so both engines index the same thing.
//
// A name becomes lower-case ASCII words: accents folded, apostrophes dropped
// ("O'Neill" -> "oneill"), hyphens splitting a double-barrelled name into its parts
// and also kept joined ("Smith-Jones" -> "smith", "jones", "smithjones"). Each word
// gives three index keys, prefixed so that one index holds them all:
//   t:<word>        the word itself (exact and as-you-type prefix lookups)
//   p:<sound key>   sound_key(word): Smith/Smyth, Catherine/Kathryn agree
//   s:<letters>     the word's letters sorted: a transposition ("Smtih") agrees
#include <string>
#include <string_view>
#include <vector>

namespace onecase::people {

// The searchable words of a name, in order, without duplicates.
std::vector<std::string> name_words(std::string_view name);

// The onecase sound key of one lower-case word: a simplified Metaphone. Rules, in
// order: initial KN/GN/PN/WR/PS drop their first letter, initial X sounds S; PH->F,
// TH->0 (theta), SH/CH/SCH: CH->X unless followed by R (Christine -> KR), SH->X;
// C before E/I/Y->S, otherwise C/Q/CK->K; G before E/I/Y->J, GH is silent, DG->J;
// X->KS, Z->S, V->F, D->T; W and Y count as vowels; vowels and H are dropped except that a
// leading vowel is kept as A; repeated sounds collapse. Short words (under two
// letters) have no key.
std::string sound_key(std::string_view word);

// The word's letters in alphabetical order.
std::string sorted_letters(std::string_view word);

// Every index key of a name (forenames and surname together), without duplicates.
std::vector<std::string> name_index_keys(std::string_view first_names, std::string_view last_name);

// The normalised words of a name joined by spaces: the text the engines' trigram
// indexes hold.
std::string name_search_text(std::string_view first_names, std::string_view last_name);

}  // namespace onecase::people
