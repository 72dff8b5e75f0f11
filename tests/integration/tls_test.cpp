// Issue 8 TLS, through the real server on both databases: with a certificate and key
// the server speaks HTTPS only, every response carries HSTS, the session cookie is
// Secure, and plain HTTP sent to the TLS port is not served.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cstdlib>
#include <filesystem>

#include "support.hpp"

namespace onecase::testing {
namespace {

namespace json = boost::json;
const std::string kDemoPassword = "onecase-demo-2026";
const std::string kHsts = "max-age=31536000; includeSubDomains";

// A throwaway self-signed certificate for 127.0.0.1, made with the openssl command.
struct Certificate {
    std::filesystem::path cert;
    std::filesystem::path key;
};

const Certificate& throwaway_certificate() {
    static const Certificate made = [] {
        const auto dir = std::filesystem::temp_directory_path() / ("onecase-tls-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        Certificate c{dir / "cert.pem", dir / "key.pem"};
        const std::string command = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1"
                                    " -subj /CN=127.0.0.1 -keyout '" + c.key.string() + "' -out '" + c.cert.string() +
                                    "' >/dev/null 2>&1";
        if (std::system(command.c_str()) != 0) throw std::runtime_error("openssl could not make a test certificate");
        return c;
    }();
    return made;
}

class Tls : public ::testing::TestWithParam<std::string> {
protected:
    static void TearDownTestSuite() { services().clear(); }

    RunningService& service() {
        auto& s = services()[GetParam()];
        if (!s) {
            http::ServerOptions options;
            options.tls_cert_file = throwaway_certificate().cert.string();
            options.tls_key_file = throwaway_certificate().key.string();
            s = std::make_unique<RunningService>(GetParam(), "tls_" + GetParam(), std::nullopt, options);
        }
        return *s;
    }

private:
    static std::map<std::string, std::unique_ptr<RunningService>>& services() {
        static std::map<std::string, std::unique_ptr<RunningService>> s;
        return s;
    }
};

TEST_P(Tls, PagesAndApiAreServedOverHttpsWithHsts) {
    auto& s = service();
    auto page = http_request(s.port(), "GET", "/sign-in", {}, "", true);
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.header("strict-transport-security").value_or(""), kHsts);
    EXPECT_NE(page.body.find("Sign in"), std::string::npos);

    const std::map<std::string, std::string> po{{"Authorization", "Bearer " + s.token_for("demo.po")}};
    auto caseload = http_request(s.port(), "GET", "/api/v1/caseload", po, "", true);
    EXPECT_EQ(caseload.status, 200);
    EXPECT_EQ(caseload.header("strict-transport-security").value_or(""), kHsts);
    EXPECT_TRUE(json::parse(caseload.body).as_object().contains("cases"));

    // Errors and static files carry it too: every response does.
    auto missing = http_request(s.port(), "GET", "/no-such-page", {}, "", true);
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.header("strict-transport-security").value_or(""), kHsts);
    auto unauthenticated = http_request(s.port(), "GET", "/api/v1/caseload", {}, "", true);
    EXPECT_EQ(unauthenticated.status, 401);
    EXPECT_EQ(unauthenticated.header("strict-transport-security").value_or(""), kHsts);
}

TEST_P(Tls, SignInOverHttpsSetsASecureSessionCookie) {
    auto& s = service();
    Browser browser(s.port(), true);
    auto signed_in = browser.sign_in("demo.po", kDemoPassword);
    ASSERT_EQ(signed_in.status, 303) << signed_in.body;
    bool session_cookie_seen = false;
    auto [begin, end] = signed_in.headers.equal_range("set-cookie");
    for (auto it = begin; it != end; ++it) {
        if (it->second.rfind("onecase_session=", 0) != 0) continue;
        session_cookie_seen = true;
        EXPECT_NE(it->second.find("; Secure"), std::string::npos) << it->second;
        EXPECT_NE(it->second.find("HttpOnly"), std::string::npos) << it->second;
    }
    EXPECT_TRUE(session_cookie_seen);
    auto caseload = browser.get("/caseload");
    EXPECT_EQ(caseload.status, 200);
    EXPECT_EQ(caseload.header("strict-transport-security").value_or(""), kHsts);
}

TEST_P(Tls, PlainHttpToTheTlsPortIsNotServed) {
    auto& s = service();
    bool served = false;
    try {
        auto r = http_request(s.port(), "GET", "/sign-in");
        served = r.status != 0;
        ADD_FAILURE() << "plain HTTP got status " << r.status;
    } catch (const std::exception&) {
        // No HTTP response: the server closed the connection after the failed handshake.
    }
    EXPECT_FALSE(served);
    // The failed connection did not disturb the server.
    EXPECT_EQ(http_request(s.port(), "GET", "/sign-in", {}, "", true).status, 200);
}

TEST(TlsOptions, AMissingOrMismatchedCertificateIsRefusedAtStart) {
    const auto& c = throwaway_certificate();
    auto make = [](const std::string& cert, const std::string& key) {
        http::ServerOptions options;
        options.tls_cert_file = cert;
        options.tls_key_file = key;
        http::Server server(options, [](http::Request&) { return http::Response{}; });
    };
    EXPECT_THROW(make("/nonexistent/cert.pem", c.key.string()), std::runtime_error);
    EXPECT_THROW(make(c.cert.string(), "/nonexistent/key.pem"), std::runtime_error);
    EXPECT_THROW(make(c.cert.string(), ""), std::runtime_error);
    EXPECT_THROW(make(c.key.string(), c.key.string()), std::runtime_error);
    EXPECT_NO_THROW(make(c.cert.string(), c.key.string()));
}

INSTANTIATE_TEST_SUITE_P(Databases, Tls, ::testing::ValuesIn(backends()), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace onecase::testing
