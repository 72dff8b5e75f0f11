// Issue 8 security, through the real server on both databases: the audit log for
// auditors (query, pages, CSV), its append-only table, sign-in lockout and
// throttling, the password policy, API token revocation and signing out everywhere.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "access/audit.hpp"
#include "access/users_store.hpp"
#include "platform/crypto.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;
const std::string kDemoPassword = "onecase-demo-2026";

std::map<std::string, std::string> bearer(RunningService& s, const std::string& user) {
    return {{"Authorization", "Bearer " + s.token_for(user)}};
}

// A user of our own, so one test's lockout or password change touches no other.
void make_user(RunningService& s, const std::string& username, const std::string& password,
               access::Role role = access::Role::practitioner) {
    auto conn = s.database().acquire();
    if (access::find_user(*conn, username)) return;
    access::create_user(*conn, username, platform::hash_password(password), role, std::nullopt,
                        platform::SystemClock{}.now());
}

std::int64_t count(RunningService& s, const std::string& sql, const db::Params& params = {}) {
    auto conn = s.database().acquire();
    return conn->query(sql, params).at(0).int64(0);
}

// The message in the sign-in page's error summary.
std::string sign_in_error(const std::string& html) {
    const std::string marker = "<a href=\"#username\">";
    auto pos = html.find(marker);
    if (pos == std::string::npos) return "";
    pos += marker.size();
    return html.substr(pos, html.find("</a>", pos) - pos);
}

std::string session_cookie(const Browser& b) {
    const auto all = b.cookie_header();
    const std::string name = "onecase_session=";
    auto pos = all.find(name);
    if (pos == std::string::npos) return "";
    pos += name.size();
    return all.substr(pos, all.find(';', pos) - pos);
}

class Security : public SharedServiceTest {
protected:
    RunningService& service() { return shared_service("onecase_security"); }
    // Every request comes from 127.0.0.1, so one test's failed sign-ins would count
    // towards the next test's address throttle: each test starts from a quiet address.
    void SetUp() override {
        auto conn = service().database().acquire();
        conn->execute("DELETE FROM sign_in_failures WHERE remote_address = '127.0.0.1'");
    }
};

TEST_P(Security, AnAuditorSeesACasesEntriesNewestFirstAndNobodyElseMay) {
    auto& s = service();
    const auto po = bearer(s, "demo.po");
    auto caseload = json::parse(http_request(s.port(), "GET", "/api/v1/caseload", po).body).as_object();
    const std::string crn(caseload.at("cases").as_array().at(0).at("crn").as_string());
    for (int i = 0; i < 3; ++i) ASSERT_EQ(http_request(s.port(), "GET", "/api/v1/people/" + crn, po).status, 200);

    const auto auditor = bearer(s, "demo.auditor");
    auto r = http_request(s.port(), "GET", "/api/v1/audit?crn=" + crn, auditor);
    ASSERT_EQ(r.status, 200) << r.body;
    auto rows = json::parse(r.body).at("rows").as_array();
    ASSERT_GE(rows.size(), 3u);
    std::int64_t previous = INT64_MAX;
    int views = 0;
    for (const auto& row : rows) {
        const auto& o = row.as_object();
        EXPECT_LT(o.at("id").as_int64(), previous);
        previous = o.at("id").as_int64();
        EXPECT_EQ(o.at("crn").as_string(), crn);
        for (const char* key : {"user", "action", "at", "remoteAddress", "detail"}) EXPECT_TRUE(o.contains(key)) << key;
        if (o.at("action") == "case.view" && o.at("user") == "demo.po") ++views;
    }
    EXPECT_GE(views, 3);

    // Keyset pages: one row at a time, each older than the last, and filtering by user.
    auto first = json::parse(http_request(s.port(), "GET", "/api/v1/audit?limit=1&user=demo.po&crn=" + crn, auditor).body);
    ASSERT_EQ(first.at("rows").as_array().size(), 1u);
    const auto cursor = first.at("nextCursor").as_int64();
    auto second = json::parse(http_request(s.port(), "GET", "/api/v1/audit?limit=1&user=demo.po&crn=" + crn +
                                                                "&cursor=" + std::to_string(cursor), auditor).body);
    ASSERT_EQ(second.at("rows").as_array().size(), 1u);
    EXPECT_LT(second.at("rows").at(0).at("id").as_int64(), cursor);
    EXPECT_EQ(second.at("rows").at(0).at("user"), "demo.po");
    // A time window in the past holds none of today's views.
    auto old = json::parse(http_request(s.port(), "GET", "/api/v1/audit?to=2020-01-01&crn=" + crn, auditor).body);
    EXPECT_TRUE(old.at("rows").as_array().empty());
    EXPECT_EQ(http_request(s.port(), "GET", "/api/v1/audit?from=soon", auditor).status, 422);

    // The query itself is audited, against the case it asked about.
    EXPECT_GE(count(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'audit.query' AND username = 'demo.auditor' AND crn = ?",
                    {crn}),
              1);

    // Practitioners and administrators may not read the log; auditors may not read cases.
    EXPECT_EQ(http_request(s.port(), "GET", "/api/v1/audit?crn=" + crn, po).status, 403);
    EXPECT_EQ(http_request(s.port(), "GET", "/api/v1/audit", bearer(s, "demo.admin")).status, 403);
    EXPECT_EQ(http_request(s.port(), "GET", "/api/v1/audit.csv", po).status, 403);
    EXPECT_EQ(http_request(s.port(), "GET", "/api/v1/people/" + crn, auditor).status, 403);

    // The page: the auditor sees the entries; a practitioner is refused.
    Browser b(s.port());
    auto signed_in = b.sign_in("demo.auditor", kDemoPassword);
    ASSERT_EQ(signed_in.status, 303);
    EXPECT_EQ(signed_in.header("location").value_or(""), "/audit") << "an auditor starts at the audit log";
    auto page = b.get("/audit?crn=" + crn);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("case.view"), std::string::npos);
    EXPECT_NE(page.body.find("/audit.csv?crn=" + crn), std::string::npos);
    auto bad = b.get("/audit?from=not-a-date");
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("value=\"not-a-date\""), std::string::npos);  // typed text kept
    Browser practitioner(s.port());
    ASSERT_EQ(practitioner.sign_in("demo.po", kDemoPassword).status, 303);
    EXPECT_EQ(practitioner.get("/audit").status, 403);
    EXPECT_EQ(practitioner.get("/audit.csv").status, 403);
}

TEST_P(Security, TheCsvExportEscapesCommasQuotesNewlinesAndFormulas) {
    auto& s = service();
    const std::string crn = "Z999001";
    {
        auto conn = s.database().acquire();
        access::record_audit(*conn, platform::SystemClock{}.now(), nullptr, "10.0.0.1",
                             access::AuditEntry{"contact.create", crn, "=SUM(1,2) \"quoted\"\nsecond line"});
    }
    auto r = http_request(s.port(), "GET", "/api/v1/audit.csv?crn=" + crn, bearer(s, "demo.auditor"));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("content-type").value_or(""), "text/csv; charset=utf-8");
    EXPECT_EQ(r.body.rfind("id,at,user,action,crn,remote_address,detail,changes\r\n", 0), 0u) << r.body;
    // No changes: the last column is empty.
    EXPECT_NE(r.body.find(",contact.create,Z999001,10.0.0.1,\"'=SUM(1,2) \"\"quoted\"\"\nsecond line\",\r\n"),
              std::string::npos)
        << r.body;
    EXPECT_EQ(count(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'audit.export' AND crn = ?", {crn}), 1);

    Browser b(s.port());
    ASSERT_EQ(b.sign_in("demo.auditor", kDemoPassword).status, 303);
    auto page = b.get("/audit.csv?crn=" + crn);
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("'=SUM(1,2)"), std::string::npos);
}

TEST_P(Security, TheAuditLogCannotBeChangedOrEmptied) {
    auto& s = service();
    const auto before = count(s, "SELECT COUNT(*) FROM audit_log");
    ASSERT_GT(before, 0);
    auto conn = s.database().acquire();
    EXPECT_ANY_THROW(conn->execute("UPDATE audit_log SET detail = 'rewritten'"));
    EXPECT_ANY_THROW(conn->execute("DELETE FROM audit_log"));
    if (GetParam() == "postgres") {
        EXPECT_ANY_THROW(conn->execute("TRUNCATE audit_log"));
    }
    EXPECT_EQ(conn->query("SELECT COUNT(*) FROM audit_log WHERE detail = 'rewritten'").at(0).int64(0), 0);
    EXPECT_GE(conn->query("SELECT COUNT(*) FROM audit_log").at(0).int64(0), before);
}

TEST_P(Security, FiveWrongPasswordsLockTheAccountAndAnUnknownUsernameLooksTheSame) {
    auto& s = service();
    make_user(s, "test.lockme", "lockme-right-password-2026");
    struct Seen {
        int status;
        std::string message;
    };
    auto attempts = [&](const std::string& username) {
        std::vector<Seen> seen;
        Browser b(s.port());
        for (int i = 0; i < 5; ++i) {
            auto r = b.sign_in(username, "wrong-password-" + std::to_string(i));
            seen.push_back({r.status, sign_in_error(r.body)});
        }
        auto right = b.sign_in(username, "lockme-right-password-2026");
        seen.push_back({right.status, sign_in_error(right.body)});
        return seen;
    };
    const auto real = attempts("test.lockme");
    const auto unknown = attempts("test.nobody-here");
    ASSERT_EQ(real.size(), 6u);
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(real[i].status, 401);
        EXPECT_EQ(real[i].message, "Enter a correct username and password");
    }
    EXPECT_EQ(real[4].status, 429);  // the fifth failure locks
    EXPECT_NE(real[4].message.find("too many attempts to sign in"), std::string::npos) << real[4].message;
    EXPECT_EQ(real[5].status, 429);  // the right password is refused, with the same words
    EXPECT_EQ(real[5].message, real[4].message);
    for (std::size_t i = 0; i < real.size(); ++i) {
        EXPECT_EQ(unknown[i].status, real[i].status) << i;
        EXPECT_EQ(unknown[i].message, real[i].message) << i;
    }
    EXPECT_EQ(count(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in.locked' AND detail LIKE 'username=test.lockme %'"), 1);

    // The administrator sees the lockout and lifts it; the user can sign in again.
    Browser admin(s.port());
    ASSERT_EQ(admin.sign_in("demo.admin", kDemoPassword).status, 303);
    auto users = admin.get("/admin/users");
    ASSERT_EQ(users.status, 200);
    const auto row = users.body.substr(users.body.find("id=\"user-test.lockme\""), 800);
    EXPECT_NE(row.find("Locked"), std::string::npos);
    EXPECT_NE(row.find("Lift lockout"), std::string::npos);
    EXPECT_EQ(http_request(s.port(), "POST", "/api/v1/admin/users/test.lockme/unlock", bearer(s, "demo.po")).status, 403);
    auto lifted = http_request(s.port(), "POST", "/api/v1/admin/users/test.lockme/unlock", bearer(s, "demo.admin"));
    EXPECT_EQ(lifted.status, 204) << lifted.body;
    EXPECT_EQ(http_request(s.port(), "POST", "/api/v1/admin/users/no.such.user/unlock", bearer(s, "demo.admin")).status, 404);
    EXPECT_EQ(count(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'user.unlock' AND detail = 'username=test.lockme'"), 1);
    // The row says what was lifted: the lockout's end before, none after.
    EXPECT_EQ(count(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'user.unlock' AND detail = 'username=test.lockme' "
                       "AND changes LIKE '[{\"field\":\"locked_until\",\"before\":\"2%\",\"after\":null}]'"),
              1);
    Browser back(s.port());
    EXPECT_EQ(back.sign_in("test.lockme", "lockme-right-password-2026").status, 303);
}

TEST_P(Security, AnUnknownUsernameTakesAsLongToRefuseAsAWrongPassword) {
    auto& s = service();
    make_user(s, "test.timing", "timing-right-password-2026");
    // Medians of three, so one slow request on a busy machine does not decide it.
    auto median_ms = [&](const std::string& username) {
        std::vector<double> ms;
        Browser b(s.port());
        b.get("/sign-in");
        for (int i = 0; i < 3; ++i) {
            const auto start = std::chrono::steady_clock::now();
            EXPECT_EQ(b.sign_in(username, "wrong-password").status, 401);
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        }
        std::sort(ms.begin(), ms.end());
        return ms[1];
    };
    const auto known = median_ms("test.timing");
    const auto unknown = median_ms("test.no-such-user");
    // Checking a password costs an argon2id hash (tens of milliseconds); skipping it
    // for unknown users would make them many times faster.
    EXPECT_GT(unknown, known * 0.5) << "known " << known << " ms, unknown " << unknown << " ms";
    EXPECT_LT(unknown, known * 2.0) << "known " << known << " ms, unknown " << unknown << " ms";
}

TEST_P(Security, TheAdminPageLiftsALockout) {
    auto& s = service();
    make_user(s, "test.lockpage", "lockpage-right-password-2026");
    Browser b(s.port());
    for (int i = 0; i < 5; ++i) b.sign_in("test.lockpage", "nope");
    EXPECT_EQ(b.sign_in("test.lockpage", "lockpage-right-password-2026").status, 429);
    Browser admin(s.port());
    ASSERT_EQ(admin.sign_in("demo.admin", kDemoPassword).status, 303);
    auto page = admin.get("/admin/users");
    auto r = admin.post_form("/admin/users/test.lockpage/unlock", {{"csrf", admin.csrf_from(page.body)}});
    ASSERT_EQ(r.status, 303);
    EXPECT_NE(admin.get(r.header("location").value_or("")).body.find("test.lockpage can sign in again"), std::string::npos);
    EXPECT_EQ(b.sign_in("test.lockpage", "lockpage-right-password-2026").status, 303);
    Browser practitioner(s.port());
    ASSERT_EQ(practitioner.sign_in("demo.po", kDemoPassword).status, 303);
    EXPECT_EQ(practitioner.get("/admin/users").status, 403);
}

TEST_P(Security, WeakPasswordsAreRefusedWithAClearMessage) {
    auto& s = service();
    const std::string old_password = "first-password-of-mine";
    make_user(s, "test.changer", old_password);
    Browser b(s.port());
    ASSERT_EQ(b.sign_in("test.changer", old_password).status, 303);
    Browser other(s.port());
    ASSERT_EQ(other.sign_in("test.changer", old_password).status, 303);
    auto form = b.get("/account/password");
    ASSERT_EQ(form.status, 200);
    const auto csrf = b.csrf_from(form.body);
    auto change = [&](const std::string& current, const std::string& next, const std::string& again) {
        return b.post_form("/account/password",
                           {{"csrf", csrf}, {"currentPassword", current}, {"newPassword", next}, {"confirmPassword", again}});
    };
    const std::pair<std::string, std::string> weak[] = {
        {"short pass", "at least 12 characters"},
        {"password1234", "too common"},
        {"test.changer", "at least 12 characters"},
        {"Test.Changer.", ""},
    };
    for (const auto& [password, message] : weak) {
        if (message.empty()) continue;
        auto r = change(old_password, password, password);
        EXPECT_EQ(r.status, 422) << password;
        EXPECT_NE(r.body.find(message), std::string::npos) << password;
        EXPECT_NE(r.body.find("id=\"newPassword-error\""), std::string::npos) << password;
    }
    auto mismatch = change(old_password, "a long new password", "a long new passw0rd");
    EXPECT_EQ(mismatch.status, 422);
    EXPECT_NE(mismatch.body.find("do not match"), std::string::npos);
    auto wrong = change("not my password", "a long new password", "a long new password");
    EXPECT_EQ(wrong.status, 422);
    EXPECT_NE(wrong.body.find("current password is not correct"), std::string::npos);

    auto api = http_request(s.port(), "POST", "/api/v1/account/password",
                            {{"Authorization", "Bearer " + s.token_for("test.changer")}, {"Content-Type", "application/json"}},
                            json_body({{"currentPassword", old_password}, {"newPassword", "qwertyuiop[]"}}));
    EXPECT_EQ(api.status, 422);
    EXPECT_NE(api.body.find("newPassword"), std::string::npos);

    auto ok = change(old_password, "a long new password", "a long new password");
    ASSERT_EQ(ok.status, 303);
    EXPECT_EQ(b.get("/account").status, 200);  // this session stays
    EXPECT_EQ(other.get("/account").status, 303) << "the other session ends with the old password";
    Browser fresh(s.port());
    EXPECT_EQ(fresh.sign_in("test.changer", old_password).status, 401);
    EXPECT_EQ(fresh.sign_in("test.changer", "a long new password").status, 303);
    EXPECT_EQ(count(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'password.change' AND username = 'test.changer'"), 1);
}

TEST_P(Security, UserCreateAppliesThePasswordPolicy) {
    auto& s = service();
    auto run = [&](const std::string& username, const std::string& password) {
        const std::string cmd = "printf '%s\\n' '" + password + "' | " + ONECASE_BINARY + " user create --db '" + s.url() +
                                "' --username " + username + " --role auditor 2>&1";
        FILE* p = popen(cmd.c_str(), "r");
        std::string out;
        char buf[256];
        while (p && fgets(buf, sizeof buf, p)) out += buf;
        const int status = p ? pclose(p) : -1;
        return std::pair(status, out);
    };
    auto [weak_status, weak_out] = run("test.cli", "password1234");
    EXPECT_NE(weak_status, 0);
    EXPECT_NE(weak_out.find("too common"), std::string::npos) << weak_out;
    auto [ok_status, ok_out] = run("test.cli", "a perfectly fine passphrase");
    EXPECT_EQ(ok_status, 0) << ok_out;
    Browser b(s.port());
    EXPECT_EQ(b.sign_in("test.cli", "a perfectly fine passphrase").status, 303);
}

TEST_P(Security, ARevokedTokenIsRefusedAtOnce) {
    auto& s = service();
    make_user(s, "test.tokens", "tokens-password-2026");
    const auto token = s.token_for("test.tokens");
    const std::map<std::string, std::string> auth{{"Authorization", "Bearer " + token}};
    auto list = http_request(s.port(), "GET", "/api/v1/tokens", auth);
    ASSERT_EQ(list.status, 200) << list.body;
    auto tokens = json::parse(list.body).at("tokens").as_array();
    ASSERT_EQ(tokens.size(), 1u);
    EXPECT_EQ(tokens[0].at("state"), "active");
    EXPECT_EQ(list.body.find(token), std::string::npos) << "the token itself is never shown again";
    const auto id = std::to_string(tokens[0].at("id").as_int64());

    // Someone else's token id is as good as unknown.
    EXPECT_EQ(http_request(s.port(), "DELETE", "/api/v1/tokens/" + id, bearer(s, "demo.po")).status, 404);
    EXPECT_EQ(http_request(s.port(), "GET", "/api/v1/tokens", auth).status, 200);

    EXPECT_EQ(http_request(s.port(), "DELETE", "/api/v1/tokens/" + id, auth).status, 204);
    EXPECT_EQ(http_request(s.port(), "GET", "/api/v1/tokens", auth).status, 401);
    EXPECT_EQ(count(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'token.revoke' AND username = 'test.tokens'"), 1);
    EXPECT_EQ(count(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'token.revoke' AND username = 'test.tokens' "
                       "AND changes LIKE '[{\"field\":\"revoked_at\",\"before\":null,\"after\":\"2%\"}]'"),
              1);

    // From the account page.
    const auto second = s.token_for("test.tokens");
    Browser b(s.port());
    ASSERT_EQ(b.sign_in("test.tokens", "tokens-password-2026").status, 303);
    auto page = b.get("/account");
    ASSERT_EQ(page.status, 200);
    auto listed = json::parse(http_request(s.port(), "GET", "/api/v1/tokens", {{"Authorization", "Bearer " + second}}).body);
    const auto second_id = std::to_string(listed.at("tokens").at(0).at("id").as_int64());
    EXPECT_NE(page.body.find("/account/tokens/" + second_id + "/revoke"), std::string::npos);
    auto r = b.post_form("/account/tokens/" + second_id + "/revoke", {{"csrf", b.csrf_from(page.body)}});
    EXPECT_EQ(r.status, 303);
    EXPECT_EQ(http_request(s.port(), "GET", "/api/v1/tokens", {{"Authorization", "Bearer " + second}}).status, 401);
}

TEST_P(Security, EachSignInGetsAFreshSessionAndSignOutEverywhereEndsThemAll) {
    auto& s = service();
    make_user(s, "test.sessions", "sessions-password-2026");
    Browser a(s.port());
    ASSERT_EQ(a.sign_in("test.sessions", "sessions-password-2026").status, 303);
    const auto first = session_cookie(a);
    ASSERT_FALSE(first.empty());
    // Signing in again, even over a live session, issues a new token.
    ASSERT_EQ(a.sign_in("test.sessions", "sessions-password-2026").status, 303);
    const auto second = session_cookie(a);
    EXPECT_NE(second, first);
    Browser b(s.port());
    ASSERT_EQ(b.sign_in("test.sessions", "sessions-password-2026").status, 303);
    EXPECT_NE(session_cookie(b), second);
    ASSERT_EQ(b.get("/account").status, 200);

    auto page = a.get("/account");
    ASSERT_NE(page.body.find("/account/sign-out-everywhere"), std::string::npos);
    auto out = a.post_form("/account/sign-out-everywhere", {{"csrf", a.csrf_from(page.body)}});
    EXPECT_EQ(out.status, 303);
    EXPECT_EQ(b.get("/account").status, 303) << "the other browser's session has ended";
    EXPECT_EQ(a.get("/account").status, 303);
    EXPECT_EQ(count(s, "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id "
                       "WHERE u.username = 'test.sessions' AND s.ended_at IS NULL"),
              0);
}

INSTANTIATE_TEST_SUITE_P(Databases, Security, ::testing::ValuesIn(backends()), [](const auto& info) { return info.param; });

// Its own service: twenty failures from one address make that address wait.
class SignInAddressThrottle : public ::testing::TestWithParam<std::string> {};

TEST_P(SignInAddressThrottle, TwentyFailuresFromOneAddressMakeItWait) {
    RunningService s(GetParam(), "onecase_security_throttle");
    {
        auto conn = s.database().acquire();
        const auto now = platform::SystemClock{}.now();
        for (int i = 0; i < 19; ++i) {
            conn->execute("INSERT INTO sign_in_failures (at, username, remote_address) VALUES (?, ?, '127.0.0.1')",
                          {platform::format_instant(now - std::chrono::minutes(10)), "sprayed" + std::to_string(i)});
        }
    }
    Browser b(s.port());
    auto twentieth = b.sign_in("someone.else", "wrong");
    EXPECT_EQ(twentieth.status, 401);
    auto refused = b.sign_in("demo.po", kDemoPassword);  // even the right password waits
    EXPECT_EQ(refused.status, 429);
    EXPECT_NE(sign_in_error(refused.body).find("too many failed sign-ins from your network"), std::string::npos)
        << refused.body;
    const auto retry = std::stoi(refused.header("retry-after").value_or("0"));
    EXPECT_GT(retry, 4 * 60);
    EXPECT_LE(retry, 5 * 60);
    EXPECT_EQ(count(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in.throttled'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Databases, SignInAddressThrottle, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
