#include "access/audit_journal_format.hpp"

#include <boost/json.hpp>

namespace onecase::access {

namespace json = boost::json;

namespace {

json::value optional_string(const std::optional<std::string>& s) {
    return s ? json::value(*s) : json::value(nullptr);
}

std::optional<std::string> read_optional_string(const json::object& o, std::string_view key) {
    const auto& v = o.at(key);
    if (v.is_null()) return std::nullopt;
    return std::string(v.as_string());
}

std::optional<AuditRecord> decode_line(std::string_view line) {
    boost::system::error_code ec;
    auto parsed = json::parse(line, ec);
    if (ec || !parsed.is_object()) return std::nullopt;
    const auto& o = parsed.as_object();
    try {
        AuditRecord row;
        row.at = std::string(o.at("at").as_string());
        if (const auto& u = o.at("userId"); !u.is_null()) row.user_id = u.as_int64();
        row.username = std::string(o.at("username").as_string());
        row.remote_address = std::string(o.at("remoteAddress").as_string());
        row.action = std::string(o.at("action").as_string());
        row.crn = read_optional_string(o, "crn");
        row.detail = std::string(o.at("detail").as_string());
        row.changes = read_optional_string(o, "changes");
        return row;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

std::string encode_journal_line(const AuditRecord& row) {
    json::object o;
    o["at"] = row.at;
    o["userId"] = row.user_id ? json::value(*row.user_id) : json::value(nullptr);
    o["username"] = row.username;
    o["remoteAddress"] = row.remote_address;
    o["action"] = row.action;
    o["crn"] = optional_string(row.crn);
    o["detail"] = row.detail;
    o["changes"] = optional_string(row.changes);
    // serialize escapes control characters, so the line holds no raw '\n'.
    auto line = json::serialize(o);
    line += '\n';
    return line;
}

DecodedJournal decode_journal(std::string_view text) {
    DecodedJournal out;
    while (!text.empty()) {
        const auto end = text.find('\n');
        if (end == std::string_view::npos) {
            out.torn_tail_bytes = text.size();
            break;
        }
        if (auto row = decode_line(text.substr(0, end))) {
            out.rows.push_back(std::move(*row));
        } else {
            ++out.unreadable_lines;
        }
        text.remove_prefix(end + 1);
    }
    return out;
}

}  // namespace onecase::access
