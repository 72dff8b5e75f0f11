#include "workload/allocation.hpp"

#include <algorithm>
#include <set>

#include "casework/case_access.hpp"
#include "enforcement/route_support.hpp"
#include "platform/working_days.hpp"
#include "workload/appointment_handover.hpp"
#include "sentences/model.hpp"
#include "workload/access_rules.hpp"
#include "workload/audit_fields.hpp"
#include "workload/views.hpp"

namespace onecase::workload {

namespace json = boost::json;
using access::Principal;

std::string due_date_of(const QueueEntry& q, const WorkloadPolicy& policy) {
    // A transferred case is due from when the transfer was asked for, not its sentence.
    auto start = platform::parse_date(q.sentence_start);
    if (!q.transfer_requested_at.empty())
        if (auto at = platform::parse_instant(q.transfer_requested_at)) start = platform::london_date(*at);
    if (!start) return "";
    static const platform::BankHolidays kHolidays = platform::england_and_wales_bank_holidays();
    return platform::format_date(platform::add_working_days(*start, int(policy.allocation_due_working_days), kHolidays));
}

std::string date_text(const std::string& iso) {
    auto d = platform::parse_date(iso);
    return d ? platform::display_date(*d) : iso;
}

json::object case_facts_json(const QueueEntry& q, const std::string& due_date, platform::Date today) {
    json::array flags;
    for (const auto& f : q.flags) flags.push_back(json::value(f));
    const bool overdue = !due_date.empty() && due_date < platform::format_date(today);
    return json::object{{"crn", q.crn},
                        {"name", q.first_name + " " + q.last_name},
                        {"tier", q.tier ? json::value(*q.tier) : json::value(nullptr)},
                        {"rosh", q.rosh.empty() ? json::value(nullptr) : json::value(q.rosh)},
                        {"sentence", q.disposal_type.empty() ? json::value(nullptr) : json::value(q.disposal_type)},
                        {"sentenceLabel", q.disposal_type.empty() ? std::string("No active sentence") : sentences::disposal_label(q.disposal_type)},
                        {"lengthMonths", q.length_months ? json::value(std::stoll(*q.length_months)) : json::value(nullptr)},
                        {"sentenceStart", q.sentence_start.empty() ? json::value(nullptr) : json::value(q.sentence_start)},
                        {"caseType", std::string(case_type_of_disposal(q.disposal_type))},
                        {"flags", std::move(flags)},
                        {"teamCode", q.team_code},
                        {"teamName", q.team_name},
                        {"receivedAt", q.received_at},
                        {"dueDate", due_date.empty() ? json::value(nullptr) : json::value(due_date)},
                        {"dueDateText", date_text(due_date)},
                        {"sentenceStartText", date_text(q.sentence_start)},
                        {"overdue", overdue},
                        {"transferFromTeam", q.transfer_from_team.empty() ? json::value(nullptr) : json::value(q.transfer_from_team)}};
}

json::object candidate_json(const RankedCandidate& r) {
    json::array reasons;
    for (const auto& s : r.reasons) reasons.push_back(json::value(s));
    json::object tiers;
    for (const char* l : {"A", "B", "C", "D"}) {
        auto it = r.candidate.tier_counts.find(l);
        tiers[l] = it == r.candidate.tier_counts.end() ? 0 : it->second;
    }
    return json::object{{"rank", r.rank},
                        {"staffCode", r.candidate.staff_code},
                        {"name", r.candidate.name},
                        {"grade", r.candidate.grade},
                        {"teamCode", r.candidate.team_code},
                        {"office", r.candidate.office},
                        {"points", r.candidate.points},
                        {"availablePoints", r.candidate.available_points},
                        {"capacityPercent", percent_json(r.capacity_percent)},
                        {"capacityPercentAfter", percent_json(r.capacity_percent_after)},
                        {"cases", r.candidate.cases},
                        {"tierCounts", std::move(tiers)},
                        {"recentAllocations", r.candidate.recent_allocations},
                        {"heldBefore", r.candidate.held_before},
                        {"gradeSuitable", r.grade_suitable},
                        {"gradeRule", r.grade_rule},
                        {"reasons", std::move(reasons)}};
}

Result<AllocationContext> load_allocation(db::Connection& conn, const Principal& who, const std::string& crn, bool pdu_wide,
                                          platform::Instant now, bool measure) {
    if (who.role != access::Role::spo) return Problem::forbidden("Only a senior probation officer allocates cases.");
    auto c = authorise_for_allocation(conn, crn, who);
    if (!c) return c.problem();
    AllocationContext ctx;
    ctx.person_id = c->person.id;
    ctx.person_version = c->person.version;
    ctx.crn = crn;
    ctx.name = c->person.first_name + " " + c->person.last_name;
    auto facts = load_case_facts(conn, c->person.id);
    if (!facts) return Problem::not_found("There is no case with CRN " + crn);
    ctx.facts = std::move(*facts);
    std::optional<TeamRecord> team;
    if (c->person.case_manager_staff_id) ctx.current_manager = find_staff_by_id(conn, *c->person.case_manager_staff_id);
    ctx.transfer = pending_transfer(conn, c->person.id);
    if (ctx.transfer) {
        team = find_team_by_id(conn, ctx.transfer->to.team_id);
    } else if (ctx.current_manager) {
        team = find_team_by_id(conn, ctx.current_manager->team_id);
    } else {
        auto rows = conn.query("SELECT allocation_team_id FROM people WHERE id = ?", {c->person.id});
        if (auto id = rows.at(0).opt_int64(0)) team = find_team_by_id(conn, *id);
    }
    if (!team) return Problem::conflict("This case is in no team's queue, so no one can allocate it yet.");
    // The sending SPO of a pending transfer still sees the case (to withdraw the
    // transfer), but not the receiving team's workloads.
    const bool sender_only = !can_view_team(who, team->pdu_id) && ctx.transfer && can_send_transfer(who, ctx.transfer->from);
    if (!can_view_team(who, team->pdu_id) && !sender_only)
        return Problem::forbidden("Only a senior probation officer in " + team->pdu_name + " allocates this case.");
    ctx.team = *team;
    ctx.pdu_wide = pdu_wide;
    const auto today = platform::london_date(now);
    ctx.policy = policy_in_force_on(conn, today);
    ctx.due_date = due_date_of(ctx.facts, ctx.policy);

    if (sender_only) return ctx;
    const Scope scope = pdu_wide ? Scope::pdu : Scope::team;
    const std::int64_t scope_id = pdu_wide ? team->pdu_id : team->id;
    std::vector<StaffWorkload> workloads;
    if (measure) {
        workloads = measure_scope(conn, ctx.policy, scope, scope_id, today);
    } else {
        for (const auto& st : staff_in(conn, scope, scope_id)) workloads.push_back(StaffWorkload{st, {}, {}, std::nullopt, {}});
    }
    const auto before = previous_case_managers(conn, c->person.id);
    const auto recent = recent_allocations(conn, scope, scope_id, now - std::chrono::days(7));
    std::vector<Candidate> candidates;
    for (const auto& w : workloads) {
        const auto& g = ctx.policy.allocatable_grades;
        if (std::find(g.begin(), g.end(), w.staff.grade) == g.end()) continue;
        if (ctx.current_manager && ctx.current_manager->id == w.staff.id) continue;
        Candidate cand;
        cand.staff_id = w.staff.id;
        cand.staff_code = w.staff.code;
        cand.name = w.staff.name();
        cand.grade = w.staff.grade;
        cand.team_code = w.staff.team_code;
        cand.office = w.staff.office;
        cand.points = w.points.total;
        cand.available_points = w.availability.available_points;
        cand.cases = w.points.cases;
        for (const auto& [type, tiers] : w.points.case_counts)
            for (const auto& [tier, n] : tiers) cand.tier_counts[tier.empty() ? "" : tier.substr(0, 1)] += n;
        auto r = recent.find(w.staff.id);
        cand.recent_allocations = r == recent.end() ? 0 : r->second;
        cand.held_before = std::find(before.begin(), before.end(), w.staff.id) != before.end();
        cand.same_team = w.staff.team_id == team->id;
        candidates.push_back(std::move(cand));
    }
    CaseToAllocate what{crn, ctx.facts.tier, ctx.facts.rosh, std::string(case_type_of_disposal(ctx.facts.disposal_type))};
    ctx.ranked = rank_candidates(ctx.policy, what, std::move(candidates));
    return ctx;
}

namespace {

struct Refused {
    Problem problem;
};

// The case's holding before and after, then the transfer it accepted, if any.
std::vector<access::FieldChange> allocation_changes(db::Connection& conn, std::int64_t person_id,
                                                   const access::AuditSnapshot& holding_before,
                                                   const std::optional<TransferRecord>& transfer_before) {
    auto changes = access::diff_fields(holding_before, case_holding(conn, person_id));
    if (!transfer_before) return changes;
    return access::joined_changes(std::move(changes), access::diff_fields(transfer_fields(*transfer_before),
                                                                          transfer_fields(*find_transfer(conn, transfer_before->id))));
}

}  // namespace

Result<AllocationDone> allocate_in(db::Connection& conn, access::RouteDeps& deps, const http::Request& req, const Principal& who,
                                   const AllocationRequest& in, bool batch, std::vector<Email>& mails) {
    const auto now = deps.clock.now();
    // A batch was balanced as a whole by the proposal; each case needs only its checks.
    auto ctx = load_allocation(conn, who, in.crn, in.pdu_wide, now, !batch);
    if (!ctx) return ctx.problem();
    if (!can_allocate_for(who, ctx->team.id))
        return Problem::forbidden("Only a senior probation officer of " + ctx->team.name + " allocates its cases.");
    std::string reason = in.reason;
    // In a batch the SPO accepted (or edited) a proposal that balances the whole queue, so
    // leaving one case's ranking needs no reason of its own; the grade rule still does.
    if (batch && reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        auto it = std::find_if(ctx->ranked.begin(), ctx->ranked.end(),
                               [&](const RankedCandidate& r) { return r.candidate.staff_code == in.staff_code; });
        if (it != ctx->ranked.end() && it->grade_suitable) reason = "Batch allocation";
    }
    auto check = check_choice(ctx->ranked, in.staff_code, reason);
    if (!check) return check.problem();
    const auto& chosen = *std::find_if(ctx->ranked.begin(), ctx->ranked.end(),
                                       [&](const RankedCandidate& r) { return r.candidate.staff_code == in.staff_code; });
    AllocationRecord rec;
    rec.person_id = ctx->person_id;
    if (ctx->current_manager) rec.from_staff_id = ctx->current_manager->id;
    rec.to_staff_id = chosen.candidate.staff_id;
    rec.team_id = ctx->team.id;
    rec.reason = reason;
    rec.rank = batch ? 0 : chosen.rank;
    rec.against_ranking = !batch && check->against_ranking;
    rec.against_grade_rule = check->against_grade_rule;
    rec.capacity_after = chosen.capacity_percent_after;
    if (ctx->transfer) rec.transfer_id = ctx->transfer->id;
    const auto holding_before = case_holding(conn, ctx->person_id);
    const auto transfer_before = ctx->transfer ? find_transfer(conn, ctx->transfer->id) : std::nullopt;
    if (!allocate(conn, rec, ctx->person_version, who.user_id, now))
        return Problem::conflict("Someone changed this case while you were deciding. Look at it again and allocate.");
    // Allocating a transferred case is how the receiving side accepts the transfer.
    if (ctx->transfer) accept_transfer(conn, ctx->transfer->id, who.user_id, now);
    const int moved = ctx->current_manager
                          ? hand_over_appointments(conn, deps, req, who, in.crn, ctx->person_id,
                                                   {ctx->current_manager->id, ctx->current_manager->code},
                                                   {rec.to_staff_id, chosen.candidate.staff_code})
                          : 0;
    const std::string moved_note =
        moved == 0 ? std::string()
                   : " " + std::to_string(moved) + (moved == 1 ? " booked appointment moves" : " booked appointments move") +
                         " from " + ctx->current_manager->name() + "'s diary to " +
                         chosen.candidate.name + "'s.";
    const std::string by = who.display_name();
    const std::string to_msg = "You have been allocated " + ctx->name + " (" + in.crn + ") by " + by + "." + moved_note;
    insert_notification(conn, rec.to_staff_id, "allocated", in.crn, to_msg, now);
    auto to_staff = find_staff_by_id(conn, rec.to_staff_id);
    mails.push_back({to_staff ? to_staff->email : "", "New case allocated: " + in.crn, to_msg});
    if (ctx->current_manager) {
        const std::string from_msg =
            ctx->name + " (" + in.crn + ") has been reallocated to " + chosen.candidate.name + " by " + by + "." + moved_note;
        insert_notification(conn, ctx->current_manager->id, "reallocated", in.crn, from_msg, now);
        mails.push_back({ctx->current_manager->email, "Case reallocated: " + in.crn, from_msg});
    }
    enforcement::audit(conn, deps, req, who, "case.allocate", in.crn,
                       "to=" + in.staff_code + " from=" + (ctx->current_manager ? ctx->current_manager->code : std::string("none")) +
                           " rank=" + std::to_string(rec.rank) + (rec.against_ranking ? " against_ranking" : "") +
                           (check->against_grade_rule ? " against_grade_rule" : "") + (batch ? " batch" : "") +
                           (ctx->transfer ? " transfer=" + std::to_string(ctx->transfer->id) : std::string()) + " reason=" + reason,
                       allocation_changes(conn, ctx->person_id, holding_before, transfer_before));
    return AllocationDone{in.crn, in.staff_code, chosen.candidate.name,
                          ctx->current_manager ? ctx->current_manager->code : std::string(), int(rec.rank),
                          rec.against_ranking, check->against_grade_rule, chosen.capacity_percent_after, ctx->team.code, moved};
}

Result<AllocationDone> allocate_case(access::RouteDeps& deps, const http::Request& req, const Principal& who,
                                     const AllocationRequest& in, EmailNotifier& email) {
    std::vector<Email> mails;
    auto done = db::write_transaction(deps.db, [&](db::Connection& conn) { return allocate_in(conn, deps, req, who, in, false, mails); });
    // E-mail only after the commit: a mail never announces an allocation that did not happen.
    if (done) send_once_written(email, mails);
    return done;
}

Result<std::vector<AllocationDone>> allocate_batch(access::RouteDeps& deps, const http::Request& req, const Principal& who,
                                                   const std::vector<AllocationRequest>& in, EmailNotifier& email) {
    std::vector<Email> mails;
    try {
        auto done = db::write_transaction(deps.db, [&](db::Connection& conn) {
            std::vector<AllocationDone> out;
            for (std::size_t i = 0; i < in.size(); ++i) {
                auto r = allocate_in(conn, deps, req, who, in[i], true, mails);
                if (!r) {
                    // All or nothing: the throw rolls back the allocations before this one.
                    auto p = r.problem();
                    for (auto& e : p.errors) e.field = "assignments." + std::to_string(i) + "." + e.field;
                    if (p.errors.empty()) p.detail = in[i].crn + ": " + p.detail;
                    throw Refused{std::move(p)};
                }
                out.push_back(std::move(*r));
            }
            return out;
        });
        send_once_written(email, mails);
        return done;
    } catch (const Refused& r) {
        return r.problem;
    }
}

}  // namespace onecase::workload
