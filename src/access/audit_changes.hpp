#pragma once
// What a change did to a record, field by field, for the audit trail (issue #8: "every
// change (before/after)"). Pure: snapshots in, changes out; the JSON form is what the
// audit_log.changes column holds and what the API and CSV export show.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/fwd.hpp>

namespace onecase::access {

// One field a change touched. No value (nullopt) means the field was absent or empty
// in SQL terms: `before` is unset for a creation, `after` for a removal.
struct FieldChange {
    std::string field;
    std::optional<std::string> before;
    std::optional<std::string> after;
    bool operator==(const FieldChange&) const = default;
};

// A record's audited fields in the order a reader expects them (time before place,
// say), each as text. Build one from the stored record before the change and one after.
class AuditSnapshot {
public:
    AuditSnapshot& set(std::string field, std::optional<std::string> value);
    AuditSnapshot& set(std::string field, const char* value) { return set(std::move(field), std::string(value)); }
    AuditSnapshot& set(std::string field, std::int64_t value) { return set(std::move(field), std::to_string(value)); }
    AuditSnapshot& set(std::string field, std::optional<std::int64_t> value);
    AuditSnapshot& set(std::string field, std::nullopt_t) { return set(std::move(field), std::optional<std::string>{}); }
    // A yes/no field, as "true" or "false" (a separate name so an integer never lands here).
    AuditSnapshot& set_flag(std::string field, bool value) { return set(std::move(field), value ? "true" : "false"); }

    // Every field of `other`, set in its order (a later value replaces an earlier one).
    AuditSnapshot& set_all(const AuditSnapshot& other) {
        for (const auto& [field, value] : other.fields_) set(field, value);
        return *this;
    }

    // The field's value, or nullopt when it is unset or was never set.
    std::optional<std::string> get(std::string_view field) const;
    const std::vector<std::pair<std::string, std::optional<std::string>>>& fields() const { return fields_; }

private:
    std::vector<std::pair<std::string, std::optional<std::string>>> fields_;  // unique names, in order set
};

// A settings document (a policy version's JSON) as a snapshot: nested object members
// become dotted fields ("warning.withinMonths"), in document order under `prefix.`;
// arrays and scalars are each one field holding their JSON text (a string unquoted).
AuditSnapshot json_snapshot(const boost::json::value& document, const std::string& prefix = "");

// The fields whose value differs between the two snapshots: those of `before` in its
// order, then those only in `after` in its order. A field missing from one snapshot
// counts as unset there. Fields that could hold a secret (a name containing
// "password", "hash" or "secret") are never returned, whatever a caller put in.
std::vector<FieldChange> diff_fields(const AuditSnapshot& before, const AuditSnapshot& after);

// A new record's set fields as changes from nothing, and a removed record's as changes to nothing.
inline std::vector<FieldChange> created_fields(const AuditSnapshot& after) { return diff_fields({}, after); }
inline std::vector<FieldChange> removed_fields(const AuditSnapshot& before) { return diff_fields(before, {}); }

// Changes to two records in one audit row (a transfer and the case it moves, say): a's then b's.
inline std::vector<FieldChange> joined_changes(std::vector<FieldChange> a, const std::vector<FieldChange>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// The stored and exported form: [{"field":"..","before":..,"after":..}], with null for
// an unset value. Empty changes give "[]".
std::string changes_to_json(const std::vector<FieldChange>& changes);

// Reads changes_to_json's output back. Text that is not that form (a row written by
// hand, say) comes back as one change of field "changes" whose after is the raw text,
// so an auditor still sees it rather than nothing.
std::vector<FieldChange> changes_from_json(std::string_view text);

}  // namespace onecase::access
