// The view-audit journal (access/audit_journal.hpp) against a real database: a row is
// on disk in the journal when record returns and in audit_log once settled; what a
// crash leaves is imported at the next start, once only; a second process on the same
// journal writes directly instead. The journal is SQLite's, but nothing in it is
// SQLite's own, so it runs on both engines.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>

#include "access/audit_journal.hpp"
#include "access/audit_journal_format.hpp"
#include "db/migrations.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// Long enough that the background import never runs during a test: each test settles.
constexpr auto kNoBackgroundImport = std::chrono::hours(1);

class AuditJournalTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        db_ = db::open_database(fresh_database_url(GetParam(), "onecase_audit_journal"));
        db::migrate(*db_);
        dir_ = (fs::temp_directory_path() / ("onecase-audit-journal-" + GetParam() + "-" + std::to_string(::getpid()))).string();
        fs::remove_all(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::int64_t audit_rows(const std::string& detail) {
        return db_->acquire()->query("SELECT COUNT(*) FROM audit_log WHERE detail = ?", {detail}).at(0).int64(0);
    }
    std::string journal_text() {
        std::string all;
        for (const auto& e : fs::directory_iterator(dir_)) {
            if (e.path().extension() != ".journal") continue;
            std::ifstream in(e.path());
            std::ostringstream text;
            text << in.rdbuf();
            all += text.str();
        }
        return all;
    }
    std::size_t segments() {
        std::size_t n = 0;
        for (const auto& e : fs::directory_iterator(dir_)) n += e.path().extension() == ".journal" ? 1 : 0;
        return n;
    }
    void write_segment(std::uint64_t number, const std::string& text) {
        char name[32];
        std::snprintf(name, sizeof name, "%012llu.journal", static_cast<unsigned long long>(number));
        std::ofstream(dir_ + "/" + name) << text;
    }
    static access::AuditRecord row(const std::string& detail) {
        return access::AuditRecord{"2026-12-07T09:30:00.000Z", std::nullopt, "demo.po", "10.0.0.9", "case.view", "X000001",
                                   detail, std::nullopt};
    }
    void record(access::ViewAudit& views, const std::string& detail) {
        views.record(platform::SystemClock{}.now(), nullptr, "10.0.0.9", access::AuditEntry{"case.view", "X000001", detail});
    }

    std::unique_ptr<db::Database> db_;
    std::string dir_;
};

TEST_P(AuditJournalTest, AViewIsInTheJournalWhenRecordedAndInTheTrailOnceSettled) {
    access::AuditJournal journal(*db_, dir_, kNoBackgroundImport);
    record(journal, "first view");
    record(journal, "second view");
    EXPECT_NE(journal_text().find("first view"), std::string::npos) << "on disk in the journal before record returned";
    EXPECT_EQ(audit_rows("first view"), 0) << "not yet moved";

    journal.settle();
    EXPECT_EQ(audit_rows("first view"), 1);
    EXPECT_EQ(audit_rows("second view"), 1);
    EXPECT_EQ(journal_text().find("first view"), std::string::npos) << "a moved segment is deleted";
    EXPECT_EQ(db_->acquire()->query("SELECT last_imported_segment FROM audit_journal_state").at(0).int64(0), 1);

    record(journal, "third view");
    journal.settle();
    journal.settle();  // nothing new: nothing moved twice
    EXPECT_EQ(audit_rows("third view"), 1);
    EXPECT_EQ(audit_rows("first view"), 1);
}

TEST_P(AuditJournalTest, TheBackgroundImportMovesViewsWithoutBeingAsked) {
    access::AuditJournal journal(*db_, dir_, 20ms);
    record(journal, "moved in the background");
    for (int i = 0; i < 500 && audit_rows("moved in the background") == 0; ++i) std::this_thread::sleep_for(10ms);
    EXPECT_EQ(audit_rows("moved in the background"), 1);
}

TEST_P(AuditJournalTest, WhatACrashLeftIsImportedAtStartAndACutShortLastLineIsNot) {
    fs::create_directories(dir_);
    const auto whole = access::encode_journal_line(row("left by a crash"));
    write_segment(1, access::encode_journal_line(row("left earlier")));
    write_segment(2, whole + whole.substr(0, whole.size() - 5));
    {
        access::AuditJournal journal(*db_, dir_, kNoBackgroundImport);
        EXPECT_EQ(audit_rows("left earlier"), 1);
        EXPECT_EQ(audit_rows("left by a crash"), 1) << "the whole line only, not the torn one after it";
        EXPECT_EQ(segments(), 1u) << "only the new, open segment is left";
        record(journal, "after the restart");
    }
    // The destructor moved the last view; a new journal starts after segment 3.
    EXPECT_EQ(audit_rows("after the restart"), 1);
    EXPECT_EQ(db_->acquire()->query("SELECT last_imported_segment FROM audit_journal_state").at(0).int64(0), 3);
}

TEST_P(AuditJournalTest, ASegmentAlreadyMovedBeforeACrashIsNotMovedTwice) {
    {
        access::AuditJournal journal(*db_, dir_, kNoBackgroundImport);
        record(journal, "moved once");
        journal.settle();
    }
    // A crash between the import's commit and the file's deletion leaves the file.
    write_segment(1, access::encode_journal_line(row("moved once")));
    access::AuditJournal journal(*db_, dir_, kNoBackgroundImport);
    EXPECT_EQ(audit_rows("moved once"), 1);
    EXPECT_EQ(segments(), 1u);
}

TEST_P(AuditJournalTest, ASecondProcessOnTheSameJournalWritesItsViewsDirectly) {
    access::AuditJournal first(*db_, dir_, kNoBackgroundImport);
    EXPECT_THROW(access::AuditJournal(*db_, dir_, kNoBackgroundImport), access::JournalBusy);
    auto second = access::make_view_audit(*db_, dir_);
    record(*second, "written directly");
    EXPECT_EQ(audit_rows("written directly"), 1) << "in audit_log at once, not in the other's journal";
}

TEST_P(AuditJournalTest, ConcurrentViewsShareFlushesAndEveryOneArrives) {
    access::AuditJournal journal(*db_, dir_, 5ms);
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) record(journal, "burst " + std::to_string(t) + "." + std::to_string(i));
        });
    }
    for (auto& t : threads) t.join();
    journal.settle();
    EXPECT_EQ(db_->acquire()->query("SELECT COUNT(*) FROM audit_log WHERE detail LIKE 'burst %'").at(0).int64(0), 400);
    EXPECT_EQ(db_->acquire()->query("SELECT COUNT(DISTINCT detail) FROM audit_log WHERE detail LIKE 'burst %'").at(0).int64(0), 400);
}

TEST_P(AuditJournalTest, AViewHeldForItsAnswerIsOnDiskWhenItsHoldSettles) {
    access::AuditJournal journal(*db_, dir_, kNoBackgroundImport);
    auto hold = journal.record_before_answer(platform::SystemClock{}.now(), nullptr, "10.0.0.9",
                                             access::AuditEntry{"case.view", "X000001", "held view"});
    ASSERT_NE(hold, nullptr);
    std::promise<std::exception_ptr> settled;
    bool on_disk = false;
    hold->when_settled([&](std::exception_ptr failure) {
        on_disk = journal_text().find("held view") != std::string::npos;
        settled.set_value(failure);
    });
    auto result = settled.get_future();
    ASSERT_EQ(result.wait_for(10s), std::future_status::ready) << "the hold never settled";
    EXPECT_EQ(result.get(), nullptr);
    EXPECT_TRUE(on_disk) << "settled before the row was in the journal";

    // Asked again once settled: told at once, on the asking thread.
    bool told = false;
    hold->when_settled([&](std::exception_ptr failure) { told = failure == nullptr; });
    EXPECT_TRUE(told);
    journal.settle();
    EXPECT_EQ(audit_rows("held view"), 1);
}

TEST_P(AuditJournalTest, ViewsHeldAndRecordedTogetherAllArriveAndEveryHoldSettles) {
    access::AuditJournal journal(*db_, dir_, 5ms);
    std::atomic<int> settled{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                const auto detail = "mixed " + std::to_string(t) + "." + std::to_string(i);
                if (i % 2 == 0) {
                    record(journal, detail);
                    continue;
                }
                auto hold = journal.record_before_answer(platform::SystemClock{}.now(), nullptr, "10.0.0.9",
                                                         access::AuditEntry{"case.view", "X000001", detail});
                hold->when_settled([&](std::exception_ptr failure) {
                    if (!failure) ++settled;
                });
            }
        });
    }
    for (auto& t : threads) t.join();
    for (int i = 0; i < 1000 && settled < 100; ++i) std::this_thread::sleep_for(10ms);
    EXPECT_EQ(settled, 100);
    journal.settle();
    EXPECT_EQ(db_->acquire()->query("SELECT COUNT(DISTINCT detail) FROM audit_log WHERE detail LIKE 'mixed %'").at(0).int64(0), 200);
}

INSTANTIATE_TEST_SUITE_P(Databases, AuditJournalTest, ::testing::ValuesIn(backends()), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
