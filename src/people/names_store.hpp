#pragma once
// The names a person is known by, in storage (person_names, person_name_keys), and
// the search keys written with them.
#include <cstdint>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "platform/clock.hpp"

namespace onecase::people {

struct PersonName {
    std::int64_t person_id = 0;
    std::string kind;  // current, alias, previous
    std::string first_name;
    std::string last_name;
};

// Records a name with its search keys in the caller's transaction.
void add_person_name(db::Connection& conn, std::int64_t person_id, const std::string& kind, const std::string& first_name,
                     const std::string& last_name, platform::Instant now);

// Every name of each person in `person_ids`, current first.
std::vector<PersonName> names_of(db::Connection& conn, const std::vector<std::int64_t>& person_ids);

// Computes the keys of names copied in by migration 0010 (keys_written = 0), in
// batches, each in its own transaction. Cheap when there are none (an index lookup).
// Returns how many names it indexed.
std::int64_t index_pending_names(db::Database& database);

// "?, ?, ?" for `n` placeholders, rounded up to a few fixed sizes so the prepared
// statement cache holds few texts; pad_ids repeats the last id to fill the list.
std::string in_placeholders(std::size_t n);
db::Params padded_ids(const std::vector<std::int64_t>& ids);

}  // namespace onecase::people
