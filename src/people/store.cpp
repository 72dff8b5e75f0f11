#include "people/store.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

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

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
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

std::vector<Person> search(db::Connection& conn, const std::string& query, int limit) {
    std::string q = query;
    q.erase(0, q.find_first_not_of(" \t"));
    q.erase(q.find_last_not_of(" \t") + 1);
    if (q.empty()) return {};
    std::string upper = q;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));

    static const std::string by_crn = std::string("SELECT ") + kColumns + " FROM people WHERE crn = ?";
    if (platform::is_valid_crn(upper)) return to_people(conn.query(by_crn, {upper}));
    if (auto pnc = platform::normalise_pnc(q)) {
        static const std::string sql = std::string("SELECT ") + kColumns + " FROM people WHERE pnc = ? LIMIT ?";
        return to_people(conn.query(sql, {*pnc, std::int64_t{limit}}));
    }
    if (auto noms = platform::normalise_noms(q)) {
        static const std::string sql = std::string("SELECT ") + kColumns + " FROM people WHERE noms = ? LIMIT ?";
        return to_people(conn.query(sql, {*noms, std::int64_t{limit}}));
    }

    // Names: "surname", "forename surname" or "surname, forename".
    std::vector<std::string> words;
    {
        std::string cleaned = q;
        std::replace(cleaned.begin(), cleaned.end(), ',', ' ');
        std::istringstream in(cleaned);
        std::string w;
        while (in >> w) words.push_back(lower(w));
    }
    static const std::string by_surname = std::string("SELECT ") + kColumns +
        " FROM people WHERE lower(last_name) LIKE ? ORDER BY current_case DESC, last_name, first_name LIMIT ?";
    static const std::string by_both = std::string("SELECT ") + kColumns +
        " FROM people WHERE (lower(last_name) LIKE ? AND lower(first_name) LIKE ?)"
        " OR (lower(last_name) LIKE ? AND lower(first_name) LIKE ?)"
        " ORDER BY current_case DESC, last_name, first_name LIMIT ?";
    auto escape_like = [](const std::string& s) {
        std::string out;
        for (char c : s) {
            if (c == '%' || c == '_') continue;
            out += c;
        }
        return out + "%";
    };
    if (words.size() == 1) {
        return to_people(conn.query(by_surname, {escape_like(words[0]), std::int64_t{limit}}));
    }
    const std::string a = escape_like(words.front());
    const std::string b = escape_like(words.back());
    return to_people(conn.query(by_both, {b, a, a, b, std::int64_t{limit}}));
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
    return *find_by_crn(conn, crn);
}

}  // namespace onecase::people
