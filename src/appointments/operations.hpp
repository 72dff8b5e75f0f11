#pragma once
// Booking, moving, cancelling and reading appointments, shared by the pages and the
// API. Each authorises the case before reading any of its data, and each change
// commits in one transaction with its audit row.
#include <functional>
#include <optional>
#include <string>
#include <variant>

#include "access/guard.hpp"
#include "appointments/model.hpp"
#include "appointments/rules.hpp"
#include "people/model.hpp"
#include "platform/result.hpp"

namespace onecase::appointments {

// Finds a case by CRN and checks the caller may read (write) it: casework's
// authorise_case, passed in by the application so this module does not depend on
// casework (casework's case page depends on this module for its section).
using CaseAuthoriser = std::function<Result<people::Person>(db::Connection&, const std::string& crn,
                                                            const access::Principal&, bool write)>;

struct Context {
    access::RouteDeps& deps;
    CaseAuthoriser authorise;
};

// Someone else changed the appointment first; `current` is what is stored now.
struct Conflict {
    Appointment current;
};
using ChangeResult = Result<std::variant<Appointment, Conflict>>;

Result<Appointment> book(const Context& ctx, const http::Request& req, const access::Principal& who,
                         const std::string& crn, const BookingInput& input);
ChangeResult move(const Context& ctx, const http::Request& req, const access::Principal& who, std::int64_t id,
                  std::int64_t expected_version, const MoveInput& input);
ChangeResult cancel(const Context& ctx, const http::Request& req, const access::Principal& who, std::int64_t id,
                    std::int64_t expected_version, const std::string& reason);

// The write check on the appointment's case alone (404 when there is no such
// appointment), in its own read transaction: routes run it before reading the body,
// so someone refused gets 403 whatever they sent. move and cancel authorise again.
std::optional<Problem> refuse_change(const Context& ctx, const access::Principal& who, std::int64_t id);

// Reads one appointment after authorising its case (read, or write for the move
// and cancel forms), and audits the view as `action`.
Result<Appointment> read(const Context& ctx, const http::Request& req, const access::Principal& who, std::int64_t id,
                         bool write, const std::string& action);

// What the booking form offers: the person's current orders and their
// requirements, and the offices of the signed-in practitioner's PDU.
struct BookingChoices {
    people::Person person;
    std::vector<OrderRef> orders;
    std::vector<Office> offices;
    std::vector<StaffRef> team;  // the signed-in practitioner's team, to book with
};
Result<BookingChoices> booking_choices(const Context& ctx, const access::Principal& who, const std::string& crn);

using access::audit_view;

}  // namespace onecase::appointments
