// `onecase demo-data --scale small` into a real database, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "db/migrations.hpp"
#include "demo/demo_data.hpp"
#include "platform/crypto.hpp"
#include "search/history_store.hpp"
#include "support.hpp"

namespace {

using namespace onecase;
using onecase::testing::backends;
using onecase::testing::fresh_database_url;

const platform::Instant kNow = platform::parse_instant("2026-11-22T09:30:00Z").value();

class DemoData : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        platform::init_crypto();
        db_ = db::open_database(fresh_database_url(GetParam(), "onecase_demo_test"));
        db::migrate(*db_);
    }
    std::int64_t count(const std::string& sql, const db::Params& params = {}) {
        auto conn = db_->acquire();
        return conn->query(sql, params).at(0).int64(0);
    }
    std::unique_ptr<db::Database> db_;
};

TEST_P(DemoData, SmallServiceLoadsWithCountsThatMatchTheSummary) {
    const auto s = demo::load_demo_data(*db_, demo::DemoScale::small, 7, kNow);
    EXPECT_EQ(s.regions, 13);
    EXPECT_EQ(count("SELECT COUNT(*) FROM regions"), 13);
    EXPECT_EQ(count("SELECT COUNT(*) FROM pdus"), s.pdus);
    EXPECT_EQ(count("SELECT COUNT(*) FROM teams"), s.teams);
    EXPECT_EQ(count("SELECT COUNT(*) FROM staff"), s.staff);
    EXPECT_EQ(count("SELECT COUNT(*) FROM people"), s.people);
    EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE current_case = 1"), s.current_cases);
    EXPECT_EQ(count("SELECT COUNT(*) FROM events"), s.events);
    EXPECT_EQ(count("SELECT COUNT(*) FROM contacts"), s.contacts);
    EXPECT_EQ(count("SELECT COUNT(*) FROM appointments"), s.appointments);
    EXPECT_EQ(s.current_cases, 400);
    EXPECT_EQ(s.people, 600);
    EXPECT_GT(s.contacts, 5'000);
    // Some current cases wait for allocation; no contact is newer than two days ago.
    EXPECT_GT(count("SELECT COUNT(*) FROM people WHERE current_case = 1 AND case_manager_staff_id IS NULL"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM contacts WHERE contact_at > '2026-11-20T23:59:59Z'"), 0);
}

TEST_P(DemoData, NameKeysCarryTheScopeThatMigration0017AndItsTriggersGive) {
    demo::load_demo_data(*db_, demo::DemoScale::small, 7, kNow);
    EXPECT_GT(count("SELECT COUNT(*) FROM person_name_keys WHERE scope_region <> 0"), 0);
    // Every key agrees with its person, their case manager and that manager's region.
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_name_keys k JOIN people p ON p.id = k.person_id "
                    "LEFT JOIN staff s ON s.id = p.case_manager_staff_id LEFT JOIN teams t ON t.id = s.team_id "
                    "LEFT JOIN pdus d ON d.id = t.pdu_id "
                    "WHERE k.current_case <> p.current_case OR k.scope_region <> coalesce(d.region_id, 0) "
                    "OR coalesce(k.case_manager_staff_id, 0) <> coalesce(p.case_manager_staff_id, 0)"),
              0);
}

TEST_P(DemoData, DemoUsersSignInAndDemoPoHoldsAThirtyToSixtyCaseCaseload) {
    const auto s = demo::load_demo_data(*db_, demo::DemoScale::small, 7, kNow);
    ASSERT_EQ(s.users.size(), 5u);
    auto conn = db_->acquire();
    for (const auto& u : s.users) {
        auto rows = conn->query("SELECT password_hash, role FROM users WHERE username = ?", {u.username});
        ASSERT_EQ(rows.size(), 1u) << u.username;
        EXPECT_TRUE(platform::verify_password(u.password, rows[0].text(0))) << u.username;
        EXPECT_EQ(rows[0].text(1), u.role);
    }
    const auto caseload = conn->query(
        "SELECT COUNT(*) FROM people p JOIN users u ON u.staff_id = p.case_manager_staff_id "
        "WHERE u.username = ? AND p.current_case = 1", {std::string("demo.po")}).at(0).int64(0);
    EXPECT_GE(caseload, 30);
    EXPECT_LE(caseload, 60);
    const auto other = conn->query(
        "SELECT COUNT(*) FROM people p JOIN users u ON u.staff_id = p.case_manager_staff_id "
        "WHERE u.username = ? AND p.current_case = 1", {std::string("demo.other")}).at(0).int64(0);
    EXPECT_GT(other, 0);
    // demo.spo manages demo.po's team.
    EXPECT_EQ(conn->query("SELECT COUNT(*) FROM users spo JOIN staff s ON s.id = spo.staff_id "
                          "JOIN staff po ON po.team_id = s.team_id JOIN users pu ON pu.staff_id = po.id "
                          "WHERE spo.username = 'demo.spo' AND s.grade = 'SPO' AND pu.username = 'demo.po'")
                  .at(0).int64(0), 1);
}

TEST_P(DemoData, NewRowsGetFreshIdsAfterTheLoad) {
    demo::load_demo_data(*db_, demo::DemoScale::small, 7, kNow);
    const auto before = count("SELECT MAX(id) FROM regions");
    auto conn = db_->acquire();
    conn->execute("INSERT INTO regions (code, name) VALUES (?, ?)", {std::string("TST"), std::string("Test region")});
    EXPECT_EQ(count("SELECT id FROM regions WHERE code = 'TST'"), before + 1);
}

// The load indexes case history once at the end instead of row by row; afterwards
// every loaded note is findable and a new one is indexed as it is written.
TEST_P(DemoData, CaseHistoryIsSearchableAfterTheLoadAndForNewNotes) {
    demo::load_demo_data(*db_, demo::DemoScale::small, 7, kNow);
    auto conn = db_->acquire();
    const auto person = conn->query("SELECT person_id, id FROM contacts WHERE notes <> '' ORDER BY id LIMIT 1").at(0);
    const std::int64_t person_id = person.int64(0);
    const std::int64_t first_contact = person.int64(1);
    const auto loaded = conn->query("SELECT notes FROM contacts WHERE id = ?", {first_contact}).at(0).text(0);
    const std::string word = loaded.substr(0, loaded.find_first_of(" .,:;"));
    const auto found = search::search_history(*conn, person_id, search::parse_history_query(word), {}, true, 500);
    EXPECT_TRUE(std::any_of(found.begin(), found.end(),
                            [&](const auto& h) { return h.source == "contact" && h.source_id == first_contact; }))
        << "a loaded note is not found by its first word '" << word << "'";

    const auto staff = conn->query("SELECT id FROM staff ORDER BY id LIMIT 1").at(0).int64(0);
    conn->execute("INSERT INTO contacts (person_id, type, contact_at, author_staff_id, notes, sensitive, created_at, "
                  "updated_at, version) VALUES (?, 'phone', '2026-11-22T09:00:00Z', ?, 'Discussed the quizzical xylophone', 0, "
                  "'2026-11-22T09:00:00Z', '2026-11-22T09:00:00Z', 1)",
                  {person_id, staff});
    const auto fresh = search::search_history(*conn, person_id, search::parse_history_query("xylophone"), {}, true, 10);
    ASSERT_EQ(fresh.size(), 1u);
    EXPECT_EQ(fresh[0].source, "contact");
}

TEST_P(DemoData, RefusesADatabaseThatAlreadyHoldsPeople) {
    demo::load_demo_data(*db_, demo::DemoScale::small, 7, kNow);
    EXPECT_THROW(demo::load_demo_data(*db_, demo::DemoScale::small, 7, kNow), std::runtime_error);
}

INSTANTIATE_TEST_SUITE_P(Databases, DemoData, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
