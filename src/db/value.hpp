#pragma once
// A value bound to or read from SQL. Both drivers speak only these four kinds, so
// module code never learns which engine it runs on.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace onecase::db {

struct Null {
    bool operator==(const Null&) const = default;
};
inline constexpr Null null{};

using Value = std::variant<Null, std::int64_t, double, std::string>;
using Params = std::vector<Value>;

// Binds an optional as NULL when empty.
template <typename T>
Value optional_value(const std::optional<T>& v) {
    if (!v) return null;
    return Value{*v};
}

// One result row. Accessors convert between text and numbers because PostgreSQL
// returns text and SQLite returns typed values; a wrong kind is a programming error
// and throws std::logic_error.
class Row {
public:
    explicit Row(std::vector<Value> values) : values_(std::move(values)) {}

    std::size_t size() const { return values_.size(); }
    bool is_null(std::size_t i) const;
    std::int64_t int64(std::size_t i) const;
    double real(std::size_t i) const;
    std::string text(std::size_t i) const;  // "" for NULL
    std::optional<std::string> opt_text(std::size_t i) const;
    std::optional<std::int64_t> opt_int64(std::size_t i) const;
    bool boolean(std::size_t i) const { return int64(i) != 0; }
    const Value& raw(std::size_t i) const { return values_.at(i); }

private:
    std::vector<Value> values_;
};

using Rows = std::vector<Row>;

}  // namespace onecase::db
