// On a real PostgreSQL: a migration that rewrites every row of a table asks for it to
// be vacuumed once committed (db::tables_to_vacuum_after), so the server does not start
// on a table of dead rows that index-only scans must read past.
#include <gtest/gtest.h>

#include "db/migrations.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

class PostgresMigrationVacuum : public ::testing::TestWithParam<std::string> {};

TEST_P(PostgresMigrationVacuum, TheNameKeysAreVacuumedAndAnalysedAfterMigration0017) {
    const auto url = fresh_database_url("postgres", "onecase_migration_vacuum");
    auto db = db::open_database(url, db::OpenOptions{1, std::chrono::milliseconds(5000)});
    db::migrate(*db);
    const auto rows = db->acquire()->query(
        "SELECT CASE WHEN last_vacuum IS NULL THEN 0 ELSE 1 END, CASE WHEN last_analyze IS NULL THEN 0 ELSE 1 END "
        "FROM pg_stat_user_tables WHERE relname = 'person_name_keys'");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].int64(0), 1) << "vacuumed";
    EXPECT_EQ(rows[0].int64(1), 1) << "analysed";
    EXPECT_EQ(db::migrate(*db), 0) << "nothing applied the second time";
}

INSTANTIATE_TEST_SUITE_P(Postgres, PostgresMigrationVacuum, ::testing::ValuesIn(postgres_only()),
                         [](const auto& info) { return info.param; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PostgresMigrationVacuum);

}  // namespace
}  // namespace onecase::testing
