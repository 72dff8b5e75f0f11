#pragma once
// The kind of order (event disposal) a contact rule is judged against. The codes are
// the disposal_type codes stored on events (sentences::Event::disposal_type).
#include <optional>
#include <string_view>

namespace onecase::contacts {

enum class OrderType { community_order, suspended_sentence_order, licence, pss, custody };

// "community_order" -> OrderType::community_order; nullopt for an unknown code.
std::optional<OrderType> parse_order_type(std::string_view code);
std::string_view order_type_code(OrderType type);
// "community order", "suspended sentence order", "licence", "post-sentence supervision",
// "custodial sentence": for sentences a practitioner reads.
std::string_view order_type_words(OrderType type);

}  // namespace onecase::contacts
