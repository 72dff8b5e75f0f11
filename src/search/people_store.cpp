#include "search/people_store.hpp"

#include <algorithm>
#include <string>

#include "people/name_keys.hpp"
#include "search/edit_variants.hpp"

namespace onecase::search {
namespace {

void add_ids(std::vector<std::int64_t>& out, const db::Rows& rows) {
    for (const auto& r : rows) out.push_back(r.int64(0));
}

// How far a typed word may be from an indexed one.
enum class WordMatch {
    whole,     // the word, its sound key or its letters in any order
    prefix,    // as `whole`, or any indexed word it begins (as you type)
    one_edit,  // as `whole`, or any indexed word one slip away (Smitb, Smih)
};

// One word's candidates: every key it may match, looked up in the one index.
std::string word_clause(const std::string& w, WordMatch how, db::Params& params) {
    std::vector<std::string> keys{"t:" + w};
    if (auto k = people::sound_key(w); k.size() >= 2) keys.push_back("p:" + k);
    if (w.size() >= 3) keys.push_back("s:" + people::sorted_letters(w));
    // Under three letters a slip could be anything; the ranking does not guess either.
    if (how == WordMatch::one_edit && w.size() >= 3) {
        for (const auto& v : one_edit_variants(w)) keys.push_back("t:" + v);
    }
    std::string sql = "SELECT person_id FROM person_name_keys WHERE ";
    if (how == WordMatch::prefix) {
        params.emplace_back("t:" + w);
        params.emplace_back("t:" + w + "\x7f");
        sql += "(name_key >= ? AND name_key < ?) OR ";
    }
    sql += "name_key IN (";
    for (std::size_t i = 0; i < keys.size(); ++i) {
        sql += i == 0 ? "?" : ", ?";
        params.emplace_back(std::move(keys[i]));
    }
    return sql + ")";
}

std::vector<std::int64_t> by_name_keys(db::Connection& conn, const std::vector<std::string>& words, WordMatch how,
                                       std::int64_t limit) {
    db::Params params;
    std::string sql;
    for (const auto& w : words) {
        if (w.size() < 2) continue;  // an initial narrows nothing on its own
        if (!sql.empty()) sql += " INTERSECT ";
        sql += word_clause(w, how, params);
    }
    if (sql.empty()) return {};
    params.emplace_back(limit);
    std::vector<std::int64_t> out;
    add_ids(out, conn.query("SELECT person_id FROM (" + sql + ") k LIMIT ?", params));
    return out;
}

// Closest first, so that names which merely begin with a typed word (Smithson for
// "smith"), or are one slip from it, cannot crowd the exact and sound-alike ones out
// of the limit.
//
// When two or more whole words already found someone, the looser passes stop there:
// each is an INTERSECT of every person holding a common word or its neighbours (tens
// of milliseconds for "stacey scott" at national scale) and adds only what ranks below
// the people found. A single word keeps them (they are cheap without the INTERSECT, and
// "smit" typed on the way to "smith" must still find the Smiths).
std::vector<std::int64_t> by_name_keys(db::Connection& conn, const std::vector<std::string>& words) {
    const auto indexed_words = std::count_if(words.begin(), words.end(), [](const std::string& w) { return w.size() >= 2; });
    std::vector<std::int64_t> out;
    for (const auto how : {WordMatch::whole, WordMatch::prefix, WordMatch::one_edit}) {
        const auto room = kCandidateLimit - static_cast<std::int64_t>(out.size());
        if (room <= 0 || (how != WordMatch::whole && indexed_words > 1 && !out.empty())) break;
        auto more = by_name_keys(conn, words, how, room);
        out.insert(out.end(), more.begin(), more.end());
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
    // 0.45 admits one wrong letter in a five-letter name; the ranking decides.
    conn.query("SELECT set_config('pg_trgm.word_similarity_threshold', '0.45', true)");
    std::vector<std::int64_t> out;
    add_ids(out, conn.query("SELECT person_id FROM person_names WHERE ? <% search_text "
                            "ORDER BY word_similarity(?, search_text) DESC LIMIT ?",
                            {text, text, std::int64_t{kTrigramCandidateLimit}}));
    return out;
}

// The word keys first; the trigram index only when they found nobody, because it is
// the slowest way (every name sharing a trigram is ranked: a third of a second for a
// long common surname at national scale) and adds only what ranks below everything
// the keys find: two slips in a long name.
void add_name_candidates(db::Connection& conn, const std::vector<std::string>& words, std::vector<std::int64_t>& ids) {
    auto by_keys = by_name_keys(conn, words);
    std::sort(by_keys.begin(), by_keys.end());
    by_keys.erase(std::unique(by_keys.begin(), by_keys.end()), by_keys.end());
    if (by_keys.empty()) {
        auto more = by_trigrams(conn, words);
        ids.insert(ids.end(), more.begin(), more.end());
    }
    ids.insert(ids.end(), by_keys.begin(), by_keys.end());
}

}  // namespace

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

std::vector<std::int64_t> candidate_people(db::Connection& conn, const PeopleQuery& q,
                                           std::optional<std::int64_t> own_staff_id) {
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
            add_name_candidates(conn, q.words, ids);
        }
        if (own_staff_id && (q.date_of_birth || !q.words.empty())) {
            add_ids(ids, conn.query("SELECT id FROM people WHERE case_manager_staff_id = ? AND current_case = 1",
                                    {*own_staff_id}));
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

}  // namespace onecase::search
