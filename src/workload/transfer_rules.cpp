#include "workload/transfer_rules.hpp"

namespace onecase::workload {

using access::Role;

namespace {
bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

bool manages(const access::Principal& who, const TeamPlace& t) {
    if (!who.staff) return false;
    if (who.role == Role::spo) return who.staff->team_id == t.team_id;
    if (who.role == Role::head_of_pdu) return who.staff->pdu_id == t.pdu_id;
    return false;
}
}  // namespace

bool can_send_transfer(const access::Principal& who, const TeamPlace& from) { return manages(who, from); }

bool can_receive_transfer(const access::Principal& who, const TeamPlace& to) { return manages(who, to); }

std::vector<FieldError> check_transfer_request(const TeamPlace& from, const std::string& to_code,
                                               const std::optional<TeamPlace>& to, const std::string& reason) {
    std::vector<FieldError> errors;
    if (blank(to_code))
        errors.push_back({"toTeam", "Choose the team to transfer the case to"});
    else if (!to)
        errors.push_back({"toTeam", "There is no team with code " + to_code});
    else if (to->team_id == from.team_id)
        errors.push_back({"toTeam", "Choose a team other than the case's own: to move it within the team, reallocate it"});
    if (blank(reason)) errors.push_back({"reason", "Enter why the case is being transferred"});
    else if (reason.size() > 2000) errors.push_back({"reason", "The reason must be 2,000 characters or fewer"});
    return errors;
}

std::vector<FieldError> check_transfer_close(const std::string& reason) {
    std::vector<FieldError> errors;
    if (blank(reason)) errors.push_back({"reason", "Enter why the transfer is not going ahead"});
    else if (reason.size() > 2000) errors.push_back({"reason", "The reason must be 2,000 characters or fewer"});
    return errors;
}

bool crosses_pdu(const TeamPlace& from, const TeamPlace& to) { return from.pdu_id != to.pdu_id; }

}  // namespace onecase::workload
