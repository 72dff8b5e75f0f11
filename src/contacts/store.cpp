#include "contacts/store.hpp"

namespace onecase::contacts {
namespace {

constexpr const char* kSelect =
    "SELECT c.id, c.person_id, c.type, c.contact_at, c.author_staff_id, "
    "COALESCE(s.first_name || ' ' || s.last_name, ''), c.notes, c.sensitive, c.created_at, "
    "c.updated_at, c.version, c.requirement_id FROM contacts c LEFT JOIN staff s ON s.id = c.author_staff_id ";

Contact to_contact(const db::Row& r) {
    return Contact{r.int64(0), r.int64(1),   r.text(2),   r.text(3), r.opt_int64(4), r.text(5),
                   r.text(6),  r.boolean(7), r.text(8),   r.text(9), r.int64(10), r.opt_int64(11)};
}

std::vector<Contact> to_contacts(const db::Rows& rows) {
    std::vector<Contact> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(to_contact(r));
    return out;
}

}  // namespace

std::vector<Contact> contacts_for_person(db::Connection& conn, std::int64_t person_id, int limit,
                                         bool include_sensitive) {
    static const std::string sql = std::string(kSelect) +
                                   "WHERE c.person_id = ? AND (c.sensitive = 0 OR ? = 1) "
                                   "ORDER BY c.contact_at DESC, c.id DESC LIMIT ?";
    return to_contacts(conn.query(sql, {person_id, std::int64_t{include_sensitive ? 1 : 0},
                                        std::int64_t{limit > 0 ? limit : 1'000'000'000}}));
}

std::vector<Contact> contacts_after(db::Connection& conn, const Contact& after, int limit, bool include_sensitive) {
    // `contact_at <= ?` bounds the walk down the (person_id, contact_at) index; the OR
    // breaks ties between contacts recorded for the same minute by id, as the order does.
    static const std::string sql = std::string(kSelect) +
                                   "WHERE c.person_id = ? AND (c.sensitive = 0 OR ? = 1) AND c.contact_at <= ? "
                                   "AND (c.contact_at < ? OR c.id < ?) "
                                   "ORDER BY c.contact_at DESC, c.id DESC LIMIT ?";
    return to_contacts(conn.query(sql, {after.person_id, std::int64_t{include_sensitive ? 1 : 0}, after.contact_at,
                                        after.contact_at, after.id, std::int64_t{limit > 0 ? limit : 1'000'000'000}}));
}

std::int64_t count_visible_contacts(db::Connection& conn, std::int64_t person_id, bool include_sensitive) {
    return conn.query("SELECT COUNT(*) FROM contacts WHERE person_id = ? AND (sensitive = 0 OR ? = 1)",
                      {person_id, std::int64_t{include_sensitive ? 1 : 0}})
        .at(0)
        .int64(0);
}

std::int64_t position_of_contact(db::Connection& conn, const Contact& contact, bool include_sensitive) {
    return conn.query("SELECT COUNT(*) FROM contacts WHERE person_id = ? AND (sensitive = 0 OR ? = 1) AND contact_at >= ? "
                      "AND (contact_at > ? OR id >= ?)",
                      {contact.person_id, std::int64_t{include_sensitive ? 1 : 0}, contact.contact_at, contact.contact_at,
                       contact.id})
        .at(0)
        .int64(0);
}

Contact insert_contact(db::Connection& conn, std::int64_t person_id, const NewContact& c,
                       std::optional<std::int64_t> author_staff_id, std::int64_t user_id,
                       platform::Instant now) {
    const auto at = platform::format_instant(now);
    auto rows = conn.query(
        "INSERT INTO contacts (person_id, type, contact_at, author_staff_id, notes, sensitive, "
        "created_at, created_by_user_id, updated_at, version, requirement_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) "
        "RETURNING id",
        {person_id, c.type, c.contact_at, db::optional_value(author_staff_id), c.notes,
         std::int64_t{c.sensitive ? 1 : 0}, at, user_id, at, db::optional_value(c.requirement_id)});
    static const std::string by_id = std::string(kSelect) + "WHERE c.id = ?";
    return to_contact(conn.query(by_id, {rows.at(0).int64(0)}).at(0));
}

std::optional<Contact> find_contact(db::Connection& conn, std::int64_t person_id, std::int64_t contact_id) {
    static const std::string sql = std::string(kSelect) + "WHERE c.id = ? AND c.person_id = ?";
    auto rows = conn.query(sql, {contact_id, person_id});
    if (rows.empty()) return std::nullopt;
    return to_contact(rows[0]);
}

std::optional<Contact> update_contact(db::Connection& conn, const Contact& current, std::int64_t expected_version,
                                      const NewContact& replacement, std::int64_t user_id, platform::Instant now) {
    const auto at = platform::format_instant(now);
    // The version check and the write are one statement, so two servers editing the
    // same contact cannot both succeed.
    const auto changed = conn.execute(
        "UPDATE contacts SET type = ?, contact_at = ?, notes = ?, sensitive = ?, updated_at = ?, version = version + 1 "
        "WHERE id = ? AND version = ?",
        {replacement.type, replacement.contact_at, replacement.notes, std::int64_t{replacement.sensitive ? 1 : 0}, at,
         current.id, expected_version});
    if (changed == 0) return std::nullopt;
    conn.execute(
        "INSERT INTO contact_versions (contact_id, version, type, contact_at, notes, sensitive, replaced_at, "
        "replaced_by_user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {current.id, expected_version, current.type, current.contact_at, current.notes,
         std::int64_t{current.sensitive ? 1 : 0}, at, user_id});
    return find_contact(conn, current.person_id, current.id);
}

std::vector<ContactVersion> contact_history(db::Connection& conn, std::int64_t contact_id) {
    auto rows = conn.query(
        "SELECT v.version, v.type, v.contact_at, v.notes, v.sensitive, v.replaced_at, COALESCE(u.username, '') "
        "FROM contact_versions v LEFT JOIN users u ON u.id = v.replaced_by_user_id WHERE v.contact_id = ? "
        "ORDER BY v.version DESC",
        {contact_id});
    std::vector<ContactVersion> out;
    for (const auto& r : rows) {
        out.push_back(ContactVersion{r.int64(0), r.text(1), r.text(2), r.text(3), r.boolean(4), r.text(5), r.text(6)});
    }
    return out;
}


}  // namespace onecase::contacts
