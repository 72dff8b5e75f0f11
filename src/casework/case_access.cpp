#include "casework/case_access.hpp"

#include "access/policy.hpp"
#include "access/users_store.hpp"
#include "casework/case_record.hpp"
#include "people/store.hpp"
#include "platform/identifiers.hpp"

namespace onecase::casework {

using access::Principal;

Result<AuthorisedCase> authorise_case(db::Connection& conn, const std::string& crn,
                                      const Principal& who, bool write) {
    if (!platform::is_valid_crn(crn)) return Problem::not_found("There is no case with CRN " + crn);
    auto person = people::find_by_crn(conn, crn);
    if (!person) return Problem::not_found("There is no case with CRN " + crn);
    std::optional<access::StaffScope> cm;
    if (person->case_manager_staff_id) cm = access::load_staff_scope(conn, *person->case_manager_staff_id);
    const auto scope = case_scope(cm, *person);
    const bool allowed = write ? access::can_write_case(who, scope) : access::can_read_case(who, scope);
    if (!allowed) {
        std::string ask = cm ? " Ask the case manager, " + cm->display_name + " (" + cm->team_name + ")." : "";
        return Problem::forbidden(std::string(write ? "You cannot record on this case." : "You cannot open this case.") + ask);
    }
    return AuthorisedCase{std::move(*person), std::move(cm)};
}

}  // namespace onecase::casework
