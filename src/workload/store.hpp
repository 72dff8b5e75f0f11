#pragma once
// The workload module's SQL: policy versions (policy_versions, policy = 'workload'),
// staff and their hours, reductions, tasks, the cases each holds, the allocation
// queue, allocations and notifications. No rules here.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "platform/clock.hpp"
#include "workload/capacity.hpp"
#include "workload/model.hpp"

namespace onecase::workload {

inline constexpr const char* kPolicyName = "workload";

struct StoredPolicyVersion {
    WorkloadPolicy policy;
    std::string note, created_at, created_by;
    bool built_in = false;
};

// Every version, oldest first; the built-in defaults are version 1 unless one is stored.
std::vector<StoredPolicyVersion> load_policy_versions(db::Connection& conn);
std::vector<WorkloadPolicy> policies_of(const std::vector<StoredPolicyVersion>& versions);
WorkloadPolicy policy_in_force_on(db::Connection& conn, platform::Date day);
// Adds the next version in the caller's transaction; returns its number.
int insert_policy_version(db::Connection& conn, const WorkloadPolicy& policy, const std::string& note,
                          std::int64_t user_id, platform::Instant now);

struct StaffRecord {
    std::int64_t id = 0;
    std::string code, first_name, last_name, grade, email;
    std::int64_t team_id = 0, pdu_id = 0;
    std::string team_code, team_name, pdu_code, office;
    std::optional<std::int64_t> contracted_minutes;
    std::string name() const { return first_name + " " + last_name; }
};

struct TeamRecord {
    std::int64_t id = 0, pdu_id = 0, region_id = 0;
    std::string code, name, pdu_code, pdu_name;
};

struct PduRecord {
    std::int64_t id = 0, region_id = 0;
    std::string code, name;
};

std::optional<StaffRecord> find_staff(db::Connection& conn, const std::string& code);
std::optional<StaffRecord> find_staff_by_id(db::Connection& conn, std::int64_t id);
std::optional<TeamRecord> find_team(db::Connection& conn, const std::string& code);
std::optional<TeamRecord> find_team_by_id(db::Connection& conn, std::int64_t id);
std::optional<PduRecord> find_pdu(db::Connection& conn, const std::string& code);
struct RegionRecord {
    std::int64_t id = 0;
    std::string code, name;
};
std::optional<RegionRecord> find_region(db::Connection& conn, const std::string& code);

// Which staff a workload read covers.
enum class Scope { staff, team, pdu, region };

std::vector<StaffRecord> staff_in(db::Connection& conn, Scope scope, std::int64_t id);

struct ReductionRecord {
    std::int64_t id = 0, staff_id = 0;
    Reduction reduction;
    std::string notes;
};

struct HeldWork {
    std::map<std::int64_t, std::vector<CaseItem>> cases;  // by staff id
    std::map<std::int64_t, std::vector<TaskItem>> tasks;
    std::map<std::int64_t, std::vector<ReductionRecord>> reductions;  // those touching the period
};

// The current cases, tasks since `tasks_from` and reductions overlapping `period` of
// every staff member in the scope: three statements whatever the number of staff.
HeldWork load_held_work(db::Connection& conn, Scope scope, std::int64_t id, platform::Date tasks_from,
                        const Period& period);

std::int64_t insert_reduction(db::Connection& conn, std::int64_t staff_id, const Reduction& r, const std::string& notes,
                              std::int64_t user_id, platform::Instant now);

std::int64_t insert_task(db::Connection& conn, std::int64_t staff_id, const std::string& kind, platform::Date on,
                         std::int64_t user_id, platform::Instant now);

// Sets a staff member's weekly contracted minutes (nullopt: the grade's full time).
void set_contracted_minutes(db::Connection& conn, std::int64_t staff_id, std::optional<std::int64_t> minutes);

struct QueueEntry {
    std::int64_t person_id = 0;
    std::string crn, first_name, last_name;
    std::optional<std::string> tier;
    std::string team_code, team_name;
    std::string disposal_type, sentence_start;  // latest active event; "" when none
    std::optional<std::string> length_months;
    std::string rosh;                           // active ROSH registration level code, or ""
    std::vector<std::string> flags;             // active high-signal registrations
    std::string received_at;                    // people.created_at
    // A pending transfer bringing the case here: the sending team's name and when it
    // was requested ("" when none).
    std::string transfer_from_team, transfer_requested_at;
};

// Current cases with no case manager, or on a pending transfer to it, waiting in a team (Scope::team) or in any team of
// a PDU (Scope::pdu), oldest sentence first.
std::vector<QueueEntry> load_queue(db::Connection& conn, Scope scope, std::int64_t id);
// One case's queue facts (it need not be unallocated).
std::optional<QueueEntry> load_case_facts(db::Connection& conn, std::int64_t person_id);

// Staff who were this person's case manager before (allocation history).
std::vector<std::int64_t> previous_case_managers(db::Connection& conn, std::int64_t person_id);
// Allocations to each staff member since `since`.
std::map<std::int64_t, std::int64_t> recent_allocations(db::Connection& conn, Scope scope, std::int64_t id,
                                                        platform::Instant since);

struct AllocationRecord {
    std::int64_t person_id = 0;
    std::optional<std::int64_t> from_staff_id;
    std::int64_t to_staff_id = 0;
    std::optional<std::int64_t> team_id;
    std::string reason;
    int rank = 0;  // 0: applied from a batch proposal (stored as NULL)
    bool against_ranking = false, against_grade_rule = false;
    std::optional<double> capacity_after;
    std::optional<std::int64_t> transfer_id;  // the transfer this allocation accepts
};

// Changes the case manager if the person's version is still `expected_version`;
// false when someone changed the case meanwhile (nothing written). Writes the
// history row. Caller's transaction.
bool allocate(db::Connection& conn, const AllocationRecord& a, std::int64_t expected_version, std::int64_t user_id,
              platform::Instant now);

struct AllocationHistoryEntry {
    std::string allocated_at, from_code, from_name, to_code, to_name, by, reason;
    std::int64_t rank = 0;
    bool against_ranking = false, against_grade_rule = false;
    std::string transfer_from_team, transfer_to_team;  // "" unless it accepted a transfer
};
std::vector<AllocationHistoryEntry> allocation_history(db::Connection& conn, std::int64_t person_id);

struct Notification {
    std::int64_t id = 0;
    std::string kind, crn, message, created_at;
    bool read = false;
};
void insert_notification(db::Connection& conn, std::int64_t staff_id, const std::string& kind, const std::string& crn,
                         const std::string& message, platform::Instant now);
std::vector<Notification> notifications_for(db::Connection& conn, std::int64_t staff_id, int limit);
std::int64_t unread_notifications(db::Connection& conn, std::int64_t staff_id);
void mark_notifications_read(db::Connection& conn, std::int64_t staff_id, platform::Instant now);

}  // namespace onecase::workload
