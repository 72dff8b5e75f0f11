#include "db/backup.hpp"

#include <sqlite3.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <vector>

#include "db/database.hpp"
#include "db/sqlite/library.hpp"

extern char** environ;

namespace onecase::db {

namespace fs = std::filesystem;

namespace {

struct SqliteHandle {
    sqlite3* db = nullptr;
    ~SqliteHandle() {
        if (db) sqlite3_close_v2(db);
    }
};

void open_sqlite(SqliteHandle& h, const std::string& path, int flags) {
    prepare_sqlite_library();
    if (sqlite3_open_v2(path.c_str(), &h.db, flags, nullptr) != SQLITE_OK) {
        throw std::runtime_error("cannot open " + path + ": " + (h.db ? sqlite3_errmsg(h.db) : "out of memory"));
    }
    sqlite3_busy_timeout(h.db, 10'000);
}

// Copies every page of `from` into `to` in one step: one read transaction on the
// source, so the copy is a consistent snapshot even while a server writes to it.
void copy_sqlite(sqlite3* from, sqlite3* to, const std::string& what) {
    sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
    if (!b) throw std::runtime_error(what + ": " + sqlite3_errmsg(to));
    int rc;
    do {
        rc = sqlite3_backup_step(b, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) throw std::runtime_error(what + ": " + sqlite3_errstr(rc));
}

std::string single_text(sqlite3* db, const char* sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db));
    std::string out;
    if (sqlite3_step(st) == SQLITE_ROW) out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

void check_and_count(sqlite3* db, const std::string& path, BackupSummary& s) {
    const auto check = single_text(db, "PRAGMA integrity_check");
    if (check != "ok") throw std::runtime_error(path + " failed its integrity check: " + check);
    s.people = std::stoll(single_text(db, "SELECT COUNT(*) FROM people"));
    s.contacts = std::stoll(single_text(db, "SELECT COUNT(*) FROM contacts"));
}

// Runs a program (found on PATH) and waits; throws unless it exits 0.
void run(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ) != 0) {
        throw std::runtime_error("cannot run " + argv[0] + " (is the PostgreSQL client installed?)");
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) throw std::runtime_error("waiting for " + argv[0] + " failed");
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error(argv[0] + " failed");
}

void count_postgres(const std::string& url, BackupSummary& s) {
    auto database = open_database(url);
    auto conn = database->acquire();
    s.people = conn->query("SELECT COUNT(*) FROM people").at(0).int64(0);
    s.contacts = conn->query("SELECT COUNT(*) FROM contacts").at(0).int64(0);
}

std::string file_magic(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::string magic(16, '\0');
    in.read(magic.data(), 16);
    magic.resize(static_cast<std::size_t>(in.gcount()));
    return magic;
}

}  // namespace

BackupSummary backup_database(const std::string& url, const std::string& file) {
    const std::string partial = file + ".partial";
    fs::remove(partial);
    BackupSummary s;
    if (is_postgres_url(url)) {
        s.kind = "postgresql";
        run({"pg_dump", "--format=custom", "--no-owner", "--file=" + partial, "--dbname=" + url});
        count_postgres(url, s);  // what the database holds now: at least what the dump holds
    } else {
        s.kind = "sqlite";
        const auto path = sqlite_path_of(url);
        if (!fs::exists(path)) throw std::runtime_error("no database at " + path);
        SqliteHandle from, to;
        open_sqlite(from, path, SQLITE_OPEN_READONLY);
        open_sqlite(to, partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        copy_sqlite(from.db, to.db, "backing up " + path);
        // A backup is a single self-contained file: no WAL beside it.
        single_text(to.db, "PRAGMA journal_mode=DELETE");
        check_and_count(to.db, partial, s);
    }
    fs::rename(partial, file);
    s.bytes = static_cast<std::int64_t>(fs::file_size(file));
    return s;
}

BackupSummary restore_database(const std::string& file, const std::string& url) {
    if (!fs::exists(file)) throw std::runtime_error("no backup at " + file);
    const auto magic = file_magic(file);
    BackupSummary s;
    if (is_postgres_url(url)) {
        if (magic.rfind("PGDMP", 0) != 0) throw std::runtime_error(file + " is not a PostgreSQL backup (pg_dump custom format)");
        {
            auto database = open_database(url);
            auto conn = database->acquire();
            const auto tables = conn->query("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")
                                    .at(0)
                                    .int64(0);
            if (tables > 0) throw std::runtime_error("the database already has tables: restore into an empty database");
        }
        s.kind = "postgresql";
        run({"pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + url, file});
        count_postgres(url, s);
    } else {
        if (magic.rfind("SQLite format 3", 0) != 0) throw std::runtime_error(file + " is not a SQLite backup");
        const auto path = sqlite_path_of(url);
        if (fs::exists(path)) throw std::runtime_error(path + " exists: restore into a new file (stop the server, move it aside)");
        s.kind = "sqlite";
        const std::string partial = path + ".partial";
        fs::remove(partial);
        {
            SqliteHandle from, to;
            open_sqlite(from, file, SQLITE_OPEN_READONLY);
            open_sqlite(to, partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            copy_sqlite(from.db, to.db, "restoring " + file);
            check_and_count(to.db, partial, s);
        }
        fs::rename(partial, path);
    }
    s.bytes = static_cast<std::int64_t>(fs::file_size(file));
    return s;
}

}  // namespace onecase::db
