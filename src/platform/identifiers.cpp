#include "platform/identifiers.hpp"

#include <cctype>
#include <charconv>

namespace onecase::platform {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
char upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }

// The PNC check-character alphabet: letters without I, O and S, starting at Z for 0.
constexpr std::string_view kPncCheckLetters = "ZABCDEFGHJKLMNPQRTUVWXY";

}  // namespace

bool is_valid_crn(std::string_view crn) {
    if (crn.size() != 7) return false;
    if (crn[0] < 'A' || crn[0] > 'Z') return false;
    for (std::size_t i = 1; i < 7; ++i) {
        if (!is_digit(crn[i])) return false;
    }
    return true;
}

std::string make_crn(char letter, std::uint32_t serial) {
    std::string out(7, '0');
    out[0] = upper(letter);
    for (int i = 6; i >= 1; --i) {
        out[static_cast<std::size_t>(i)] = static_cast<char>('0' + serial % 10);
        serial /= 10;
    }
    return out;
}

char pnc_check_letter(int two_digit_year, std::uint32_t serial) {
    // The check is taken over YY followed by the 7-digit serial, as one number.
    const std::uint64_t n = static_cast<std::uint64_t>(two_digit_year % 100) * 10'000'000ULL + serial;
    return kPncCheckLetters[n % 23];
}

std::optional<std::string> normalise_pnc(std::string_view text) {
    std::string s;
    for (char c : text) {
        if (c != ' ') s += upper(c);
    }
    const auto slash = s.find('/');
    if (slash == std::string::npos || s.size() < slash + 3) return std::nullopt;
    std::string_view year = std::string_view(s).substr(0, slash);
    std::string_view serial = std::string_view(s).substr(slash + 1, s.size() - slash - 2);
    const char check = s.back();
    if (!(year.size() == 2 || year.size() == 4)) return std::nullopt;
    if (serial.empty() || serial.size() > 7) return std::nullopt;
    for (char c : year) if (!is_digit(c)) return std::nullopt;
    for (char c : serial) if (!is_digit(c)) return std::nullopt;
    if (!is_letter(check)) return std::nullopt;

    int y = 0;
    std::from_chars(year.data(), year.data() + year.size(), y);
    if (year.size() == 2) y += (y <= 30) ? 2000 : 1900;  // PNC years run from 1931
    if (y < 1900 || y > 2099) return std::nullopt;
    std::uint32_t n = 0;
    std::from_chars(serial.data(), serial.data() + serial.size(), n);
    if (pnc_check_letter(y % 100, n) != check) return std::nullopt;

    std::string out = std::to_string(y) + "/";
    const std::string digits = std::to_string(n);
    out += std::string(7 - digits.size(), '0') + digits;
    out += check;
    return out;
}

std::optional<std::string> normalise_noms(std::string_view text) {
    std::string s;
    for (char c : text) {
        if (c != ' ') s += upper(c);
    }
    if (s.size() != 7) return std::nullopt;
    if (!is_letter(s[0]) || !is_letter(s[5]) || !is_letter(s[6])) return std::nullopt;
    for (int i = 1; i <= 4; ++i) {
        if (!is_digit(s[static_cast<std::size_t>(i)])) return std::nullopt;
    }
    return s;
}

std::optional<std::int64_t> parse_record_id(std::string_view text) {
    std::int64_t id = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), id);
    if (r.ec != std::errc{} || r.ptr != text.data() + text.size() || id < 1) return std::nullopt;
    return id;
}

}  // namespace onecase::platform
