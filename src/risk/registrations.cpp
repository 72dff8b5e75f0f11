#include "risk/registrations.hpp"

namespace onecase::risk {

std::vector<Registration> active_registrations(db::Connection& conn, std::int64_t person_id) {
    auto rows = conn.query(
        "SELECT type_code, description, level, registered_on, review_due FROM registrations "
        "WHERE person_id = ? AND deregistered_on IS NULL ORDER BY registered_on DESC",
        {person_id});
    std::vector<Registration> out;
    for (const auto& r : rows) {
        out.push_back(Registration{r.text(0), r.text(1), r.opt_text(2), r.text(3), r.opt_text(4)});
    }
    return out;
}

}  // namespace onecase::risk
