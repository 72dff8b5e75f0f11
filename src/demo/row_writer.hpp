#pragma once
// Writes generated rows fast: INSERT through one cached prepared statement per
// table on SQLite, COPY on PostgreSQL. On PostgreSQL rows are buffered per table
// and flushed in the order tables were declared, so foreign keys always point at
// rows already written. Rows must be complete and in column order.
#include <cstddef>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace onecase::demo {

class RowWriter {
public:
    using TableId = std::size_t;

    explicit RowWriter(db::Connection& conn);

    // Declares a table, in dependency order; `columns` is a comma-separated list.
    TableId table(const std::string& name, const std::string& columns);
    void add(TableId table, const db::Params& row);
    // Writes every buffered row, tables in declaration order. Call before commit.
    void flush();

private:
    struct Table {
        std::string name;
        std::string columns;
        std::string insert_sql;
        std::string tsv;
    };
    db::Connection& conn_;
    bool copy_;
    std::vector<Table> tables_;
};

// COPY text format for one value: \N for NULL; backslash, tab, newline and carriage
// return escaped. Appends to `out`.
void append_copy_field(std::string& out, const db::Value& value);

}  // namespace onecase::demo
