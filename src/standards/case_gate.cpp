#include "standards/case_gate.hpp"

#include "access/case_scope_store.hpp"
#include "access/policy.hpp"
#include "access/users_store.hpp"
#include "people/store.hpp"
#include "platform/identifiers.hpp"

namespace onecase::standards {

Result<people::Person> authorise_case_read(db::Connection& conn, const std::string& crn, const access::Principal& who) {
    if (!platform::is_valid_crn(crn)) return Problem::not_found("There is no case with CRN " + crn);
    auto person = people::find_by_crn(conn, crn);
    if (!person) return Problem::not_found("There is no case with CRN " + crn);
    std::optional<access::StaffScope> cm;
    if (person->case_manager_staff_id) cm = access::load_staff_scope(conn, *person->case_manager_staff_id);
    access::CaseScope scope;
    scope.case_manager_staff_id = person->case_manager_staff_id;
    if (cm) {
        scope.team_id = cm->team_id;
        scope.pdu_id = cm->pdu_id;
        scope.region_id = cm->region_id;
    }
    access::load_access_lists(conn, person->id, scope);
    if (!access::can_read_case(who, scope))
        return Problem::forbidden(std::string(scope.restricted() || !scope.excluded.empty()
                                                  ? "This case is restricted or you are excluded from it."
                                                  : "You cannot open this case.") +
                                  (cm ? " Ask the case manager, " + cm->display_name + " (" + cm->team_name + ")."
                                      : std::string()));
    return std::move(*person);
}

}  // namespace onecase::standards
