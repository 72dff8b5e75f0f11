#pragma once
// The common-password list (data/common-passwords.txt), embedded at build time.
#include <string_view>

namespace onecase::access {

// The file's text, byte for byte.
std::string_view common_passwords_text();

}  // namespace onecase::access
