#include "demo/row_writer.hpp"

#include <cstdio>

namespace onecase::demo {

void append_copy_field(std::string& out, const db::Value& v) {
    if (std::holds_alternative<db::Null>(v)) {
        out += "\\N";
    } else if (auto i = std::get_if<std::int64_t>(&v)) {
        out += std::to_string(*i);
    } else if (auto d = std::get_if<double>(&v)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", *d);
        out += buf;
    } else {
        const auto& s = std::get<std::string>(v);
        std::size_t plain = 0;  // copy runs of ordinary characters in one go
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char c = s[i];
            const char* escaped = c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : nullptr;
            if (!escaped) continue;
            out.append(s, plain, i - plain);
            out += escaped;
            plain = i + 1;
        }
        out.append(s, plain, s.size() - plain);
    }
}

RowWriter::RowWriter(db::Connection& conn) : conn_(conn), copy_(conn.supports_copy()) {}

RowWriter::TableId RowWriter::table(const std::string& name, const std::string& columns) {
    std::size_t count = 1;
    for (char c : columns) count += c == ',' ? 1 : 0;
    std::string placeholders;
    for (std::size_t i = 0; i < count; ++i) placeholders += i ? ", ?" : "?";
    tables_.push_back(Table{name, columns, "INSERT INTO " + name + " (" + columns + ") VALUES (" + placeholders + ")", {}});
    return tables_.size() - 1;
}

void RowWriter::add(TableId id, const db::Params& row) {
    Table& t = tables_.at(id);
    if (!copy_) {
        conn_.execute(t.insert_sql, row);
        return;
    }
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (i) t.tsv += '\t';
        append_copy_field(t.tsv, row[i]);
    }
    t.tsv += '\n';
}

void RowWriter::flush() {
    if (!copy_) return;
    for (auto& t : tables_) {
        if (t.tsv.empty()) continue;
        conn_.copy_rows(t.name, t.columns, t.tsv);
        t.tsv.clear();
    }
}

}  // namespace onecase::demo
