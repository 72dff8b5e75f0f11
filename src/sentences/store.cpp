#include "sentences/store.hpp"

#include <map>

namespace onecase::sentences {

std::vector<Event> events_for_person(db::Connection& conn, std::int64_t person_id) {
    auto rows = conn.query(
        "SELECT id, event_number, offence, court, conviction_date, disposal_type, length_months, "
        "start_date, end_date, active FROM events WHERE person_id = ? "
        "ORDER BY active DESC, start_date DESC",
        {person_id});
    std::vector<Event> events;
    std::map<std::int64_t, std::size_t> index;
    for (const auto& r : rows) {
        index[r.int64(0)] = events.size();
        events.push_back(Event{r.int64(0), r.int64(1), r.text(2), r.text(3), r.text(4), r.text(5),
                               r.opt_int64(6), r.text(7), r.opt_text(8), r.boolean(9), {}});
    }
    if (events.empty()) return events;
    auto reqs = conn.query(
        "SELECT r.event_id, r.category, r.description, r.length, r.unit, r.start_date, r.end_date, "
        "r.active, r.id FROM requirements r JOIN events e ON e.id = r.event_id "
        "WHERE e.person_id = ? ORDER BY r.id",
        {person_id});
    for (const auto& r : reqs) {
        auto it = index.find(r.int64(0));
        if (it == index.end()) continue;
        events[it->second].requirements.push_back(Requirement{r.text(1), r.text(2), r.opt_int64(3),
                                                              r.text(4), r.text(5), r.opt_text(6),
                                                              r.boolean(7), r.int64(8)});
    }
    return events;
}

}  // namespace onecase::sentences
