#include "access/password_policy.hpp"

#include "access/common_passwords.hpp"

namespace onecase::access {

namespace {

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

}  // namespace

CommonPasswords::CommonPasswords(std::string_view text) {
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        auto line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty() && line.front() != '#') words_.insert(ascii_lower(line));
        pos = end + 1;
    }
}

bool CommonPasswords::contains(std::string_view password) const {
    return words_.contains(ascii_lower(password));
}

const CommonPasswords& shipped_common_passwords() {
    static const CommonPasswords list(common_passwords_text());
    return list;
}

std::size_t count_code_points(std::string_view utf8) {
    std::size_t n = 0;
    for (unsigned char c : utf8) {
        if ((c & 0xC0) != 0x80) ++n;
    }
    return n;
}

std::optional<std::string> password_problem(std::string_view password, std::string_view username,
                                            const CommonPasswords& common) {
    const auto length = count_code_points(password);
    if (length < kPasswordMinCodePoints) {
        return "Your password must be at least " + std::to_string(kPasswordMinCodePoints) +
               " characters long. Try three or four words you will remember.";
    }
    if (length > kPasswordMaxCodePoints) {
        return "Your password must be " + std::to_string(kPasswordMaxCodePoints) + " characters or fewer.";
    }
    if (ascii_lower(password) == ascii_lower(username)) return "Your password must not be your username.";
    if (common.contains(password)) {
        return "This password is too common and easy to guess. Choose a different one, such as three or "
               "four unrelated words.";
    }
    return std::nullopt;
}

}  // namespace onecase::access
