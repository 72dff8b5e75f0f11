// Nothing acknowledged is ever lost, whatever happens to the server: killed at random
// moments under concurrent writers (both databases), out of room to write (SQLite,
// with the server's file-size limit standing in for a full disk; PostgreSQL, with the
// database in a tablespace on a small filesystem the test mounts), disk I/O errors,
// and flooded with idle and half-sent connections. Small sizes here; `make soak` runs
// them longer.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <pwd.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <mutex>
#include <random>
#include <set>
#include <string_view>
#include <thread>

#include "access/users_store.hpp"
#include "db/migrations.hpp"
#include "demo/demo_data.hpp"
#include "support.hpp"

extern char** environ;

namespace onecase::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

int rounds() {
    const char* soak = std::getenv("ONECASE_SOAK_ROUNDS");
    return soak ? std::max(1, std::atoi(soak)) : 4;
}

std::uint16_t free_port() {
    http::Server probe(http::ServerOptions{"127.0.0.1", 0}, [](http::Request&) { return http::Response{}; });
    probe.bind();
    return probe.port();
}

// `extra_env` ("NAME=value") is added to this process's environment for the server.
pid_t start_server(const std::string& db_url, std::uint16_t port, std::vector<std::string> extra_env = {}) {
    const std::string web = std::string(ONECASE_SOURCE_DIR) + "/web";
    std::vector<std::string> args = {ONECASE_BINARY, "serve", "--db", db_url, "--listen", "127.0.0.1:" + std::to_string(port),
                                     "--web-root", web};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // An inherited variable of the same name is left out: the loader takes the last
    // LD_PRELOAD it sees, and a wrapper such as stdbuf sets one of its own.
    std::vector<char*> envp;
    std::set<std::string> names;
    for (auto& e : extra_env) {
        envp.push_back(e.data());
        names.insert(e.substr(0, e.find('=')));
    }
    for (char** e = environ; *e; ++e) {
        const std::string_view entry(*e);
        if (!names.count(std::string(entry.substr(0, entry.find('='))))) envp.push_back(*e);
    }
    envp.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, ONECASE_BINARY, nullptr, nullptr, argv.data(), envp.data()) != 0) throw std::runtime_error("cannot start onecase");
    // Up to 30 s: a sanitizer build on a busy machine can take several to start.
    for (int i = 0; i < 1200; ++i) {
        try {
            if (http_request(port, "GET", "/readyz").status == 200) return pid;
        } catch (...) {
        }
        std::this_thread::sleep_for(25ms);
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    throw std::runtime_error("onecase did not become ready");
}

void stop_server(pid_t pid, int signal) {
    kill(pid, signal);
    waitpid(pid, nullptr, 0);
}

struct Prepared {
    std::string url;
    std::string token;
};

Prepared prepare_at(const std::string& url) {
    Prepared p{url, ""};
    auto database = db::open_database(p.url);
    db::migrate(*database);
    demo::load_demo_data(*database, demo::DemoScale::small, 5, platform::SystemClock{}.now());
    auto conn = database->acquire();
    p.token = access::create_api_token(*conn, access::find_user(*conn, "demo.po")->id, "torture", platform::SystemClock{}.now(), std::nullopt);
    return p;
}

Prepared prepare(const std::string& backend, const std::string& name) { return prepare_at(fresh_database_url(backend, name)); }

std::map<std::string, std::string> auth(const Prepared& p) {
    return {{"Authorization", "Bearer " + p.token}, {"Content-Type", "application/json"}};
}

std::set<std::int64_t> contact_ids(const std::string& url) {
    auto database = db::open_database(url);
    auto conn = database->acquire();
    std::set<std::int64_t> ids;
    for (const auto& r : conn->query("SELECT id FROM contacts")) ids.insert(r.int64(0));
    return ids;
}

std::string first_crn(std::uint16_t port, const Prepared& p) {
    auto caseload = http_request(port, "GET", "/api/v1/caseload", auth(p));
    return std::string(json::parse(caseload.body).at("cases").at(0).at("crn").as_string());
}

class Torture : public ::testing::TestWithParam<std::string> {};

TEST_P(Torture, KilledAtRandomMomentsUnderConcurrentWritersLosesNothingAcknowledged) {
    const auto p = prepare(GetParam(), "onecase_torture_kill");
    const auto port = free_port();
    std::mt19937 random(20261123);
    std::mutex m;
    std::vector<std::int64_t> acknowledged;
    std::vector<std::string> searched;  // searches answered 200: each has its audit row
    std::atomic<int> searches{0};
    std::string crn;
    for (int round = 0; round < rounds(); ++round) {
        const pid_t pid = start_server(p.url, port);
        if (crn.empty()) crn = first_crn(port, p);
        std::atomic<bool> stop{false};
        std::vector<std::thread> writers;
        for (int w = 0; w < 4; ++w) {
            writers.emplace_back([&, w] {
                for (int i = 0; !stop; ++i) {
                    try {
                        auto r = http_request(port, "POST", "/api/v1/people/" + crn + "/contacts", auth(p),
                                              json_body({{"type", "phone"}, {"notes", "round " + std::to_string(round) + " writer " +
                                                                                          std::to_string(w) + " #" + std::to_string(i)}}));
                        if (r.status == 201) {
                            std::lock_guard lock(m);
                            acknowledged.push_back(json::parse(r.body).at("id").as_int64());
                        }
                    } catch (...) {
                        // the server died mid-request: that one was never acknowledged
                    }
                }
            });
        }
        // Readers too: a view's audit row goes through the journal (SQLite), and an
        // answered search must have its row after the crash as surely as a contact.
        for (int r = 0; r < 2; ++r) {
            writers.emplace_back([&] {
                while (!stop) {
                    // A CRN that no case has, unique to this request: an identifier lookup is
                    // quick on both engines, and its row is told apart by the query.
                    char q[16];
                    std::snprintf(q, sizeof q, "Y%06d", searches++ % 1000000);
                    try {
                        if (http_request(port, "GET", std::string("/api/v1/people?q=") + q, auth(p)).status == 200) {
                            std::lock_guard lock(m);
                            searched.emplace_back(q);
                        }
                    } catch (...) {
                    }
                }
            });
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<>(80, 400)(random)));
        stop_server(pid, SIGKILL);
        stop = true;
        for (auto& t : writers) t.join();
    }
    ASSERT_GT(acknowledged.size(), 10u);
    const pid_t pid = start_server(p.url, port);  // starts cleanly after all that
    EXPECT_EQ(http_request(port, "GET", "/api/v1/people/" + crn, auth(p)).status, 200);
    stop_server(pid, SIGTERM);
    const auto present = contact_ids(p.url);
    for (auto id : acknowledged) EXPECT_TRUE(present.count(id)) << "contact " << id << " was acknowledged but lost";
    ASSERT_GT(searched.size(), 10u);
    {
        auto database = db::open_database(p.url);
        std::set<std::string> audited;
        for (const auto& r : database->acquire()->query("SELECT detail FROM audit_log WHERE action = 'search' AND detail LIKE 'q=Y%'")) {
            const auto detail = r.text(0);
            audited.insert(detail.substr(2, detail.find(' ') - 2));
        }
        for (const auto& q : searched) EXPECT_TRUE(audited.count(q)) << "search " << q << " was answered but its audit row lost";
    }
    if (GetParam() == "sqlite") {
        auto database = db::open_database(p.url);
        EXPECT_EQ(database->acquire()->query("PRAGMA integrity_check").at(0).text(0), "ok");
    }
}

TEST_P(Torture, ThousandsOfIdleAndHalfSentConnectionsDoNotStopOthersBeingServed) {
    const auto p = prepare(GetParam(), "onecase_torture_conn");
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    const rlim_t want = std::min<rlim_t>(files.rlim_max, 4096);
    if (files.rlim_cur < want) {
        files.rlim_cur = want;
        setrlimit(RLIMIT_NOFILE, &files);
    }
    const int total = static_cast<int>(std::min<rlim_t>(2000, want - 200));
    const auto port = free_port();
    const pid_t pid = start_server(p.url, port);
    std::vector<int> sockets;
    for (int i = 0; i < total; ++i) {
        int s = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
        if (::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            ::close(s);
            continue;
        }
        // A third send half a request line and stop (slowloris); the rest stay idle.
        if (i % 3 == 0) {
            const char partial[] = "GET /api/v1/caseload HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
            (void)!::write(s, partial, sizeof partial - 1);
        }
        sockets.push_back(s);
    }
    EXPECT_GT(sockets.size(), static_cast<std::size_t>(total * 9 / 10));
    for (int i = 0; i < 5; ++i) {
        const auto start = std::chrono::steady_clock::now();
        auto r = http_request(port, "GET", "/api/v1/caseload", auth(p));
        EXPECT_EQ(r.status, 200);
        EXPECT_LT(std::chrono::steady_clock::now() - start, 5s) << "served while " << sockets.size() << " connections wait";
    }
    for (int s : sockets) ::close(s);
    stop_server(pid, SIGTERM);
}

INSTANTIATE_TEST_SUITE_P(Databases, Torture, ::testing::ValuesIn(backends()), [](const auto& info) { return info.param; });

// A full disk: the server's file-size limit is lowered below what the next writes need
// (prlimit on the running process; SIGXFSZ is ignored so the writes fail with an error
// rather than killing it). Writes answer 507 (or 503) and change nothing, the server
// stays up, and writes succeed again once the limit is lifted.
class SqliteFullDisk : public ::testing::Test {};

TEST_F(SqliteFullDisk, WritesFailCleanlyTheServerStaysUpAndWritingResumesWhenSpaceReturns) {
    const auto p = prepare("sqlite", "onecase_torture_full");
    const auto path = p.url.substr(std::string("sqlite:").size());
    const auto port = free_port();
    auto previous = signal(SIGXFSZ, SIG_IGN);  // inherited by the server
    const pid_t pid = start_server(p.url, port);
    signal(SIGXFSZ, previous);
    const auto crn = first_crn(port, p);
    auto write = [&](int i) {
        return http_request(port, "POST", "/api/v1/people/" + crn + "/contacts", auth(p),
                            json_body({{"type", "phone"}, {"notes", std::string(20'000, 'x') + " #" + std::to_string(i)}}));
    };
    ASSERT_EQ(write(0).status, 201);

    namespace fs = std::filesystem;
    auto size_of = [](const std::string& f) { return fs::exists(f) ? fs::file_size(f) : 0; };
    const rlim_t limit = std::max(size_of(path), size_of(path + "-wal")) + 64 * 1024;
    rlimit full{limit, RLIM_INFINITY};
    ASSERT_EQ(prlimit(pid, RLIMIT_FSIZE, &full, nullptr), 0);

    std::vector<std::int64_t> acknowledged;
    int refused = 0;
    HttpResult last;
    for (int i = 1; i < 400 && refused < 3; ++i) {
        last = write(i);
        if (last.status == 201) acknowledged.push_back(json::parse(last.body).at("id").as_int64());
        else ++refused;
    }
    ASSERT_EQ(refused, 3) << "the limit was reached";
    EXPECT_TRUE(last.status == 507 || last.status == 503) << last.status << " " << last.body;
    EXPECT_EQ(last.header("content-type"), "application/problem+json");
    // A case read needs its audit row: when there is no room for even that it is
    // refused rather than served unaudited (docs/operations.md); a small audit row may
    // still fit where a 20,000-character note does not. Never a 500.
    auto read = http_request(port, "GET", "/api/v1/people/" + crn + "/contacts?limit=5", auth(p));
    EXPECT_TRUE(read.status == 200 || read.status == 507 || read.status == 503) << read.status;
    EXPECT_EQ(http_request(port, "GET", "/healthz").status, 200);
    EXPECT_EQ(http_request(port, "GET", "/sign-in").status, 200);

    rlimit room{RLIM_INFINITY, RLIM_INFINITY};
    ASSERT_EQ(prlimit(pid, RLIMIT_FSIZE, &room, nullptr), 0);
    int status = 0;
    for (int i = 0; i < 20 && status != 201; ++i) {
        auto r = write(1000 + i);
        status = r.status;
        if (status == 201) acknowledged.push_back(json::parse(r.body).at("id").as_int64());
        else std::this_thread::sleep_for(100ms);
    }
    EXPECT_EQ(status, 201) << "writes succeed again once there is room";
    stop_server(pid, SIGTERM);

    const auto present = contact_ids(p.url);
    for (auto id : acknowledged) EXPECT_TRUE(present.count(id)) << "contact " << id << " was acknowledged but lost";
    auto database = db::open_database(p.url);
    EXPECT_EQ(database->acquire()->query("PRAGMA integrity_check").at(0).text(0), "ok");
}

// A full disk on PostgreSQL: the test database lives in a tablespace on a tmpfs the
// test mounts and then shrinks to just above what the data takes (the cluster's WAL
// stays on its own disk, as in a service that keeps them apart). Writes answer 507 or
// 503 and change nothing, the server and PostgreSQL stay up, and once the filesystem
// is grown again writes succeed and every acknowledged contact is there.
class PostgresFullDisk : public ::testing::TestWithParam<std::string> {};

TEST_P(PostgresFullDisk, WritesFailCleanlyTheServerStaysUpAndWritingResumesWhenSpaceReturns) {
    const std::string base = std::getenv("ONECASE_TEST_PG");  // set whenever PostgreSQL is tested
    ASSERT_NE(std::getenv("ONECASE_TEST_PG_DIR"), nullptr)
        << "the tablespace is mounted on this machine, so the cluster must be make test's own (scripts/pg-test-cluster)";
    // The one precondition the suite cannot provide itself: CI runs make test as root.
    if (::geteuid() != 0) GTEST_SKIP() << "mounting the small filesystem needs root";
    const passwd* owner = ::getpwnam("postgres");
    ASSERT_NE(owner, nullptr) << "the cluster runs as the postgres user";

    namespace fs = std::filesystem;
    const auto mount_point = fs::temp_directory_path() / ("onecase-test-" + std::to_string(::getpid())) / "pg-small";
    fs::create_directories(mount_point);
    auto mount_with = [&](std::size_t bytes, bool remount) {
        const std::string options = "size=" + std::to_string(bytes) + ",mode=0700,uid=" + std::to_string(owner->pw_uid) +
                                    ",gid=" + std::to_string(owner->pw_gid);
        return ::mount("tmpfs", mount_point.c_str(), "tmpfs", remount ? MS_REMOUNT : 0, options.c_str());
    };
    constexpr std::size_t kRoomy = 512u << 20;
    ASSERT_EQ(mount_with(kRoomy, false), 0) << "mount tmpfs: " << std::strerror(errno);
    const std::string name = "onecase_torture_pgfull";
    auto admin = db::open_database(base + "/postgres", db::OpenOptions{1, 5s});
    auto drop = [&] {
        auto conn = admin->acquire();
        conn->execute_script("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        conn->execute_script("DROP TABLESPACE IF EXISTS onecase_torture_small");
    };
    pid_t server = 0;  // stopped here too, so a failed check leaves no server behind
    struct Cleanup {
        std::function<void()> run;
        ~Cleanup() { run(); }
    } cleanup{[&] {
        if (server > 0) stop_server(server, SIGKILL);
        try {
            drop();
        } catch (...) {
        }
        ::umount2(mount_point.c_str(), MNT_DETACH);
    }};
    drop();
    {
        auto conn = admin->acquire();
        conn->execute_script("CREATE TABLESPACE onecase_torture_small LOCATION '" + mount_point.string() + "'");
        conn->execute_script("CREATE DATABASE " + name + " TABLESPACE onecase_torture_small");
    }
    const auto p = prepare_at(base + "/" + name);
    // A session opened while the tablespace is full can fail at its start (PostgreSQL
    // writes a cache file into the database's directory), so the checks use one
    // opened now, as the server's pool keeps its own.
    auto checks = db::open_database(p.url, db::OpenOptions{1, 5s});
    auto check_conn = checks->acquire();
    auto contacts_now = [&] { return check_conn->query("SELECT COUNT(*) FROM contacts").at(0).int64(0); };

    // Shrink the filesystem to what the data takes now plus a little.
    struct statvfs fsinfo{};
    ASSERT_EQ(::statvfs(mount_point.c_str(), &fsinfo), 0);
    const std::size_t used = (fsinfo.f_blocks - fsinfo.f_bfree) * fsinfo.f_frsize;
    ASSERT_EQ(mount_with(used + (2u << 20), true), 0) << "shrink tmpfs: " << std::strerror(errno);

    const auto port = free_port();
    server = start_server(p.url, port);
    const auto crn = first_crn(port, p);
    // Letters at random: PostgreSQL compresses long values, and a repeated letter would
    // take almost no room.
    std::mt19937 random(7);
    auto notes = [&](int i) {
        std::string text(20'000, ' ');
        for (auto& c : text) c = static_cast<char>('a' + random() % 26);
        return text + " #" + std::to_string(i);
    };
    std::vector<std::int64_t> acknowledged;
    auto write = [&](int i) {
        auto r = http_request(port, "POST", "/api/v1/people/" + crn + "/contacts", auth(p),
                              json_body({{"type", "phone"}, {"notes", notes(i)}}));
        if (r.status == 201) acknowledged.push_back(json::parse(r.body).at("id").as_int64());
        return r;
    };
    int refused = 0;
    HttpResult last;
    for (int i = 1; i < 1000 && refused < 3; ++i) {
        last = write(i);
        if (last.status != 201) ++refused;
    }
    ASSERT_EQ(refused, 3) << "the filesystem filled";
    EXPECT_EQ(last.status, 507) << "PostgreSQL's disk_full (53100) is insufficient storage: " << last.body;
    EXPECT_EQ(last.header("content-type"), "application/problem+json");
    const auto at_full = contacts_now();
    // As on SQLite: a case read needs its audit row, so it is served or refused, never a 500.
    auto read = http_request(port, "GET", "/api/v1/people/" + crn + "/contacts?limit=5", auth(p));
    EXPECT_TRUE(read.status == 200 || read.status == 507 || read.status == 503) << read.status;
    EXPECT_EQ(http_request(port, "GET", "/healthz").status, 200);
    EXPECT_EQ(http_request(port, "GET", "/sign-in").status, 200);
    EXPECT_EQ(contacts_now(), at_full) << "a refused write left a record";

    ASSERT_EQ(mount_with(kRoomy, true), 0) << "grow tmpfs: " << std::strerror(errno);
    int status = 0;
    for (int i = 0; i < 20 && status != 201; ++i) {
        status = write(2000 + i).status;
        if (status != 201) std::this_thread::sleep_for(100ms);
    }
    EXPECT_EQ(status, 201) << "writes succeed again once there is room";
    stop_server(server, SIGTERM);
    server = 0;

    const auto present = contact_ids(p.url);
    for (auto id : acknowledged) EXPECT_TRUE(present.count(id)) << "contact " << id << " was acknowledged but lost";
}

INSTANTIATE_TEST_SUITE_P(Postgres, PostgresFullDisk, ::testing::ValuesIn(postgres_only()), [](const auto& info) { return info.param; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PostgresFullDisk);

// I/O errors from the disk, injected by an LD_PRELOAD shim (tests/fault/fail_io.cpp)
// into the server's writes and fsyncs of the database files only. A failed request
// answers a problem response and leaves no partial record; the server stays up and
// keeps answering; after a failed write writing resumes, after a failed fsync writes
// are refused until a restart (the kernel may have dropped the data and report later
// fsyncs as clean), and after the restart every acknowledged contact is there, whole.
class SqliteIoErrors : public ::testing::Test {};

TEST_F(SqliteIoErrors, FailedWritesAndFsyncsFailTheRequestCleanlyAndLoseNothingAcknowledged) {
    const auto p = prepare("sqlite", "onecase_torture_io");
    const auto path = p.url.substr(std::string("sqlite:").size());
    const auto control = path + ".fail-io";
    auto set_failure = [&](const std::string& mode) {
        FILE* f = std::fopen(control.c_str(), "w");
        ASSERT_NE(f, nullptr);
        std::fputs(mode.c_str(), f);
        std::fclose(f);
    };
    set_failure("none");
    const auto port = free_port();
    const pid_t pid = start_server(p.url, port,
                                   {std::string("LD_PRELOAD=") + ONECASE_FAIL_IO_LIB, "ONECASE_FAIL_IO_PATH=" + path,
                                    "ONECASE_FAIL_IO_CONTROL=" + control,
                                    // The sanitizer build checks its runtime loads first; the shim loads before it.
                                    "ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0"});
    const auto crn = first_crn(port, p);
    std::vector<std::int64_t> acknowledged;
    auto write = [&](const std::string& notes) {
        auto r = http_request(port, "POST", "/api/v1/people/" + crn + "/contacts", auth(p),
                              json_body({{"type", "phone"}, {"notes", notes}}));
        if (r.status == 201) acknowledged.push_back(json::parse(r.body).at("id").as_int64());
        return r;
    };
    // A search is a view: its audit row goes to the view-audit journal, beside the file
    // and under the same failures. Each query is a CRN no case has, so its row is known.
    auto search = [&](const std::string& q) { return http_request(port, "GET", "/api/v1/people?q=" + q, auth(p)); };
    auto expect_refused = [](const HttpResult& r, const char* when) {
        EXPECT_TRUE(r.status == 503 || r.status == 507) << when << ": " << r.status << " " << r.body;
        EXPECT_EQ(r.header("content-type"), "application/problem+json") << when;
    };
    ASSERT_EQ(write("before any failure").status, 201);
    const auto before = contact_ids(p.url).size();

    set_failure("write");
    expect_refused(write("while writes fail"), "a failing write");
    EXPECT_EQ(http_request(port, "GET", "/healthz").status, 200);
    EXPECT_EQ(contact_ids(p.url).size(), before) << "a failed write left a record";
    expect_refused(search("Y900001"), "a view whose audit row cannot be written");

    set_failure("none");
    EXPECT_EQ(write("after writes recover").status, 201) << "writing resumes once writes succeed";
    EXPECT_EQ(search("Y900002").status, 200) << "views resume once writes succeed";

    // A full disk: the write and the view both say so (507), and both resume with room.
    set_failure("full");
    const auto full_write = write("while the disk is full");
    EXPECT_EQ(full_write.status, 507) << full_write.body;
    EXPECT_EQ(contact_ids(p.url).size(), before + 1) << "a write refused for a full disk left a record";
    const auto full_view = search("Y900005");
    EXPECT_EQ(full_view.status, 507) << "a view whose audit row finds no room: " << full_view.body;
    EXPECT_EQ(full_view.header("content-type"), "application/problem+json");
    set_failure("none");
    EXPECT_EQ(write("after room is made").status, 201) << "writing resumes once there is room";
    EXPECT_EQ(search("Y900006").status, 200) << "views resume once there is room";

    set_failure("fsync");
    auto failed_flush = write("while fsync fails");
    expect_refused(failed_flush, "a failing fsync");
    EXPECT_NE(failed_flush.body.find("may or may not"), std::string::npos) << "the outcome is unknown: " << failed_flush.body;
    expect_refused(search("Y900003"), "a view whose audit row cannot be flushed");
    set_failure("none");
    expect_refused(search("Y900004"), "a view after a failed flush of the journal, before a restart");
    const auto poisoned = contact_ids(p.url).size();
    auto after = write("after a failed fsync, before a restart");
    expect_refused(after, "a write after a failed fsync");
    EXPECT_NE(after.body.find("restarted"), std::string::npos) << after.body;
    EXPECT_NE(after.body.find("Nothing was changed"), std::string::npos) << after.body;
    EXPECT_EQ(contact_ids(p.url).size(), poisoned) << "a write after a failed fsync was made";
    EXPECT_EQ(http_request(port, "GET", "/healthz").status, 200);
    stop_server(pid, SIGTERM);

    // Without the shim: the file is sound, every acknowledged contact is there, and
    // every contact there was written whole, with its audit row.
    {
        auto database = db::open_database(p.url);
        auto conn = database->acquire();
        EXPECT_EQ(conn->query("PRAGMA integrity_check").at(0).text(0), "ok");
        const auto present = contact_ids(p.url);
        for (auto id : acknowledged) EXPECT_TRUE(present.count(id)) << "contact " << id << " was acknowledged but lost";
        for (auto id : present) {
            const auto detail = "contact=" + std::to_string(id);
            const auto audited = conn->query("SELECT COUNT(*) FROM audit_log WHERE action = 'contact.create' AND detail = ?",
                                             {detail});
            const bool demo_row = conn->query("SELECT created_by_user_id IS NULL FROM contacts WHERE id = ?", {id}).at(0).int64(0) != 0;
            if (!demo_row) {
                EXPECT_EQ(audited.at(0).int64(0), 1) << "contact " << id << " has no audit row";
            }
        }
    }
    const auto port2 = free_port();
    const pid_t restarted = start_server(p.url, port2);
    EXPECT_EQ(http_request(port2, "POST", "/api/v1/people/" + crn + "/contacts", auth(p),
                           json_body({{"type", "phone"}, {"notes", "after the restart"}}))
                  .status,
              201);
    stop_server(restarted, SIGTERM);
    // The restart moved what the journal held: the view answered is in the trail, the
    // views refused before anything was written are not.
    auto database = db::open_database(p.url);
    auto searched = [&](const std::string& q) {
        return database->acquire()
            ->query("SELECT COUNT(*) FROM audit_log WHERE action = 'search' AND detail LIKE ?", {"q=" + q + " %"})
            .at(0)
            .int64(0);
    };
    EXPECT_EQ(searched("Y900002"), 1);
    EXPECT_EQ(searched("Y900006"), 1);
    EXPECT_EQ(searched("Y900001"), 0) << "a refused view left an audit row";
    EXPECT_EQ(searched("Y900005"), 0) << "a view refused for a full disk left an audit row";
    EXPECT_EQ(searched("Y900004"), 0) << "a refused view left an audit row";
}

}  // namespace
}  // namespace onecase::testing
