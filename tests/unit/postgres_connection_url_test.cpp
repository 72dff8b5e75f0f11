// A PostgreSQL URL goes into logs and /readyz answers; its password must not.
#include <gtest/gtest.h>

#include "db/postgres/connection_url.hpp"

namespace onecase::db {
namespace {

struct Case {
    const char* url;
    const char* logged;
};

const Case kCases[] = {
    {"postgresql://postgres@127.0.0.1:54329/onecase", "postgresql://postgres@127.0.0.1:54329/onecase"},
    {"postgresql://app:s3cret@db.internal:5432/onecase", "postgresql://app@db.internal:5432/onecase"},
    {"postgres://app:s3cret@db/onecase", "postgres://app@db/onecase"},
    {"postgresql://app:p@ss:w0rd@db/onecase", "postgresql://app@db/onecase"},
    {"postgresql://:s3cret@db/onecase", "postgresql://@db/onecase"},
    {"postgresql://app:s3cret@db", "postgresql://app@db"},
    {"postgresql://db:5432/onecase", "postgresql://db:5432/onecase"},
    {"postgresql://app@db/onecase?password=s3cret&sslmode=require", "postgresql://app@db/onecase"},
    {"postgresql://app@db/onecase?application_name=a@b:c", "postgresql://app@db/onecase"},
    {"postgresql:///onecase?host=/run/postgresql", "postgresql:///onecase"},
};

TEST(PostgresConnectionUrl, RedactionNeverShowsThePassword) {
    for (const auto& c : kCases) EXPECT_EQ(redact_connection_url(c.url), c.logged) << c.url;
}

}  // namespace
}  // namespace onecase::db
