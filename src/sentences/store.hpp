#pragma once
#include <vector>

#include "db/database.hpp"
#include "sentences/model.hpp"

namespace onecase::sentences {

// A person's events, active first then newest, each with its requirements.
std::vector<Event> events_for_person(db::Connection& conn, std::int64_t person_id);

}  // namespace onecase::sentences
