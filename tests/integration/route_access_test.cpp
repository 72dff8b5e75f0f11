// The authorisation matrix, route by route: every route the application registers ×
// every role × every kind of case, checked against the one table
// (route_access_table.cpp) and the case policy (src/access/policy.cpp). A route
// without an entry fails; a refused write changes nothing. Then the audit: every
// request that reads a case leaves exactly one audit row for that case.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>

#include "access/case_scope_store.hpp"
#include "access/policy.hpp"
#include "access/users_store.hpp"
#include "drafts/store.hpp"
#include "platform/clock.hpp"
#include "route_access_table.hpp"
#include "support.hpp"

namespace onecase::testing {
namespace {

using access::Role;

// The kinds of case every case route is tried against, seen from demo.po's team.
enum class CaseKind { own, team, other_region, unallocated, restricted, excluded };
constexpr CaseKind kCaseKinds[] = {CaseKind::own,         CaseKind::team,       CaseKind::other_region,
                                   CaseKind::unallocated, CaseKind::restricted, CaseKind::excluded};

std::string kind_name(CaseKind k) {
    switch (k) {
        case CaseKind::own: return "demo.po's own case";
        case CaseKind::team: return "a case of demo.po's team";
        case CaseKind::other_region: return "a case in another region";
        case CaseKind::unallocated: return "an unallocated case";
        case CaseKind::restricted: return "a restricted case";
        case CaseKind::excluded: return "a case everyone here is excluded from";
    }
    return "?";
}

struct CaseUnderTest {
    CaseKind kind;
    std::string crn;
    std::int64_t person_id = 0;
    access::CaseScope scope;
    std::optional<std::int64_t> queue_team_id, queue_pdu_id;  // whose allocation queue holds it
    std::optional<std::int64_t> contact, appointment, registration, enforcement_action, proposal;
};

struct User {
    std::string username;  // empty: nobody signed in
    std::int64_t user_id = 0;
    std::optional<access::Principal> principal;
    std::string token;    // bearer token
    std::string session;  // session cookie
    std::string csrf;
    std::string label() const {
        return username.empty() ? "nobody signed in"
                                : username + " (" + access::role_name(principal->role) + ")";
    }
};

// Fixed values for the non-case path parameters: demo.po's team, PDU, region, staff code.
struct Places {
    std::string team_code, pdu_code, region_code, staff_code;
    std::int64_t staff_id = 0, team_id = 0, pdu_id = 0, region_id = 0;
};

struct Call {
    std::string method, target, body;
    std::map<std::string, std::string> headers;
    bool allowed = false;
    bool anonymous = false;
    bool public_route = false;
    std::string what;  // for the failure message
    HttpResult result;
};

std::int64_t one_int(db::Connection& conn, std::string_view sql, const db::Params& p = {}) {
    auto rows = conn.query(sql, p);
    if (rows.empty() || rows.at(0).is_null(0)) throw std::runtime_error("no row for: " + std::string(sql));
    return rows.at(0).int64(0);
}

std::optional<std::int64_t> opt_int(db::Connection& conn, std::string_view sql, const db::Params& p = {}) {
    auto rows = conn.query(sql, p);
    if (rows.empty()) return std::nullopt;
    return rows.at(0).opt_int64(0);
}

// What every user, case and route looks like on one engine's service.
class World {
public:
    explicit World(RunningService& service) : service_(service) {
        auto conn = service_.database().acquire();
        conn->begin_write();
        places_ = load_places(*conn);
        create_users(*conn);
        choose_cases(*conn);
        conn->commit();
        for (auto& c : cases_) load_case_scope(*conn, c);
    }

    RunningService& service() { return service_; }
    const std::vector<User>& users() const { return users_; }
    const std::vector<CaseUnderTest>& cases() const { return cases_; }
    const Places& places() const { return places_; }

    // A fresh session and token for a user, for routes that end or revoke them.
    User fresh(const User& u) {
        if (u.username.empty()) return u;
        auto conn = service_.database().acquire();
        User f = u;
        const auto now = clock_.now();
        f.token = access::create_api_token(*conn, u.user_id, "matrix", now, std::nullopt);
        auto s = access::create_session(*conn, u.user_id, now);
        f.session = s.token;
        f.csrf = s.csrf_token;
        fresh_token_id_[f.token] = one_int(*conn, "SELECT MAX(id) FROM api_tokens WHERE user_id = ?", {u.user_id});
        return f;
    }
    std::int64_t token_id(const std::string& token) { return fresh_token_id_.at(token); }

    // An exclusion of a bystander on the case, for a route that removes one: each
    // request removes its own.
    std::int64_t fresh_access_entry(const CaseUnderTest& c) {
        auto conn = service_.database().acquire();
        return one_int(*conn,
                       "INSERT INTO case_access_lists (person_id, staff_id, kind, reason, added_at, added_by_user_id) "
                       "VALUES (?, ?, 'exclusion', 'matrix test bystander', '2026-01-01T00:00:00Z', 2) RETURNING id",
                       {c.person_id, bystander_staff_id_});
    }

private:
    Places load_places(db::Connection& conn) {
        auto r = conn.query(
            "SELECT s.id, s.code, t.id, t.code, d.id, d.code, g.id, g.code FROM users u JOIN staff s ON s.id = u.staff_id "
            "JOIN teams t ON t.id = s.team_id JOIN pdus d ON d.id = t.pdu_id JOIN regions g ON g.id = d.region_id "
            "WHERE u.username = 'demo.po'");
        const auto& row = r.at(0);
        return Places{row.text(3), row.text(5), row.text(7), row.text(1), row.int64(0), row.int64(2), row.int64(4),
                      row.int64(6)};
    }

    // The head of demo.po's PDU when the demo has one without a user, else a new member
    // of staff; new staff join demo.po's team (the small demo has few spare staff).
    std::int64_t new_staff(db::Connection& conn, const std::string& code, const std::string& grade) {
        if (grade == "HOPDU") {
            if (auto id = opt_int(conn,
                                  "SELECT MIN(s.id) FROM staff s JOIN teams t ON t.id = s.team_id WHERE t.pdu_id = ? "
                                  "AND s.grade = 'HOPDU' AND s.id NOT IN (SELECT staff_id FROM users WHERE staff_id IS NOT NULL)",
                                  {places_.pdu_id}))
                return *id;
        }
        return one_int(conn,
                       "INSERT INTO staff (code, first_name, last_name, grade, team_id) VALUES (?, 'Matrix', ?, ?, ?) RETURNING id",
                       {code, code, grade, places_.team_id});
    }

    void create_users(db::Connection& conn) {
        // Every role in access::Role, placed in demo.po's team (the head of PDU is the
        // PDU's own), plus demo.other in another region and a practitioner with no
        // staff record. The bystander is on no case's list but the ones tests add.
        insert_user(conn, "matrix.hopdu", "head_of_pdu", new_staff(conn, "MXHOPDU", "HOPDU"));
        insert_user(conn, "matrix.caseadmin", "case_admin", new_staff(conn, "MXCA", "CA"));
        insert_user(conn, "matrix.vlo", "vlo", new_staff(conn, "MXVLO", "PSO"));
        insert_user(conn, "matrix.partner", "partner", std::nullopt);
        insert_user(conn, "matrix.nostaff", "practitioner", std::nullopt);
        bystander_staff_id_ = new_staff(conn, "MXBYSTANDER", "PO");

        users_.push_back(User{});  // nobody signed in
        for (const char* name : {"demo.po", "demo.spo", "matrix.hopdu", "matrix.caseadmin", "matrix.vlo", "demo.admin",
                                 "demo.auditor", "matrix.partner", "demo.other", "matrix.nostaff"}) {
            User u;
            u.username = name;
            u.user_id = one_int(conn, "SELECT id FROM users WHERE username = ?", {std::string(name)});
            const auto now = clock_.now();
            u.token = access::create_api_token(conn, u.user_id, "matrix", now, std::nullopt);
            u.principal = access::principal_for_api_token(conn, u.token, now);
            auto s = access::create_session(conn, u.user_id, now);
            u.session = s.token;
            u.csrf = s.csrf_token;
            // A draft of their own, for the route that reads one back.
            drafts::save_draft(conn, u.user_id,
                               drafts::Draft{"matrix-test:kept", std::nullopt, {{"notes", "Kept for the matrix test"}},
                                             "2026-01-05T10:00:00Z", false});
            users_.push_back(std::move(u));
        }
        std::set<Role> roles;
        for (const auto& u : users_)
            if (u.principal) roles.insert(u.principal->role);
        for (Role r : {Role::practitioner, Role::spo, Role::admin, Role::auditor, Role::head_of_pdu, Role::case_admin,
                       Role::vlo, Role::partner})
            EXPECT_TRUE(roles.count(r)) << "no user for role " << access::role_name(r);
    }

    void insert_user(db::Connection& conn, const std::string& name, const std::string& role,
                     std::optional<std::int64_t> staff) {
        conn.execute("INSERT INTO users (username, password_hash, role, staff_id, active, created_at) "
                     "VALUES (?, 'x', ?, ?, 1, '2026-01-01T00:00:00Z')",
                     {name, role, db::optional_value(staff)});
    }

    // Prefer cases with contacts, appointments and registrations, so every {id} route
    // has a real record of that case to ask about.
    std::string pick(db::Connection& conn, const std::string& where, const db::Params& p) {
        const std::string sql =
            "SELECT p.crn FROM people p LEFT JOIN staff s ON s.id = p.case_manager_staff_id WHERE p.current_case = 1 AND " +
            where +
            " AND p.id NOT IN (SELECT person_id FROM case_access_lists WHERE removed_at IS NULL) "
            "ORDER BY (SELECT COUNT(*) FROM appointments a WHERE a.person_id = p.id) = 0, "
            "(SELECT COUNT(*) FROM registrations r WHERE r.person_id = p.id) = 0, p.crn LIMIT 1";
        auto rows = conn.query(sql, p);
        if (rows.empty()) throw std::runtime_error("no case where " + where);
        return rows.at(0).text(0);
    }

    void choose_cases(db::Connection& conn) {
        const auto other = one_int(conn, "SELECT staff_id FROM users WHERE username = 'demo.other'");
        const std::string restricted = conn.query("SELECT p.crn FROM people p JOIN case_access_lists l ON l.person_id = p.id "
                                                  "WHERE l.kind = 'restriction' AND l.removed_at IS NULL ORDER BY p.crn LIMIT 1")
                                           .at(0)
                                           .text(0);
        const std::string own = pick(conn, "p.case_manager_staff_id = ?", {places_.staff_id});
        const std::string team = pick(conn, "s.team_id = ? AND p.case_manager_staff_id <> ?", {places_.team_id, places_.staff_id});
        const std::string excluded =
            pick(conn, "s.team_id = ? AND p.case_manager_staff_id <> ? AND p.crn <> ?", {places_.team_id, places_.staff_id, team});
        const std::string far = pick(conn, "p.case_manager_staff_id = ?", {other});
        const std::string unallocated = pick(conn, "p.case_manager_staff_id IS NULL", {});
        for (auto [kind, crn] : std::vector<std::pair<CaseKind, std::string>>{{CaseKind::own, own},
                                                                               {CaseKind::team, team},
                                                                               {CaseKind::other_region, far},
                                                                               {CaseKind::unallocated, unallocated},
                                                                               {CaseKind::restricted, restricted},
                                                                               {CaseKind::excluded, excluded}}) {
            CaseUnderTest c;
            c.kind = kind;
            c.crn = crn;
            c.person_id = one_int(conn, "SELECT id FROM people WHERE crn = ?", {crn});
            cases_.push_back(std::move(c));
        }
        // Everyone here but the case's own manager is kept out of the excluded case.
        auto& ex = cases_.back();
        for (const auto& u : users_) {
            if (!u.principal || !u.principal->staff) continue;
            const auto staff = u.principal->staff->staff_id;
            if (opt_int(conn, "SELECT case_manager_staff_id FROM people WHERE id = ?", {ex.person_id}) == staff) continue;
            conn.execute("INSERT INTO case_access_lists (person_id, staff_id, kind, reason, added_at, added_by_user_id) "
                         "VALUES (?, ?, 'exclusion', 'matrix test', '2026-01-01T00:00:00Z', 2)",
                         {ex.person_id, staff});
        }
        // Enforcement actions and proposals: the demo has none, so each case gets one.
        for (auto& c : cases_) {
            const auto event = opt_int(conn, "SELECT MIN(id) FROM events WHERE person_id = ?", {c.person_id});
            if (!event) continue;
            c.enforcement_action = one_int(conn,
                                           "INSERT INTO enforcement_actions (person_id, event_id, kind, action_date, reason, "
                                           "created_at, created_by_user_id, version) VALUES (?, ?, 'warning', '2026-01-05', "
                                           "'matrix test', '2026-01-05T10:00:00Z', 1, 1) RETURNING id",
                                           {c.person_id, *event});
            c.proposal = one_int(conn,
                                 "INSERT INTO enforcement_proposals (person_id, event_id, proposal, reason, raised_at, version) "
                                 "VALUES (?, ?, 'breach_due', 'matrix test', '2026-01-05T10:00:00Z', 1) RETURNING id",
                                 {c.person_id, *event});
        }
        for (auto& c : cases_) {
            c.contact = opt_int(conn, "SELECT MIN(id) FROM contacts WHERE person_id = ?", {c.person_id});
            c.appointment = opt_int(conn, "SELECT MIN(id) FROM appointments WHERE person_id = ?", {c.person_id});
            c.registration = opt_int(conn, "SELECT MIN(id) FROM registrations WHERE person_id = ? AND deregistered_on IS NULL",
                                     {c.person_id});
        }
    }

    void load_case_scope(db::Connection& conn, CaseUnderTest& c) {
        const auto manager = opt_int(conn, "SELECT case_manager_staff_id FROM people WHERE id = ?", {c.person_id});
        if (manager) {
            const auto s = access::load_staff_scope(conn, *manager);
            c.scope.case_manager_staff_id = manager;
            c.scope.team_id = s->team_id;
            c.scope.pdu_id = s->pdu_id;
            c.scope.region_id = s->region_id;
            c.queue_team_id = s->team_id;
        } else {
            c.queue_team_id = opt_int(conn, "SELECT allocation_team_id FROM people WHERE id = ?", {c.person_id});
        }
        if (c.queue_team_id) c.queue_pdu_id = opt_int(conn, "SELECT pdu_id FROM teams WHERE id = ?", {*c.queue_team_id});
        access::load_access_lists(conn, c.person_id, c.scope);
    }

    RunningService& service_;
    platform::SystemClock clock_;
    Places places_;
    std::vector<User> users_;
    std::vector<CaseUnderTest> cases_;
    std::map<std::string, std::int64_t> fresh_token_id_;
    std::int64_t bystander_staff_id_ = 0;
};

bool is_case_class(Access a) {
    return a == Access::case_read || a == Access::case_write || a == Access::case_manage || a == Access::case_spo_decision ||
           a == Access::case_allocation_view || a == Access::case_allocate || a == Access::case_transfer;
}

// What the table's class and the policy say for this user (and case).
bool expected_allowed(Access a, const access::Principal& who, const Places& at, const CaseUnderTest* c) {
    const bool is_spo = who.role == Role::spo && who.staff;
    const bool is_admin = who.role == Role::admin;
    const bool is_head = who.role == Role::head_of_pdu && who.staff;
    switch (a) {
        case Access::public_route:
        case Access::signed_in: return true;
        case Access::staff: return who.staff && !access::reads_no_cases(who.role);
        case Access::has_staff_record: return who.staff.has_value();
        case Access::case_read: return access::can_read_case(who, c->scope);
        case Access::case_write: return access::can_write_case(who, c->scope);
        case Access::case_manage: return access::can_manage_case_access(who, c->scope);
        case Access::case_spo_decision: return is_spo && access::can_write_case(who, c->scope);
        case Access::case_allocation_view:
            return is_spo && access::can_read_case(who, c->scope) && c->queue_pdu_id == who.staff->pdu_id;
        case Access::case_allocate:
            return is_spo && access::can_read_case(who, c->scope) && c->queue_team_id == who.staff->team_id;
        case Access::case_transfer:
            return access::can_read_case(who, c->scope) && c->queue_team_id && who.staff &&
                   ((is_spo && who.staff->team_id == *c->queue_team_id) ||
                    (who.role == Role::head_of_pdu && who.staff->pdu_id == c->queue_pdu_id));
        case Access::spo: return is_spo;
        case Access::team_spo:
            return (is_spo && who.staff->team_id == at.team_id) || (is_head && who.staff->pdu_id == at.pdu_id);
        case Access::team_spo_or_admin: return is_admin || (is_spo && who.staff->team_id == at.team_id);
        case Access::pdu_spo_or_admin: return is_admin || ((is_spo || is_head) && who.staff->pdu_id == at.pdu_id);
        case Access::region_spo_or_admin: return is_admin || (is_spo && who.staff->region_id == at.region_id);
        case Access::staff_member_workload:
            return is_admin || (who.staff && who.staff->staff_id == at.staff_id) ||
                   ((is_spo || is_head) && who.staff->pdu_id == at.pdu_id);
        case Access::admin: return is_admin;
        case Access::auditor: return who.role == Role::auditor;
    }
    return false;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) s.replace(pos, from.size(), to);
}

// The path with every parameter filled by a real record; nullopt when the case has
// no record of that kind.
std::optional<std::string> fill(const RouteAccess& r, World& world, const User& u, const CaseUnderTest* c) {
    std::string path = r.pattern;
    // No pending transfer to withdraw or decline here (see the table).
    if (path.find("/transfer/") != std::string::npos) return std::nullopt;
    const auto& at = world.places();
    auto id_for = [&]() -> std::optional<std::int64_t> {
        const auto& p = r.pattern;
        if (p.find("/tokens/{id}") != std::string::npos) return u.username.empty() ? 1 : world.token_id(u.token);
        if (!c) return std::nullopt;
        if (p.find("/contacts/{id}") != std::string::npos) return c->contact;
        if (p.find("/registrations/{id}") != std::string::npos) return c->registration;
        if (p.find("appointments/{id}") != std::string::npos) return c->appointment;
        if (p.find("enforcement-actions/{id}") != std::string::npos) return c->enforcement_action;
        if (p.find("enforcement-proposals/{id}") != std::string::npos) return c->proposal;
        if (p.find("access-list/{id}") != std::string::npos || p.find("access/{id}") != std::string::npos)
            return world.fresh_access_entry(*c);
        return std::nullopt;
    };
    if (path.find("{id}") != std::string::npos) {
        auto id = id_for();
        if (!id) return std::nullopt;
        replace_all(path, "{id}", std::to_string(*id));
    }
    if (c) replace_all(path, "{crn}", c->crn);
    replace_all(path, "/teams/{code}", "/teams/" + at.team_code);
    replace_all(path, "/pdus/{code}", "/pdus/" + at.pdu_code);
    replace_all(path, "/regions/{code}", "/regions/" + at.region_code);
    replace_all(path, "/staff/{code}", "/staff/" + at.staff_code);
    replace_all(path, "{staffCode}", at.staff_code);
    replace_all(path, "{username}", "demo.po");
    replace_all(path, "{key}", r.method == "GET" ? "matrix-test:kept" : "matrix-test:form");
    EXPECT_EQ(path.find('{'), std::string::npos) << "unfilled parameter in " << r.pattern;
    return path;
}

Call make_call(const RouteAccess& r, World& world, const User& signed_in, const CaseUnderTest* c) {
    // Routes that end sessions or revoke tokens get credentials of their own.
    const bool unsafe = r.method != "GET";
    const User u = unsafe && r.access == Access::signed_in ? world.fresh(signed_in) : signed_in;
    Call call;
    call.method = r.method;
    call.anonymous = u.username.empty();
    call.public_route = r.access == Access::public_route;
    call.allowed = call.anonymous ? call.public_route : expected_allowed(r.access, *u.principal, world.places(), c);
    call.what = r.method + " " + r.pattern + " [" + std::string(access_name(r.access)) + "] as " + u.label() +
                (c ? " on " + kind_name(c->kind) + " " + c->crn : "");
    auto target = fill(r, world, u, c);
    if (!target) return Call{};
    call.target = *target;
    if (!unsafe && !r.body.empty()) call.target += "?" + r.body;
    const bool api = r.pattern.rfind("/api/", 0) == 0;
    std::string body = r.body;
    if (c) replace_all(body, "{crn}", c->crn);
    if (!unsafe) body.clear();
    if (api) {
        if (!call.anonymous) call.headers["Authorization"] = "Bearer " + u.token;
        call.headers["Accept"] = "application/json";
        if (unsafe) {
            call.headers["Content-Type"] = "application/json";
            call.body = body.empty() ? "{}" : body;
        }
    } else {
        if (!call.anonymous) call.headers["Cookie"] = std::string(access::kSessionCookie) + "=" + u.session;
        if (unsafe) {
            call.headers["Content-Type"] = "application/x-www-form-urlencoded";
            call.body = "csrf=" + u.csrf + (body.empty() ? "" : "&" + body);
        }
    }
    return call;
}

// Runs the calls on a few connections at once: the server has four threads.
void run_all(std::uint16_t port, std::vector<Call>& calls) {
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> workers;
    for (int i = 0; i < 4; ++i) {
        workers.emplace_back([&] {
            for (std::size_t k; (k = next.fetch_add(1)) < calls.size();) {
                auto& c = calls[k];
                c.result = http_request(port, c.method, c.target, c.headers, c.body);
            }
        });
    }
    for (auto& w : workers) w.join();
}

std::string verdict_problem(const Call& c) {
    const int s = c.result.status;
    if (s >= 500) return "server error";
    if (c.public_route) return "";
    if (c.anonymous) {
        const bool to_sign_in = (s == 303 || s == 302) && c.result.header("location").value_or("").rfind("/sign-in", 0) == 0;
        return s == 401 || to_sign_in ? "" : "not refused to someone not signed in";
    }
    const bool refused = s == 403 || s == 404;
    if (c.allowed && (refused || s == 401)) return "refused, but the table and policy allow it";
    if (!c.allowed && !refused) return "allowed, but the table and policy refuse it";
    return "";
}

// Everything a refused request must leave as it was: every table of the service's
// records (not the audit log, which records the refusal, nor sessions and tokens).
std::string fingerprint(db::Database& database) {
    static const char* kTables[] = {"people",        "addresses",          "events",        "requirements",
                                    "registrations", "registration_reviews", "contacts",    "contact_versions",
                                    "appointments",  "enforcement_actions", "enforcement_proposals", "policy_versions",
                                    "drafts",        "assessments",        "tier_history",  "case_access_lists",
                                    "workload_reductions", "workload_tasks", "allocations", "notifications",
                                    "users",         "staff",              "sign_in_accounts"};
    auto conn = database.acquire();
    std::size_t h = 0;
    std::ostringstream counts;
    for (const char* t : kTables) {
        auto rows = conn->query("SELECT * FROM " + std::string(t) + " ORDER BY 1");
        counts << t << '=' << rows.size() << ' ';
        for (const auto& row : rows) {
            for (std::size_t i = 0; i < row.size(); ++i) h = h * 1000003 ^ std::hash<std::string>{}(row.text(i));
        }
        counts << t << '#' << h << ' ';
    }
    return counts.str();
}

class RouteAccessMatrix : public SharedServiceTest {
protected:
    RunningService& service() { return shared_service("onecase_route_access"); }
    World& world() {
        static std::map<std::string, std::unique_ptr<World>> worlds;
        auto& w = worlds[GetParam()];
        if (!w || &w->service() != &service()) w = std::make_unique<World>(service());
        return *w;
    }
};

TEST_P(RouteAccessMatrix, EveryRouteHasExactlyOneEntryInTheTable) {
    std::set<std::string> routes, entries;
    for (const auto& r : service().application().router().routes()) {
        EXPECT_TRUE(routes.insert(r.method + " " + r.pattern).second) << "registered twice: " << r.method << " " << r.pattern;
    }
    for (const auto& e : route_access_table()) {
        const auto key = e.method + " " + e.pattern;
        EXPECT_TRUE(entries.insert(key).second) << "two entries for " << key;
        EXPECT_TRUE(routes.count(key)) << "route_access_table.cpp has " << key << " but the application has no such route";
    }
    for (const auto& r : routes) {
        EXPECT_TRUE(entries.count(r)) << r << " has no entry in tests/integration/route_access_table.cpp: add one "
                                          "saying who may use it";
    }
}

TEST_P(RouteAccessMatrix, EveryRouteAnswersEveryRoleOnEveryCaseAsTheTableSays) {
    auto& w = world();
    // Signing out everywhere ends the sessions the page requests use: those go last.
    std::vector<Call> refused, allowed, last;
    std::size_t skipped = 0;
    for (const auto& r : route_access_table()) {
        for (const auto& u : w.users()) {
            std::vector<const CaseUnderTest*> cases{nullptr};
            if (is_case_class(r.access)) {
                cases.clear();
                for (const auto& c : w.cases()) cases.push_back(&c);
            }
            for (const auto* c : cases) {
                auto call = make_call(r, w, u, c);
                if (call.target.empty()) {
                    ++skipped;
                    continue;
                }
                const bool ends_sessions = r.pattern.find("sign-out-everywhere") != std::string::npos;
                (!call.allowed ? refused : ends_sessions ? last : allowed).push_back(std::move(call));
            }
        }
    }
    // Refused requests first, all of them, then a check that nothing changed.
    const auto before = fingerprint(service().database());
    run_all(service().port(), refused);
    EXPECT_EQ(fingerprint(service().database()), before) << "a refused request changed a record";
    run_all(service().port(), allowed);
    run_all(service().port(), last);

    // One failure per route and kind of mistake, with how often and one example.
    int failures = 0;
    std::map<std::string, std::pair<int, std::string>> by_route;
    for (const auto* list : {&refused, &allowed, &last}) {
        for (const auto& c : *list) {
            const auto problem = verdict_problem(c);
            if (problem.empty()) continue;
            ++failures;
            auto& [count, example] = by_route[c.what.substr(0, c.what.find(" as ")) +
                                              ": " + problem];
            if (count++ == 0)
                example = c.what + " (" + c.method + " " + c.target + " answered " + std::to_string(c.result.status) +
                          ": " + c.result.body.substr(0, 160) + ")";
        }
    }
    for (const auto& [route, found] : by_route) ADD_FAILURE() << route << ", " << found.first << " times; e.g. " << found.second;
    EXPECT_EQ(failures, 0);
    EXPECT_GT(refused.size(), 1000u);
    EXPECT_GT(allowed.size(), 500u);
    std::cout << "[ matrix ] " << refused.size() << " refused and " << allowed.size() << " allowed requests; " << skipped
              << " route-case pairs without a record of that kind\n";
}

std::int64_t audit_rows_for(db::Database& database, const std::string& crn) {
    auto conn = database.acquire();
    return one_int(*conn, "SELECT COUNT(*) FROM audit_log WHERE crn = ?", {crn});
}

// Every request that reads a case, allowed or refused, leaves exactly one audit row
// naming it: page and API alike.
TEST_P(RouteAccessMatrix, EveryRequestThatReadsACaseLeavesExactlyOneAuditRowForIt) {
    auto& w = world();
    int routes = 0;
    for (const auto& r : route_access_table()) {
        if (r.method != "GET" || !is_case_class(r.access)) continue;
        ++routes;
        for (const bool want_allowed : {true, false}) {
            bool tried = false;
            for (const auto& c : w.cases()) {
                for (const auto& u : w.users()) {
                    if (tried || !u.principal || expected_allowed(r.access, *u.principal, w.places(), &c) != want_allowed)
                        continue;
                    // Fresh credentials: the matrix signed everyone out everywhere.
                    auto call = make_call(r, w, w.fresh(u), &c);
                    if (call.target.empty()) continue;
                    tried = true;
                    const auto before = audit_rows_for(service().database(), c.crn);
                    call.result = http_request(service().port(), call.method, call.target, call.headers, call.body);
                    EXPECT_EQ(verdict_problem(call), "") << call.what << " answered " << call.result.status;
                    EXPECT_EQ(audit_rows_for(service().database(), c.crn) - before, 1)
                        << call.what << " (" << (want_allowed ? "allowed" : "refused") << ", answered "
                        << call.result.status << ") should leave exactly one audit row for " << c.crn;
                }
            }
            EXPECT_TRUE(tried) << r.method << " " << r.pattern << ": no user and case where it is "
                               << (want_allowed ? "allowed" : "refused");
        }
    }
    EXPECT_GT(routes, 20);
}

INSTANTIATE_TEST_SUITE_P(Engines, RouteAccessMatrix, ::testing::ValuesIn(backends()));

}  // namespace
}  // namespace onecase::testing
