#include "contacts/order_type.hpp"

#include <array>

namespace onecase::contacts {

namespace {
struct Names {
    OrderType type;
    std::string_view code;
    std::string_view words;
};
constexpr std::array<Names, 5> kNames{{
    {OrderType::community_order, "community_order", "community order"},
    {OrderType::suspended_sentence_order, "suspended_sentence_order", "suspended sentence order"},
    {OrderType::licence, "licence", "licence"},
    {OrderType::pss, "pss", "post-sentence supervision"},
    {OrderType::custody, "custody", "custodial sentence"},
}};
}  // namespace

std::optional<OrderType> parse_order_type(std::string_view code) {
    for (const auto& n : kNames)
        if (n.code == code) return n.type;
    return std::nullopt;
}

std::string_view order_type_code(OrderType type) { return kNames[static_cast<std::size_t>(type)].code; }

std::string_view order_type_words(OrderType type) { return kNames[static_cast<std::size_t>(type)].words; }

}  // namespace onecase::contacts
