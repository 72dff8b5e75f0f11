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

std::int64_t count_contacts(db::Connection& conn, std::int64_t person_id);

// Inserts in the caller's transaction and returns the stored contact.
Contact insert_contact(db::Connection& conn, std::int64_t person_id, const NewContact& contact,
                       std::optional<std::int64_t> author_staff_id, std::int64_t user_id,
                       platform::Instant now);

// Appointments starting at or after `from`, soonest first.
std::vector<Appointment> upcoming_appointments(db::Connection& conn, std::int64_t person_id,
                                               platform::Instant from, int limit);

}  // namespace onecase::contacts
