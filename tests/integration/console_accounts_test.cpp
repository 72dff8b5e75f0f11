// Users and tokens made at the console (`onecase user create`, `onecase token create`)
// are audited like every other change: who ran the command, what was created, never
// the password hash or the token. Both engines.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "access/console_accounts.hpp"
#include "access/users_store.hpp"
#include "db/migrations.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

class ConsoleAccounts : public ::testing::TestWithParam<std::string> {
protected:
    ConsoleAccounts() : db_(db::open_database(fresh_database_url(GetParam(), "onecase_console_accounts_test"))) {
        db::migrate(*db_);
        auto conn = db_->acquire();
        conn->execute("INSERT INTO regions (code, name) VALUES ('R1', 'Region')");
        conn->execute("INSERT INTO pdus (code, name, region_id) SELECT 'P1', 'PDU', id FROM regions WHERE code = 'R1'");
        conn->execute("INSERT INTO teams (code, name, pdu_id) SELECT 'T1', 'Team', id FROM pdus WHERE code = 'P1'");
        conn->execute("INSERT INTO staff (code, first_name, last_name, grade, team_id) SELECT 'S1', 'Ada', 'Obi', 'PO', id FROM teams WHERE code = 'T1'");
    }

    db::Rows audit_rows(const std::string& action) {
        return db_->acquire()->query("SELECT user_id, remote_address, detail, changes FROM audit_log WHERE action = ? ORDER BY id",
                                     {action});
    }

    platform::Instant now_ = platform::parse_instant("2026-11-23T10:00:00Z").value();
    std::unique_ptr<db::Database> db_;
};

TEST_P(ConsoleAccounts, CreatingAUserIsAuditedWithWhoRanItAndNeverTheHash) {
    access::create_user_at_console(*db_, {"ada.obi", "$argon2id$secret-hash", access::Role::spo, "S1"}, "root", now_);
    const auto rows = audit_rows("user.create");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_TRUE(rows[0].is_null(0)) << "no onecase user ran it";
    EXPECT_EQ(rows[0].text(1), "console:root");
    EXPECT_EQ(rows[0].text(2), "username=ada.obi");
    const auto changes = rows[0].text(3);
    EXPECT_NE(changes.find("\"role\""), std::string::npos) << changes;
    EXPECT_NE(changes.find("\"spo\""), std::string::npos) << changes;
    EXPECT_NE(changes.find("\"S1\""), std::string::npos) << changes;
    EXPECT_EQ(changes.find("argon2id"), std::string::npos) << "the hash is never audited: " << changes;
}

TEST_P(ConsoleAccounts, AUserThatCannotBeCreatedLeavesNoUserAndNoAuditRow) {
    EXPECT_THROW(access::create_user_at_console(*db_, {"ada.obi", "h", access::Role::practitioner, "NO-SUCH"}, "root", now_),
                 std::invalid_argument);
    access::create_user_at_console(*db_, {"ada.obi", "h", access::Role::practitioner, ""}, "root", now_);
    EXPECT_THROW(access::create_user_at_console(*db_, {"ada.obi", "h", access::Role::practitioner, ""}, "root", now_),
                 db::ConstraintViolation);
    EXPECT_EQ(audit_rows("user.create").size(), 1u);
}

TEST_P(ConsoleAccounts, CreatingATokenIsAuditedWithItsNameAndExpiryButNotTheToken) {
    access::create_user_at_console(*db_, {"ada.obi", "h", access::Role::practitioner, "S1"}, "root", now_);
    const auto token = access::create_token_at_console(*db_, "ada.obi", "reporting", now_ + 24h * 30, "ops", now_);
    EXPECT_TRUE(access::principal_for_api_token(*db_->acquire(), token, now_).has_value()) << "the token works";
    const auto rows = audit_rows("token.create");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].text(1), "console:ops");
    EXPECT_EQ(rows[0].text(2), "username=ada.obi name=reporting");
    const auto changes = rows[0].text(3);
    EXPECT_NE(changes.find("2026-12-23T10:00:00Z"), std::string::npos) << changes;
    EXPECT_EQ(changes.find(token), std::string::npos) << "the token is never audited";

    EXPECT_THROW(access::create_token_at_console(*db_, "nobody", "x", std::nullopt, "ops", now_), std::invalid_argument);
    EXPECT_EQ(audit_rows("token.create").size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Databases, ConsoleAccounts, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
