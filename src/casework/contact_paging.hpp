#pragma once
// The case page's contact history, a page at a time: a case followed for twenty years
// has thousands of contacts, and one page of them all took seconds to send and draw.
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "contacts/model.hpp"
#include "db/database.hpp"
#include "http/request.hpp"

namespace onecase::casework {

inline constexpr int kContactsPerPage = 50;

struct ContactPage {
    std::vector<contacts::Contact> contacts;  // newest first
    std::int64_t total = 0;                   // the contacts the caller may see
    std::int64_t first_position = 1;          // of contacts[0], counting from the newest
    bool has_older = false;
};

// `?olderThan=ID` on the case page: the page starts after that contact.
std::optional<std::int64_t> older_than_param(const http::Request& req);

// The page after `older_than` when it is one of the case's contacts the caller may
// see; otherwise (none given, or a contact deleted or hidden since) the newest page.
ContactPage load_contact_page(db::Connection& conn, std::int64_t person_id, std::optional<std::int64_t> older_than,
                              bool include_sensitive);

// Adds to the case page's view: the count, which contacts are shown, links to the
// older and newest pages, and where the banner of a just-recorded contact points
// (its place in the list, or its own page when it is not on this one).
void add_contact_paging(boost::json::object& view, const std::string& crn, const ContactPage& page,
                        std::optional<std::int64_t> recorded_id);

}  // namespace onecase::casework
