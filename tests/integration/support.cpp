#include "support.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <openssl/ssl.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "access/users_store.hpp"
#include "db/migrations.hpp"
#include "demo/demo_data.hpp"
#include "http/request.hpp"

extern char** environ;

namespace onecase::testing {

namespace {

// Runs the command line; with `stdout_path`, its standard output goes to that file.
int spawn_onecase(std::vector<std::string> args, const std::string* stdout_path) {
    args.insert(args.begin(), ONECASE_BINARY);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (stdout_path) {
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout_path->c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    }
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, ONECASE_BINARY, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

int run_onecase(std::vector<std::string> args) { return spawn_onecase(std::move(args), nullptr); }

CommandResult run_onecase_capturing(std::vector<std::string> args) {
    const auto path = (std::filesystem::temp_directory_path() / ("onecase-output-" + std::to_string(::getpid()))).string();
    CommandResult result;
    result.status = spawn_onecase(std::move(args), &path);
    std::ifstream in(path);
    result.output.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    std::filesystem::remove(path);
    return result;
}

std::vector<std::string> backends() {
    const char* only = std::getenv("ONECASE_TEST_SQLITE_ONLY");
    if (only && std::string(only) == "1") return {"sqlite"};
    return {"sqlite", "postgres"};
}

std::vector<std::string> postgres_only() {
    const auto all = backends();
    return std::find(all.begin(), all.end(), "postgres") == all.end() ? std::vector<std::string>{}
                                                                      : std::vector<std::string>{"postgres"};
}

std::string fresh_database_url(const std::string& backend, const std::string& name) {
    if (backend == "sqlite") {
        const auto dir = std::filesystem::temp_directory_path() /
                         ("onecase-test-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        const auto file = dir / (name + ".db");
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
        std::filesystem::remove_all(file.string() + "-audit-journal");
        return "sqlite:" + file.string();
    }
    const char* base = std::getenv("ONECASE_TEST_PG");
    if (!base || !*base) {
        throw std::runtime_error(
            "ONECASE_TEST_PG is not set: start a cluster with scripts/pg-test-cluster (make test does) "
            "or set ONECASE_TEST_SQLITE_ONLY=1");
    }
    auto admin = db::open_database(std::string(base) + "/postgres", db::OpenOptions{1, std::chrono::milliseconds(5000)});
    auto conn = admin->acquire();
    conn->execute_script("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    conn->execute_script("CREATE DATABASE " + name);
    return std::string(base) + "/" + name;
}

std::optional<std::string> HttpResult::header(const std::string& name) const {
    auto it = headers.find(name);
    if (it == headers.end()) return std::nullopt;
    return it->second;
}

namespace {

// Sends `request` over plain TCP or TLS (no certificate verification: tests use a
// throwaway self-signed certificate) and reads until the server closes.
std::string exchange(std::uint16_t port, const std::string& request, bool tls) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket failed");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        throw std::runtime_error("cannot connect to port " + std::to_string(port));
    }
    std::string raw;
    char buf[65536];
    if (!tls) {
        for (std::size_t sent = 0; sent < request.size();) {
            const auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) break;
            sent += static_cast<std::size_t>(n);
        }
        for (;;) {
            const auto n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0) break;
            raw.append(buf, static_cast<std::size_t>(n));
        }
        ::close(fd);
        return raw;
    }
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    SSL* ssl = ctx ? SSL_new(ctx) : nullptr;
    const bool connected = ssl && SSL_set_fd(ssl, fd) == 1 && SSL_connect(ssl) == 1;
    if (connected) {
        for (std::size_t sent = 0; sent < request.size();) {
            const int n = SSL_write(ssl, request.data() + sent, static_cast<int>(request.size() - sent));
            if (n <= 0) break;
            sent += static_cast<std::size_t>(n);
        }
        for (;;) {
            const int n = SSL_read(ssl, buf, sizeof buf);
            if (n <= 0) break;
            raw.append(buf, static_cast<std::size_t>(n));
        }
    }
    if (ssl) SSL_free(ssl);
    if (ctx) SSL_CTX_free(ctx);
    ::close(fd);
    if (!connected) throw std::runtime_error("TLS handshake with port " + std::to_string(port) + " failed");
    return raw;
}

}  // namespace

HttpResult http_request(std::uint16_t port, const std::string& method, const std::string& target,
                        const std::map<std::string, std::string>& headers, const std::string& body, bool tls) {
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
    if (!body.empty() || method == "POST" || method == "PUT") req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    req += "\r\n" + body;
    const std::string raw = exchange(port, req, tls);

    HttpResult r;
    const auto head_end = raw.find("\r\n\r\n");
    if (head_end == std::string::npos) throw std::runtime_error("no HTTP response");
    const std::string head = raw.substr(0, head_end);
    r.body = raw.substr(head_end + 4);
    r.status = std::stoi(head.substr(9, 3));
    std::size_t pos = head.find("\r\n");
    while (pos != std::string::npos && pos < head.size()) {
        const auto next = head.find("\r\n", pos + 2);
        const std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
        const auto colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            std::string value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            r.headers.emplace(name, value);
        }
        pos = next;
    }
    return r;
}

void Browser::remember(const HttpResult& r) {
    auto [begin, end] = r.headers.equal_range("set-cookie");
    for (auto it = begin; it != end; ++it) {
        const std::string& c = it->second;
        const auto eq = c.find('=');
        const auto semi = c.find(';');
        const std::string name = c.substr(0, eq);
        const std::string value = c.substr(eq + 1, semi - eq - 1);
        if (value.empty() || c.find("Max-Age=0") != std::string::npos) {
            cookies_.erase(name);
        } else {
            cookies_[name] = value;
        }
    }
}

std::string Browser::cookie_header() const {
    std::string out;
    for (const auto& [k, v] : cookies_) out += (out.empty() ? "" : "; ") + k + "=" + v;
    return out;
}

HttpResult Browser::get(const std::string& target) {
    auto r = http_request(port_, "GET", target, {{"Cookie", cookie_header()}}, "", tls_);
    remember(r);
    return r;
}

HttpResult Browser::post_form(const std::string& target, const std::map<std::string, std::string>& fields) {
    std::string body;
    for (const auto& [k, v] : fields) body += (body.empty() ? "" : "&") + http::url_encode(k) + "=" + http::url_encode(v);
    auto r = http_request(port_, "POST", target,
                          {{"Cookie", cookie_header()}, {"Content-Type", "application/x-www-form-urlencoded"}}, body, tls_);
    remember(r);
    return r;
}

std::string Browser::csrf_from(const std::string& html) const {
    const std::string marker = "name=\"csrf\" value=\"";
    const auto pos = html.find(marker);
    if (pos == std::string::npos) return "";
    const auto start = pos + marker.size();
    return html.substr(start, html.find('"', start) - start);
}

HttpResult Browser::sign_in(const std::string& username, const std::string& password) {
    auto page = get("/sign-in");
    return post_form("/sign-in", {{"username", username}, {"password", password},
                                  {"csrf", csrf_from(page.body)}, {"returnTo", "/caseload"}});
}

RunningService::RunningService(const std::string& backend, const std::string& name,
                               const std::optional<std::string>& replica_name, http::ServerOptions server_options)
    : url_(fresh_database_url(backend, name)) {
    db_ = db::open_database(url_, db::OpenOptions{8, std::chrono::milliseconds(10000)});
    db::migrate(*db_);
    demo::load_demo_data(*db_, demo::DemoScale::small, 7, clock_.now());
    if (replica_name) {
        replica_ = db::open_database(fresh_database_url(backend, *replica_name), db::OpenOptions{4, std::chrono::milliseconds(10000)});
        db::migrate(*replica_);
        demo::load_demo_data(*replica_, demo::DemoScale::small, 11, clock_.now());
    }
    app::AppConfig config{std::string(ONECASE_SOURCE_DIR) + "/web", std::string(ONECASE_SOURCE_DIR) + "/node_modules", {}};
    config.audit_journal = app::audit_journal_beside(*db_);
    app_ = std::make_unique<app::Application>(*db_, clock_, config, replica_.get());
    http::ServerOptions options = std::move(server_options);
    options.port = 0;
    options.threads = 4;
    server_ = std::make_unique<http::Server>(
        options, [this](http::Request& req) { return app_->handle(req); },
        [this](const http::Request& req, std::exception_ptr e) { return app_->answer_failure(req, e); });
    server_->bind();
    port_ = server_->port();
    thread_ = std::thread([this] { server_->run(); });
}

RunningService::~RunningService() {
    server_->stop();
    thread_.join();
}

std::string RunningService::token_for(const std::string& username) {
    auto conn = db_->acquire();
    auto user = access::find_user(*conn, username);
    if (!user) throw std::runtime_error("no user " + username);
    return access::create_api_token(*conn, user->id, "test", clock_.now(), std::nullopt);
}

std::string json_body(const std::map<std::string, std::string>& strings) {
    boost::json::object o;
    for (const auto& [k, v] : strings) o[k] = v;
    return boost::json::serialize(o);
}

}  // namespace onecase::testing
