// One reading of a database URL serves the server, migrations, backups and restores.
#include <gtest/gtest.h>

#include <stdexcept>

#include "db/database.hpp"

namespace onecase::db {
namespace {

TEST(DatabaseUrl, SqliteUrlsNameTheirFile) {
    EXPECT_EQ(sqlite_path_of("sqlite:var/onecase.db"), "var/onecase.db");
    EXPECT_EQ(sqlite_path_of("sqlite:///srv/onecase/live.db"), "/srv/onecase/live.db");
    EXPECT_EQ(sqlite_path_of("sqlite:/tmp/x.sqlite"), "/tmp/x.sqlite");
    EXPECT_EQ(sqlite_path_of("var/onecase.db"), "var/onecase.db");
}

TEST(DatabaseUrl, PostgresUrlsAreKnownByEitherScheme) {
    EXPECT_TRUE(is_postgres_url("postgresql://app@db/onecase"));
    EXPECT_TRUE(is_postgres_url("postgres://app@db/onecase"));
    EXPECT_FALSE(is_postgres_url("sqlite:postgresql.db"));
    EXPECT_THROW(sqlite_path_of("postgresql://app@db/onecase"), std::invalid_argument);
}

TEST(DatabaseUrl, AnythingElseIsRefusedWithTheFormsThatWork) {
    for (const char* url : {"", "mysql://db/onecase", "onecase", ".db", "var/onecase.sqlite"}) {
        try {
            sqlite_path_of(url);
            ADD_FAILURE() << url << " was accepted";
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find("sqlite:PATH or postgresql://"), std::string::npos) << url;
        }
    }
}

}  // namespace
}  // namespace onecase::db
