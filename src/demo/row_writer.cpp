#include "demo/row_writer.hpp"

#include <cstdio>
#include <stdexcept>

namespace onecase::demo {
namespace {

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
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
        for (char c : std::get<std::string>(v)) {
            switch (c) {
                case '\\': out += "\\\\"; break;
                case '\t': out += "\\t"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                default: out += c;
            }
        }
    }
}

}  // namespace

RowWriter::RowWriter(db::Connection& conn) : conn_(conn), copy_(conn.supports_copy()) {}

void RowWriter::table(const std::string& name, const std::string& columns) {
    std::size_t count = 1;
    for (char c : columns) count += c == ',' ? 1 : 0;
    std::string placeholders;
    for (std::size_t i = 0; i < count; ++i) placeholders += i ? ", ?" : "?";
    index_[name] = tables_.size();
    tables_.push_back(Table{name, columns, "INSERT INTO " + name + " (" + columns + ") VALUES (" + placeholders + ")", {}, 0});
}

void RowWriter::add(const std::string& name, const db::Params& row) {
    Table& t = tables_.at(index_.at(name));
    if (!copy_) {
        conn_.execute(t.insert_sql, row);
        return;
    }
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (i) t.tsv += '\t';
        append_copy_field(t.tsv, row[i]);
    }
    t.tsv += '\n';
    ++t.pending;
}

void RowWriter::flush() {
    if (!copy_) return;
    for (auto& t : tables_) {
        if (t.pending == 0) continue;
        conn_.copy_rows(t.name, t.columns, t.tsv);
        t.tsv.clear();
        t.pending = 0;
    }
}

}  // namespace onecase::demo
