// Search on both databases: a table of people searches (misspellings, sound-alikes,
// aliases, hyphens, apostrophes, dates, identifiers) with the expected first result;
// restricted cases never leak; a contact saved is searchable at once; case-history
// search stems, takes phrases, highlights safely, filters and hides sensitive notes.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "contacts/store.hpp"
#include "demo/demo_data.hpp"
#include "people/names_store.hpp"
#include "people/store.hpp"
#include "platform/crypto.hpp"
#include "platform/identifiers.hpp"
#include "search/history_store.hpp"
#include "search/people_store.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;

std::string url_encode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// People the tests add, with names no demo person has.
struct Known {
    std::string zebedee, kathryn, mary, jon, own, spos, old;
};

class Search : public SharedServiceTest {
protected:
    RunningService& service() { return shared_service("onecase_search"); }
    HttpResult call(const std::string& user, const std::string& method, const std::string& path, const std::string& body = "") {
        return http_request(service().port(), method, path,
                            {{"Authorization", "Bearer " + service().token_for(user)}, {"Content-Type", "application/json"}},
                            body);
    }
    json::array people(const std::string& user, const std::string& q) {
        auto r = call(user, "GET", "/api/v1/people?q=" + url_encode(q));
        EXPECT_EQ(r.status, 200) << r.body;
        return json::parse(r.body).at("results").as_array();
    }
    std::int64_t staff_of(const std::string& username) {
        auto conn = service().database().acquire();
        return conn->query("SELECT staff_id FROM users WHERE username = ?", {username}).at(0).int64(0);
    }
    search::SearchScope scope_of(const std::string& username) {
        auto conn = service().database().acquire();
        auto r = conn->query("SELECT s.id, d.region_id FROM users u JOIN staff s ON s.id = u.staff_id JOIN teams t ON t.id = s.team_id "
                             "JOIN pdus d ON d.id = t.pdu_id WHERE u.username = ?",
                             {username});
        return search::SearchScope{r.at(0).int64(0), r.at(0).int64(1)};
    }
    std::string add(const std::string& first, const std::string& last, const std::string& dob, std::optional<std::int64_t> cm,
                    std::optional<std::string> pnc = std::nullopt, std::optional<std::string> noms = std::nullopt) {
        return db::write_transaction(service().database(), [&](db::Connection& conn) {
            people::NewPerson p{first, "", last, dob, "Female", pnc, noms, "", ""};
            return people::create_person(conn, p, cm, platform::SystemClock().now()).crn;
        });
    }
    void add_name(const std::string& crn, const std::string& kind, const std::string& first, const std::string& last) {
        db::write_transaction(service().database(), [&](db::Connection& conn) {
            auto p = people::find_by_crn(conn, crn);
            people::add_person_name(conn, p->id, kind, first, last, platform::SystemClock().now());
        });
    }
    const Known& known() {
        static std::map<std::string, Known> made;
        auto& k = made[GetParam()];
        // A suite's service is new each time: make the people again if this one lacks them.
        if (!k.zebedee.empty() && service().database().acquire()->query("SELECT 1 FROM people WHERE crn = ? AND last_name = 'Quixtarr'", {k.zebedee}).size() == 1) {
            return k;
        }
        const auto po = staff_of("demo.po");
        const auto spo = staff_of("demo.spo");
        k.zebedee = add("Zebedee", "Quixtarr", "1990-07-03", po, pnc(), std::string("Q1234ZZ"));
        k.kathryn = add("Kathryn", "O'Flannery", "1985-03-12", po);
        k.mary = add("Mary", "Featherstone-Huxley", "1979-05-05", po);
        add_name(k.mary, "alias", "Molly", "Featherstone");
        add_name(k.mary, "previous", "Mary", "Pennywhistle");
        k.jon = add("Jon", "Smythington", "1970-01-01", po);
        // Three people of one name: demo.po's own, their SPO's, and an old unallocated case.
        k.spos = add("Ulric", "Vandersloot", "1980-01-01", spo);
        k.old = add("Ulric", "Vandersloot", "1981-01-01", std::nullopt);
        k.own = add("Ulric", "Vandersloot", "1982-01-01", po);
        auto conn = service().database().acquire();
        conn->execute("UPDATE people SET current_case = 0 WHERE crn = ?", {k.old});
        return k;
    }
    static std::string pnc() { return std::string("2011/0004242") + platform::pnc_check_letter(11, 4242); }
};

TEST_P(Search, TableOfSearchesFindsTheRightPersonFirst) {
    const auto& k = known();
    const std::string check(1, pnc().back());
    struct Row { std::string typed; std::string first; };
    for (const auto& r : std::vector<Row>{
             {"Quixtarr", k.zebedee},
             {"quixtar", k.zebedee},                 // a letter missing
             {"Qiuxtarr", k.zebedee},                // transposed
             {"Quixtorr", k.zebedee},                // a letter wrong
             {"Quixtarrs", k.zebedee},               // a letter too many
             {"zebedee quixtorr", k.zebedee},        // a letter wrong, with a forename
             {"Penmywhistke", k.mary},               // two letters wrong in a long name (trigrams)
             {"Quickstarr", k.zebedee},              // sounds the same
             {"zebedee quixtarr", k.zebedee},
             {"Quixtarr, Zebedee", k.zebedee},       // surname first
             {"quixtarr 03/07/1990", k.zebedee},
             {"3 Jul 1990 zebedee quixtarr", k.zebedee},
             {"1990-07-03 quixtarr", k.zebedee},
             {"Quix", k.zebedee},                    // as you type
             {k.zebedee, k.zebedee},                 // CRN
             {pnc(), k.zebedee},                     // PNC as stored
             {"11/4242" + check, k.zebedee},         // short form
             {"2011/0004242", k.zebedee},            // no check letter
             {"20110004242" + check, k.zebedee},     // no slash
             {"q1234zz", k.zebedee},                 // NOMS
             {"Catherine O'Flannery", k.kathryn},    // sound-alike forename
             {"kathryn oflannery", k.kathryn},       // no apostrophe
             {"O Flannery", k.kathryn},
             {"Featherstone-Huxley", k.mary},
             {"huxley mary", k.mary},                // one part of the double-barrelled name, any order
             {"featherstone huxley", k.mary},
             {"Molly Featherstone", k.mary},         // alias
             {"pennywhistle", k.mary},               // previous name
             {"Smithington", k.jon},                 // Smith/Smyth
             {"Vandersloot", k.own},                 // own caseload first
         }) {
        auto results = people("demo.po", r.typed);
        ASSERT_FALSE(results.empty()) << r.typed;
        EXPECT_EQ(results[0].at("crn").as_string(), r.first) << r.typed;
    }
}

TEST_P(Search, ResultsShowWhatAPractitionerNeedsAndRankCurrentBeforeOld) {
    const auto& k = known();
    auto results = people("demo.po", "ulric vandersloot");
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[0].at("crn").as_string(), k.own);
    EXPECT_EQ(results[1].at("crn").as_string(), k.spos);
    EXPECT_EQ(results[2].at("crn").as_string(), k.old);
    EXPECT_FALSE(results[2].at("currentCase").as_bool());
    const auto& first = results[0].as_object();
    EXPECT_EQ(first.at("access").as_string(), "open");
    EXPECT_EQ(first.at("dateOfBirth").as_string(), "1982-01-01");
    EXPECT_EQ(first.at("match").as_string(), "exact");
    EXPECT_FALSE(first.at("caseManager").at("teamName").as_string().empty());
    EXPECT_TRUE(first.contains("tier"));
    // The SPO's own case comes first for them.
    auto spo = people("demo.spo", "ulric vandersloot");
    ASSERT_FALSE(spo.empty());
    EXPECT_EQ(spo[0].at("crn").as_string(), k.spos);
    auto alias = people("demo.po", "molly featherstone");
    EXPECT_EQ(alias[0].at("matchedName").at("kind").as_string(), "alias");
    // limit is honoured.
    auto r = call("demo.po", "GET", "/api/v1/people?q=vandersloot&limit=1");
    EXPECT_EQ(json::parse(r.body).at("results").as_array().size(), 1u);
    EXPECT_EQ(call("demo.po", "GET", "/api/v1/people?q=x&limit=0").status, 422);
}

TEST_P(Search, RestrictedCasesShowOnlyThatTheyExistAndWhomToAsk) {
    // demo.po's first case is restricted to demo.po and the SPO (the demo data).
    std::string crn, last, first;
    {
        auto conn = service().database().acquire();
        auto rows = conn->query("SELECT p.crn, p.last_name, p.first_name FROM people p JOIN case_access_lists l ON l.person_id = p.id "
                                "WHERE l.kind = 'restriction' AND l.removed_at IS NULL LIMIT 1");
        ASSERT_FALSE(rows.empty());
        crn = rows[0].text(0);
        last = rows[0].text(1);
        first = rows[0].text(2);
    }
    const auto colleague = [&] {
        auto conn = service().database().acquire();
        auto staff = conn->query(
            "SELECT s.id FROM staff s JOIN staff po ON po.team_id = s.team_id JOIN users u ON u.staff_id = po.id "
            "WHERE u.username = 'demo.po' AND s.id <> po.id AND s.grade IN ('PO', 'PSO') "
            "AND s.id NOT IN (SELECT staff_id FROM users WHERE staff_id IS NOT NULL) ORDER BY s.id LIMIT 1");
        conn->execute("INSERT INTO users (username, password_hash, role, staff_id, active, created_at) "
                      "VALUES ('search.colleague', ?, 'practitioner', ?, 1, '2026-01-01T00:00:00Z')",
                      {platform::hash_password("colleague-password"), staff.at(0).int64(0)});
        return std::string("search.colleague");
    }();
    for (const std::string& q : {crn, first + " " + last}) {
        auto r = call(colleague, "GET", "/api/v1/people?q=" + url_encode(q));
        ASSERT_EQ(r.status, 200);
        bool seen = false;
        const auto parsed = json::parse(r.body);
        for (const auto& v : parsed.at("results").as_array()) {
            if (v.at("crn").as_string() != crn) continue;
            seen = true;
            const auto& o = v.as_object();
            EXPECT_EQ(o.at("access").as_string(), "ask-owner") << q;
            EXPECT_FALSE(o.contains("dateOfBirth"));
            EXPECT_FALSE(o.contains("lastName"));
            EXPECT_NE(std::string(o.at("message").as_string()).find("ask its owner"), std::string::npos);
            EXPECT_EQ(std::string(o.at("message").as_string()).find(last), std::string::npos) << "no name";
        }
        EXPECT_TRUE(seen) << q;
    }
    // The page says the same, without the name.
    Browser b(service().port());
    b.sign_in(colleague, "colleague-password");
    auto page = b.get("/search?q=" + url_encode(first + " " + last));
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("A case exists: " + crn + ". Ask its owner"), std::string::npos);
    EXPECT_EQ(page.body.find("/cases/" + crn), std::string::npos) << "no link into it";
    // demo.po and the SPO are on the list: they see it in full.
    auto own = people("demo.po", crn);
    ASSERT_EQ(own.size(), 1u);
    EXPECT_EQ(own[0].at("access").as_string(), "open");
    // Someone in another region does not learn it exists.
    const auto other = people("demo.other", crn);
    for (const auto& v : other) EXPECT_NE(v.at("crn").as_string(), crn);
    // Every search is audited with its words and result count.
    auto conn = service().database().acquire();
    EXPECT_GE(conn->query("SELECT COUNT(*) FROM audit_log WHERE action = 'search' AND detail LIKE ?", {"q=" + crn + " results=%"})
                  .at(0)
                  .int64(0),
              3);
}

TEST_P(Search, SearchPageWithoutScriptShowsTheSameRankedResults) {
    const auto& k = known();
    Browser b(service().port());
    b.sign_in("demo.po", demo::kDemoPassword);
    auto page = b.get("/search?q=Qiuxtarr");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Quixtarr, Zebedee"), std::string::npos);
    EXPECT_NE(page.body.find(k.zebedee), std::string::npos);
    EXPECT_NE(page.body.find(platform::display_date(*platform::parse_date("1990-07-03"))), std::string::npos);
    auto alias = b.get("/search?q=pennywhistle");
    EXPECT_NE(alias.body.find("Previously Mary Pennywhistle"), std::string::npos);
}

TEST_P(Search, AShortWordWithASlipIsFoundOneEditAway) {
    // "Bez" shares no trigram, sound key or letters with "Bex": only the words one edit
    // away find it. The SPO holds the case, so it is not among demo.po's own candidates.
    const auto crn = add("Bex", "Pomfrey", "1991-02-03", staff_of("demo.spo"));
    auto results = people("demo.po", "Bez Pomfrey");
    ASSERT_FALSE(results.empty());
    EXPECT_EQ(results[0].at("crn").as_string(), crn);
    EXPECT_EQ(results[0].at("match").as_string(), "close");
}

TEST_P(Search, NameCandidatesAreTheCallersOwnThenCurrentCasesFirstAndOnlyPeopleTheyCouldBeShown) {
    const auto scope = scope_of("demo.po");
    const auto spo = staff_of("demo.spo");
    std::int64_t elsewhere = 0;
    {
        auto conn = service().database().acquire();
        auto r = conn->query("SELECT s.id FROM staff s JOIN teams t ON t.id = s.team_id JOIN pdus d ON d.id = t.pdu_id "
                             "WHERE d.region_id <> ? ORDER BY s.id LIMIT 1",
                             {scope.region_id});
        ASSERT_EQ(r.size(), 1u) << "the demo data has staff in another region";
        elsewhere = r.at(0).int64(0);
    }
    // More old cases of one name than the candidate limit, recorded before the one
    // current case, so that taking candidates in id order would miss it.
    const int old_cases = static_cast<int>(search::name_candidate_limit(20)) + 5;
    const auto started = platform::SystemClock().now();
    db::write_transaction(service().database(), [&](db::Connection& conn) {
        for (int i = 0; i < old_cases; ++i) {
            people::NewPerson p{"Ysolde", "", "Marchbanks", "1970-01-01", "Female", std::nullopt, std::nullopt, "", ""};
            const auto crn = people::create_person(conn, p, spo, started).crn;
            conn.execute("UPDATE people SET current_case = 0 WHERE crn = ?", {crn});
        }
        return 0;
    });
    const auto current = add("Ysolde", "Marchbanks", "1990-01-01", spo);
    // The caller's own case, one slip away: the exact matches fill the limit before the
    // one-slip pass, but the caller's own cases are gathered by every key on their own.
    const auto own = add("Ysolde", "Marchbank", "1993-01-01", scope.staff_id);
    const auto own_unmatched = add("Ysolde", "Pennyfeather", "1994-01-01", scope.staff_id);
    const auto unallocated = add("Ysolde", "Marchbanks", "1991-01-01", std::nullopt);
    const auto other_region = add("Ysolde", "Marchbanks", "1992-01-01", elsewhere);
    auto conn = service().database().acquire();
    const auto id_of = [&](const std::string& crn) { return conn->query("SELECT id FROM people WHERE crn = ?", {crn}).at(0).int64(0); };
    const auto q = search::parse_people_query("marchbanks", 2026);
    const auto ids = search::candidate_people(*conn, q, scope, 20);
    const auto has = [&](const std::string& crn) { return std::find(ids.begin(), ids.end(), id_of(crn)) != ids.end(); };
    EXPECT_TRUE(has(current));
    EXPECT_TRUE(has(unallocated));
    EXPECT_FALSE(has(other_region)) << "a case the access check would hide does not take a candidate's place";
    EXPECT_TRUE(has(own));
    EXPECT_FALSE(has(own_unmatched)) << "own cases that match no key are not loaded for the ranking to drop";
    EXPECT_TRUE(search::candidate_people(*conn, q, std::nullopt, 20).size() <= static_cast<std::size_t>(search::name_candidate_limit(20)));
    EXPECT_TRUE(people("demo.po", "marchbanks").size() >= 20u);
    EXPECT_EQ(people("demo.po", "marchbanks")[0].at("crn").as_string(), current < unallocated ? current : unallocated);
    for (const auto& r : people("demo.po", "marchbanks")) EXPECT_NE(r.at("crn").as_string(), other_region);

    // The keys follow the case: reallocated into the caller's region, then ended.
    conn->execute("UPDATE people SET case_manager_staff_id = ? WHERE crn = ?", {spo, other_region});
    EXPECT_TRUE(std::ranges::count(search::candidate_people(*conn, q, scope, 20), id_of(other_region)) == 1);
    conn->execute("UPDATE people SET current_case = 0 WHERE crn = ?", {current});
    const auto keys = conn->query(
        "SELECT DISTINCT current_case, scope_region, case_manager_staff_id FROM person_name_keys WHERE person_id = ?",
        {id_of(current)});
    ASSERT_EQ(keys.size(), 1u);
    EXPECT_EQ(keys[0].int64(0), 0);
    EXPECT_EQ(keys[0].int64(1), scope.region_id);
    EXPECT_EQ(keys[0].int64(2), spo);
    conn->execute("UPDATE people SET case_manager_staff_id = NULL WHERE crn = ?", {current});
    EXPECT_EQ(conn->query("SELECT DISTINCT scope_region FROM person_name_keys WHERE person_id = ?", {id_of(current)}).at(0).int64(0), 0)
        << "unallocated: anyone may see it";

    // ...and when their case manager moves to a team in the caller's region.
    const auto moved = add("Ysolde", "Marchbanks", "1995-01-01", elsewhere);
    const auto old_team = conn->query("SELECT team_id FROM staff WHERE id = ?", {elsewhere}).at(0).int64(0);
    const auto po_team = conn->query("SELECT team_id FROM staff WHERE id = ?", {scope.staff_id}).at(0).int64(0);
    EXPECT_EQ(std::ranges::count(search::candidate_people(*conn, q, scope, 20), id_of(moved)), 0);
    conn->execute("UPDATE staff SET team_id = ? WHERE id = ?", {po_team, elsewhere});
    EXPECT_EQ(std::ranges::count(search::candidate_people(*conn, q, scope, 20), id_of(moved)), 1);
    conn->execute("UPDATE staff SET team_id = ? WHERE id = ?", {old_team, elsewhere});
    EXPECT_EQ(std::ranges::count(search::candidate_people(*conn, q, scope, 20), id_of(moved)), 0);
}

TEST_P(Search, NamesCopiedByTheMigrationGetTheirKeysAtStart) {
    // What migration 0010 does for people recorded before it: a current name with no keys.
    {
        auto conn = service().database().acquire();
        conn->execute("INSERT INTO people (crn, first_name, last_name, date_of_birth, gender, current_case, created_at) "
                      "VALUES ('M000777', 'Ottoline', 'Wrathbone', '1960-06-06', 'Female', 1, '2020-01-01T00:00:00Z')");
        conn->execute("INSERT INTO person_names (person_id, kind, first_name, last_name, search_text, keys_written, created_at) "
                      "SELECT id, 'current', first_name, last_name, lower(first_name || ' ' || last_name), 0, created_at "
                      "FROM people WHERE crn = 'M000777'");
    }
    EXPECT_EQ(people::index_pending_names(service().database()), 1);
    EXPECT_EQ(people::index_pending_names(service().database()), 0) << "nothing left to do";
    auto results = people("demo.po", "Rathbone");  // sounds the same
    ASSERT_FALSE(results.empty());
    EXPECT_EQ(results[0].at("crn").as_string(), "M000777");
}

class HistorySearch : public Search {
protected:
    std::int64_t add_contact(const std::string& crn, const std::string& notes, bool sensitive = false) {
        json::object body{{"type", "phone"}, {"notes", notes}, {"sensitive", sensitive}};
        auto r = call("demo.po", "POST", "/api/v1/people/" + crn + "/contacts", json::serialize(body));
        EXPECT_EQ(r.status, 201) << r.body;
        return json::parse(r.body).at("id").as_int64();
    }
    json::array history(const std::string& crn, const std::string& query_string) {
        auto r = call("demo.po", "GET", "/api/v1/people/" + crn + "/history?" + query_string);
        EXPECT_EQ(r.status, 200) << r.body;
        return json::parse(r.body).at("results").as_array();
    }
};

TEST_P(HistorySearch, AContactSavedIsFoundAtOnceByStemAndPhraseWithTheWordsMarked) {
    const auto crn = known().kathryn;
    add_contact(crn, "Discussed the breach of her curfew and the missed appointments at the hostel.");
    auto stemmed = history(crn, "q=breached");
    ASSERT_EQ(stemmed.size(), 1u);
    EXPECT_EQ(stemmed[0].at("source").as_string(), "contact");
    EXPECT_NE(std::string(stemmed[0].at("excerptHtml").as_string()).find("<mark>breach</mark>"), std::string::npos)
        << stemmed[0].at("excerptHtml");
    EXPECT_EQ(history(crn, "q=" + url_encode("\"missed appointments\"")).size(), 1u);
    EXPECT_TRUE(history(crn, "q=" + url_encode("\"appointments missed\"")).empty()) << "a phrase keeps its order";
    EXPECT_TRUE(history(crn, "q=" + url_encode("breach zoology")).empty()) << "every word must match";
    // Another case's history is not searched.
    EXPECT_TRUE(history(known().jon, "q=breach").empty());
    auto conn = service().database().acquire();
    EXPECT_GE(conn->query("SELECT COUNT(*) FROM audit_log WHERE action = 'history.search' AND crn = ?", {crn}).at(0).int64(0), 4);
    if (GetParam() == "sqlite") {
        // Writes never do a slice of a large merge (migrations 0015 and 0019).
        for (const char* index : {"contacts_fts", "appointments_fts", "enforcement_fts", "contacts_fts_base",
                                  "appointments_fts_base", "enforcement_fts_base"}) {
            EXPECT_EQ(conn->query(std::string("SELECT v FROM ") + index + "_config WHERE k = 'automerge'").at(0).int64(0), 0) << index;
        }
    }
}

// The demo load's history is in the base indexes on SQLite (migration 0019); what users
// write goes to the live ones. An edit or a deletion of a loaded row must hide the
// base's stale entry, however many times the row changes, and users' writes must
// never touch a base. PostgreSQL has one index per table and must behave the same.
TEST_P(HistorySearch, LoadedHistoryIsFoundAndEditsAndDeletionsOfItReplaceWhatWasLoaded) {
    auto conn = service().database().acquire();
    // demo.po's oldest loaded contacts: two on one case.
    const auto loaded = conn->query(
        "SELECT c.id, c.version, c.type, p.crn, p.id FROM contacts c JOIN people p ON p.id = c.person_id "
        "JOIN users u ON u.staff_id = p.case_manager_staff_id WHERE u.username = 'demo.po' AND c.sensitive = 0 "
        "AND p.id = (SELECT MIN(c2.person_id) FROM contacts c2 JOIN people p2 ON p2.id = c2.person_id "
        "            JOIN users u2 ON u2.staff_id = p2.case_manager_staff_id WHERE u2.username = 'demo.po') "
        "ORDER BY c.id LIMIT 2");
    ASSERT_EQ(loaded.size(), 2u) << "the demo load gives demo.po's cases contacts";
    const auto id = loaded.at(0).int64(0);
    const auto other_id = loaded.at(1).int64(0);
    const std::string crn = loaded.at(0).text(3);
    const auto person_id = loaded.at(0).int64(4);
    auto base_pages = [&] { return conn->query("SELECT COUNT(*), COALESCE(SUM(length(block)), 0) FROM contacts_fts_base_data").at(0); };
    std::optional<std::pair<std::int64_t, std::int64_t>> base_before;
    if (GetParam() == "sqlite") {
        const auto r = base_pages();
        base_before = std::make_pair(r.int64(0), r.int64(1));
        ASSERT_GE(conn->query("SELECT last_id FROM history_base WHERE source_table = 'contacts'").at(0).int64(0), other_id)
            << "the loaded contacts are in the base";
    }
    // A word of a note to search it by: its first all-letter word of four letters or more.
    auto a_word_of = [&](std::int64_t contact) {
        const auto notes = conn->query("SELECT notes FROM contacts WHERE id = ?", {contact}).at(0).text(0);
        std::string word;
        for (char c : notes + " ") {
            if (std::isalpha(static_cast<unsigned char>(c))) {
                word += c;
            } else if (word.size() >= 4) {
                return word;
            } else {
                word.clear();
            }
        }
        ADD_FAILURE() << "no word to search by in " << notes;
        return std::string("x");
    };
    const auto first_word = a_word_of(id);
    auto ids_found = [&](const std::string& q) {
        std::vector<std::int64_t> ids;
        for (const auto& hit : search::search_history(*conn, person_id, search::parse_history_query(q), {}, true, 1000)) {
            if (hit.source == "contact") ids.push_back(hit.source_id);
        }
        return ids;
    };
    auto found = [&](const std::string& q, std::int64_t contact) {
        const auto ids = ids_found(q);
        return std::find(ids.begin(), ids.end(), contact) != ids.end();
    };
    ASSERT_TRUE(found(first_word, id)) << "a loaded note is found by its words: " << first_word;

    auto edit = [&](std::int64_t version, const std::string& notes) {
        json::object body{{"version", version}, {"type", loaded.at(0).text(2)}, {"notes", notes}};
        auto r = call("demo.po", "PUT", "/api/v1/people/" + crn + "/contacts/" + std::to_string(id), json::serialize(body));
        ASSERT_EQ(r.status, 200) << r.body;
    };
    const auto version = loaded.at(0).int64(1);
    edit(version, "Rewritten: xylophone lessons arranged");
    EXPECT_FALSE(found(first_word, id)) << "the loaded words of an edited contact are no longer found";
    EXPECT_TRUE(found("xylophone", id)) << "its new words are, at once";
    edit(version + 1, "Rewritten again: zeppelin museum visit");
    EXPECT_FALSE(found("xylophone", id)) << "a second edit replaces the first in the live index";
    EXPECT_TRUE(found("zeppelin", id));
    EXPECT_EQ(ids_found("zeppelin").size(), 1u) << "one hit, not one per index";

    // A loaded row moved to another case, then deleted (neither has a route; the
    // triggers must still keep the indexes right).
    const auto other_first = a_word_of(other_id);
    ASSERT_TRUE(found(other_first, other_id));
    const auto elsewhere = conn->query("SELECT id FROM people WHERE crn = ?", {known().mary}).at(0).int64(0);
    db::write_transaction(service().database(), [&](db::Connection& c) {
        c.execute("UPDATE contacts SET person_id = ? WHERE id = ?", {elsewhere, other_id});
    });
    EXPECT_FALSE(found(other_first, other_id)) << "moved away from this case";
    {
        const auto there = search::search_history(*conn, elsewhere, search::parse_history_query(other_first), {}, true, 1000);
        EXPECT_TRUE(std::any_of(there.begin(), there.end(), [&](const auto& h) { return h.source_id == other_id; }))
            << "and found on the case it moved to";
    }
    db::write_transaction(service().database(), [&](db::Connection& c) { c.execute("DELETE FROM contacts WHERE id = ?", {other_id}); });
    {
        const auto there = search::search_history(*conn, elsewhere, search::parse_history_query(other_first), {}, true, 1000);
        EXPECT_FALSE(std::any_of(there.begin(), there.end(), [&](const auto& h) { return h.source_id == other_id; }))
            << "a deleted row is found nowhere";
    }

    if (GetParam() == "sqlite") {
        const auto r = base_pages();
        EXPECT_EQ(std::make_pair(r.int64(0), r.int64(1)), *base_before) << "no user's write touched the base index";
        EXPECT_EQ(conn->query("SELECT COUNT(*) FROM history_base_replaced WHERE source_table = 'contacts' AND id IN (?, ?)",
                              {id, other_id})
                      .at(0)
                      .int64(0),
                  2);
        for (const char* index : {"contacts_fts", "contacts_fts_base"}) {
            conn->execute(std::string("INSERT INTO ") + index + " (" + index + ", rank) VALUES ('integrity-check', 0)");
        }
    }
}

// On SQLite a write's live-index entries are written at its transaction's commit
// (migration 0026), not by each statement: rows written, edited, moved and deleted
// within one transaction must be found as if each change had been committed alone, a
// transaction rolled back must leave no trace in the index, and a bulk load's commit
// indexes what it wrote.
TEST_P(HistorySearch, ChangesWithinOneTransactionAreIndexedAsIfEachWereCommittedAlone) {
    auto conn = service().database().acquire();
    const auto person_id = conn->query("SELECT id FROM people WHERE crn = ?", {known().kathryn}).at(0).int64(0);
    const auto user_id = conn->query("SELECT id FROM users WHERE username = 'demo.po'").at(0).int64(0);
    const auto now = platform::parse_instant("2026-12-07T10:00:00Z").value();
    auto note = [](const std::string& notes) { return contacts::NewContact{"phone", "2026-12-07T09:00:00Z", notes, false, {}}; };
    auto found = [&](const std::string& q) {
        std::vector<std::int64_t> ids;
        for (const auto& hit : search::search_history(*conn, person_id, search::parse_history_query(q), {}, true, 1000)) {
            if (hit.source == "contact") ids.push_back(hit.source_id);
        }
        return ids;
    };
    const auto elsewhere = conn->query("SELECT id FROM people WHERE crn = ?", {known().mary}).at(0).int64(0);
    std::int64_t edited = 0, kept = 0, moved = 0;
    db::write_transaction(service().database(), [&](db::Connection& c) {
        const auto first = contacts::insert_contact(c, person_id, note("Spoke about the quasar poster."), {}, user_id, now);
        edited = contacts::update_contact(c, first, first.version, note("Spoke about the nebula poster."), user_id, now)->id;
        const auto gone = contacts::insert_contact(c, person_id, note("Mentioned a pulsar."), {}, user_id, now);
        c.execute("DELETE FROM contacts WHERE id = ?", {gone.id});
        moved = contacts::insert_contact(c, person_id, note("Asked about the asteroid talk."), {}, user_id, now).id;
        c.execute("UPDATE contacts SET person_id = ? WHERE id = ?", {elsewhere, moved});
        kept = contacts::insert_contact(c, person_id, note("Saw the comet club."), {}, user_id, now).id;
    });
    EXPECT_EQ(found("nebula"), std::vector<std::int64_t>{edited}) << "an edit in the same transaction is indexed as edited";
    EXPECT_TRUE(found("quasar").empty()) << "the words it replaced are not indexed";
    EXPECT_TRUE(found("pulsar").empty()) << "a row deleted in the same transaction is not indexed";
    EXPECT_TRUE(found("asteroid").empty()) << "a row moved to another case in the same transaction is not this case's";
    {
        const auto there = search::search_history(*conn, elsewhere, search::parse_history_query("asteroid"), {}, true, 1000);
        ASSERT_EQ(there.size(), 1u) << "it is found on the case it moved to";
        EXPECT_EQ(there[0].source_id, moved);
    }
    EXPECT_EQ(found("comet"), std::vector<std::int64_t>{kept});
    // Edited again in a later transaction, once its entry is in the index.
    db::write_transaction(service().database(), [&](db::Connection& c) {
        const auto current = contacts::find_contact(c, person_id, edited).value();
        contacts::update_contact(c, current, current.version, note("Spoke about the galaxy poster."), user_id, now);
    });
    EXPECT_TRUE(found("nebula").empty());
    EXPECT_EQ(found("galaxy"), std::vector<std::int64_t>{edited});

    EXPECT_THROW(db::write_transaction(service().database(),
                                       [&](db::Connection& c) {
                                           contacts::insert_contact(c, person_id, note("A meteor shower."), {}, user_id, now);
                                           throw std::runtime_error("the request failed after its insert");
                                       }),
                 std::runtime_error);
    EXPECT_TRUE(found("meteor").empty()) << "a rolled-back write leaves nothing in the index";

    // A bulk load writes on its own connection rather than through the batcher; its
    // commit indexes its rows too.
    {
        auto loader = service().database().acquire();
        loader->bulk_load_mode(true);
        loader->begin_write();
        const auto loaded = contacts::insert_contact(*loader, person_id, note("Loaded: the eclipse trip."), {}, user_id, now).id;
        loader->commit();
        loader->bulk_load_mode(false);
        EXPECT_EQ(found("eclipse"), std::vector<std::int64_t>{loaded});
    }
    if (GetParam() == "sqlite") {
        EXPECT_EQ(conn->query("SELECT COUNT(*) FROM history_pending").at(0).int64(0), 0) << "nothing left waiting for a commit";
        conn->execute("INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('integrity-check', 0)");
    }
}

// `onecase fold-history` moves what users wrote into the base indexes: everything is
// still found, and the live indexes start empty again.
TEST_P(HistorySearch, FoldingTheLiveIndexesIntoTheBasesLosesNothing) {
    const auto crn = known().kathryn;
    const auto id = add_contact(crn, "Talked about the quokka sanctuary volunteering.");
    ASSERT_EQ(history(crn, "q=quokka").size(), 1u);
    const auto fold = run_onecase_capturing({"fold-history", "--db", service().url()});
    ASSERT_EQ(fold.status, 0);
    // PostgreSQL's indexes are ordinary ones: the command says so rather than time nothing.
    EXPECT_NE(fold.output.find(GetParam() == "sqlite" ? "Folded the case-history indexes in" : "Nothing to fold"),
              std::string::npos)
        << fold.output;
    auto hits = history(crn, "q=quokka");
    ASSERT_EQ(hits.size(), 1u) << "found after the fold";
    EXPECT_EQ(hits[0].at("id").as_int64(), id);
    EXPECT_NE(std::string(hits[0].at("excerptHtml").as_string()).find("<mark>quokka</mark>"), std::string::npos);
    if (GetParam() == "sqlite") {
        auto conn = service().database().acquire();
        EXPECT_GE(conn->query("SELECT last_id FROM history_base WHERE source_table = 'contacts'").at(0).int64(0), id);
        EXPECT_EQ(conn->query("SELECT COUNT(*) FROM history_base_replaced").at(0).int64(0), 0);
        EXPECT_EQ(conn->query("SELECT COUNT(*) FROM contacts_fts_idx").at(0).int64(0), 0) << "the live index is empty";
    }
    // Edits of folded rows replace them, as for any loaded row.
    json::object edit{{"version", 1}, {"type", "phone"}, {"notes", "Talked about the wombat rescue instead."}};
    auto r = call("demo.po", "PUT", "/api/v1/people/" + crn + "/contacts/" + std::to_string(id), json::serialize(edit));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_TRUE(history(crn, "q=quokka").empty());
    EXPECT_EQ(history(crn, "q=wombat").size(), 1u);
}

TEST_P(HistorySearch, ALongNoteIsShownAroundItsMatchesWithEveryFormOfTheWordMarked) {
    const auto crn = known().kathryn;
    std::string notes = "Opening remarks about the weekly reporting routine.";
    for (int i = 0; i < 30; ++i) notes += " Routine check number " + std::to_string(i) + " passed.";
    notes += " Then he said the pelicans had moored twice and mooring again was likely.";
    for (int i = 0; i < 30; ++i) notes += " Closing remark " + std::to_string(i) + ".";
    add_contact(crn, notes);
    auto hits = history(crn, "q=" + url_encode("pelican moorings"));
    ASSERT_EQ(hits.size(), 1u);
    const std::string excerpt(hits[0].at("excerpt").as_string());
    const std::string html(hits[0].at("excerptHtml").as_string());
    EXPECT_EQ(excerpt.rfind("…", 0), 0u) << "the start is left out: " << excerpt;
    EXPECT_LT(excerpt.size(), 300u) << excerpt;
    for (const char* marked : {"<mark>pelicans</mark>", "<mark>moored</mark>", "<mark>mooring</mark>"}) {
        EXPECT_NE(html.find(marked), std::string::npos) << marked << " in " << html;
    }
}

// A page of hits is the newest of every matching row, whichever index holds its
// words: rows folded into the base, rows written since, and folded rows edited since.
TEST_P(HistorySearch, ALimitedPageIsTheNewestHitsWhereverTheirWordsAreIndexed) {
    const auto crn = known().jon;
    auto dated = [&](const std::string& notes, const std::string& date) {
        json::object body{{"type", "phone"}, {"notes", notes}, {"date", date}};
        auto r = call("demo.po", "POST", "/api/v1/people/" + crn + "/contacts", json::serialize(body));
        EXPECT_EQ(r.status, 201) << r.body;
        return json::parse(r.body).at("id").as_int64();
    };
    const auto oldest = dated("A kestrel nested by the hostel.", "2021-01-01T09:00:00Z");
    const auto middle = dated("Saw a kestrel on the way in.", "2022-01-01T09:00:00Z");
    const auto newest = dated("Kestrel again, he says.", "2023-01-01T09:00:00Z");
    const auto gone = dated("Kestrel talk in a note that is corrected.", "2022-06-01T09:00:00Z");
    ASSERT_EQ(run_onecase_capturing({"fold-history", "--db", service().url()}).status, 0);
    const auto later = dated("Written after the fold: kestrels nest early.", "2022-03-01T09:00:00Z");
    json::object edit{{"version", 1}, {"type", "phone"}, {"notes", "Corrected: no birds were discussed."}};
    ASSERT_EQ(call("demo.po", "PUT", "/api/v1/people/" + crn + "/contacts/" + std::to_string(gone), json::serialize(edit)).status, 200);
    json::object reword{{"version", 1}, {"type", "phone"}, {"notes", "Saw two kestrels on the way in."}};
    ASSERT_EQ(call("demo.po", "PUT", "/api/v1/people/" + crn + "/contacts/" + std::to_string(middle), json::serialize(reword)).status, 200);

    auto ids = [&](const std::string& query_string) {
        std::vector<std::int64_t> out;
        for (const auto& hit : history(crn, query_string)) {
            out.push_back(hit.at("id").as_int64());
            EXPECT_NE(std::string(hit.at("excerptHtml").as_string()).find("<mark>"), std::string::npos) << hit;
        }
        return out;
    };
    EXPECT_EQ(ids("q=kestrel"), (std::vector<std::int64_t>{newest, later, middle, oldest}));
    EXPECT_EQ(ids("q=kestrel&limit=2"), (std::vector<std::int64_t>{newest, later}));
    EXPECT_EQ(ids("q=kestrel&limit=3"), (std::vector<std::int64_t>{newest, later, middle}));
    EXPECT_EQ(ids("q=kestrel&from=2021-06-01&to=2022-12-31"), (std::vector<std::int64_t>{later, middle}));
    // Phrases: the words in order, newest first, within the same limits.
    EXPECT_EQ(ids("q=" + url_encode("\"two kestrels\"")), (std::vector<std::int64_t>{middle}));
    EXPECT_EQ(ids("q=" + url_encode("\"kestrel nested\" hostel")), (std::vector<std::int64_t>{oldest}));
    EXPECT_TRUE(ids("q=" + url_encode("\"kestrel hostel\"")).empty()) << "both words, not together";
    EXPECT_EQ(ids("q=" + url_encode("\"kestrels nest\" early") + "&limit=1"), (std::vector<std::int64_t>{later}));
    EXPECT_TRUE(ids("q=" + url_encode("\"two kestrels\"") + "&from=2022-06-01").empty());
    auto reworded = history(crn, "q=kestrel&from=2022-01-01&to=2022-01-01");
    ASSERT_EQ(reworded.size(), 1u);
    EXPECT_NE(std::string(reworded[0].at("excerpt").as_string()).find("two kestrels"), std::string::npos)
        << "the edited note's own words: " << reworded[0];
}

// On PostgreSQL a case's hits are found through the words indexes of migration 0025
// whatever the planner believes about the case's size or a word's frequency: no index
// keyed by person alone may answer, because through one PostgreSQL runs to_tsvector on
// every row of the case (95-120 ms for 5,000 contacts on the national set).
// A question about PostgreSQL's planner: SQLite has no choice of index there.
class PostgresHistoryPlan : public HistorySearch {};

TEST_P(PostgresHistoryPlan, FindsACasesHitsOnlyThroughTheWordsIndexes) {
    const auto crn = known().kathryn;
    add_contact(crn, "Rang to confirm the next appointment at the hostel.");
    auto conn = service().database().acquire();
    const auto person_id = conn->query("SELECT id FROM people WHERE crn = ?", {crn}).at(0).int64(0);
    // Index scans by this backend since its statistics were last flushed, which happens
    // only when it is idle outside a transaction: the search's are the difference.
    auto scans = [&] {
        std::map<std::string, std::int64_t> out;
        for (const auto& r : conn->query("SELECT c.relname, pg_stat_get_xact_numscans(c.oid) FROM pg_index i "
                                         "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid IN ('contacts'::regclass, "
                                         "'appointments'::regclass, 'enforcement_actions'::regclass)")) {
            out[r.text(0)] = r.int64(1);
        }
        return out;
    };
    for (const char* words : {"appointment", "\"next appointment\""}) {
        conn->execute("BEGIN");
        // The test's tables are small enough that reading them whole, or a whole index,
        // would win otherwise. A bitmap scan needs a condition its index can answer.
        for (const char* path : {"seqscan", "indexscan", "indexonlyscan"}) {
            conn->execute(std::string("SET LOCAL enable_") + path + " = off");
        }
        const auto before = scans();
        const auto hits = search::search_history(*conn, person_id, search::parse_history_query(words), {}, true, 100);
        std::vector<std::string> used;
        for (const auto& [index, count] : scans()) {
            if (count > before.at(index)) used.push_back(index);
        }
        conn->execute("ROLLBACK");
        EXPECT_FALSE(hits.empty()) << words;
        // Contacts, the table a long history is in. The others are nearly empty here, and
        // PostgreSQL may read one whole however costly it is told that is.
        EXPECT_NE(std::find(used.begin(), used.end(), "contacts_case_notes_fts"), used.end())
            << words << ": " << ::testing::PrintToString(used);
        // The planner may probe a primary key for its estimates; no index by person is read.
        for (const auto& index : used) EXPECT_EQ(index.find("person"), std::string::npos) << words << ": " << index;
    }
}

TEST_P(HistorySearch, NotesAreEscapedBeforeMatchesAreMarked) {
    const auto crn = known().mary;
    add_contact(crn, "He wrote <script>alert('x')</script> & said the tagging equipment was <b>broken</b>.");
    auto hits = history(crn, "q=tagging");
    ASSERT_EQ(hits.size(), 1u);
    const std::string html(hits[0].at("excerptHtml").as_string());
    EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
    EXPECT_EQ(html.find("<b>"), std::string::npos) << html;
    // Both engines' excerpts keep the markup as text, escaped: no tag the user typed
    // reaches the page.
    EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos) << html;
    EXPECT_NE(html.find("&#39;x&#39;"), std::string::npos) << html;
    EXPECT_NE(html.find("<mark>tagging</mark>"), std::string::npos) << html;
    EXPECT_EQ(std::string(hits[0].at("excerpt").as_string()).find('\x01'), std::string::npos);
    Browser b(service().port());
    b.sign_in("demo.po", demo::kDemoPassword);
    auto page = b.get("/cases/" + crn + "/search?q=tagging");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("<mark>tagging</mark>"), std::string::npos);
    EXPECT_EQ(page.body.find("<script>alert"), std::string::npos);
}

TEST_P(HistorySearch, EditsAppointmentsAndEnforcementAreSearchedAndFiltered) {
    const auto crn = known().jon;
    const auto id = add_contact(crn, "Initial conversation about accommodation.");
    EXPECT_EQ(history(crn, "q=accommodation").size(), 1u);
    json::object edit{{"version", 1}, {"type", "phone"}, {"notes", "Corrected: conversation about employment."}};
    auto r = call("demo.po", "PUT", "/api/v1/people/" + crn + "/contacts/" + std::to_string(id), json::serialize(edit));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_TRUE(history(crn, "q=accommodation").empty()) << "the old words are gone from the index";
    EXPECT_EQ(history(crn, "q=employment").size(), 1u) << "the new words are found at once";

    std::int64_t person_id = 0, event_id = 0;
    {
        auto conn = service().database().acquire();
        person_id = conn->query("SELECT id FROM people WHERE crn = ?", {crn}).at(0).int64(0);
        conn->execute("INSERT INTO events (person_id, event_number, offence, court, conviction_date, disposal_type, start_date) "
                      "VALUES (?, 1, 'Theft', 'Leeds', '2025-01-01', 'community_order', '2025-01-01')",
                      {person_id});
        event_id = conn->query("SELECT id FROM events WHERE person_id = ?", {person_id}).at(0).int64(0);
        conn->execute("INSERT INTO appointments (person_id, type, start_at, notes, outcome_notes) "
                      "VALUES (?, 'office_visit', '2025-03-04T10:00:00Z', 'Bring employment letters', 'Came with the letters')",
                      {person_id});
        conn->execute("INSERT INTO enforcement_actions (person_id, event_id, kind, action_date, reason, created_at) "
                      "VALUES (?, ?, 'warning', '2025-02-01', 'Missed employment workshop without reason', '2025-02-01T09:00:00Z')",
                      {person_id, event_id});
    }
    auto all = history(crn, "q=employment");
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].at("source").as_string(), "contact") << "newest first";
    EXPECT_EQ(all[1].at("source").as_string(), "appointment");
    EXPECT_EQ(all[2].at("source").as_string(), "enforcement");
    for (const auto& hit : all) {
        EXPECT_NE(std::string(hit.at("excerptHtml").as_string()).find("<mark>employment</mark>"), std::string::npos)
            << "every hit of every kind has its excerpt: " << hit;
    }
    EXPECT_EQ(history(crn, "q=letters&type=outcome").size(), 1u);
    EXPECT_EQ(history(crn, "q=employment&type=enforcement").size(), 1u);
    EXPECT_EQ(history(crn, "q=employment&type=appointment").size(), 1u);
    EXPECT_EQ(history(crn, "q=employment&from=2025-02-01&to=2025-03-31").size(), 2u);
    EXPECT_EQ(history(crn, "q=employment&to=2025-02-01").size(), 1u) << "the to date is inclusive";
    auto bad = call("demo.po", "GET", "/api/v1/people/" + crn + "/history?q=employment&from=2025-02-30");
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("\"from\""), std::string::npos);
    EXPECT_EQ(call("demo.po", "GET", "/api/v1/people/" + crn + "/history?q=").status, 422);
    EXPECT_EQ(call("demo.other", "GET", "/api/v1/people/" + crn + "/history?q=employment").status, 403);

    // Sensitive notes are left out for anyone who may not see them.
    add_contact(crn, "Sensitive: disclosed employment difficulties", true);
    auto conn = service().database().acquire();
    search::HistoryFilter none;
    const auto q = search::parse_history_query("difficulties");
    EXPECT_EQ(search::search_history(*conn, person_id, q, none, true, 10).size(), 1u);
    EXPECT_TRUE(search::search_history(*conn, person_id, q, none, false, 10).empty());
    const auto phrase = search::parse_history_query("\"employment difficulties\"");
    EXPECT_EQ(search::search_history(*conn, person_id, phrase, none, true, 10).size(), 1u);
    EXPECT_TRUE(search::search_history(*conn, person_id, phrase, none, false, 10).empty()) << "a phrase too";
    const auto newest_two = search::search_history(*conn, person_id, search::parse_history_query("employment"), none, true, 2);
    ASSERT_EQ(newest_two.size(), 2u);
    EXPECT_EQ(newest_two[0].source, "contact");
    for (const auto& hit : newest_two) EXPECT_NE(hit.excerpt.find("mployment"), std::string::npos) << hit.source;
}

TEST_P(HistorySearch, PageShowsFieldErrorsAndKeepsWhatWasTyped) {
    const auto crn = known().jon;
    Browser b(service().port());
    b.sign_in("demo.po", demo::kDemoPassword);
    auto page = b.get("/cases/" + crn + "/search?q=employment&from=nonsense");
    EXPECT_EQ(page.status, 422);
    EXPECT_NE(page.body.find("Enter the from date as a real date"), std::string::npos);
    EXPECT_NE(page.body.find("value=\"nonsense\""), std::string::npos);
    EXPECT_NE(page.body.find("value=\"employment\""), std::string::npos);
    auto c = b.get("/cases/" + crn);
    EXPECT_NE(c.body.find("action=\"/cases/" + crn + "/search\""), std::string::npos) << "the case page has the box";
}

INSTANTIATE_TEST_SUITE_P(Databases, Search, ::testing::ValuesIn(backends()), [](const auto& i) { return i.param; });
INSTANTIATE_TEST_SUITE_P(Databases, HistorySearch, ::testing::ValuesIn(backends()), [](const auto& i) { return i.param; });
INSTANTIATE_TEST_SUITE_P(Postgres, PostgresHistoryPlan, ::testing::ValuesIn(postgres_only()),
                         [](const auto& i) { return i.param; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PostgresHistoryPlan);

}  // namespace
}  // namespace onecase::testing
