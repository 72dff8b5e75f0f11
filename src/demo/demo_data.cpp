#include "demo/demo_data.hpp"

#include <future>
#include <stdexcept>

#include "demo/caseload.hpp"
#include "demo/organisation.hpp"
#include "demo/person.hpp"
#include "demo/deferred_indexes.hpp"
#include "demo/row_writer.hpp"
#include "people/name_keys.hpp"
#include "demo/workload.hpp"
#include "platform/crypto.hpp"

namespace onecase::demo {

namespace {

using db::Params;
using db::Value;

// People generated per batch (on a second thread while the previous batch is
// written) and committed per transaction: big enough to be fast, small enough to
// keep memory flat at national scale.
constexpr std::int64_t kBatchPeople = 2'000;
constexpr std::int64_t kCommitPeople = 50'000;

template <typename T>
Value opt(const std::optional<T>& v) {
    return db::optional_value(v);
}
Value flag(bool b) { return std::int64_t{b ? 1 : 0}; }
// The id of the index-th row written from `first`, or null when there is no such row.
Value offset_id(std::int64_t first, const std::optional<std::size_t>& index) {
    std::optional<std::int64_t> id;
    if (index) id = first + static_cast<std::int64_t>(*index);
    return db::optional_value(id);
}

// Ids for child rows, assigned in write order so they never need reading back.
struct Ids {
    std::int64_t person_name = 0, address = 0, event = 0, requirement = 0, registration = 0, contact = 0, appointment = 0;
};

class Loader {
public:
    Loader(db::Connection& conn, DemoSummary& summary, std::string now_text)
        : w_(conn), summary_(summary), now_(std::move(now_text)) {
        regions_ = w_.table("regions", "id, code, name");
        pdus_ = w_.table("pdus", "id, code, name, region_id");
        teams_ = w_.table("teams", "id, code, name, pdu_id");
        offices_ = w_.table("offices", "id, code, name, pdu_id, address");
        staff_ = w_.table("staff", "id, code, first_name, last_name, grade, team_id, office_id, email, contracted_minutes");
        reductions_ = w_.table("workload_reductions",
                               "staff_id, reason, minutes_per_week, start_date, end_date, notes, created_at, version");
        tasks_ = w_.table("workload_tasks", "staff_id, kind, task_date, created_at");
        users_ = w_.table("users", "id, username, password_hash, role, staff_id, active, created_at");
        people_ = w_.table("people",
                           "id, crn, first_name, middle_names, last_name, date_of_birth, gender, pnc, noms, phone, email, "
                           "case_manager_staff_id, tier, current_case, created_at, version, allocation_team_id");
        person_names_ = w_.table("person_names",
                                 "id, person_id, kind, first_name, last_name, search_text, keys_written, created_at");
        person_name_keys_ = w_.table("person_name_keys", "name_id, person_id, name_key, current_case, scope_region, case_manager_staff_id");
        addresses_ = w_.table("addresses", "id, person_id, status, line1, line2, town, postcode, start_date, end_date");
        events_ = w_.table("events",
                           "id, person_id, event_number, offence, court, conviction_date, disposal_type, length_months, "
                           "start_date, end_date, active");
        requirements_ = w_.table("requirements", "id, event_id, category, description, length, unit, start_date, end_date, active");
        registrations_ = w_.table("registrations",
                                  "id, person_id, type_code, description, level, registered_on, review_due, deregistered_on");
        appointments_ = w_.table("appointments", "id, person_id, type, start_at, duration_minutes, location, staff_id, outcome, outcome_acceptable, version, event_id");
        contacts_ = w_.table("contacts",
                             "id, person_id, event_id, type, contact_at, author_staff_id, notes, sensitive, created_at, "
                             "created_by_user_id, updated_at, version, appointment_id");
    }

    void organisation(const Organisation& org, std::uint64_t seed) {
        for (const auto& r : org.regions) w_.add(regions_, Params{r.id, r.code, r.name});
        for (const auto& p : org.pdus) w_.add(pdus_, Params{p.id, p.code, p.name, p.region_id});
        for (const auto& t : org.teams) w_.add(teams_, Params{t.id, t.code, t.name, t.pdu_id});
        for (const auto& o : org.offices) w_.add(offices_, Params{o.id, o.code, o.name, o.pdu_id, o.address});
        org_ = &org;
        for (const auto& s : org.staff) {
            w_.add(staff_, Params{s.id, s.code, s.first_name, s.last_name, s.grade, s.team_id, s.office_id, s.email,
                                  opt(contracted_minutes_for(s, seed))});
        }
        summary_.regions = std::int64_t(org.regions.size());
        summary_.pdus = std::int64_t(org.pdus.size());
        summary_.teams = std::int64_t(org.teams.size());
        summary_.offices = std::int64_t(org.offices.size());
        summary_.staff = std::int64_t(org.staff.size());
    }

    void user(std::int64_t id, const DemoUser& u, const std::string& hash, std::optional<std::int64_t> staff_id) {
        w_.add(users_, Params{id, u.username, hash, u.role, opt(staff_id), flag(true), now_});
        summary_.users.push_back(u);
    }

    void person(PersonRecord& r) {
        const auto& p = r.person;
        w_.add(people_, Params{p.id, p.crn, p.first_name, p.middle_names, p.last_name, p.date_of_birth, p.gender, opt(p.pnc),
                               opt(p.noms), p.phone, p.email, opt(p.case_manager_staff_id), opt(p.tier), flag(p.current_case),
                               p.created_at, std::int64_t{1}, opt(p.allocation_team_id)});
        name(p, "current", p.first_name, p.last_name);
        // Some people are known by other names, so search by alias and previous name can
        // be tried: every fifth woman has a previous surname, every eleventh person an
        // alias forename (each borrowed from the person loaded before).
        if (!previous_first_.empty()) {
            if (p.gender == "Female" && p.id % 5 == 0) name(p, "previous", p.first_name, previous_last_);
            if (p.id % 11 == 0) name(p, "alias", previous_first_, p.last_name);
        }
        previous_first_ = p.first_name;
        previous_last_ = p.last_name;
        for (auto& a : r.addresses) {
            w_.add(addresses_, Params{++ids_.address, p.id, a.status, a.line1, a.line2, a.town, a.postcode, a.start_date, opt(a.end_date)});
        }
        const std::int64_t first_event = ids_.event + 1;
        for (auto& e : r.events) {
            w_.add(events_, Params{++ids_.event, p.id, e.event_number, e.offence, e.court, e.conviction_date, e.disposal_type,
                                   opt(e.length_months), e.start_date, opt(e.end_date), flag(e.active)});
        }
        for (auto& q : r.requirements) {
            w_.add(requirements_, Params{++ids_.requirement, first_event + std::int64_t(q.event_index), q.category, q.description,
                                         opt(q.length), opt(q.unit), q.start_date, opt(q.end_date), flag(q.active)});
        }
        for (auto& g : r.registrations) {
            w_.add(registrations_, Params{++ids_.registration, p.id, g.type_code, g.description, opt(g.level), g.registered_on,
                                          opt(g.review_due), opt(g.deregistered_on)});
        }
        // Appointments first: a contact recording an outcome refers to its appointment.
        const std::int64_t first_appointment = ids_.appointment + 1;
        for (auto& a : r.appointments) {
            const Value event = offset_id(first_event, a.event_index);
            w_.add(appointments_, Params{++ids_.appointment, p.id, a.type, a.start_at, a.duration_minutes, a.location,
                                         opt(a.staff_id), opt(a.outcome),
                                         a.acceptable ? flag(*a.acceptable) : Value{db::null}, std::int64_t{1}, event});
        }
        for (auto& c : r.contacts) {
            const Value event = offset_id(first_event, c.event_index);
            const Value appointment = offset_id(first_appointment, c.appointment_index);
            w_.add(contacts_, Params{++ids_.contact, p.id, event, c.type, c.contact_at, opt(c.author_staff_id),
                                     std::move(c.notes), flag(c.sensitive), c.contact_at, db::null, c.contact_at,
                                     std::int64_t{1}, appointment});
        }
        ++summary_.people;
        if (p.current_case) ++summary_.current_cases;
        summary_.events += std::int64_t(r.events.size());
        summary_.contacts += std::int64_t(r.contacts.size());
        summary_.appointments += std::int64_t(r.appointments.size());
    }

    void workload(const std::vector<ReductionRow>& reductions, const std::vector<TaskRow>& tasks) {
        for (const auto& r : reductions)
            w_.add(reductions_, Params{r.staff_id, r.reason, r.minutes_per_week, r.start_date, opt(r.end_date), r.notes, now_,
                                       std::int64_t{1}});
        for (const auto& t : tasks) w_.add(tasks_, Params{t.staff_id, t.kind, t.task_date, now_});
    }

    void flush() { w_.flush(); }

private:
    // A name with its search keys (people/name_keys.hpp), as people::add_person_name writes it.
    void name(const PersonRow& p, const char* kind, const std::string& first, const std::string& last) {
        const std::int64_t id = ++ids_.person_name;
        const std::int64_t scope_region =
            p.case_manager_staff_id ? org_->region_of(org_->staff_member(*p.case_manager_staff_id)) : 0;
        w_.add(person_names_, Params{id, p.id, std::string(kind), first, last, people::name_search_text(first, last),
                                     flag(true), now_});
        for (auto& key : people::name_index_keys(first, last)) {
            w_.add(person_name_keys_, Params{id, p.id, std::move(key), flag(p.current_case), scope_region, opt(p.case_manager_staff_id)});
        }
    }

    RowWriter w_;
    DemoSummary& summary_;
    std::string now_;
    Ids ids_;
    std::string previous_first_, previous_last_;
    const Organisation* org_ = nullptr;  // for the name keys' scope_region (migration 0017)
    RowWriter::TableId regions_, pdus_, teams_, offices_, staff_, reductions_, tasks_, users_, people_, person_names_, person_name_keys_, addresses_, events_, requirements_,
        registrations_, appointments_, contacts_;
};

std::vector<PersonRecord> generate_batch(const Organisation& org, const CaseloadPlan& plan, std::uint64_t seed,
                                         std::chrono::sys_days today, std::int64_t first, std::int64_t last) {
    std::vector<PersonRecord> batch;
    batch.reserve(std::size_t(last - first + 1));
    for (std::int64_t id = first; id <= last; ++id) {
        batch.push_back(generate_person(org, place_person(org, plan, id, seed), seed, today));
    }
    return batch;
}

void load(db::Connection& conn, DemoScale scale, std::uint64_t seed, platform::Instant now, DemoSummary& summary) {
    const auto today = std::chrono::floor<std::chrono::days>(now);
    const Organisation org = build_organisation(scale, seed);
    const CaseloadPlan plan = plan_caseloads(org, scale, seed);
    Loader loader(conn, summary, platform::format_instant(now));

    conn.begin_write();
    DeferredIndexes indexes(conn, {"people", "person_names", "person_name_keys", "addresses", "events", "requirements", "registrations", "contacts", "appointments",
                                   "enforcement_actions"});
    loader.organisation(org, seed);
    // One argon2id hash shared by the demo users: hashing is deliberately slow and
    // they all have the same published password anyway.
    const std::string hash = platform::hash_password(kDemoPassword);
    const auto& po = org.staff_member(plan.demo_po_staff_id);
    const auto& team = org.team_of(po);
    const auto& other = org.staff_member(plan.demo_other_staff_id);
    loader.user(1, {"demo.po", kDemoPassword, "practitioner",
                    "Probation officer " + po.first_name + " " + po.last_name + " (" + po.code + "), " + team.name + ", with " +
                        std::to_string(plan.demo_po_caseload) + " current cases"},
                hash, po.id);
    loader.user(2, {"demo.spo", kDemoPassword, "spo", "Senior probation officer managing " + team.name + ", demo.po's team"}, hash,
                team.spo_id);
    loader.user(3, {"demo.admin", kDemoPassword, "admin", "Administrator: manages users, does not read cases"}, hash,
                team.case_administrators.front());
    loader.user(4, {"demo.other", kDemoPassword, "practitioner",
                    "Probation officer " + other.first_name + " " + other.last_name + " in " + org.team_of(other).name +
                        " (Wales), with " + std::to_string(plan.demo_other_caseload) + " current cases"},
                hash, other.id);
    loader.user(5, {"demo.auditor", kDemoPassword, "auditor", "Auditor: reads the audit trail, does not read cases"}, hash,
                std::nullopt);
    loader.workload(reductions_for(org, seed, today, po.team_id, po.id), tasks_for(org, seed, today));
    loader.flush();

    // Generate the next batch on another thread while this one is written.
    const std::int64_t total = plan.total();
    auto next = std::async(std::launch::async, generate_batch, std::cref(org), std::cref(plan), seed, today, 1,
                           std::min(total, kBatchPeople));
    for (std::int64_t first = 1; first <= total; first += kBatchPeople) {
        auto batch = next.get();
        const std::int64_t following = first + kBatchPeople;
        if (following <= total) {
            next = std::async(std::launch::async, generate_batch, std::cref(org), std::cref(plan), seed, today, following,
                              std::min(total, following + kBatchPeople - 1));
        }
        for (auto& record : batch) loader.person(record);
        loader.flush();
        if ((first - 1 + kBatchPeople) % kCommitPeople == 0 && following <= total) {
            conn.commit();
            conn.begin_write();
        }
    }
    conn.commit();
    conn.begin_write();
    indexes.rebuild();
    // One of demo.po's cases is restricted to demo.po and their SPO, so the restricted
    // journey can be tried: anyone else sees only that it exists and whom to ask.
    auto restricted = conn.query("SELECT id FROM people WHERE case_manager_staff_id = ? AND current_case = 1 ORDER BY crn LIMIT 1",
                                 {po.id});
    if (!restricted.empty()) {
        for (const std::int64_t staff : {po.id, team.spo_id}) {
            conn.execute("INSERT INTO case_access_lists (person_id, staff_id, kind, reason, added_at, added_by_user_id) "
                         "VALUES (?, ?, 'restriction', 'High-profile case: named staff only (demo)', ?, 2)",
                         {restricted[0].int64(0), staff, platform::format_instant(now)});
        }
    }
    conn.commit();
}

}  // namespace

std::optional<DemoScale> parse_scale(std::string_view text) {
    if (text == "small") return DemoScale::small;
    if (text == "national") return DemoScale::national;
    return std::nullopt;
}

DemoSummary load_demo_data(db::Database& database, DemoScale scale, std::uint64_t seed, platform::Instant now) {
    auto conn = database.acquire();
    if (conn->query("SELECT COUNT(*) FROM people").at(0).int64(0) > 0) {
        throw std::runtime_error("the database already holds people; demo data loads only into an empty database");
    }
    DemoSummary summary;
    conn->bulk_load_mode(true);
    try {
        load(*conn, scale, seed, now, summary);
    } catch (...) {
        conn->rollback();
        conn->bulk_load_mode(false);
        throw;
    }
    // Explicit ids bypassed any id generators; move them past what was written.
    for (const char* table : {"regions", "pdus", "teams", "offices", "staff", "users", "people", "person_names", "addresses",
                              "events", "requirements", "registrations", "contacts", "appointments"}) {
        conn->reset_id_generator(table);
    }
    conn->refresh_statistics();
    conn->bulk_load_mode(false);
    return summary;
}

}  // namespace onecase::demo
