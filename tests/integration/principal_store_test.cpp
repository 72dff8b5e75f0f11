// What authenticating a request yields (access/users_store.hpp), read in one statement
// with the token or session: the user, their role and their staff scope (team, PDU,
// region) or none for a user who is not staff; nothing for an inactive user, a revoked
// or expired token, or an ended or idle session. Both engines.
#include <gtest/gtest.h>

#include "access/users_store.hpp"
#include "db/migrations.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

using namespace std::chrono_literals;

class PrincipalStore : public ::testing::TestWithParam<std::string> {
protected:
    PrincipalStore() : db_(db::open_database(fresh_database_url(GetParam(), "onecase_principal_store_test"))) {
        db::migrate(*db_);
        auto conn = db_->acquire();
        conn->execute("INSERT INTO regions (code, name) VALUES ('R1', 'Region')");
        conn->execute("INSERT INTO pdus (code, name, region_id) SELECT 'P1', 'PDU', id FROM regions WHERE code = 'R1'");
        conn->execute("INSERT INTO teams (code, name, pdu_id) SELECT 'T1', 'Team One', id FROM pdus WHERE code = 'P1'");
        conn->execute("INSERT INTO staff (code, first_name, last_name, grade, team_id) "
                      "SELECT 'S1', 'Ada', 'Obi', 'PO', id FROM teams WHERE code = 'T1'");
        const auto staff = conn->query("SELECT id FROM staff WHERE code = 'S1'").at(0).int64(0);
        practitioner_ = access::create_user(*conn, "ada.obi", "hash", access::Role::practitioner, staff, now_);
        auditor_ = access::create_user(*conn, "the.auditor", "hash", access::Role::auditor, std::nullopt, now_);
    }

    std::optional<access::Principal> by_token(const std::string& token, platform::Instant at) {
        return access::principal_for_api_token(*db_->acquire(), token, at);
    }

    platform::Instant now_ = platform::parse_instant("2026-11-23T10:00:00Z").value();
    std::unique_ptr<db::Database> db_;
    std::int64_t practitioner_ = 0;
    std::int64_t auditor_ = 0;
};

TEST_P(PrincipalStore, ATokenGivesTheUserWithTheirTeamPduAndRegion) {
    const auto token = access::create_api_token(*db_->acquire(), practitioner_, "laptop", now_, std::nullopt);
    const auto p = by_token(token, now_ + 1h);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->user_id, practitioner_);
    EXPECT_EQ(p->username, "ada.obi");
    EXPECT_EQ(p->role, access::Role::practitioner);
    EXPECT_TRUE(p->via_token);
    ASSERT_TRUE(p->staff);
    auto conn = db_->acquire();
    EXPECT_EQ(p->staff->staff_id, conn->query("SELECT id FROM staff WHERE code = 'S1'").at(0).int64(0));
    EXPECT_EQ(p->staff->staff_code, "S1");
    EXPECT_EQ(p->staff->display_name, "Ada Obi");
    EXPECT_EQ(p->staff->team_id, conn->query("SELECT id FROM teams WHERE code = 'T1'").at(0).int64(0));
    EXPECT_EQ(p->staff->team_code, "T1");
    EXPECT_EQ(p->staff->team_name, "Team One");
    EXPECT_EQ(p->staff->pdu_id, conn->query("SELECT id FROM pdus WHERE code = 'P1'").at(0).int64(0));
    EXPECT_EQ(p->staff->region_id, conn->query("SELECT id FROM regions WHERE code = 'R1'").at(0).int64(0));
}

TEST_P(PrincipalStore, AUserWhoIsNotStaffHasNoScope) {
    const auto token = access::create_api_token(*db_->acquire(), auditor_, "audit", now_, std::nullopt);
    const auto p = by_token(token, now_);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->role, access::Role::auditor);
    EXPECT_FALSE(p->staff);
}

TEST_P(PrincipalStore, ExpiredRevokedUnknownTokensAndInactiveUsersGiveNobody) {
    auto conn = db_->acquire();
    const auto expiring = access::create_api_token(*conn, practitioner_, "a day", now_, now_ + 24h);
    EXPECT_TRUE(by_token(expiring, now_ + 23h));
    EXPECT_FALSE(by_token(expiring, now_ + 24h)) << "a token is refused from its expiry on";

    const auto revoked = access::create_api_token(*conn, practitioner_, "old", now_, std::nullopt);
    conn->execute("UPDATE api_tokens SET revoked_at = ? WHERE name = 'old'", {std::string("2026-11-23T11:00:00Z")});
    EXPECT_FALSE(by_token(revoked, now_ + 2h));
    EXPECT_FALSE(by_token("oc_no-such-token", now_));

    const auto kept = access::create_api_token(*conn, practitioner_, "kept", now_, std::nullopt);
    ASSERT_TRUE(by_token(kept, now_));
    conn->execute("UPDATE users SET active = 0 WHERE id = ?", {practitioner_});
    EXPECT_FALSE(by_token(kept, now_)) << "an inactive user's tokens stop working at once";
}

TEST_P(PrincipalStore, ASessionGivesTheUserAndItsCsrfTokenUntilItEndsOrIdles) {
    auto conn = db_->acquire();
    const access::SessionPolicy policy{30min, 12h};
    const auto session = access::create_session(*conn, practitioner_, now_);
    auto p = access::resume_session(*conn, session.token, now_ + 5min, policy);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->username, "ada.obi");
    EXPECT_EQ(p->csrf_token, session.csrf_token);
    EXPECT_FALSE(p->via_token);
    ASSERT_TRUE(p->staff);
    EXPECT_EQ(p->staff->team_code, "T1");
    EXPECT_FALSE(access::resume_session(*conn, session.token, now_ + 5min + 31min, policy)) << "idle past the timeout";

    const auto other = access::create_session(*conn, auditor_, now_);
    ASSERT_TRUE(access::resume_session(*conn, other.token, now_, policy));
    EXPECT_FALSE(access::resume_session(*conn, other.token, now_, policy)->staff);
    access::end_session(*conn, other.token, now_ + 1min);
    EXPECT_FALSE(access::resume_session(*conn, other.token, now_ + 2min, policy));
}

INSTANTIATE_TEST_SUITE_P(Databases, PrincipalStore, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
