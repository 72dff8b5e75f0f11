// The `?` -> `$n` rewrite the PostgreSQL driver applies to every statement. A `?`
// that is data (in a literal, a quoted name or a comment) must survive untouched,
// or a note that a practitioner typed as "Did he attend?" would become a parameter.
#include <gtest/gtest.h>

#include <string>

#include "db/postgres/placeholders.hpp"

namespace onecase::db {
namespace {

struct Case {
    const char* why;
    std::string sql;
    std::string expected;
    int parameters;
};

const Case kCases[] = {
    {"no placeholders", "SELECT 1", "SELECT 1", 0},
    {"empty", "", "", 0},
    {"one", "SELECT ?", "SELECT $1", 1},
    {"numbered left to right", "INSERT INTO contacts (crn, notes) VALUES (?, ?)",
     "INSERT INTO contacts (crn, notes) VALUES ($1, $2)", 2},
    {"two digits", "VALUES (?,?,?,?,?,?,?,?,?,?,?)", "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)", 11},
    {"inside a literal", "SELECT 'Did he attend?' WHERE crn = ?", "SELECT 'Did he attend?' WHERE crn = $1", 1},
    {"doubled quote stays inside the literal", "SELECT 'O''Neill?', ?", "SELECT 'O''Neill?', $1", 1},
    {"literal that is only an escaped quote", "SELECT '''', ?", "SELECT '''', $1", 1},
    {"adjacent literals", "SELECT 'a?''b?', '?' || ?", "SELECT 'a?''b?', '?' || $1", 1},
    {"quoted identifier", "SELECT \"why?\" FROM t WHERE a = ?", "SELECT \"why?\" FROM t WHERE a = $1", 1},
    {"doubled quote in identifier", "SELECT \"a\"\"?\" , ?", "SELECT \"a\"\"?\" , $1", 1},
    {"line comment", "SELECT ? -- was it late?\n, ?", "SELECT $1 -- was it late?\n, $2", 2},
    {"line comment at the end", "SELECT ? -- why?", "SELECT $1 -- why?", 1},
    {"block comment", "SELECT ? /* ? ' \" */ , ?", "SELECT $1 /* ? ' \" */ , $2", 2},
    {"quote inside a line comment", "SELECT ? -- it's\n, ?", "SELECT $1 -- it's\n, $2", 2},
    {"minus and slash are operators", "SELECT 10 - ? / 2", "SELECT 10 - $1 / 2", 1},
    {"unicode around placeholders", "SELECT 'Zoë ? Ødegård' WHERE n = ?", "SELECT 'Zoë ? Ødegård' WHERE n = $1", 1},
    {"unterminated literal is copied as is", "SELECT ? , 'oops ?", "SELECT $1 , 'oops ?", 1},
    {"unterminated comment is copied as is", "SELECT ? /* ?", "SELECT $1 /* ?", 1},
};

TEST(PostgresPlaceholders, RewritesOnlyPlaceholdersOutsideLiteralsIdentifiersAndComments) {
    for (const auto& c : kCases) {
        const auto out = rewrite_placeholders(c.sql);
        EXPECT_EQ(out.sql, c.expected) << c.why;
        EXPECT_EQ(out.parameters, c.parameters) << c.why;
    }
}

}  // namespace
}  // namespace onecase::db
