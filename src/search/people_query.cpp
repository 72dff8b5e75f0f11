#include "search/people_query.hpp"

#include <array>
#include <cctype>

#include "people/name_keys.hpp"
#include "platform/clock.hpp"
#include "platform/identifiers.hpp"

namespace onecase::search {
namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

int month_number(std::string_view word) {
    static constexpr std::array<std::string_view, 12> kNames = {"january", "february", "march",     "april",
                                                                "may",     "june",     "july",      "august",
                                                                "september", "october", "november", "december"};
    const std::string w = lower(word);
    if (w.size() < 3) return 0;
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i].substr(0, w.size()) == w) return static_cast<int>(i) + 1;
    }
    if (w == "sept") return 9;
    return 0;
}

std::optional<std::string> make_date(int day, int month, std::string_view year_text, int this_year) {
    if (!all_digits(year_text) || (year_text.size() != 2 && year_text.size() != 4)) return std::nullopt;
    int year = std::stoi(std::string(year_text));
    if (year_text.size() == 2) {
        const int century = this_year / 100 * 100;
        year += (year <= this_year % 100) ? century : century - 100;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    if (!platform::parse_date(buf)) return std::nullopt;
    return std::string(buf);
}

int small_number(std::string_view s) {
    if (!all_digits(s) || s.size() > 2) return 0;
    return std::stoi(std::string(s));
}

// 03/07/1990, 3-7-90, 3.7.1990 or 1990-07-03.
std::optional<std::string> numeric_date(std::string_view t, int this_year) {
    std::array<std::string_view, 3> parts;
    std::size_t n = 0, start = 0;
    for (std::size_t i = 0; i <= t.size(); ++i) {
        if (i == t.size() || t[i] == '/' || t[i] == '-' || t[i] == '.') {
            if (n == 3) return std::nullopt;
            parts[n++] = t.substr(start, i - start);
            start = i + 1;
        }
    }
    if (n != 3) return std::nullopt;
    if (parts[0].size() == 4 && all_digits(parts[0])) {
        return make_date(small_number(parts[2]), small_number(parts[1]), parts[0], this_year);
    }
    return make_date(small_number(parts[0]), small_number(parts[1]), parts[2], this_year);
}

std::vector<std::string> split(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == ',' || c == ';') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

}  // namespace

std::optional<std::string> loose_pnc(std::string_view text) {
    std::string s;
    for (char c : text) {
        if (c != ' ') s += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (auto p = platform::normalise_pnc(s)) return p;
    if (s.empty()) return std::nullopt;
    std::string body = s;
    const bool has_letter = std::isalpha(static_cast<unsigned char>(body.back()));
    if (has_letter) body.pop_back();
    std::string year, serial;
    if (auto slash = body.find('/'); slash != std::string::npos) {
        year = body.substr(0, slash);
        serial = body.substr(slash + 1);
    } else if (all_digits(body) && (body.size() == 11 || body.size() == 9)) {
        // Without the slash only the full seven-digit serial is unambiguous.
        year = body.substr(0, body.size() - 7);
        serial = body.substr(body.size() - 7);
    }
    if (!all_digits(year) || !all_digits(serial) || (year.size() != 2 && year.size() != 4) || serial.size() > 7) {
        return std::nullopt;
    }
    if (has_letter) return platform::normalise_pnc(year + "/" + serial + s.back());
    int y = std::stoi(year) % 100;
    const char check = platform::pnc_check_letter(y, static_cast<std::uint32_t>(std::stoul(serial)));
    return platform::normalise_pnc(year + "/" + serial + check);
}

PeopleQuery parse_people_query(std::string_view text, int this_year) {
    PeopleQuery q;
    const auto tokens = split(text);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& t = tokens[i];
        if (!q.date_of_birth) {
            if (auto d = numeric_date(t, this_year)) {
                q.date_of_birth = d;
                continue;
            }
            // 3 Jul 1990 / 3 July 90
            if (i + 2 < tokens.size() && small_number(t) > 0 && month_number(tokens[i + 1]) > 0) {
                if (auto d = make_date(small_number(t), month_number(tokens[i + 1]), tokens[i + 2], this_year)) {
                    q.date_of_birth = d;
                    i += 2;
                    continue;
                }
            }
        }
        const std::string up = upper(t);
        if (!q.crn && platform::is_valid_crn(up)) {
            q.crn = up;
            continue;
        }
        if (!q.noms) {
            if (auto n = platform::normalise_noms(t)) {
                q.noms = n;
                continue;
            }
        }
        if (!q.pnc && std::isdigit(static_cast<unsigned char>(t[0]))) {
            if (auto p = loose_pnc(t)) {
                q.pnc = p;
                continue;
            }
        }
        // Query words are matched part by part: "smith-jones" finds Smith-Jones and Jones Smith.
        std::string parts = t;
        for (auto& c : parts) {
            if (c == '-') c = ' ';
        }
        for (auto& w : people::name_words(parts)) {
            bool digits = all_digits(w);
            if (!digits) q.words.push_back(std::move(w));
        }
    }
    return q;
}

}  // namespace onecase::search
