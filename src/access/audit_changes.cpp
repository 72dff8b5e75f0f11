#include "access/audit_changes.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>

namespace onecase::access {

namespace json = boost::json;

namespace {

bool may_hold_a_secret(std::string_view field) {
    std::string lower(field);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (std::string_view word : {"password", "hash", "secret"}) {
        if (lower.find(word) != std::string::npos) return true;
    }
    return false;
}

json::value optional_json(const std::optional<std::string>& v) { return v ? json::value(*v) : json::value(nullptr); }

// A JSON string or null as an optional; anything else is not our form.
bool read_optional(const json::object& o, std::string_view key, std::optional<std::string>& out) {
    const auto* v = o.if_contains(key);
    if (!v || v->is_null()) {
        out.reset();
        return true;
    }
    if (!v->is_string()) return false;
    out = std::string(v->as_string());
    return true;
}

}  // namespace

AuditSnapshot& AuditSnapshot::set(std::string field, std::optional<std::string> value) {
    for (auto& [name, existing] : fields_) {
        if (name == field) {
            existing = std::move(value);
            return *this;
        }
    }
    fields_.emplace_back(std::move(field), std::move(value));
    return *this;
}

AuditSnapshot& AuditSnapshot::set(std::string field, std::optional<std::int64_t> value) {
    return set(std::move(field), value ? std::optional<std::string>(std::to_string(*value)) : std::nullopt);
}

std::optional<std::string> AuditSnapshot::get(std::string_view field) const {
    for (const auto& [name, value] : fields_) {
        if (name == field) return value;
    }
    return std::nullopt;
}

namespace {

void flatten(const json::value& v, const std::string& name, AuditSnapshot& out) {
    if (v.is_object()) {
        for (const auto& member : v.as_object()) {
            const std::string key(member.key());
            flatten(member.value(), name.empty() ? key : name + "." + key, out);
        }
        return;
    }
    if (v.is_string()) out.set(name, std::string(v.as_string()));
    else if (v.is_null()) out.set(name, std::optional<std::string>{});
    else out.set(name, json::serialize(v));
}

}  // namespace

AuditSnapshot json_snapshot(const json::value& document, const std::string& prefix) {
    AuditSnapshot s;
    flatten(document, prefix, s);
    return s;
}

std::vector<FieldChange> diff_fields(const AuditSnapshot& before, const AuditSnapshot& after) {
    std::vector<FieldChange> changes;
    for (const auto& [field, old_value] : before.fields()) {
        auto new_value = after.get(field);
        if (old_value != new_value && !may_hold_a_secret(field)) changes.push_back({field, old_value, new_value});
    }
    for (const auto& [field, new_value] : after.fields()) {
        const bool in_before = std::any_of(before.fields().begin(), before.fields().end(),
                                           [&](const auto& f) { return f.first == field; });
        if (!in_before && new_value && !may_hold_a_secret(field)) changes.push_back({field, std::nullopt, new_value});
    }
    return changes;
}

std::string changes_to_json(const std::vector<FieldChange>& changes) {
    json::array list;
    for (const auto& c : changes) {
        list.push_back(json::object{{"field", c.field}, {"before", optional_json(c.before)}, {"after", optional_json(c.after)}});
    }
    return json::serialize(list);
}

std::vector<FieldChange> changes_from_json(std::string_view text) {
    auto unreadable = [&] { return std::vector<FieldChange>{{"changes", std::nullopt, std::string(text)}}; };
    boost::system::error_code ec;
    auto parsed = json::parse(text, ec);
    if (ec || !parsed.is_array()) return unreadable();
    std::vector<FieldChange> changes;
    for (const auto& item : parsed.as_array()) {
        if (!item.is_object()) return unreadable();
        const auto& o = item.as_object();
        const auto* field = o.if_contains("field");
        if (!field || !field->is_string()) return unreadable();
        FieldChange c{std::string(field->as_string()), std::nullopt, std::nullopt};
        if (!read_optional(o, "before", c.before) || !read_optional(o, "after", c.after)) return unreadable();
        changes.push_back(std::move(c));
    }
    return changes;
}

}  // namespace onecase::access
