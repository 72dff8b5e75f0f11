#pragma once
// Rewrites our `?` placeholders to PostgreSQL's `$1..$n`, leaving `?` inside string
// literals, quoted identifiers and comments alone. Pure.
#include <string>
#include <string_view>

namespace onecase::db {

struct RewrittenSql {
    std::string sql;
    int parameters = 0;
};

RewrittenSql rewrite_placeholders(std::string_view sql);

}  // namespace onecase::db
