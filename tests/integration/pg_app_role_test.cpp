// scripts/pg-app-role.sql on a real PostgreSQL: a service role made with it serves
// (migrate finds nothing to do, sign-in writes work) and can append to the audit
// log but not change, empty or unguard it.
#include <gtest/gtest.h>

#include <cstdio>

#include "access/audit.hpp"
#include "db/migrations.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

constexpr const char* kAppRole = "onecase_test_app";

// `url` with its user replaced by `user`.
std::string as_user(const std::string& url, const std::string& user) {
    const auto scheme = url.find("://") + 3;
    const auto at = url.find('@', scheme);
    const auto host = at == std::string::npos ? scheme : at + 1;
    return url.substr(0, scheme) + user + "@" + url.substr(host);
}

int run_script(const std::string& url) {
    const std::string cmd = "psql -q '" + url + "' -v app_role=" + kAppRole + " -f '" + ONECASE_SOURCE_DIR +
                            "/scripts/pg-app-role.sql' 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return -1;
    char buf[256];
    while (fgets(buf, sizeof buf, p)) std::fputs(buf, stderr);
    return pclose(p);
}

class PostgresAppRole : public ::testing::TestWithParam<std::string> {};

TEST_P(PostgresAppRole, TheServiceRoleAppendsToTheAuditLogAndCannotChangeOrUnguardIt) {
    const auto url = fresh_database_url("postgres", "onecase_app_role");
    {
        auto owner = db::open_database(url, db::OpenOptions{1, std::chrono::milliseconds(5000)});
        db::migrate(*owner);
        auto conn = owner->acquire();
        // Roles are cluster-wide; the database that held this one's grants was just recreated.
        conn->execute_script(std::string("DROP ROLE IF EXISTS ") + kAppRole);
        conn->execute_script(std::string("CREATE ROLE ") + kAppRole + " LOGIN");
    }
    ASSERT_EQ(run_script(url), 0);
    ASSERT_EQ(run_script(url), 0) << "running it again is harmless";

    auto app = db::open_database(as_user(url, kAppRole), db::OpenOptions{1, std::chrono::milliseconds(5000)});
    EXPECT_EQ(db::migrate(*app), 0) << "a migrated database starts under the service role";
    auto conn = app->acquire();
    access::record_audit(*conn, platform::SystemClock{}.now(), nullptr, "10.0.0.9",
                         access::AuditEntry{"sign_in.failed", std::nullopt, "username=x"});
    conn->execute("INSERT INTO sign_in_failures (at, username, remote_address) VALUES ('2026-11-23T10:00:00Z', 'x', '10.0.0.9')");
    conn->execute("DELETE FROM sign_in_failures WHERE username = 'x'");
    EXPECT_EQ(conn->query("SELECT COUNT(*) FROM audit_log WHERE remote_address = '10.0.0.9'").at(0).int64(0), 1);

    EXPECT_ANY_THROW(conn->execute("UPDATE audit_log SET detail = 'rewritten'"));
    EXPECT_ANY_THROW(conn->execute("DELETE FROM audit_log"));
    EXPECT_ANY_THROW(conn->execute("TRUNCATE audit_log"));
    EXPECT_ANY_THROW(conn->execute_script("DROP TRIGGER audit_log_no_update_delete ON audit_log"));
    EXPECT_ANY_THROW(conn->execute_script("ALTER TABLE audit_log DISABLE TRIGGER ALL"));
    EXPECT_ANY_THROW(conn->execute_script("SET session_replication_role = replica"));
    EXPECT_EQ(conn->query("SELECT COUNT(*) FROM audit_log WHERE remote_address = '10.0.0.9'").at(0).int64(0), 1);
}

INSTANTIATE_TEST_SUITE_P(Postgres, PostgresAppRole, ::testing::ValuesIn(postgres_only()),
                         [](const auto& info) { return info.param; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PostgresAppRole);

}  // namespace
}  // namespace onecase::testing
