#include "db/value.hpp"

#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace onecase::db {

bool Row::is_null(std::size_t i) const { return std::holds_alternative<Null>(values_.at(i)); }

std::int64_t Row::int64(std::size_t i) const {
    const Value& v = values_.at(i);
    if (auto p = std::get_if<std::int64_t>(&v)) return *p;
    if (auto p = std::get_if<double>(&v)) return static_cast<std::int64_t>(*p);
    if (auto p = std::get_if<std::string>(&v)) {
        std::int64_t out = 0;
        auto r = std::from_chars(p->data(), p->data() + p->size(), out);
        if (r.ec == std::errc{}) return out;
    }
    throw std::logic_error("column " + std::to_string(i) + " is not an integer");
}

double Row::real(std::size_t i) const {
    const Value& v = values_.at(i);
    if (auto p = std::get_if<double>(&v)) return *p;
    if (auto p = std::get_if<std::int64_t>(&v)) return static_cast<double>(*p);
    if (auto p = std::get_if<std::string>(&v)) return std::stod(*p);
    throw std::logic_error("column " + std::to_string(i) + " is not a number");
}

std::string Row::text(std::size_t i) const {
    const Value& v = values_.at(i);
    if (auto p = std::get_if<std::string>(&v)) return *p;
    if (auto p = std::get_if<std::int64_t>(&v)) return std::to_string(*p);
    if (auto p = std::get_if<double>(&v)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", *p);
        return buf;
    }
    return {};
}

std::optional<std::string> Row::opt_text(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return text(i);
}

std::optional<std::int64_t> Row::opt_int64(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return int64(i);
}

}  // namespace onecase::db
