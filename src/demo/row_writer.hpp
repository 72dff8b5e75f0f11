#pragma once
// Writes generated rows fast: INSERT through cached prepared statements on SQLite,
// COPY on PostgreSQL. Rows are buffered per table and flushed in the order tables
// were declared, so foreign keys always point at rows already written.
#include <map>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace onecase::demo {

class RowWriter {
public:
    explicit RowWriter(db::Connection& conn);

    // Declares a table in dependency order; `columns` is a comma-separated list.
    void table(const std::string& name, const std::string& columns);
    void add(const std::string& table, const db::Params& row);
    // Writes every buffered row, tables in declaration order.
    void flush();

private:
    struct Table {
        std::string name;
        std::string columns;
        std::string insert_sql;
        std::string tsv;
        std::size_t pending = 0;
    };
    db::Connection& conn_;
    bool copy_;
    std::vector<Table> tables_;
    std::map<std::string, std::size_t> index_;
};

}  // namespace onecase::demo
