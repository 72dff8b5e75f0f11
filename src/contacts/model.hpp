#pragma once
// Contacts: everything that happened on a case. Appointments: planned contacts.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onecase::contacts {

struct ContactType {
    std::string code;
    std::string label;
};

// The contact types a practitioner records by hand, phone first because it is the
// most common.
const std::vector<ContactType>& contact_types();
std::optional<std::string> contact_type_label(const std::string& code);

// The most a note may hold: long enough for a full report pasted in.
inline constexpr std::size_t kMaxNotesCharacters = 100'000;

struct Contact {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::string type;
    std::string contact_at;  // UTC ISO 8601
    std::optional<std::int64_t> author_staff_id;
    std::string author_name;
    std::string notes;
    bool sensitive = false;
    std::string created_at;
    std::string updated_at;
    std::int64_t version = 1;
    // The requirement this contact counts towards (RAR days), if any.
    std::optional<std::int64_t> requirement_id;
};

// A contact as entered, validated by rules::validate_new_contact.
struct NewContact {
    std::string type;
    std::string contact_at;  // UTC ISO 8601
    std::string notes;
    bool sensitive = false;
    std::optional<std::int64_t> requirement_id;
};


}  // namespace onecase::contacts
