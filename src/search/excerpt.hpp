#pragma once
// Excerpts of PostgreSQL's case-history hits, made here rather than by ts_headline:
// ts_headline parses each note again inside the engine (2 ms of its CPU for a page of
// 100 hits on the national set, 40% of the search). Marked with kMarkStart/kMarkEnd,
// like SQLite's snippet(). Pure.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace onecase::search {

// The lexemes a tsquery's text (`'miss' <-> 'appoint' & !'breach'`) asks to be
// present: negated ones, alone or in a negated group, are left out.
std::vector<std::string> wanted_lexemes(std::string_view tsquery_text);

// Up to `max_words` words of `text` around the most of the lexemes, each word whose
// English stem is one of them marked; "…" where words are left out. Words are runs
// of letters and digits (UTF-8 letters kept), as PostgreSQL's parser reads them.
inline constexpr std::size_t kExcerptWords = 24;
std::string marked_excerpt(std::string_view text, const std::vector<std::string>& lexemes,
                           std::size_t max_words = kExcerptWords);

}  // namespace onecase::search
