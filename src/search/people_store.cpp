#include "search/people_store.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "people/name_keys.hpp"
#include "search/edit_variants.hpp"

namespace onecase::search {
namespace {

void add_ids(std::vector<std::int64_t>& out, const db::Rows& rows) {
    for (const auto& r : rows) out.push_back(r.int64(0));
}

// How far a typed word may be from an indexed one, closest first: the passes run in
// this order, so that looser matches fill only the room the closer ones leave.
enum class WordMatch {
    exact,     // the word itself: what the ranking calls an exact name
    whole,     // as `exact`, or its sound key or its letters in any order
    prefix,    // as `whole`, or any indexed word it begins (as you type)
    one_edit,  // as `whole`, or any indexed word one slip away (Smitb, Smih)
    any,       // any of these
};

bool takes_prefixes(WordMatch how) { return how == WordMatch::prefix || how == WordMatch::any; }

std::vector<std::string> keys_for(const std::string& w, WordMatch how) {
    std::vector<std::string> keys{"t:" + w};
    if (how == WordMatch::exact) return keys;
    if (auto k = people::sound_key(w); k.size() >= 2) keys.push_back("p:" + k);
    if (w.size() >= 3) keys.push_back("s:" + people::sorted_letters(w));
    // Under three letters a slip could be anything; the ranking does not guess either.
    if ((how == WordMatch::one_edit || how == WordMatch::any) && w.size() >= 3) {
        for (const auto& v : one_edit_variants(w)) keys.push_back("t:" + v);
    }
    return keys;
}

// Which keys a pass reads. The keys carry their person's current_case, the region whose
// staff may see the case (0 for an unallocated case, which anyone may see) and its case
// manager (migration 0017), so the index alone answers. Regions are access::can_read_case
// without the case's lists, which the access check applies afterwards.
struct Narrowing {
    bool current = true;
    std::optional<SearchScope> scope;
    bool own_cases_only = false;  // the scope's staff member's current cases
};

// After a range on name_key the narrowing columns are filters, written `+column` so
// that they cannot be used to seek. Otherwise SQLite, given sampled statistics
// (analysis_limit) that overstate the rows per key, may skip-scan every distinct
// name_key to seek on them: 100 ms instead of 1 for a prefix on the national set.
// A caller's own cases are the exception: the index keyed by case manager first
// (migration 0022) holds them together, and seeking on it reads a few pages where the
// name index read one per key.
std::string narrowing_sql(const Narrowing& n, db::Params& params, bool after_range = false) {
    const std::string f = after_range && !n.own_cases_only ? "+" : "";
    params.emplace_back(std::int64_t{n.current ? 1 : 0});
    std::string sql = " AND " + f + "current_case = ?";
    if (!n.scope) return sql;
    params.emplace_back(n.scope->region_id);
    if (!n.own_cases_only) return sql + " AND " + f + "scope_region IN (0, ?)";
    params.emplace_back(n.scope->staff_id);
    return sql + " AND " + f + "scope_region = ? AND " + f + "case_manager_staff_id = ?";
}

// A PostgreSQL array literal of the keys, each quoted.
std::string text_array_literal(const std::vector<std::string>& items) {
    std::string out = "{";
    for (const auto& item : items) {
        if (out.size() > 1) out += ',';
        out += '"';
        for (char c : item) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

// The keys as a set to join on, for the caller's own cases on PostgreSQL. A prepared
// statement there soon runs a generic plan, in which `IN (?, ?, …)` is no hashed set
// but a list each of a practitioner's few hundred keys is compared with in turn: for a
// one-slip pass's 290 keys, 85,000 comparisons and 1.9 ms on the national set. Joined
// as an array, the same rows are matched in 0.1 ms. The passes over everyone's keys
// keep the list: there each key is a seek of its own, as fast either way.
std::string own_keys_joined(const std::vector<std::string>& keys, const Narrowing& n, db::Params& params) {
    params.emplace_back(text_array_literal(keys));
    return "SELECT person_id FROM unnest(CAST(? AS TEXT[])) AS typed(key) JOIN person_name_keys ON name_key = typed.key "
           "WHERE TRUE" + narrowing_sql(n, params);
}

// One word's candidates: every key it may match, looked up in the one index.
std::string word_clause(db::Dialect dialect, const std::string& w, WordMatch how, const Narrowing& n, db::Params& params) {
    const auto keys = keys_for(w, how);
    std::string sql;
    if (n.own_cases_only && dialect == db::Dialect::postgres) {
        sql = own_keys_joined(keys, n, params);
    } else {
        sql = "SELECT person_id FROM person_name_keys WHERE name_key IN (";
        for (std::size_t i = 0; i < keys.size(); ++i) {
            sql += i == 0 ? "?" : ", ?";
            params.emplace_back(keys[i]);
        }
        sql += ")" + narrowing_sql(n, params);
    }
    if (!takes_prefixes(how)) return sql;
    params.emplace_back("t:" + w);
    params.emplace_back("t:" + w + "\x7f");
    sql += " UNION ALL SELECT person_id FROM person_name_keys WHERE name_key >= ? AND name_key < ?" + narrowing_sql(n, params, true);
    return "SELECT person_id FROM (" + sql + ") prefixed";
}

std::vector<std::int64_t> by_name_keys(db::Connection& conn, const std::vector<std::string>& words, WordMatch how,
                                       const Narrowing& n, std::int64_t limit) {
    db::Params params;
    std::string sql;
    for (const auto& w : words) {
        if (w.size() < 2) continue;  // an initial narrows nothing on its own
        if (!sql.empty()) sql += " INTERSECT ";
        sql += word_clause(conn.dialect(), w, how, n, params);
    }
    if (sql.empty()) return {};
    params.emplace_back(limit);
    std::vector<std::int64_t> out;
    add_ids(out, conn.query("SELECT person_id FROM (" + sql + ") k LIMIT ?", params));
    return out;
}

// The caller's own current cases that match by any word key: they rank first within
// their class, and a class's candidates are a sample when it holds more people than
// the limit, so they are gathered on their own.
std::vector<std::int64_t> own_cases_by_name_keys(db::Connection& conn, const std::vector<std::string>& words,
                                                 const std::optional<SearchScope>& scope) {
    if (!scope) return {};
    return by_name_keys(conn, words, WordMatch::any, Narrowing{true, scope, true}, kCandidateLimit);
}

// In the ranking's order, as far as the index can tell it: exact names before
// sound-alikes and slips, and within each current cases before old ones. So a common
// surname's limit is filled with the people who would be listed first, and the
// looser passes run only while there is room. Candidates are still a sample when a
// class holds more people than the limit (the ranking orders the sample).
//
// When two or more words already found someone, the prefix and one-slip passes stop
// there: each is an INTERSECT of every person holding a common word or its neighbours
// (tens of milliseconds for "stacey scott" at national scale) and adds only what
// ranks below the people found. A single word keeps them (they are cheap without the
// INTERSECT, and "smit" typed on the way to "smith" must still find the Smiths).
std::vector<std::int64_t> by_name_keys(db::Connection& conn, const std::vector<std::string>& words,
                                       const std::optional<SearchScope>& scope, std::int64_t limit) {
    const auto indexed_words = std::count_if(words.begin(), words.end(), [](const std::string& w) { return w.size() >= 2; });
    std::vector<std::int64_t> out;
    std::unordered_set<std::int64_t> seen;
    for (const auto how : {WordMatch::exact, WordMatch::whole, WordMatch::prefix, WordMatch::one_edit}) {
        if (how >= WordMatch::prefix && indexed_words > 1 && !out.empty()) break;
        for (const bool current : {true, false}) {
            if (static_cast<std::int64_t>(out.size()) >= limit) return out;
            // A looser pass finds the closer passes' people again: ask for the whole
            // limit, so that the new ones still fill the room left.
            for (auto id : by_name_keys(conn, words, how, Narrowing{current, scope}, limit)) {
                if (static_cast<std::int64_t>(out.size()) < limit && seen.insert(id).second) out.push_back(id);
            }
        }
    }
    return out;
}

std::vector<std::int64_t> by_trigrams(db::Connection& conn, const std::vector<std::string>& words) {
    if (conn.dialect() == db::Dialect::sqlite) {
        const auto expr = trigram_match_expression(words);
        if (expr.empty()) return {};
        std::vector<std::int64_t> out;
        add_ids(out, conn.query("SELECT n.person_id FROM (SELECT rowid FROM person_names_fts WHERE person_names_fts MATCH ? "
                                "ORDER BY rank LIMIT ?) f JOIN person_names n ON n.id = f.rowid",
                                {expr, std::int64_t{kTrigramCandidateLimit}}));
        return out;
    }
    std::string text;
    for (const auto& w : words) {
        if (w.size() < 3) continue;
        if (!text.empty()) text += ' ';
        text += w;
    }
    if (text.empty()) return {};
    // Word similarity: the typed text against the closest run of words in the name.
    // 0.4 admits one wrong letter in a five-letter name and two in a twelve-letter one
    // (Penmywhistke for Pennywhistle: 0.44), as the FTS5 trigram match does on SQLite;
    // the ranking decides.
    conn.query("SELECT set_config('pg_trgm.word_similarity_threshold', '0.4', true)");
    std::vector<std::int64_t> out;
    add_ids(out, conn.query("SELECT person_id FROM person_names WHERE ? <% search_text "
                            "ORDER BY word_similarity(?, search_text) DESC LIMIT ?",
                            {text, text, std::int64_t{kTrigramCandidateLimit}}));
    return out;
}

// Whether the words (or their sound-alikes) are anyone's at all, wherever their case
// is held. When they are, the person typed is most likely one the caller may not see,
// and the trigram index would only rank two-slip neighbours of visible people.
bool anyone_has_the_words(db::Connection& conn, const std::vector<std::string>& words) {
    for (const auto how : {WordMatch::exact, WordMatch::whole}) {
        for (const bool current : {true, false}) {
            if (!by_name_keys(conn, words, how, Narrowing{current, std::nullopt}, 1).empty()) return true;
        }
    }
    return false;
}

// The word keys first; the trigram index only when they found nobody the caller could
// be shown and the words are nobody's anywhere, because it is
// the slowest way (every name sharing a trigram is ranked: a third of a second for a
// long common surname at national scale) and adds only what ranks below everything
// the keys find: two slips in a long name.
void add_name_candidates(db::Connection& conn, const std::vector<std::string>& words, const std::optional<SearchScope>& scope,
                         std::int64_t limit, std::vector<std::int64_t>& ids) {
    auto by_keys = by_name_keys(conn, words, scope, limit);
    for (auto id : own_cases_by_name_keys(conn, words, scope)) by_keys.push_back(id);
    if (by_keys.empty() && !anyone_has_the_words(conn, words)) {
        auto more = by_trigrams(conn, words);
        ids.insert(ids.end(), more.begin(), more.end());
    }
    ids.insert(ids.end(), by_keys.begin(), by_keys.end());
}

}  // namespace

std::int64_t name_candidate_limit(int wanted) {
    return std::clamp<std::int64_t>(std::int64_t{wanted} * kNameCandidatesPerResult, kNameCandidateFloor, kCandidateLimit);
}

std::string trigram_match_expression(const std::vector<std::string>& words) {
    std::string expr;
    for (const auto& w : words) {
        if (w.size() < 3) continue;
        std::string any;
        for (std::size_t i = 0; i + 3 <= w.size(); ++i) {
            if (!any.empty()) any += " OR ";
            any += '"' + w.substr(i, 3) + '"';  // words hold only [a-z0-9]: nothing to escape
        }
        if (!expr.empty()) expr += " AND ";
        expr += "(" + any + ")";
    }
    return expr;
}

std::vector<std::int64_t> candidate_people(db::Connection& conn, const PeopleQuery& q, const std::optional<SearchScope>& scope,
                                           int wanted) {
    std::vector<std::int64_t> ids;
    const std::int64_t limit = kCandidateLimit;
    if (q.crn) add_ids(ids, conn.query("SELECT id FROM people WHERE crn = ?", {*q.crn}));
    if (q.pnc) add_ids(ids, conn.query("SELECT id FROM people WHERE pnc = ? LIMIT ?", {*q.pnc, limit}));
    if (q.noms) add_ids(ids, conn.query("SELECT id FROM people WHERE noms = ? LIMIT ?", {*q.noms, limit}));
    if (!q.has_identifier()) {
        if (q.date_of_birth) {
            // A date of birth narrows further than any name; the ranking checks the name.
            add_ids(ids, conn.query("SELECT id FROM people WHERE date_of_birth = ? LIMIT ?", {*q.date_of_birth, limit}));
        } else if (!q.words.empty()) {
            add_name_candidates(conn, q.words, scope, name_candidate_limit(wanted), ids);
        }
        if (scope && q.date_of_birth) {
            add_ids(ids, conn.query("SELECT id FROM people WHERE case_manager_staff_id = ? AND current_case = 1 AND date_of_birth = ?",
                                    {scope->staff_id, *q.date_of_birth}));
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

}  // namespace onecase::search
