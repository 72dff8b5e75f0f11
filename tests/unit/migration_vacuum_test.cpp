// Which tables a migration asks PostgreSQL to vacuum once it is committed.
#include <gtest/gtest.h>

#include "db/migrations.hpp"

namespace onecase::db {
namespace {

TEST(MigrationVacuum, ReadsEachDirectiveLineOnce) {
    const std::string sql =
        "UPDATE person_name_keys SET current_case = 1;\n"
        "-- onecase: vacuum-after person_name_keys\n"
        "-- onecase: vacuum-after people  \r\n"
        "-- onecase: vacuum-after person_name_keys\n";
    EXPECT_EQ(tables_to_vacuum_after(sql), (std::vector<std::string>{"person_name_keys", "people"}));
}

TEST(MigrationVacuum, IgnoresTheWordsAnywhereButAtTheStartOfALine) {
    EXPECT_TRUE(tables_to_vacuum_after("SELECT 1; -- onecase: vacuum-after people\n").empty());
    EXPECT_TRUE(tables_to_vacuum_after("-- vacuum people afterwards\n").empty());
}

TEST(MigrationVacuum, RefusesANameThatIsNotAPlainTableName) {
    EXPECT_THROW(tables_to_vacuum_after("-- onecase: vacuum-after people; DROP TABLE audit_log\n"), std::runtime_error);
    EXPECT_THROW(tables_to_vacuum_after("-- onecase: vacuum-after \n"), std::runtime_error);
}

TEST(MigrationVacuum, TheEmbeddedMigrationsAskOnlyForPlainNames) {
    for (const auto& file : embedded_migrations()) EXPECT_NO_THROW(tables_to_vacuum_after(file.text)) << file.name;
}

}  // namespace
}  // namespace onecase::db
