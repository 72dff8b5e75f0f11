#include "workload/store.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <stdexcept>

#include "workload/policy_json.hpp"

namespace onecase::workload {

namespace json = boost::json;
using db::Value;

namespace {

platform::Date date_or(const std::string& text, platform::Date fallback) {
    auto d = platform::parse_date(text);
    return d ? *d : fallback;
}

// The staff columns every staff read returns, in StaffRecord order.
constexpr const char* kStaffSelect =
    "SELECT s.id, s.code, s.first_name, s.last_name, s.grade, s.email, s.team_id, t.pdu_id, t.code, t.name, d.code, "
    "COALESCE(o.name, ''), s.contracted_minutes FROM staff s JOIN teams t ON t.id = s.team_id JOIN pdus d ON d.id = t.pdu_id "
    "LEFT JOIN offices o ON o.id = s.office_id ";

StaffRecord staff_row(const db::Row& r) {
    return StaffRecord{r.int64(0), r.text(1),  r.text(2),  r.text(3), r.text(4),  r.text(5),      r.int64(6),
                       r.int64(7), r.text(8),  r.text(9),  r.text(10), r.text(11), r.opt_int64(12)};
}

std::string rosh_code(const std::string& level) {
    std::string out;
    for (char c : level) out += c == ' ' ? '_' : char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The queue's columns: the person, their team, latest active event, ROSH level.
constexpr const char* kQueueSelect =
    "SELECT p.id, p.crn, p.first_name, p.last_name, p.tier, COALESCE(t.code, ''), COALESCE(t.name, ''), "
    " (SELECT e.disposal_type FROM events e WHERE e.person_id = p.id AND e.active = 1 ORDER BY e.start_date DESC, e.id DESC LIMIT 1),"
    " (SELECT e.start_date FROM events e WHERE e.person_id = p.id AND e.active = 1 ORDER BY e.start_date DESC, e.id DESC LIMIT 1),"
    " (SELECT e.length_months FROM events e WHERE e.person_id = p.id AND e.active = 1 ORDER BY e.start_date DESC, e.id DESC LIMIT 1),"
    " (SELECT r.level FROM registrations r WHERE r.person_id = p.id AND r.type_code = 'ROSH' AND r.deregistered_on IS NULL"
    "   ORDER BY r.registered_on DESC, r.id DESC LIMIT 1),"
    " p.created_at,"
    // A case on its way from another team (docs/workload.md, "Transfers").
    " (SELECT ft.name FROM case_transfers x JOIN teams ft ON ft.id = x.from_team_id WHERE x.person_id = p.id"
    "   AND x.status = 'pending' ORDER BY x.id DESC LIMIT 1),"
    " (SELECT x.requested_at FROM case_transfers x WHERE x.person_id = p.id AND x.status = 'pending' ORDER BY x.id DESC LIMIT 1)"
    " FROM people p LEFT JOIN teams t ON t.id = p.allocation_team_id ";

QueueEntry queue_row(const db::Row& r) {
    QueueEntry q;
    q.person_id = r.int64(0);
    q.crn = r.text(1);
    q.first_name = r.text(2);
    q.last_name = r.text(3);
    q.tier = r.opt_text(4);
    q.team_code = r.text(5);
    q.team_name = r.text(6);
    q.disposal_type = r.text(7);
    q.sentence_start = r.text(8);
    q.length_months = r.opt_text(9);
    q.rosh = rosh_code(r.text(10));
    q.received_at = r.text(11);
    q.transfer_from_team = r.text(12);
    q.transfer_requested_at = r.text(13);
    return q;
}

void load_flags(db::Connection& conn, QueueEntry& q) {
    auto rows = conn.query(
        "SELECT rt.description, COALESCE(r.level, '') FROM registrations r JOIN register_types rt ON rt.code = r.type_code "
        "WHERE r.person_id = ? AND r.deregistered_on IS NULL AND rt.high_signal = 1 ORDER BY rt.description",
        {q.person_id});
    for (const auto& r : rows) q.flags.push_back(r.text(1).empty() ? r.text(0) : r.text(0) + ": " + r.text(1));
}

}  // namespace

std::vector<StoredPolicyVersion> load_policy_versions(db::Connection& conn) {
    auto rows = conn.query(
        "SELECT v.version, v.effective_from, v.settings, v.note, v.created_at, COALESCE(u.username, '')"
        " FROM policy_versions v LEFT JOIN users u ON u.id = v.created_by_user_id WHERE v.policy = ? ORDER BY v.version",
        {std::string(kPolicyName)});
    std::vector<StoredPolicyVersion> out;
    if (rows.empty() || rows.front().int64(0) != 1) {
        StoredPolicyVersion v;
        v.policy = default_policy();
        v.built_in = true;
        v.note = "The defaults built into onecase (docs/workload.md)";
        out.push_back(std::move(v));
    }
    for (const auto& r : rows) {
        boost::system::error_code ec;
        auto settings = json::parse(r.text(2), ec);
        auto policy = ec ? Result<WorkloadPolicy>(Problem::bad_request("not JSON")) : parse_workload_policy(settings);
        auto from = platform::parse_date(r.text(1));
        if (!policy || !from)
            throw std::runtime_error("policy_versions: workload version " + r.text(0) + " has settings that do not validate");
        policy->version = int(r.int64(0));
        policy->effective_from = *from;
        out.push_back(StoredPolicyVersion{std::move(*policy), r.text(3), r.text(4), r.text(5), false});
    }
    return out;
}

std::vector<WorkloadPolicy> policies_of(const std::vector<StoredPolicyVersion>& versions) {
    std::vector<WorkloadPolicy> out;
    for (const auto& v : versions) out.push_back(v.policy);
    return out;
}

WorkloadPolicy policy_in_force_on(db::Connection& conn, platform::Date day) {
    const auto all = policies_of(load_policy_versions(conn));
    return policy_in_force(all, day);
}

int insert_policy_version(db::Connection& conn, const WorkloadPolicy& policy, const std::string& note, std::int64_t user_id,
                          platform::Instant now) {
    auto rows = conn.query("SELECT MAX(version) FROM policy_versions WHERE policy = ?", {std::string(kPolicyName)});
    const auto highest = rows.empty() ? std::nullopt : rows[0].opt_int64(0);
    const int version = int(highest.value_or(1)) + 1;
    conn.execute(
        "INSERT INTO policy_versions (policy, version, effective_from, settings, note, created_at, created_by_user_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        {std::string(kPolicyName), std::int64_t(version), platform::format_date(policy.effective_from),
         json::serialize(workload_policy_json(policy)), note, platform::format_instant(now), user_id});
    return version;
}

std::optional<StaffRecord> find_staff(db::Connection& conn, const std::string& code) {
    auto rows = conn.query(std::string(kStaffSelect) + "WHERE s.code = ?", {code});
    if (rows.empty()) return std::nullopt;
    return staff_row(rows[0]);
}

std::optional<StaffRecord> find_staff_by_id(db::Connection& conn, std::int64_t id) {
    auto rows = conn.query(std::string(kStaffSelect) + "WHERE s.id = ?", {id});
    if (rows.empty()) return std::nullopt;
    return staff_row(rows[0]);
}

std::optional<TeamRecord> find_team(db::Connection& conn, const std::string& code) {
    auto rows = conn.query("SELECT t.id, t.pdu_id, d.region_id, t.code, t.name, d.code, d.name FROM teams t "
                           "JOIN pdus d ON d.id = t.pdu_id WHERE t.code = ?",
                           {code});
    if (rows.empty()) return std::nullopt;
    const auto& r = rows[0];
    return TeamRecord{r.int64(0), r.int64(1), r.int64(2), r.text(3), r.text(4), r.text(5), r.text(6)};
}

std::optional<TeamRecord> find_team_by_id(db::Connection& conn, std::int64_t id) {
    auto rows = conn.query("SELECT code FROM teams WHERE id = ?", {id});
    if (rows.empty()) return std::nullopt;
    return find_team(conn, rows[0].text(0));
}

std::optional<PduRecord> find_pdu(db::Connection& conn, const std::string& code) {
    auto rows = conn.query("SELECT id, region_id, code, name FROM pdus WHERE code = ?", {code});
    if (rows.empty()) return std::nullopt;
    return PduRecord{rows[0].int64(0), rows[0].int64(1), rows[0].text(2), rows[0].text(3)};
}

std::optional<RegionRecord> find_region(db::Connection& conn, const std::string& code) {
    auto rows = conn.query("SELECT id, code, name FROM regions WHERE code = ?", {code});
    if (rows.empty()) return std::nullopt;
    return RegionRecord{rows[0].int64(0), rows[0].text(1), rows[0].text(2)};
}

std::vector<StaffRecord> staff_in(db::Connection& conn, Scope scope, std::int64_t id) {
    const char* where = scope == Scope::staff  ? "WHERE s.id = ? ORDER BY s.last_name, s.first_name, s.code"
                        : scope == Scope::team ? "WHERE s.team_id = ? ORDER BY s.last_name, s.first_name, s.code"
                        : scope == Scope::pdu  ? "WHERE t.pdu_id = ? ORDER BY t.code, s.last_name, s.first_name, s.code"
                                               : "WHERE d.region_id = ? ORDER BY d.code, t.code, s.last_name, s.first_name, s.code";
    std::vector<StaffRecord> out;
    for (const auto& r : conn.query(std::string(kStaffSelect) + where, {id})) out.push_back(staff_row(r));
    return out;
}

HeldWork load_held_work(db::Connection& conn, Scope scope, std::int64_t id, platform::Date tasks_from, const Period& period) {
    const char* staff_filter =
        scope == Scope::staff  ? "s.id = ?"
        : scope == Scope::team ? "s.team_id = ?"
        : scope == Scope::pdu  ? "s.team_id IN (SELECT id FROM teams WHERE pdu_id = ?)"
                               : "s.team_id IN (SELECT t.id FROM teams t JOIN pdus d ON d.id = t.pdu_id WHERE d.region_id = ?)";
    HeldWork w;
    // Each case weighs by the type of its latest active event (docs/workload.md).
    auto cases = conn.query(
        std::string("SELECT p.case_manager_staff_id, p.crn, p.tier,"
                    " (SELECT e.disposal_type FROM events e WHERE e.person_id = p.id AND e.active = 1"
                    "  ORDER BY e.start_date DESC, e.id DESC LIMIT 1)"
                    " FROM people p JOIN staff s ON s.id = p.case_manager_staff_id WHERE p.current_case = 1 AND ") +
            staff_filter + " ORDER BY p.crn",
        {id});
    for (const auto& r : cases)
        w.cases[r.int64(0)].push_back(CaseItem{r.text(1), r.opt_text(2), std::string(case_type_of_disposal(r.text(3)))});
    auto tasks = conn.query(std::string("SELECT k.staff_id, k.kind, k.task_date FROM workload_tasks k JOIN staff s ON s.id = k.staff_id"
                                        " WHERE k.task_date >= ? AND ") +
                                staff_filter,
                            {platform::format_date(tasks_from), id});
    for (const auto& r : tasks) {
        if (auto d = platform::parse_date(r.text(2))) w.tasks[r.int64(0)].push_back(TaskItem{r.text(1), *d});
    }
    auto reductions = conn.query(
        std::string("SELECT r.id, r.staff_id, r.reason, r.minutes_per_week, r.start_date, r.end_date, r.notes"
                    " FROM workload_reductions r JOIN staff s ON s.id = r.staff_id"
                    " WHERE r.start_date <= ? AND (r.end_date IS NULL OR r.end_date >= ?) AND ") +
            staff_filter + " ORDER BY r.start_date, r.id",
        {platform::format_date(period.last), platform::format_date(period.first), id});
    for (const auto& r : reductions) {
        ReductionRecord rec;
        rec.id = r.int64(0);
        rec.staff_id = r.int64(1);
        rec.reduction.reason = r.text(2);
        rec.reduction.minutes_per_week = r.int64(3);
        rec.reduction.start = date_or(r.text(4), period.first);
        if (auto end = r.opt_text(5)) rec.reduction.end = date_or(*end, period.last);
        rec.notes = r.text(6);
        w.reductions[rec.staff_id].push_back(std::move(rec));
    }
    return w;
}

std::int64_t insert_reduction(db::Connection& conn, std::int64_t staff_id, const Reduction& r, const std::string& notes,
                              std::int64_t user_id, platform::Instant now) {
    const Value end = r.end ? Value{platform::format_date(*r.end)} : Value{db::null};
    auto rows = conn.query(
        "INSERT INTO workload_reductions (staff_id, reason, minutes_per_week, start_date, end_date, notes, created_at,"
        " created_by_user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {staff_id, r.reason, r.minutes_per_week, platform::format_date(r.start), end, notes, platform::format_instant(now),
         user_id});
    return rows.at(0).int64(0);
}

std::int64_t insert_task(db::Connection& conn, std::int64_t staff_id, const std::string& kind, platform::Date on,
                         std::int64_t user_id, platform::Instant now) {
    auto rows = conn.query("INSERT INTO workload_tasks (staff_id, kind, task_date, created_at, created_by_user_id)"
                           " VALUES (?, ?, ?, ?, ?) RETURNING id",
                           {staff_id, kind, platform::format_date(on), platform::format_instant(now), user_id});
    return rows.at(0).int64(0);
}

void set_contracted_minutes(db::Connection& conn, std::int64_t staff_id, std::optional<std::int64_t> minutes) {
    conn.execute("UPDATE staff SET contracted_minutes = ? WHERE id = ?", {db::optional_value(minutes), staff_id});
}

std::vector<QueueEntry> load_queue(db::Connection& conn, Scope scope, std::int64_t id) {
    // Unallocated cases, and cases a pending transfer sends here: they keep their case
    // manager until the receiving team allocates them.
    const std::string waiting =
        "WHERE p.current_case = 1 AND (p.case_manager_staff_id IS NULL OR EXISTS (SELECT 1 FROM case_transfers x"
        " WHERE x.person_id = p.id AND x.status = 'pending' AND x.to_team_id = p.allocation_team_id)) AND ";
    const std::string where = waiting + (scope == Scope::team ? "p.allocation_team_id = ?" : "t.pdu_id = ?");
    std::vector<QueueEntry> out;
    for (const auto& r : conn.query(std::string(kQueueSelect) + where, {id})) out.push_back(queue_row(r));
    // Oldest first: by the date the sentence or release started, then when received.
    std::stable_sort(out.begin(), out.end(), [](const QueueEntry& a, const QueueEntry& b) {
        const auto& x = a.sentence_start.empty() ? a.received_at : a.sentence_start;
        const auto& y = b.sentence_start.empty() ? b.received_at : b.sentence_start;
        return x != y ? x < y : a.crn < b.crn;
    });
    for (auto& q : out) load_flags(conn, q);
    return out;
}

std::optional<QueueEntry> load_case_facts(db::Connection& conn, std::int64_t person_id) {
    auto rows = conn.query(std::string(kQueueSelect) + "WHERE p.id = ?", {person_id});
    if (rows.empty()) return std::nullopt;
    auto q = queue_row(rows[0]);
    load_flags(conn, q);
    return q;
}

std::vector<std::int64_t> previous_case_managers(db::Connection& conn, std::int64_t person_id) {
    std::vector<std::int64_t> out;
    for (const auto& r : conn.query("SELECT DISTINCT to_staff_id FROM allocations WHERE person_id = ?", {person_id}))
        out.push_back(r.int64(0));
    return out;
}

std::map<std::int64_t, std::int64_t> recent_allocations(db::Connection& conn, Scope scope, std::int64_t id,
                                                        platform::Instant since) {
    const char* filter = scope == Scope::team ? "s.team_id = ?" : scope == Scope::staff ? "s.id = ?"
                                                                                        : "s.team_id IN (SELECT id FROM teams WHERE pdu_id = ?)";
    std::map<std::int64_t, std::int64_t> out;
    for (const auto& r : conn.query(std::string("SELECT a.to_staff_id, COUNT(*) FROM allocations a JOIN staff s ON s.id = a.to_staff_id"
                                                " WHERE a.allocated_at >= ? AND ") +
                                        filter + " GROUP BY a.to_staff_id",
                                    {platform::format_instant(since), id}))
        out[r.int64(0)] = r.int64(1);
    return out;
}

bool allocate(db::Connection& conn, const AllocationRecord& a, std::int64_t expected_version, std::int64_t user_id,
              platform::Instant now) {
    const auto changed = conn.execute(
        "UPDATE people SET case_manager_staff_id = ?, version = version + 1 WHERE id = ? AND version = ?",
        {a.to_staff_id, a.person_id, expected_version});
    if (changed != 1) return false;
    Value after{db::null};
    if (a.capacity_after) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", *a.capacity_after);
        after = std::string(buf);
    }
    conn.execute(
        "INSERT INTO allocations (person_id, from_staff_id, to_staff_id, team_id, allocated_at, allocated_by_user_id, reason,"
        " candidate_rank, against_ranking, against_grade_rule, capacity_percent_after, transfer_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {a.person_id, db::optional_value(a.from_staff_id), a.to_staff_id, db::optional_value(a.team_id),
         platform::format_instant(now), user_id, a.reason, a.rank > 0 ? Value{std::int64_t(a.rank)} : Value{db::null}, std::int64_t(a.against_ranking ? 1 : 0),
         std::int64_t(a.against_grade_rule ? 1 : 0), after, db::optional_value(a.transfer_id)});
    return true;
}

std::vector<AllocationHistoryEntry> allocation_history(db::Connection& conn, std::int64_t person_id) {
    std::vector<AllocationHistoryEntry> out;
    for (const auto& r : conn.query(
             "SELECT a.allocated_at, COALESCE(f.code, ''), COALESCE(f.first_name || ' ' || f.last_name, ''), t.code,"
             " t.first_name || ' ' || t.last_name, COALESCE(u.username, ''), a.reason, COALESCE(a.candidate_rank, 0),"
             " a.against_ranking, a.against_grade_rule, COALESCE(ft.name, ''), COALESCE(tt.name, '')"
             " FROM allocations a JOIN staff t ON t.id = a.to_staff_id"
             " LEFT JOIN staff f ON f.id = a.from_staff_id LEFT JOIN users u ON u.id = a.allocated_by_user_id"
             " LEFT JOIN case_transfers x ON x.id = a.transfer_id LEFT JOIN teams ft ON ft.id = x.from_team_id"
             " LEFT JOIN teams tt ON tt.id = x.to_team_id"
             " WHERE a.person_id = ? ORDER BY a.id DESC",
             {person_id}))
        out.push_back(AllocationHistoryEntry{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6),
                                             r.int64(7), r.boolean(8), r.boolean(9), r.text(10), r.text(11)});
    return out;
}

void insert_notification(db::Connection& conn, std::int64_t staff_id, const std::string& kind, const std::string& crn,
                         const std::string& message, platform::Instant now) {
    conn.execute("INSERT INTO notifications (staff_id, kind, crn, message, created_at) VALUES (?, ?, ?, ?, ?)",
                 {staff_id, kind, crn, message, platform::format_instant(now)});
}

std::vector<Notification> notifications_for(db::Connection& conn, std::int64_t staff_id, int limit) {
    std::vector<Notification> out;
    for (const auto& r : conn.query("SELECT id, kind, COALESCE(crn, ''), message, created_at, read_at FROM notifications"
                                    " WHERE staff_id = ? ORDER BY id DESC LIMIT ?",
                                    {staff_id, std::int64_t(limit)}))
        out.push_back(Notification{r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.opt_text(5).has_value()});
    return out;
}

std::int64_t unread_notifications(db::Connection& conn, std::int64_t staff_id) {
    return conn.query("SELECT COUNT(*) FROM notifications WHERE staff_id = ? AND read_at IS NULL", {staff_id}).at(0).int64(0);
}

void mark_notifications_read(db::Connection& conn, std::int64_t staff_id, platform::Instant now) {
    conn.execute("UPDATE notifications SET read_at = ? WHERE staff_id = ? AND read_at IS NULL",
                 {platform::format_instant(now), staff_id});
}

}  // namespace onecase::workload
