#include "search/excerpt.hpp"

#include <algorithm>
#include <optional>

#include "search/english_stem.hpp"
#include "search/history_query.hpp"

namespace onecase::search {

std::vector<std::string> wanted_lexemes(std::string_view tsquery_text) {
    std::vector<std::string> out;
    std::vector<bool> negated_groups{false};
    bool negate_next = false;
    for (std::size_t i = 0; i < tsquery_text.size(); ++i) {
        const char c = tsquery_text[i];
        if (c == '!') {
            negate_next = true;
        } else if (c == '(') {
            negated_groups.push_back(negated_groups.back() || negate_next);
            negate_next = false;
        } else if (c == ')') {
            if (negated_groups.size() > 1) negated_groups.pop_back();
        } else if (c == '\'') {
            // A quoted lexeme: '' is a quote, a backslash escapes the next byte.
            std::string lexeme;
            for (++i; i < tsquery_text.size(); ++i) {
                const char d = tsquery_text[i];
                if (d == '\\' && i + 1 < tsquery_text.size()) {
                    lexeme += tsquery_text[++i];
                } else if (d == '\'') {
                    if (i + 1 < tsquery_text.size() && tsquery_text[i + 1] == '\'') {
                        lexeme += '\'';
                        ++i;
                    } else {
                        break;
                    }
                } else {
                    lexeme += d;
                }
            }
            const bool negated = negated_groups.back() || negate_next;
            negate_next = false;
            if (!negated && !lexeme.empty() && std::find(out.begin(), out.end(), lexeme) == out.end()) {
                out.push_back(std::move(lexeme));
            }
        }
    }
    return out;
}

namespace {

bool is_word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

struct Word {
    std::size_t begin;
    std::size_t end;
    std::optional<std::size_t> lexeme;  // which of the lexemes the word's stem is
};

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::vector<Word> words_of(std::string_view text, const std::vector<std::string>& lexemes) {
    // A stem keeps its word's first letter, so only words starting as some lexeme
    // does are stemmed: most of a note is not.
    std::string first_letters;
    for (const auto& l : lexemes) {
        if (!l.empty()) first_letters += l.front();
    }
    std::vector<Word> words;
    words.reserve(text.size() / 6);
    std::string lower;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_word_byte(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        Word w{i, i, std::nullopt};
        while (w.end < text.size() && is_word_byte(static_cast<unsigned char>(text[w.end]))) ++w.end;
        if (first_letters.find(lower_ascii(text[w.begin])) != std::string::npos) {
            lower.assign(text, w.begin, w.end - w.begin);
            for (auto& c : lower) c = lower_ascii(c);
            // The word itself too: PostgreSQL keeps a word of letters and digits
            // unstemmed (`abc1ed`), which the stemmer still shortens (`abc1`).
            const auto stem = english_stem(lower);
            for (std::size_t l = 0; l < lexemes.size() && !w.lexeme; ++l) {
                if (lexemes[l] == stem || lexemes[l] == lower) w.lexeme = l;
            }
        }
        words.push_back(w);
        i = w.end;
    }
    return words;
}

// The window of `size` words from `start` that holds the most different lexemes,
// then the most marked words.
std::pair<std::size_t, std::size_t> score(const std::vector<Word>& words, std::size_t start, std::size_t size,
                                          std::size_t lexeme_count) {
    std::vector<bool> seen(lexeme_count, false);
    std::size_t distinct = 0, marked = 0;
    for (std::size_t i = start; i < std::min(words.size(), start + size); ++i) {
        if (!words[i].lexeme) continue;
        ++marked;
        if (!seen[*words[i].lexeme]) {
            seen[*words[i].lexeme] = true;
            ++distinct;
        }
    }
    return {distinct, marked};
}

// Two words before a window's first match, so it is read in context.
constexpr std::size_t kLeadingWords = 2;

std::size_t best_start(const std::vector<Word>& words, std::size_t size, std::size_t lexeme_count) {
    if (words.size() <= size) return 0;
    const std::size_t last_start = words.size() - size;
    std::size_t best = 0;
    std::pair<std::size_t, std::size_t> best_score{0, 0};
    for (std::size_t m = 0; m < words.size(); ++m) {
        if (!words[m].lexeme) continue;
        const std::size_t start = std::min(m > kLeadingWords ? m - kLeadingWords : 0, last_start);
        const auto s = score(words, start, size, lexeme_count);
        if (s > best_score) {
            best_score = s;
            best = start;
        }
    }
    return best;
}

}  // namespace

std::string marked_excerpt(std::string_view text, const std::vector<std::string>& lexemes, std::size_t max_words) {
    std::string without_marks;
    std::string_view clean = text;
    constexpr char kMarks[] = {kMarkStart, kMarkEnd};
    if (text.find_first_of(std::string_view(kMarks, 2)) != std::string_view::npos) {
        for (const char c : text) {
            if (c != kMarkStart && c != kMarkEnd) without_marks += c;
        }
        clean = without_marks;
    }
    const auto words = words_of(clean, lexemes);
    if (words.empty() || max_words == 0) return std::string(clean);
    const std::size_t start = best_start(words, max_words, lexemes.size());
    const std::size_t end = std::min(words.size(), start + max_words);

    std::string out;
    out.reserve(std::min(clean.size(), max_words * 12) + 16);
    std::size_t at = 0;
    if (start > 0) {
        out += "…";
        at = words[start].begin;
    }
    for (std::size_t i = start; i < end; ++i) {
        out += clean.substr(at, words[i].begin - at);
        if (words[i].lexeme) out += kMarkStart;
        out += clean.substr(words[i].begin, words[i].end - words[i].begin);
        if (words[i].lexeme) out += kMarkEnd;
        at = words[i].end;
    }
    if (end < words.size()) {
        out += "…";
    } else {
        out += clean.substr(at);
    }
    return out;
}

}  // namespace onecase::search
