#include "casework/contact_paging.hpp"

#include <charconv>

#include "contacts/store.hpp"

namespace onecase::casework {

namespace json = boost::json;

std::optional<std::int64_t> older_than_param(const http::Request& req) {
    const auto text = req.query_param("olderThan");
    if (!text) return std::nullopt;
    std::int64_t id = 0;
    const auto r = std::from_chars(text->data(), text->data() + text->size(), id);
    if (r.ec != std::errc{} || r.ptr != text->data() + text->size() || id < 1) return std::nullopt;
    return id;
}

ContactPage load_contact_page(db::Connection& conn, std::int64_t person_id, std::optional<std::int64_t> older_than,
                              bool include_sensitive) {
    ContactPage page;
    std::optional<contacts::Contact> after;
    if (older_than) {
        after = contacts::find_contact(conn, person_id, *older_than);
        if (after && after->sensitive && !include_sensitive) after.reset();
    }
    // One more than a page says whether there are older ones.
    page.contacts = after ? contacts::contacts_after(conn, *after, kContactsPerPage + 1, include_sensitive)
                          : contacts::contacts_for_person(conn, person_id, kContactsPerPage + 1, include_sensitive);
    if (page.contacts.size() > static_cast<std::size_t>(kContactsPerPage)) {
        page.contacts.pop_back();
        page.has_older = true;
    }
    page.total = contacts::count_visible_contacts(conn, person_id, include_sensitive);
    if (after) page.first_position = contacts::position_of_contact(conn, *after, include_sensitive) + 1;
    return page;
}

void add_contact_paging(json::object& view, const std::string& crn, const ContactPage& page,
                        std::optional<std::int64_t> recorded_id) {
    const auto shown = static_cast<std::int64_t>(page.contacts.size());
    view["contactCount"] = page.total;
    const std::string history = "/cases/" + crn;
    if (page.has_older || page.first_position > 1) {
        view["contactsShown"] = json::object{{"from", page.first_position}, {"to", page.first_position + shown - 1}};
    }
    if (page.has_older) {
        view["olderContactsUrl"] = history + "?olderThan=" + std::to_string(page.contacts.back().id) + "#contact-history";
    }
    if (page.first_position > 1) view["newestContactsUrl"] = history + "#contact-history";
    if (recorded_id) {
        bool on_this_page = false;
        for (const auto& c : page.contacts) on_this_page = on_this_page || c.id == *recorded_id;
        view["recordedHref"] = on_this_page ? "#contact-" + std::to_string(*recorded_id)
                                            : history + "/contacts/" + std::to_string(*recorded_id);
    }
}

}  // namespace onecase::casework
