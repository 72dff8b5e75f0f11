// The onecase command line: wires modules together, nothing else.
#include <CLI/CLI.hpp>

#include <pwd.h>
#include <unistd.h>

#include <iostream>

#include "access/console_accounts.hpp"
#include "access/password_policy.hpp"
#include "access/users_store.hpp"
#include "app/app.hpp"
#include "db/backup.hpp"
#include "db/migrations.hpp"
#include "people/names_store.hpp"
#include "demo/demo_data.hpp"
#include "http/server.hpp"
#include "platform/crypto.hpp"
#include "platform/log.hpp"
#include "risk/tier_json.hpp"
#include "search/history_fold.hpp"

using namespace onecase;

namespace {

constexpr const char* kDefaultDb = "sqlite:var/onecase.db";

// Who ran a console command, for its audit row: the login behind sudo if there is one.
std::string console_login() {
    if (const char* sudo_user = std::getenv("SUDO_USER"); sudo_user && *sudo_user) return sudo_user;
    if (const passwd* pw = ::getpwuid(::geteuid())) return pw->pw_name;
    return std::to_string(::geteuid());
}

std::unique_ptr<db::Database> open_and_migrate(const std::string& url, int pool_size, bool serving = false,
                                               bool group_commit = true) {
    db::OpenOptions options;
    options.pool_size = pool_size;
    options.group_commit = group_commit;
    if (serving) options.full_text_merge_interval = std::chrono::seconds(2);
    auto database = db::open_database(url, options);
    db::migrate(*database);
    // Names copied in by migration 0010 get the search keys only our code computes.
    people::index_pending_names(*database);
    return database;
}

int serve(const std::string& url, const std::string& replica_url, const std::string& listen, std::string web_root,
          int pool_size, std::chrono::seconds idle_timeout, bool tls_proxy, const access::SignInThrottle& throttle,
          const std::string& tls_cert, const std::string& tls_key, bool group_commit, int threads) {
    auto database = open_and_migrate(url, pool_size, true, group_commit);
    std::unique_ptr<db::Database> replica;
    if (!replica_url.empty()) {
        db::OpenOptions options;
        options.pool_size = pool_size;
        replica = db::open_database(replica_url, options);
        spdlog::info("reporting routes read from replica {}", replica->describe());
    }
    platform::SystemClock clock;
    if (web_root.empty()) web_root = app::default_web_root();
    app::AppConfig config{web_root, app::default_node_modules(web_root), {}};
    config.sessions.idle_timeout = idle_timeout;
    config.sign_in_throttle = throttle;
    config.audit_journal = app::audit_journal_beside(*database);
    app::Application application(*database, clock, config, replica.get());

    http::ServerOptions options;
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos) throw std::invalid_argument("--listen must be HOST:PORT");
    options.host = listen.substr(0, colon);
    options.port = static_cast<std::uint16_t>(std::stoi(listen.substr(colon + 1)));
    options.tls = tls_proxy;
    options.tls_cert_file = tls_cert;
    options.tls_key_file = tls_key;
    options.threads = threads;
    http::Server server(
        options, [&application](http::Request& req) { return application.handle(req); },
        [&application](const http::Request& req, std::exception_ptr e) { return application.answer_failure(req, e); });
    server.bind();
    spdlog::info("onecase serving {} on {}://{}:{}/", database->describe(),
                 tls_cert.empty() ? "http" : "https", options.host, server.port());
    server.run();
    spdlog::info("onecase stopped");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    platform::init_crypto();
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");

    CLI::App cli{"onecase: case management for a unified probation service"};
    cli.require_subcommand(1);
    std::string db_url = kDefaultDb;
    int pool_size = 8;

    auto* serve_cmd = cli.add_subcommand("serve", "Serve the web pages and the JSON API");
    std::string listen = "127.0.0.1:8080";
    std::string web_root;
    int idle_minutes = 30;
    int idle_seconds = 0;
    bool tls_proxy = false;
    std::string replica_url;
    serve_cmd->add_option("--db", db_url, "Database URL: sqlite:PATH or postgresql://...")->capture_default_str();
    serve_cmd->add_option("--db-replica", replica_url, "Read-only replica for reporting routes (may lag the primary)");
    serve_cmd->add_option("--listen", listen, "HOST:PORT to listen on")->capture_default_str();
    serve_cmd->add_option("--web-root", web_root, "Directory holding templates/ and static/");
    serve_cmd->add_option("--pool-size", pool_size, "Database connections")->capture_default_str();
    serve_cmd->add_option("--session-idle-minutes", idle_minutes, "Sign out after this long idle")->capture_default_str();
    serve_cmd->add_option("--session-idle-seconds", idle_seconds, "The idle timeout in seconds instead (tests, strict sites)")
        ->check(CLI::PositiveNumber);
    serve_cmd->add_flag("--behind-tls-proxy", tls_proxy, "Set Secure cookies and HSTS (TLS ends at a proxy)");
    int threads = 0;
    serve_cmd->add_option("--threads", threads, "Threads answering requests (0: 4 a core, at least 8)")
        ->capture_default_str()
        ->check(CLI::Range(0, 1024));
    bool no_group_commit = false;
    serve_cmd->add_flag("--no-group-commit", no_group_commit,
                        "SQLite: commit and flush each write alone (the naive reference make bench measures)");
    std::string tls_cert;
    std::string tls_key;
    auto* cert_opt = serve_cmd->add_option("--tls-cert", tls_cert, "Serve HTTPS: PEM certificate chain file")
                         ->check(CLI::ExistingFile);
    auto* key_opt = serve_cmd->add_option("--tls-key", tls_key, "Serve HTTPS: PEM private key file (no passphrase)")
                        ->check(CLI::ExistingFile);
    cert_opt->needs(key_opt);
    key_opt->needs(cert_opt);
    access::SignInThrottle throttle;
    int lockout_minutes = 30;
    serve_cmd->add_option("--lockout-after", throttle.account_failures,
                          "Failed sign-ins for one username within 15 minutes that lock it")
        ->capture_default_str()->check(CLI::Range(1, 1000));
    serve_cmd->add_option("--lockout-minutes", lockout_minutes, "How long a lockout lasts unless an administrator lifts it")
        ->capture_default_str()->check(CLI::Range(1, 7 * 24 * 60));
    serve_cmd->add_option("--address-throttle-after", throttle.address_failures,
                          "Failed sign-ins from one address within 15 minutes that make it wait (raise it behind a proxy)")
        ->capture_default_str()->check(CLI::Range(1, 1000000));

    auto* migrate_cmd = cli.add_subcommand("migrate", "Apply database migrations");
    migrate_cmd->add_option("--db", db_url, "Database URL")->capture_default_str();

    auto* demo_cmd = cli.add_subcommand("demo-data", "Load a synthetic probation service");
    std::string scale = "small";
    std::uint64_t seed = 1;
    demo_cmd->add_option("--db", db_url, "Database URL")->capture_default_str();
    demo_cmd->add_option("--scale", scale, "small or national")->capture_default_str();
    demo_cmd->add_option("--seed", seed, "Random seed; the same seed gives the same data")->capture_default_str();

    auto* token_cmd = cli.add_subcommand("token", "API tokens");
    token_cmd->require_subcommand(1);
    auto* token_create = token_cmd->add_subcommand("create", "Create a bearer token and print it");
    std::string username;
    std::string token_name = "cli";
    int token_days = 90;
    token_create->add_option("--db", db_url, "Database URL")->capture_default_str();
    token_create->add_option("--user", username, "Username")->required();
    token_create->add_option("--name", token_name, "What the token is for")->capture_default_str();
    token_create->add_option("--days", token_days, "Days until it expires")->capture_default_str();

    auto* user_cmd = cli.add_subcommand("user", "Users");
    user_cmd->require_subcommand(1);
    auto* user_create = user_cmd->add_subcommand("create", "Create a user; reads the password from stdin");
    std::string role = "practitioner";
    std::string staff_code;
    user_create->add_option("--db", db_url, "Database URL")->capture_default_str();
    user_create->add_option("--username", username, "Username")->required();
    user_create->add_option("--role", role, "practitioner, spo, admin or auditor")->capture_default_str();
    user_create->add_option("--staff", staff_code, "Staff code this user is");

    auto* backup_cmd = cli.add_subcommand("backup", "Back up a live database to a file (docs/operations.md)");
    std::string backup_file;
    backup_cmd->add_option("--db", db_url, "Database URL")->capture_default_str();
    backup_cmd->add_option("--to", backup_file, "The backup file to write")->required();
    auto* restore_cmd = cli.add_subcommand("restore", "Restore a backup into an empty database");
    restore_cmd->add_option("--from", backup_file, "The backup file")->required();
    restore_cmd->add_option("--db", db_url, "Database URL of an empty database")->required();

    auto* fold_cmd = cli.add_subcommand(
        "fold-history", "Fold the live case-history search indexes into their bases (SQLite; docs/operations.md)");
    fold_cmd->add_option("--db", db_url, "Database URL")->capture_default_str();

    cli.add_subcommand("tier", "Calculate a tier from JSON inputs on stdin and print it as JSON (docs/tiering.md)");

    CLI11_PARSE(cli, argc, argv);

    try {
        if (cli.got_subcommand("tier")) return risk::run_tier_command(std::cin, std::cout, std::cerr);
        if (*serve_cmd) {
            const auto idle = idle_seconds > 0 ? std::chrono::seconds(idle_seconds) : std::chrono::minutes(idle_minutes);
            throttle.lockout = std::chrono::minutes(lockout_minutes);
            return serve(db_url, replica_url, listen, web_root, pool_size, idle, tls_proxy, throttle, tls_cert, tls_key,
                         !no_group_commit, threads);
        }

        if (*backup_cmd || *restore_cmd) {
            const auto s = *backup_cmd ? db::backup_database(db_url, backup_file) : db::restore_database(backup_file, db_url);
            std::cout << (*backup_cmd ? "backed up " : "restored ") << s.kind << ": " << s.bytes << " bytes, " << s.people
                      << " people, " << s.contacts << " contacts\n";
            return 0;
        }

        if (*migrate_cmd) {
            auto database = db::open_database(db_url);
            const int applied = db::migrate(*database);
            const auto named = people::index_pending_names(*database);
            std::cout << "Applied " << applied << " migration(s); schema version "
                      << db::schema_version(*database) << "\n";
            if (named > 0) std::cout << "Computed search keys for " << named << " name(s)\n";
            return 0;
        }

        if (*demo_cmd) {
            auto parsed = demo::parse_scale(scale);
            if (!parsed) throw std::invalid_argument("--scale must be small or national");
            auto database = open_and_migrate(db_url, pool_size);
            const auto summary = demo::load_demo_data(*database, *parsed, seed, platform::SystemClock{}.now());
            std::cout << "Loaded " << summary.people << " people (" << summary.current_cases
                      << " current cases), " << summary.staff << " staff in " << summary.teams
                      << " teams, " << summary.contacts << " contacts, " << summary.appointments
                      << " appointments.\nDemo sign-ins:\n";
            for (const auto& u : summary.users) {
                std::cout << "  " << u.username << " / " << u.password << "  (" << u.description << ")\n";
            }
            return 0;
        }

        if (*fold_cmd) {
            auto database = open_and_migrate(db_url, 2);
            const auto start = std::chrono::steady_clock::now();
            const bool folded =
                db::write_transaction(*database, [](db::Connection& conn) { return search::fold_history_indexes(conn); });
            const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
            if (folded) {
                std::cout << "Folded the case-history indexes in " << took.count() << " s\n";
            } else {
                std::cout << "Nothing to fold: PostgreSQL's case-history indexes are ordinary indexes on the tables\n";
            }
            return 0;
        }

        if (*token_create) {
            auto database = open_and_migrate(db_url, 2);
            const auto now = platform::SystemClock{}.now();
            std::cout << access::create_token_at_console(*database, username, token_name, now + std::chrono::days(token_days),
                                                         console_login(), now)
                      << "\n";
            return 0;
        }

        if (*user_create) {
            auto parsed_role = access::parse_role(role);
            if (!parsed_role) throw std::invalid_argument("--role must be practitioner, spo, admin or auditor");
            std::string password;
            std::getline(std::cin, password);
            if (!password.empty() && password.back() == '\r') password.pop_back();
            if (auto problem = access::password_problem(password, username, access::shipped_common_passwords())) {
                throw std::invalid_argument(*problem);
            }
            auto database = open_and_migrate(db_url, 2);
            access::create_user_at_console(*database,
                                           access::ConsoleUser{username, platform::hash_password(password), *parsed_role, staff_code},
                                           console_login(), platform::SystemClock{}.now());
            std::cout << "Created user " << username << "\n";
            return 0;
        }
    } catch (const std::exception& e) {
        std::cerr << "onecase: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
