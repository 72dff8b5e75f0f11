#include "casework/case_record.hpp"

#include "contacts/store.hpp"
#include "people/store.hpp"
#include "sentences/store.hpp"

#include <map>

namespace onecase::casework {

access::CaseScope case_scope(const std::optional<access::StaffScope>& cm, const people::Person& p) {
    access::CaseScope scope;
    scope.case_manager_staff_id = p.case_manager_staff_id;
    if (cm) {
        scope.team_id = cm->team_id;
        scope.pdu_id = cm->pdu_id;
        scope.region_id = cm->region_id;
    }
    return scope;
}

CaseRecord load_case_record(db::Connection& conn, const people::Person& person,
                            std::optional<access::StaffScope> case_manager) {
    CaseRecord r;
    r.person = person;
    r.case_manager = std::move(case_manager);
    r.addresses = people::addresses(conn, person.id);
    r.events = sentences::events_for_person(conn, person.id);
    r.flags = risk::active_registrations(conn, person.id);
    return r;
}

std::vector<CaseloadEntry> load_caseload(db::Connection& conn, std::int64_t staff_id, platform::Instant now) {
    auto rows = conn.query(
        "SELECT p.crn, "
        " (SELECT e.disposal_type FROM events e WHERE e.person_id = p.id AND e.active = 1"
        "  ORDER BY e.start_date DESC LIMIT 1),"
        " (SELECT MAX(c.contact_at) FROM contacts c WHERE c.person_id = p.id),"
        " (SELECT MIN(a.start_at) FROM appointments a WHERE a.person_id = p.id AND a.start_at >= ?"
        "  AND a.cancelled_at IS NULL),"
        " (SELECT COUNT(*) FROM case_access_lists l WHERE l.person_id = p.id AND l.kind = 'restriction'"
        "  AND l.removed_at IS NULL)"
        " FROM people p WHERE p.case_manager_staff_id = ? AND p.current_case = 1"
        " ORDER BY p.last_name, p.first_name, p.crn",
        {platform::format_instant(now), staff_id});
    auto people_list = people::caseload(conn, staff_id);
    std::map<std::string, const db::Row*> extras;
    for (const auto& r : rows) extras[r.text(0)] = &r;
    std::vector<CaseloadEntry> out;
    out.reserve(people_list.size());
    for (auto& person : people_list) {
        auto it = extras.find(person.crn);
        if (it == extras.end()) continue;
        const db::Row& r = *it->second;
        out.push_back(CaseloadEntry{std::move(person), r.opt_text(1), r.opt_text(2), r.opt_text(3), r.int64(4) > 0});
    }
    return out;
}

}  // namespace onecase::casework
