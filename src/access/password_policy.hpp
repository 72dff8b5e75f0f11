#pragma once
// What a new password must be. Pure: decided from the password, the username and
// a list of common passwords; never touches storage. The rule follows NCSC and
// NIST SP 800-63B guidance: length over composition rules, and no password that
// is known to be common.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace onecase::access {

inline constexpr std::size_t kPasswordMinCodePoints = 12;
inline constexpr std::size_t kPasswordMaxCodePoints = 256;

// Lower-cased entries of a list in the data/common-passwords.txt format: one a
// line, blank lines and lines starting with '#' ignored.
class CommonPasswords {
public:
    explicit CommonPasswords(std::string_view list_text);
    bool contains(std::string_view password) const;  // ignores ASCII case
    std::size_t size() const { return words_.size(); }

private:
    std::unordered_set<std::string> words_;
};

// The list shipped with onecase, parsed once.
const CommonPasswords& shipped_common_passwords();

// Unicode code points in UTF-8 text (each byte that does not continue a sequence).
std::size_t count_code_points(std::string_view utf8);

// Nullopt when `password` may be used by `username`; otherwise the message to
// show next to the field, saying what to do.
std::optional<std::string> password_problem(std::string_view password, std::string_view username,
                                            const CommonPasswords& common);

}  // namespace onecase::access
