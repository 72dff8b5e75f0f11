#include "standards/case_section.hpp"

#include <boost/json.hpp>

#include "standards/context.hpp"

namespace onecase::standards {

namespace json = boost::json;

boost::json::object case_page_section(db::Database& db, std::int64_t person_id, platform::Instant now) {
    return db::read_transaction(db, [&](db::Connection& conn) {
        const auto ctx = load_policy_context(conn, now);
        const auto c = load_case(conn, person_id, now);
        json::object o{{"policyVersion", ctx.in_force->version}, {"hasOrder", c && c->facts.has_value()}};
        json::array items;
        std::int64_t overdue = 0;
        if (c && c->facts) {
            // Starts the sentence on the page: "Suspended sentence order from 17 Jun 2025."
            std::string words(contacts::order_type_words(c->facts->order_type));
            if (!words.empty() && words[0] >= 'a' && words[0] <= 'z') words[0] = char(words[0] - 'a' + 'A');
            o["orderType"] = words;
            o["startDate"] = platform::display_date(c->facts->start_date);
            for (const auto& item : due_for(*c, ctx.judgement())) {
                overdue += item.overdue ? 1 : 0;
                items.push_back(due_item_view(item, ctx.today));
            }
        }
        o["hasItems"] = !items.empty();
        o["items"] = std::move(items);
        o["overdueCount"] = overdue;
        o["hasOverdue"] = overdue > 0;
        return o;
    });
}

}  // namespace onecase::standards
