#pragma once
// Contacts and appointments in storage.
#include <optional>
#include <vector>

#include "contacts/model.hpp"
#include "db/database.hpp"
#include "platform/clock.hpp"

namespace onecase::contacts {

// Newest first. `limit` <= 0 means all. Sensitive contacts are left out unless
// `include_sensitive`.
std::vector<Contact> contacts_for_person(db::Connection& conn, std::int64_t person_id, int limit,
                                         bool include_sensitive);

// The next page of a case's contacts: those after `after` in newest-first order (a
// contact of the case, already shown), at most `limit`.
std::vector<Contact> contacts_after(db::Connection& conn, const Contact& after, int limit, bool include_sensitive);

// How many contacts of the case the caller may see.
std::int64_t count_visible_contacts(db::Connection& conn, std::int64_t person_id, bool include_sensitive);

// Where `contact` stands among the contacts of its case the caller may see, newest
// first, counting from 1 (so a page after it starts one further on).
std::int64_t position_of_contact(db::Connection& conn, const Contact& contact, bool include_sensitive);

// Inserts in the caller's transaction and returns the stored contact.
Contact insert_contact(db::Connection& conn, std::int64_t person_id, const NewContact& contact,
                       std::optional<std::int64_t> author_staff_id, std::int64_t user_id,
                       platform::Instant now);

std::optional<Contact> find_contact(db::Connection& conn, std::int64_t person_id, std::int64_t contact_id);

// Replaces a contact's content if it is still at `expected_version`, keeping the
// previous version in contact_versions. Returns the updated contact, or nullopt when
// someone else changed it first (the caller answers 409 with the current record).
std::optional<Contact> update_contact(db::Connection& conn, const Contact& current, std::int64_t expected_version,
                                      const NewContact& replacement, std::int64_t user_id, platform::Instant now);

struct ContactVersion {
    std::int64_t version = 0;
    std::string type;
    std::string contact_at;
    std::string notes;
    bool sensitive = false;
    std::string replaced_at;
    std::string replaced_by;  // username of who saved the next version; "" if unknown
};

// Earlier versions of a contact, newest first.
std::vector<ContactVersion> contact_history(db::Connection& conn, std::int64_t contact_id);


}  // namespace onecase::contacts
