#include "standards/policy_store.hpp"

#include <boost/json.hpp>

#include <stdexcept>

#include "standards/policy_json.hpp"

namespace onecase::standards {

namespace json = boost::json;

std::vector<StoredPolicyVersion> load_policy_versions(db::Connection& conn) {
    auto rows = conn.query(
        "SELECT v.version, v.effective_from, v.settings, v.note, v.created_at, COALESCE(u.username, '')"
        " FROM policy_versions v LEFT JOIN users u ON u.id = v.created_by_user_id"
        " WHERE v.policy = ? ORDER BY v.version",
        {std::string(kPolicyName)});
    std::vector<StoredPolicyVersion> out;
    // The code's defaults are version 1, in force from the start of all history, until
    // a stored version replaces them from its own effective date.
    if (rows.empty() || rows.front().int64(0) != 1) {
        StoredPolicyVersion v;
        v.built_in = true;
        v.note = "The defaults built into onecase (docs/national-standards.md)";
        out.push_back(std::move(v));
    }
    for (const auto& r : rows) {
        boost::system::error_code ec;
        auto settings = json::parse(r.text(2), ec);
        auto policy = ec ? Result<contacts::NationalStandardsPolicy>(Problem::bad_request("not JSON"))
                         : policy_from_settings(settings);
        auto from = platform::parse_date(r.text(1));
        if (!policy || !from)
            throw std::runtime_error("policy_versions: national_standards version " + r.text(0) +
                                     " has settings that do not validate");
        policy->version = int(r.int64(0));
        policy->effective_from = *from;
        out.push_back(StoredPolicyVersion{std::move(*policy), r.text(3), r.text(4), r.text(5), false});
    }
    return out;
}

std::vector<contacts::NationalStandardsPolicy> policies_of(const std::vector<StoredPolicyVersion>& versions) {
    std::vector<contacts::NationalStandardsPolicy> out;
    out.reserve(versions.size());
    for (const auto& v : versions) out.push_back(v.policy);
    return out;
}

int insert_policy_version(db::Connection& conn, const contacts::NationalStandardsPolicy& policy,
                          const std::string& note, std::int64_t user_id, platform::Instant now) {
    auto rows = conn.query("SELECT MAX(version) FROM policy_versions WHERE policy = ?", {std::string(kPolicyName)});
    // The built-in defaults are version 1 even when not stored, so the first stored
    // version is 2 and the history reads 1, 2, ...
    const auto highest = rows.empty() ? std::nullopt : rows[0].opt_int64(0);
    const int version = int(highest.value_or(1)) + 1;
    conn.execute(
        "INSERT INTO policy_versions (policy, version, effective_from, settings, note, created_at, created_by_user_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        {std::string(kPolicyName), std::int64_t(version), platform::format_date(policy.effective_from),
         json::serialize(policy_settings_json(policy)), note, platform::format_instant(now), user_id});
    return version;
}

}  // namespace onecase::standards
