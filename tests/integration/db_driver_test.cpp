// The storage interface itself, the same assertions on SQLite and PostgreSQL: what
// goes in comes out unchanged, errors arrive as the right type, transactions and
// the pool behave as database.hpp promises. Module tests build on this.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "db/database.hpp"
#include "db/deferred_commits.hpp"
#include "on_disk.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

using namespace std::chrono_literals;

class DbDriver : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        url_ = fresh_database_url(GetParam(), "onecase_driver_test");
        db_ = open(db::OpenOptions{});
        auto conn = db_->acquire();
        conn->execute_script(
            "CREATE TABLE kinds (id BIGINT PRIMARY KEY, i BIGINT, r DOUBLE PRECISION, t TEXT);"
            "CREATE TABLE people (crn TEXT PRIMARY KEY, pnc TEXT UNIQUE, surname TEXT NOT NULL,"
            "  version BIGINT NOT NULL DEFAULT 1, CHECK (length(crn) = 7));"
            "CREATE TABLE contacts (id BIGINT PRIMARY KEY, crn TEXT NOT NULL REFERENCES people (crn),"
            "  notes TEXT);");
    }

    std::unique_ptr<db::Database> open(const db::OpenOptions& options) { return db::open_database(url_, options); }
    bool postgres() const { return GetParam() == "postgres"; }

    std::int64_t count(const char* table) {
        return db_->acquire()->query(std::string("SELECT COUNT(*) FROM ") + table).at(0).int64(0);
    }

    std::string url_;
    std::unique_ptr<db::Database> db_;
};

// Behaviour only PostgreSQL has (session settings, roles, server-ended sessions,
// passwords in URLs): run on PostgreSQL alone rather than skipped on SQLite.
class PostgresDriver : public DbDriver {};

TEST_P(DbDriver, EveryValueKindRoundTripsUnchanged) {
    // 100,000 characters, a quarter of them multi-byte, as a long pasted report might be.
    const char* pieces[] = {"a", "é", "予", "🙂", " ", "£", "z", "."};
    std::string long_note;
    for (int n = 0; n < 100'000; ++n) long_note += pieces[n % std::size(pieces)];
    const std::string unicode = "Zoë O'Neill-Ødegård \"Ted\" ? ✓ 🙂";
    const struct {
        std::int64_t id;
        db::Value i, r, t;
    } rows[] = {
        {1, std::numeric_limits<std::int64_t>::max(), 0.1, unicode},
        {2, std::numeric_limits<std::int64_t>::min(), -2.5e-300, long_note},
        {3, std::int64_t{0}, 1.0 / 3.0, std::string()},
        {4, db::null, db::null, db::null},
        {5, std::int64_t{-1}, 1.7976931348623157e308, std::string("tab\there\nnew line")},
    };
    auto conn = db_->acquire();
    for (const auto& row : rows) {
        EXPECT_EQ(conn->execute("INSERT INTO kinds (id, i, r, t) VALUES (?, ?, ?, ?)", {row.id, row.i, row.r, row.t}), 1);
    }
    const auto back = conn->query("SELECT id, i, r, t FROM kinds ORDER BY id");
    ASSERT_EQ(back.size(), std::size(rows));
    for (std::size_t n = 0; n < back.size(); ++n) {
        EXPECT_EQ(back[n].raw(1), rows[n].i) << "row " << rows[n].id;
        EXPECT_EQ(back[n].raw(2), rows[n].r) << "row " << rows[n].id;
        EXPECT_EQ(back[n].raw(3), rows[n].t) << "row " << rows[n].id;
    }
    EXPECT_EQ(conn->query("SELECT length(t) FROM kinds WHERE id = 2").at(0).int64(0), 100'000)
        << "stored as characters, not mangled bytes";
}

TEST_P(DbDriver, ComparisonsAndCountsReadAsIntegers) {
    auto conn = db_->acquire();
    const auto row = conn->query("SELECT 1 = 1, 1 = 2, COUNT(*) FROM kinds").at(0);
    EXPECT_EQ(row.raw(0), db::Value(std::int64_t{1}));
    EXPECT_EQ(row.raw(1), db::Value(std::int64_t{0}));
    EXPECT_EQ(row.raw(2), db::Value(std::int64_t{0}));
}

TEST_P(DbDriver, QuestionMarksInLiteralsAndCommentsAreNotParameters) {
    auto conn = db_->acquire();
    const auto row = conn->query("SELECT 'Did he attend?', ? -- late?\n, 'O''Neill?' /* ? */", {std::string("yes")}).at(0);
    EXPECT_EQ(row.text(0), "Did he attend?");
    EXPECT_EQ(row.text(1), "yes");
    EXPECT_EQ(row.text(2), "O'Neill?");
}

TEST_P(DbDriver, WrongParameterCountIsABugEveryTime) {
    auto conn = db_->acquire();
    const char* sql = "SELECT CAST(? AS BIGINT) + CAST(? AS BIGINT)";
    EXPECT_EQ(conn->query(sql, {std::int64_t{1}, std::int64_t{2}}).at(0).int64(0), 3);
    for (int attempt = 0; attempt < 2; ++attempt) {  // now from the statement cache
        EXPECT_THROW(conn->query(sql, {std::int64_t{1}}), db::SqlError);
    }
    EXPECT_TRUE(conn->healthy());
    EXPECT_EQ(conn->query(sql, {std::int64_t{1}, std::int64_t{2}}).at(0).int64(0), 3);
}

TEST_P(DbDriver, ReturningGivesBackTheWrittenRow) {
    auto conn = db_->acquire();
    auto inserted = conn->query("INSERT INTO people (crn, surname) VALUES (?, ?) RETURNING crn, version",
                                {std::string("X100001"), std::string("Smith")});
    ASSERT_EQ(inserted.size(), 1u);
    EXPECT_EQ(inserted[0].text(0), "X100001");
    EXPECT_EQ(inserted[0].int64(1), 1);
    auto updated = conn->query("UPDATE people SET version = version + 1 WHERE crn = ? AND version = ? RETURNING version",
                               {std::string("X100001"), std::int64_t{1}});
    ASSERT_EQ(updated.size(), 1u);
    EXPECT_EQ(updated[0].int64(0), 2);
    EXPECT_TRUE(conn->query("UPDATE people SET version = version + 1 WHERE crn = ? AND version = ? RETURNING version",
                            {std::string("X100001"), std::int64_t{1}})
                    .empty())
        << "a stale version changes nothing";
}

TEST_P(DbDriver, RefusedWritesAreConstraintViolations) {
    auto conn = db_->acquire();
    conn->execute("INSERT INTO people (crn, pnc, surname) VALUES (?, ?, ?)",
                  {std::string("X100001"), std::string("2001/0000001A"), std::string("Smith")});
    const char* insert = "INSERT INTO people (crn, pnc, surname) VALUES (?, ?, ?)";
    EXPECT_THROW(conn->execute(insert, {std::string("X100001"), db::null, std::string("Jones")}), db::ConstraintViolation)
        << "primary key";
    EXPECT_THROW(conn->execute(insert, {std::string("X100002"), std::string("2001/0000001A"), std::string("Jones")}),
                 db::ConstraintViolation)
        << "unique";
    EXPECT_THROW(conn->execute(insert, {std::string("X100003"), db::null, db::null}), db::ConstraintViolation)
        << "not null";
    EXPECT_THROW(conn->execute(insert, {std::string("short"), db::null, std::string("Jones")}), db::ConstraintViolation)
        << "check";
    EXPECT_THROW(conn->execute("INSERT INTO contacts (id, crn) VALUES (?, ?)", {std::int64_t{1}, std::string("X999999")}),
                 db::ConstraintViolation)
        << "foreign key";
    EXPECT_THROW(conn->execute("INSERT INTO no_such_table VALUES (?)", {std::int64_t{1}}), db::SqlError);
    EXPECT_TRUE(conn->healthy()) << "a refused statement does not break the connection";
    EXPECT_EQ(count("people"), 1);
}

TEST_P(DbDriver, RollbackLeavesNothing) {
    {
        auto conn = db_->acquire();
        conn->begin_write();
        conn->execute("INSERT INTO people (crn, surname) VALUES (?, ?)", {std::string("X100001"), std::string("Smith")});
        conn->rollback();
    }
    EXPECT_THROW(db::write_transaction(*db_,
                                       [](db::Connection& c) {
                                           c.execute("INSERT INTO people (crn, surname) VALUES (?, ?)",
                                                     {std::string("X100002"), std::string("Jones")});
                                           throw std::runtime_error("the request failed half way");
                                       }),
                 std::runtime_error);
    EXPECT_EQ(count("people"), 0);
}

TEST_P(DbDriver, ACommittedWriteIsSeenByAnotherPooledConnection) {
    auto writer = db_->acquire();
    auto reader = db_->acquire();
    writer->begin_write();
    writer->execute("INSERT INTO people (crn, surname) VALUES (?, ?)", {std::string("X100001"), std::string("Smith")});
    EXPECT_EQ(reader->query("SELECT COUNT(*) FROM people").at(0).int64(0), 0) << "not before the commit";
    writer->commit();
    EXPECT_EQ(reader->query("SELECT surname FROM people WHERE crn = ?", {std::string("X100001")}).at(0).text(0), "Smith");
}

// A request's handler runs in a DeferredCommits scope: its commit may return before
// its write is committed (SQLite, when a writer queued behind it takes the batch on),
// yet whatever the thread runs next sees the write, and the scope settles once the
// write is on disk.
TEST_P(DbDriver, InsideADeferredScopeTheThreadSeesItsOwnWriteAndTheScopeSettlesOnceOnDisk) {
    db::DeferredCommits deferred;
    // A batch older than 20 ms is committed rather than handed on, so the next writer
    // has only a few milliseconds to queue: the round is tried again until it did.
    int rounds = 0;
    for (bool handed_on = false; !handed_on && rounds < 20;) {
        ++rounds;
        auto first = db_->acquire();
        first->begin_write();
        std::atomic<bool> next_done = false;
        std::thread next_writer([this, rounds, &next_done] {
            db::write_transaction(*db_, [&](db::Connection& c) {
                c.execute("INSERT INTO kinds (id, t) VALUES (?, ?)", {std::int64_t{rounds}, std::string("next")});
                std::this_thread::sleep_for(50ms);  // holds the batch open
            });
            next_done = true;
        });
        std::this_thread::sleep_for(5ms);
        first->execute("INSERT INTO people (crn, surname) VALUES (?, ?)",
                       {"X1" + std::to_string(10000 + rounds), std::string("Smith")});
        first->commit();
        handed_on = !next_done;
        EXPECT_EQ(db_->acquire()->query("SELECT COUNT(*) FROM people").at(0).int64(0), rounds);
        next_writer.join();
        if (postgres()) break;  // commits there always wait
    }
    EXPECT_EQ(when_on_disk(deferred).get(), nullptr);
    EXPECT_EQ(count("kinds"), rounds);
}

TEST_P(DbDriver, AReadTransactionSeesOneSnapshot) {
    auto reader = db_->acquire();
    reader->begin_read();
    EXPECT_EQ(reader->query("SELECT COUNT(*) FROM people").at(0).int64(0), 0);
    db::write_transaction(*db_, [](db::Connection& c) {
        c.execute("INSERT INTO people (crn, surname) VALUES (?, ?)", {std::string("X100001"), std::string("Smith")});
    });
    EXPECT_EQ(reader->query("SELECT COUNT(*) FROM people").at(0).int64(0), 0);
    reader->commit();
    EXPECT_EQ(reader->query("SELECT COUNT(*) FROM people").at(0).int64(0), 1);
}

TEST_P(DbDriver, CachedStatementsSurviveAnotherServersMigration) {
    auto reader = db_->acquire();
    auto migrator = db_->acquire();
    const char* sql = "SELECT * FROM kinds WHERE id = ?";
    reader->execute("INSERT INTO kinds (id, t) VALUES (?, ?)", {std::int64_t{1}, std::string("before")});
    EXPECT_EQ(reader->query(sql, {std::int64_t{1}}).at(0).size(), 4u);
    migrator->execute_script("ALTER TABLE kinds ADD COLUMN extra TEXT");
    EXPECT_EQ(reader->query(sql, {std::int64_t{1}}).at(0).size(), 5u) << "outside a transaction";

    migrator->execute_script("ALTER TABLE kinds ADD COLUMN more TEXT");
    reader->begin_read();
    try {
        EXPECT_EQ(reader->query(sql, {std::int64_t{1}}).at(0).size(), 6u);  // SQLite re-prepares by itself
        reader->commit();
    } catch (const db::SqlError&) {
        reader->rollback();  // PostgreSQL: the transaction is lost, the retry works
        EXPECT_TRUE(postgres());
        reader->begin_read();
        EXPECT_EQ(reader->query(sql, {std::int64_t{1}}).at(0).size(), 6u);
        reader->commit();
    }
}

TEST_P(DbDriver, AnExhaustedPoolThrowsUnavailableAfterItsTimeout) {
    auto small = open(db::OpenOptions{1, 300ms});
    {
        auto only = small->acquire();
        const auto start = std::chrono::steady_clock::now();
        EXPECT_THROW(small->acquire(), db::Unavailable);
        const auto waited = std::chrono::steady_clock::now() - start;
        EXPECT_GE(waited, 250ms);
        EXPECT_LT(waited, 5s);
    }
    EXPECT_EQ(small->acquire()->query("SELECT 1").at(0).int64(0), 1) << "free again once given back";
}

TEST_P(DbDriver, ConcurrentWritersThroughASmallPoolAllLand) {
    auto small = open(db::OpenOptions{3, 20s});
    constexpr int kThreads = 6, kEach = 40;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&small, &failures, t] {
            for (int n = 0; n < kEach; ++n) {
                try {
                    db::write_transaction(*small, [&](db::Connection& c) {
                        c.execute("INSERT INTO kinds (id, t) VALUES (?, ?)",
                                  {std::int64_t{t * 1000 + n}, std::string("written by thread ") + std::to_string(t)});
                    });
                } catch (const std::exception&) {
                    ++failures;
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(count("kinds"), kThreads * kEach);
}

TEST_P(DbDriver, CopyRowsLoadsTabSeparatedTextOnPostgres) {
    auto conn = db_->acquire();
    if (!postgres()) {
        EXPECT_FALSE(conn->supports_copy());
        EXPECT_THROW(conn->copy_rows("people", "crn, surname", "X100001\tSmith\n"), db::SqlError);
        return;
    }
    ASSERT_TRUE(conn->supports_copy());
    conn->copy_rows("people", "crn, pnc, surname",
                    "X100001\t\\N\tSmith\nX100002\t2001/0000002B\tÓ Súilleabháin\\tThe\\\\Second\n");
    std::string many;  // more than one 1 MiB chunk
    for (int id = 1; id <= 30'000; ++id) {
        many += std::to_string(id) + "\tX100001\tContact " + std::to_string(id) + ": " + std::string(40, 'n') + "\n";
    }
    ASSERT_GT(many.size(), 1u << 20);
    conn->copy_rows("contacts", "id, crn, notes", many);
    EXPECT_EQ(count("contacts"), 30'000);
    const auto second = conn->query("SELECT pnc, surname FROM people WHERE crn = 'X100002'").at(0);
    EXPECT_EQ(second.text(0), "2001/0000002B");
    EXPECT_EQ(second.text(1), "Ó Súilleabháin\tThe\\Second");
    EXPECT_TRUE(conn->query("SELECT pnc FROM people WHERE crn = 'X100001'").at(0).is_null(0));

    EXPECT_THROW(conn->copy_rows("people", "crn, surname", "X100003\n"), db::SqlError) << "missing column";
    EXPECT_THROW(conn->copy_rows("people", "crn, surname", "X100001\tAgain\n"), db::ConstraintViolation);
    EXPECT_TRUE(conn->healthy());
    EXPECT_EQ(conn->query("SELECT COUNT(*) FROM people").at(0).int64(0), 2) << "a refused COPY loads nothing";
}

// --- Where PostgreSQL differs underneath and the driver must hide it ---------------

TEST_P(PostgresDriver, PostgresCommitAfterAFailedStatementIsNotAcknowledged) {
    auto conn = db_->acquire();
    conn->begin_write();
    conn->execute("INSERT INTO people (crn, surname) VALUES (?, ?)", {std::string("X100001"), std::string("Smith")});
    EXPECT_THROW(conn->execute("INSERT INTO people (crn, surname) VALUES (?, ?)",
                               {std::string("X100001"), std::string("Smith")}),
                 db::ConstraintViolation);
    EXPECT_THROW(conn->commit(), db::SqlError) << "PostgreSQL rolled the whole transaction back";
    EXPECT_TRUE(conn->healthy());
    EXPECT_EQ(conn->query("SELECT COUNT(*) FROM people").at(0).int64(0), 0);
}

TEST_P(PostgresDriver, PostgresBulkLoadModeDoesNotOutliveTheBorrow) {
    auto one = open(db::OpenOptions{1, 2s});
    {
        auto conn = one->acquire();
        conn->bulk_load_mode(true);
        EXPECT_EQ(conn->query("SELECT current_setting('synchronous_commit')").at(0).text(0), "off");
    }  // given back still in bulk-load mode, as after a load that threw
    auto next = one->acquire();
    const auto settings = next->query(
        "SELECT current_setting('synchronous_commit'), current_setting('session_replication_role')");
    EXPECT_EQ(settings.at(0).text(0), "on") << "the next request must get a durable session";
    EXPECT_EQ(settings.at(0).text(1), "origin") << "with foreign keys checked";
}

TEST_P(PostgresDriver, PostgresBulkLoadModeWorksForAnOrdinaryRole) {
    // Production connects as an application role, not a superuser; it may not touch
    // session_replication_role at all, not even to RESET it.
    db_->acquire()->execute_script(
        "DROP ROLE IF EXISTS onecase_driver_app; CREATE ROLE onecase_driver_app LOGIN");
    const auto as_app = "postgresql://onecase_driver_app@" + url_.substr(url_.find('@') + 1);
    auto app = db::open_database(as_app, db::OpenOptions{1, 2s});
    auto conn = app->acquire();
    conn->bulk_load_mode(true);
    conn->bulk_load_mode(false);
    EXPECT_EQ(conn->query("SELECT current_setting('synchronous_commit')").at(0).text(0), "on");
}

TEST_P(PostgresDriver, PostgresSessionEndedByTheServerIsReplacedBeforeUse) {
    auto one = open(db::OpenOptions{1, 2s});
    const auto pid = one->acquire()->query("SELECT pg_backend_pid()").at(0).int64(0);
    // As after a restart or an idle-session timeout: the pooled session is gone.
    ASSERT_TRUE(db_->acquire()->query("SELECT pg_terminate_backend(?::int, 5000)", {pid}).at(0).boolean(0));
    auto conn = one->acquire();
    EXPECT_NE(conn->query("SELECT pg_backend_pid()").at(0).int64(0), pid);
}

TEST_P(PostgresDriver, PostgresDescriptionHidesThePassword) {
    // Trust authentication ignores the password, so this still connects.
    const auto with_password = "postgresql://postgres:s3cret-Pa55@" + url_.substr(url_.find('@') + 1);
    auto db = db::open_database(with_password, db::OpenOptions{1, 2s});
    EXPECT_EQ(db->describe().find("s3cret"), std::string::npos) << db->describe();
}

INSTANTIATE_TEST_SUITE_P(Databases, DbDriver, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

INSTANTIATE_TEST_SUITE_P(Postgres, PostgresDriver, ::testing::ValuesIn(postgres_only()),
                         [](const auto& info) { return info.param; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PostgresDriver);

}  // namespace
}  // namespace onecase::testing
