#include "people/name_keys.hpp"

#include <algorithm>

namespace onecase::people {
namespace {

// Folds the Latin-1 supplement letters UTF-8 encodes as C3 xx to their base letter;
// anything else that is not ASCII is dropped.
char fold_c3(unsigned char second) {
    static constexpr std::string_view kFold = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";  // C3 A0..BF
    if (second >= 0x80 && second <= 0x9F) {
        static constexpr std::string_view kUpper = "aaaaaaaceeeeiiiidnooooo*ouuuuyts";  // C3 80..9F
        return kUpper[second - 0x80];
    }
    if (second >= 0xA0 && second <= 0xBF) return kFold[second - 0xA0];
    return 0;
}

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w'; }

void push_unique(std::vector<std::string>& out, std::string s) {
    if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
}

}  // namespace

std::vector<std::string> name_words(std::string_view name) {
    std::vector<std::string> out;
    std::string word;       // the current hyphen-free part
    std::string joined;     // the current run of hyphenated parts, joined
    std::vector<std::string> parts;
    auto end_part = [&] {
        if (!word.empty()) parts.push_back(word);
        word.clear();
    };
    auto end_word = [&] {
        end_part();
        for (auto& p : parts) push_unique(out, p);
        if (parts.size() > 1) push_unique(out, joined);
        parts.clear();
        joined.clear();
    };
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        char letter = 0;
        if (c >= 'A' && c <= 'Z') letter = static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) letter = static_cast<char>(c);
        else if (c == 0xC3 && i + 1 < name.size()) letter = fold_c3(static_cast<unsigned char>(name[++i]));
        else if (c == '\'' || c == '`') continue;  // O'Neill, D'Souza: one word
        else if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
                 (static_cast<unsigned char>(name[i + 2]) == 0x99 || static_cast<unsigned char>(name[i + 2]) == 0x98)) {
            i += 2;  // typographic apostrophe
            continue;
        } else if (c == '-') {
            end_part();
            continue;
        } else if (c >= 0x80) {
            continue;  // other non-ASCII bytes
        } else {
            end_word();
            continue;
        }
        if (letter == 0 || letter == '/' || letter == '*') continue;
        word += letter;
        joined += letter;
    }
    end_word();
    return out;
}

std::string sound_key(std::string_view w) {
    std::string s;
    for (char c : w) {
        if (c >= 'a' && c <= 'z') s += c;
    }
    if (s.size() < 2) return {};
    std::size_t i = 0;
    std::string out;
    auto starts = [&](std::string_view p) { return s.compare(0, p.size(), p) == 0; };
    if (starts("kn") || starts("gn") || starts("pn") || starts("wr") || starts("ps")) i = 1;
    if (s[0] == 'x') {
        out += 'S';
        i = 1;
    }
    auto at = [&](std::size_t k) -> char { return k < s.size() ? s[k] : '\0'; };
    auto emit = [&](char code) {
        if (out.empty() || out.back() != code) out += code;
    };
    if (i == 0 && vowel(s[0]) && s[0] != 'w' && s[0] != 'y') {
        out += 'A';
        i = 1;
    }
    for (; i < s.size(); ++i) {
        const char c = s[i];
        const char n = at(i + 1);
        if (c == at(i - 1) && i > 0 && c != 'c') continue;  // doubled letters
        switch (c) {
            case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': case 'w': case 'h':
                if (!out.empty() && out.back() != '.') out += '.';  // a vowel separates repeated sounds
                break;
            case 'p':
                if (n == 'h') { emit('F'); ++i; } else emit('P');
                break;
            case 't':
                if (n == 'h') { emit('0'); ++i; } else emit('T');
                break;
            case 's':
                if (n == 'c' && at(i + 2) == 'h') { emit('S'); emit('K'); i += 2; }
                else if (n == 'h') { emit('X'); ++i; }
                else emit('S');
                break;
            case 'c':
                if (n == 'h') {
                    emit(at(i + 2) == 'r' ? 'K' : 'X');
                    ++i;
                } else if (n == 'e' || n == 'i' || n == 'y') emit('S');
                else if (n == 'k' || n == 'c') { emit('K'); ++i; }
                else emit('K');
                break;
            case 'q': emit('K'); break;
            case 'g':
                if (n == 'h') ++i;  // silent: Hugh, Leigh
                else if (n == 'e' || n == 'i' || n == 'y') emit('J');
                else emit('K');
                break;
            case 'd':
                if (n == 'g') { emit('J'); ++i; } else emit('T');
                break;
            case 'x': emit('K'); emit('S'); break;
            case 'z': emit('S'); break;
            case 'v': emit('F'); break;
            default: emit(static_cast<char>(c - 'a' + 'A'));
        }
    }
    // Drop the vowel separators: they only stopped "ss" across a vowel from merging
    // wrongly; equal neighbouring sounds across a vowel are kept (Anan -> ANN).
    std::string key;
    for (char c : out) {
        if (c != '.') key += c;
    }
    return key;
}

std::string sorted_letters(std::string_view word) {
    std::string s(word);
    std::sort(s.begin(), s.end());
    return s;
}

std::vector<std::string> name_index_keys(std::string_view first_names, std::string_view last_name) {
    std::vector<std::string> keys;
    for (auto* part : {&first_names, &last_name}) {
        for (const auto& w : name_words(*part)) {
            push_unique(keys, "t:" + w);
            if (auto k = sound_key(w); !k.empty()) push_unique(keys, "p:" + k);
            if (w.size() >= 3) push_unique(keys, "s:" + sorted_letters(w));
        }
    }
    return keys;
}

std::string name_search_text(std::string_view first_names, std::string_view last_name) {
    std::string out;
    for (auto* part : {&first_names, &last_name}) {
        for (const auto& w : name_words(*part)) {
            if (!out.empty()) out += ' ';
            out += w;
        }
    }
    return out;
}

}  // namespace onecase::people
