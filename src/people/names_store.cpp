#include "people/names_store.hpp"

#include "people/name_keys.hpp"

namespace onecase::people {
namespace {

std::size_t bucket(std::size_t n) {
    for (std::size_t b : {1u, 8u, 32u, 128u, 512u}) {
        if (n <= b) return b;
    }
    return n;
}

void write_keys(db::Connection& conn, std::int64_t name_id, std::int64_t person_id, const std::string& first_name,
                const std::string& last_name) {
    // Each key carries the person's current_case, case manager and its region (migration 0017), for
    // the candidate statements of name search to narrow by without reading people.
    for (const auto& key : name_index_keys(first_name, last_name)) {
        conn.execute("INSERT INTO person_name_keys (name_id, person_id, name_key, current_case, scope_region, case_manager_staff_id) "
                     "SELECT ?, p.id, ?, p.current_case, coalesce(d.region_id, 0), p.case_manager_staff_id FROM people p "
                     "LEFT JOIN staff s ON s.id = p.case_manager_staff_id LEFT JOIN teams t ON t.id = s.team_id "
                     "LEFT JOIN pdus d ON d.id = t.pdu_id WHERE p.id = ?",
                     {name_id, key, person_id});
    }
}

}  // namespace

std::string in_placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < bucket(n); ++i) out += i ? ", ?" : "?";
    return out;
}

db::Params padded_ids(const std::vector<std::int64_t>& ids) {
    db::Params p;
    for (auto id : ids) p.emplace_back(id);
    while (!ids.empty() && p.size() < bucket(ids.size())) p.emplace_back(ids.back());
    return p;
}

void add_person_name(db::Connection& conn, std::int64_t person_id, const std::string& kind, const std::string& first_name,
                     const std::string& last_name, platform::Instant now) {
    auto rows = conn.query(
        "INSERT INTO person_names (person_id, kind, first_name, last_name, search_text, keys_written, created_at) "
        "VALUES (?, ?, ?, ?, ?, 1, ?) RETURNING id",
        {person_id, kind, first_name, last_name, name_search_text(first_name, last_name), platform::format_instant(now)});
    write_keys(conn, rows.at(0).int64(0), person_id, first_name, last_name);
}

std::vector<PersonName> names_of(db::Connection& conn, const std::vector<std::int64_t>& person_ids) {
    std::vector<PersonName> out;
    for (std::size_t start = 0; start < person_ids.size(); start += 512) {
        const std::vector<std::int64_t> chunk(person_ids.begin() + static_cast<std::ptrdiff_t>(start),
                                              person_ids.begin() + static_cast<std::ptrdiff_t>(std::min(person_ids.size(), start + 512)));
        const std::string sql = "SELECT person_id, kind, first_name, last_name FROM person_names WHERE person_id IN (" +
                                in_placeholders(chunk.size()) +
                                ") ORDER BY person_id, CASE kind WHEN 'current' THEN 0 ELSE 1 END, id";
        for (const auto& r : conn.query(sql, padded_ids(chunk))) {
            out.push_back(PersonName{r.int64(0), r.text(1), r.text(2), r.text(3)});
        }
    }
    return out;
}

std::int64_t index_pending_names(db::Database& database) {
    std::int64_t done = 0;
    for (;;) {
        const auto n = db::write_transaction(database, [&](db::Connection& conn) {
            auto rows = conn.query(
                "SELECT id, person_id, first_name, last_name FROM person_names WHERE keys_written = 0 ORDER BY id LIMIT 1000");
            for (const auto& r : rows) {
                const auto first = r.text(2), last = r.text(3);
                conn.execute("UPDATE person_names SET search_text = ?, keys_written = 1 WHERE id = ?",
                             {name_search_text(first, last), r.int64(0)});
                write_keys(conn, r.int64(0), r.int64(1), first, last);
            }
            return static_cast<std::int64_t>(rows.size());
        });
        done += n;
        if (n == 0) return done;
    }
}

}  // namespace onecase::people
