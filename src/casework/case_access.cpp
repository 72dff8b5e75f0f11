#include "casework/case_access.hpp"

#include "access/case_scope_store.hpp"
#include "access/policy.hpp"
#include "access/users_store.hpp"
#include "casework/case_record.hpp"
#include "people/store.hpp"
#include "platform/identifiers.hpp"

namespace onecase::casework {

using access::Principal;

std::optional<Problem> refuse_unless_writable(db::Database& db, const std::string& crn, const access::Principal& who) {
    return db::read_transaction(db, [&](db::Connection& conn) -> std::optional<Problem> {
        auto c = authorise_case(conn, crn, who, true);
        if (!c) return c.problem();
        return std::nullopt;
    });
}

Result<AuthorisedCase> authorise_case(db::Connection& conn, const std::string& crn,
                                      const Principal& who, bool write) {
    if (!platform::is_valid_crn(crn)) return Problem::not_found("There is no case with CRN " + crn);
    auto person = people::find_by_crn(conn, crn);
    if (!person) return Problem::not_found("There is no case with CRN " + crn);
    std::optional<access::StaffScope> cm;
    if (person->case_manager_staff_id) cm = access::load_staff_scope(conn, *person->case_manager_staff_id);
    auto scope = load_scope(conn, *person, cm);
    const auto why = access::case_refusal(who, scope, write);
    if (why != access::CaseRefusal::none) return refusal_problem(why, cm, write);
    return AuthorisedCase{std::move(*person), std::move(cm), std::move(scope)};
}

access::CaseScope load_scope(db::Connection& conn, const people::Person& person,
                             const std::optional<access::StaffScope>& case_manager) {
    auto scope = case_scope(case_manager, person);
    access::load_access_lists(conn, person.id, scope);
    return scope;
}

Problem refusal_problem(access::CaseRefusal why, const std::optional<access::StaffScope>& cm, bool write) {
    const std::string ask = cm ? " Ask the case manager, " + cm->display_name + " (" + cm->team_name + ")."
                               : " Ask your senior probation officer.";
    switch (why) {
        case access::CaseRefusal::restricted:
            return Problem::forbidden("This case is restricted to named staff." + ask);
        case access::CaseRefusal::excluded:
            return Problem::forbidden("You are excluded from this case." + ask);
        default:
            return Problem::forbidden(std::string(write ? "You cannot record on this case." : "You cannot open this case.") + ask);
    }
}

}  // namespace onecase::casework
