#include "db/postgres/placeholders.hpp"

namespace onecase::db {

RewrittenSql rewrite_placeholders(std::string_view sql) {
    RewrittenSql out;
    out.sql.reserve(sql.size() + 16);
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            // Copy the quoted text; a doubled quote is an escaped quote inside it.
            out.sql += c;
            for (++i; i < sql.size(); ++i) {
                out.sql += sql[i];
                if (sql[i] == c) {
                    if (i + 1 < sql.size() && sql[i + 1] == c) {
                        out.sql += sql[++i];
                    } else {
                        break;
                    }
                }
            }
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            const auto end = sql.find('\n', i);
            const auto stop = end == std::string_view::npos ? sql.size() : end;
            out.sql.append(sql.substr(i, stop - i));
            i = stop - 1;
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            const auto end = sql.find("*/", i + 2);
            const auto stop = end == std::string_view::npos ? sql.size() : end + 2;
            out.sql.append(sql.substr(i, stop - i));
            i = stop - 1;
        } else if (c == '?') {
            out.sql += '$' + std::to_string(++out.parameters);
        } else {
            out.sql += c;
        }
    }
    return out;
}

}  // namespace onecase::db
