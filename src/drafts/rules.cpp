#include "drafts/rules.hpp"

#include <algorithm>

#include "contacts/rules.hpp"

namespace onecase::drafts {

namespace {
bool is_lower_or_dash(char c) { return (c >= 'a' && c <= 'z') || c == '-'; }
bool is_record_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}
}  // namespace

bool is_valid_form_key(const std::string& key) {
    if (key.size() > 100) return false;
    const auto colon = key.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == key.size()) return false;
    return std::all_of(key.begin(), key.begin() + colon, is_lower_or_dash) &&
           std::all_of(key.begin() + colon + 1, key.end(), is_record_char);
}

bool is_kept_field(const std::string& name) {
    return !name.empty() && name != "csrf" && name != "draftKey" && name != "draftReturnTo" && name.size() <= 64;
}

Result<DraftFields> validate_fields(DraftFields fields) {
    if (fields.size() > kMaxFields) {
        return Problem::invalid({{"fields", "A draft can keep at most " + std::to_string(kMaxFields) + " fields"}});
    }
    std::size_t total = 0;
    for (auto it = fields.begin(); it != fields.end();) {
        if (!is_kept_field(it->first)) {
            it = fields.erase(it);
            continue;
        }
        if (!contacts::utf8_length(it->second)) {
            return Problem::invalid({{it->first, "The text of " + it->first + " is not valid UTF-8"}});
        }
        total += it->first.size() + it->second.size();
        ++it;
    }
    if (total > kMaxDraftBytes) return Problem::invalid({{"fields", "The draft is too long to keep"}});
    return fields;
}

std::string form_kind(const std::string& key) { return key.substr(0, key.find(':')); }

}  // namespace onecase::drafts
