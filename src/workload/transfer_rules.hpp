#pragma once
// Transfers of a case to another team's or PDU's allocation queue: who may send one,
// who may decline one, and what a request needs. Pure (docs/workload.md, "Transfers").
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/model.hpp"
#include "platform/result.hpp"

namespace onecase::workload {

// Where a team sits, for the rules below.
struct TeamPlace {
    std::int64_t team_id = 0, pdu_id = 0;
};

// The sending side: the SPO of the team the case is in, or the head of that PDU.
bool can_send_transfer(const access::Principal& who, const TeamPlace& from);
// The receiving side (it allocates, or declines): the SPO of the receiving team, or
// the head of its PDU.
bool can_receive_transfer(const access::Principal& who, const TeamPlace& to);

// A request names a receiving team other than the case's own (nullopt: no team has
// the code given) and gives a reason. Field errors "toTeam" and "reason".
std::vector<FieldError> check_transfer_request(const TeamPlace& from, const std::string& to_code,
                                               const std::optional<TeamPlace>& to, const std::string& reason);

// Withdrawing or declining needs a reason too (field "reason").
std::vector<FieldError> check_transfer_close(const std::string& reason);

// "Transfer to another PDU" or "Transfer within the PDU", for history and messages.
bool crosses_pdu(const TeamPlace& from, const TeamPlace& to);

}  // namespace onecase::workload
