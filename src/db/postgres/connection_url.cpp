#include "db/postgres/connection_url.hpp"

#include <algorithm>

namespace onecase::db {

std::string redact_connection_url(std::string_view url) {
    url = url.substr(0, url.find('?'));
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) return std::string(url);
    const auto authority_start = scheme + 3;
    const auto authority_end = std::min(url.find('/', authority_start), url.size());
    const auto authority = url.substr(authority_start, authority_end - authority_start);
    // The last '@' ends the user info: a password may itself hold an unencoded '@'.
    const auto at = authority.rfind('@');
    if (at == std::string_view::npos) return std::string(url);
    const auto colon = authority.find(':');
    if (colon == std::string_view::npos || colon > at) return std::string(url);
    std::string out(url.substr(0, authority_start + colon));
    out.append(url.substr(authority_start + at));
    return out;
}

}  // namespace onecase::db
