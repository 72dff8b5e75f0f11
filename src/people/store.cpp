#include "people/store.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "people/names_store.hpp"
#include "platform/identifiers.hpp"

namespace onecase::people {
namespace {

constexpr const char* kColumns =
    "id, crn, first_name, middle_names, last_name, date_of_birth, gender, pnc, noms, phone, email, "
    "case_manager_staff_id, tier, current_case, version";

Person to_person(const db::Row& r) {
    return Person{r.int64(0),    r.text(1),      r.text(2),      r.text(3),      r.text(4),
                  r.text(5),     r.text(6),      r.opt_text(7),  r.opt_text(8),  r.text(9),
                  r.text(10),    r.opt_int64(11), r.opt_text(12), r.boolean(13), r.int64(14)};
}

std::vector<Person> to_people(const db::Rows& rows) {
    std::vector<Person> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(to_person(r));
    return out;
}

}  // namespace

std::optional<Person> find_by_crn(db::Connection& conn, const std::string& crn) {
    static const std::string sql = std::string("SELECT ") + kColumns + " FROM people WHERE crn = ?";
    auto rows = conn.query(sql, {crn});
    if (rows.empty()) return std::nullopt;
    return to_person(rows[0]);
}

std::vector<Person> caseload(db::Connection& conn, std::int64_t staff_id) {
    static const std::string sql = std::string("SELECT ") + kColumns +
                                   " FROM people WHERE case_manager_staff_id = ? AND current_case = 1"
                                   " ORDER BY last_name, first_name, crn";
    return to_people(conn.query(sql, {staff_id}));
}

std::vector<Address> addresses(db::Connection& conn, std::int64_t person_id) {
    auto rows = conn.query(
        "SELECT status, line1, line2, town, postcode, start_date, end_date FROM addresses "
        "WHERE person_id = ? ORDER BY CASE WHEN end_date IS NULL THEN 0 ELSE 1 END, start_date DESC",
        {person_id});
    std::vector<Address> out;
    for (const auto& r : rows) {
        out.push_back(Address{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.opt_text(6)});
    }
    return out;
}

std::vector<Person> find_by_ids(db::Connection& conn, const std::vector<std::int64_t>& ids) {
    std::vector<Person> out;
    for (std::size_t start = 0; start < ids.size(); start += 512) {
        const std::vector<std::int64_t> chunk(ids.begin() + static_cast<std::ptrdiff_t>(start),
                                              ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), start + 512)));
        const std::string sql = std::string("SELECT ") + kColumns + " FROM people WHERE id IN (" +
                                in_placeholders(chunk.size()) + ")";
        for (auto& p : to_people(conn.query(sql, padded_ids(chunk)))) out.push_back(std::move(p));
    }
    return out;
}

std::optional<Person> find_duplicate(db::Connection& conn, const NewPerson& p) {
    static const std::string by_pnc = std::string("SELECT ") + kColumns + " FROM people WHERE pnc = ? LIMIT 1";
    static const std::string by_noms = std::string("SELECT ") + kColumns + " FROM people WHERE noms = ? LIMIT 1";
    if (p.pnc) {
        auto rows = conn.query(by_pnc, {*p.pnc});
        if (!rows.empty()) return to_person(rows[0]);
    }
    if (p.noms) {
        auto rows = conn.query(by_noms, {*p.noms});
        if (!rows.empty()) return to_person(rows[0]);
    }
    return std::nullopt;
}

Person create_person(db::Connection& conn, const NewPerson& p, std::optional<std::int64_t> case_manager,
                     platform::Instant now) {
    // CRNs for people recorded in onecase use the letter N; the highest one gives the
    // next serial (the UNIQUE constraint catches a concurrent writer).
    constexpr char kLetter = 'N';
    auto rows = conn.query("SELECT MAX(crn) FROM people WHERE crn >= ? AND crn <= ?",
                           {std::string(1, kLetter) + "000000", std::string(1, kLetter) + "999999"});
    std::uint32_t next = 1;
    if (!rows.empty() && !rows[0].is_null(0)) next = static_cast<std::uint32_t>(std::stoul(rows[0].text(0).substr(1))) + 1;
    if (next > 999999) throw std::runtime_error("no CRN serials left for letter N");
    const std::string crn = platform::make_crn(kLetter, next);
    conn.execute(
        "INSERT INTO people (crn, first_name, middle_names, last_name, date_of_birth, gender, pnc, noms, phone, "
        "email, case_manager_staff_id, tier, current_case, created_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1, ?, 1)",
        {crn, p.first_name, p.middle_names, p.last_name, p.date_of_birth, p.gender, db::optional_value(p.pnc),
         db::optional_value(p.noms), p.phone, p.email, db::optional_value(case_manager), platform::format_instant(now)});
    auto created = *find_by_crn(conn, crn);
    // The name is searchable from the same commit as the person.
    add_person_name(conn, created.id, "current", created.first_name, created.last_name, now);
    return created;
}

void set_allocation_team(db::Connection& conn, std::int64_t person_id, std::int64_t team_id) {
    conn.execute("UPDATE people SET allocation_team_id = ? WHERE id = ?", {team_id, person_id});
}

}  // namespace onecase::people
