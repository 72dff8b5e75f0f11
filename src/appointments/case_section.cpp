#include "appointments/case_section.hpp"

#include "appointments/rules.hpp"
#include "appointments/store.hpp"
#include "appointments/views.hpp"

namespace onecase::appointments {

std::vector<RarProgress> load_rar_progress(db::Connection& conn, std::int64_t person_id) {
    const auto orders = orders_for_person(conn, person_id);
    // Activities in the order rar_progress walks the requirements.
    std::vector<std::vector<RarActivity>> activities;
    for (const auto& o : orders) {
        if (!o.active) continue;
        for (const auto& r : o.requirements) {
            if (is_rar(r) && r.active) activities.push_back(rar_activities(conn, r.id));
        }
    }
    return rar_progress(orders, activities);
}

boost::json::object case_section(db::Connection& conn, std::int64_t person_id, const std::string& crn, bool can_book,
                                 platform::Instant now) {
    return case_section_view(crn, appointments_for_person(conn, person_id), load_rar_progress(conn, person_id),
                             can_book, now);
}

}  // namespace onecase::appointments
