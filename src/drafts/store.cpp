#include "drafts/store.hpp"

#include <boost/json.hpp>

namespace onecase::drafts {

namespace json = boost::json;

std::string fields_to_json(const DraftFields& fields) {
    json::object o;
    for (const auto& [name, value] : fields) o[name] = value;
    return json::serialize(o);
}

std::optional<DraftFields> fields_from_json(const std::string& text) {
    boost::system::error_code ec;
    auto v = json::parse(text, ec);
    if (ec || !v.is_object()) return std::nullopt;
    DraftFields out;
    for (const auto& [name, value] : v.get_object()) {
        if (!value.is_string()) return std::nullopt;
        out.emplace(std::string(name), std::string(value.get_string()));
    }
    return out;
}

void save_draft(db::Connection& conn, std::int64_t user_id, const Draft& draft) {
    // Upsert in a form both engines accept.
    conn.execute(
        "INSERT INTO drafts (user_id, form_key, crn, fields, saved_at, from_expired_session) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, form_key) DO UPDATE SET "
        "crn = excluded.crn, fields = excluded.fields, saved_at = excluded.saved_at, "
        "from_expired_session = excluded.from_expired_session",
        {user_id, draft.form_key, db::optional_value(draft.crn), fields_to_json(draft.fields), draft.saved_at,
         std::int64_t{draft.from_expired_session ? 1 : 0}});
}

std::optional<Draft> find_draft(db::Connection& conn, std::int64_t user_id, const std::string& form_key) {
    auto rows = conn.query(
        "SELECT form_key, crn, fields, saved_at, from_expired_session FROM drafts WHERE user_id = ? AND form_key = ?",
        {user_id, form_key});
    if (rows.empty()) return std::nullopt;
    auto fields = fields_from_json(rows[0].text(2));
    if (!fields) return std::nullopt;
    return Draft{rows[0].text(0), rows[0].opt_text(1), std::move(*fields), rows[0].text(3), rows[0].boolean(4)};
}

std::vector<Draft> drafts_of(db::Connection& conn, std::int64_t user_id) {
    auto rows = conn.query(
        "SELECT form_key, crn, fields, saved_at, from_expired_session FROM drafts WHERE user_id = ? "
        "ORDER BY saved_at DESC, form_key",
        {user_id});
    std::vector<Draft> out;
    for (const auto& r : rows) {
        if (auto fields = fields_from_json(r.text(2))) {
            out.push_back(Draft{r.text(0), r.opt_text(1), std::move(*fields), r.text(3), r.boolean(4)});
        }
    }
    return out;
}

bool discard_draft(db::Connection& conn, std::int64_t user_id, const std::string& form_key) {
    return conn.execute("DELETE FROM drafts WHERE user_id = ? AND form_key = ?", {user_id, form_key}) > 0;
}

}  // namespace onecase::drafts
