// The administrators' list of users, showing who is locked out of signing in, and
// lifting a lockout; with its API twin. Lifting is audited.
#include <boost/json.hpp>

#include "access/account_store.hpp"
#include "access/audit.hpp"
#include "access/security_routes.hpp"
#include "access/sign_in_attempts.hpp"

namespace onecase::access {

namespace json = boost::json;
using http::Request;
using http::Response;

namespace {

std::optional<Problem> refuse_unless_admin(const Principal& who) {
    if (who.role == Role::admin) return std::nullopt;
    return Problem::forbidden("Only administrators manage users.");
}

json::array users_json(RouteDeps& deps, bool for_page) {
    const auto now = deps.clock.now();
    auto [users, locks] = db::read_transaction(deps.db, [&](db::Connection& c) {
        return std::pair(list_users(c), current_lockouts(c, now));
    });
    std::map<std::string, platform::Instant> locked;
    for (const auto& l : locks) locked.emplace(l.username, l.until);
    json::array out;
    for (const auto& u : users) {
        auto it = locked.find(u.username);
        json::object o{{"username", u.username},
                       {"name", u.display_name},
                       {"role", u.role},
                       {"active", u.active},
                       {"lockedUntil", it == locked.end() ? json::value(nullptr)
                                                          : json::value(platform::format_instant(it->second))}};
        if (for_page) {
            o["locked"] = it != locked.end();
            if (it != locked.end()) o["lockedUntilDisplay"] = platform::display_london(it->second);
        }
        out.push_back(std::move(o));
    }
    return out;
}

// False when there is no such user.
bool unlock(RouteDeps& deps, const Request& req, const Principal& who, const std::string& username) {
    const auto now = deps.clock.now();
    return db::write_transaction(deps.db, [&](db::Connection& c) {
        if (!find_user(c, username)) return false;
        // Unset locked_until after: the lockout ended (before is unset when there was none).
        auto lock_fields = [&] {
            AuditSnapshot s;
            for (const auto& l : current_lockouts(c, now)) {
                if (l.username == username) s.set("locked_until", platform::format_instant(l.until));
            }
            return s;
        };
        const auto before = lock_fields();
        reset_username(c, username, now);
        record_audit(c, now, &who, req.remote_address,
                     AuditEntry{"user.unlock", std::nullopt, "username=" + username, diff_fields(before, lock_fields())});
        return true;
    });
}

}  // namespace

void register_admin_user_routes(http::Router& router, const Guard& guard) {
    auto& deps = guard.deps();

    router.add("GET", "/admin/users", guard.page([&guard, &deps](Request& req, const Principal& who) {
        if (auto p = refuse_unless_admin(who)) return guard.problem(req, &who, *p);
        json::object view{{"csrf", who.csrf_token}, {"users", users_json(deps, true)}};
        if (auto u = req.query_param("unlocked")) view["unlocked"] = *u;
        return guard.render(req, &who, "admin_users", view, "Users");
    }));

    router.add("POST", "/admin/users/{username}/unlock", guard.page([&guard, &deps](Request& req, const Principal& who) {
        if (auto p = refuse_unless_admin(who)) return guard.problem(req, &who, *p);
        const auto& username = req.path_params.at("username");
        if (!unlock(deps, req, who, username)) return guard.problem(req, &who, Problem::not_found("There is no user " + username + "."));
        return Response::redirect("/admin/users?unlocked=" + http::url_encode(username));
    }));

    router.add("GET", "/api/v1/admin/users", guard.api([&deps](Request&, const Principal& who) {
        if (auto p = refuse_unless_admin(who)) return Response::problem(*p);
        return Response::json(json::serialize(json::object{{"users", users_json(deps, false)}}));
    }));

    router.add("POST", "/api/v1/admin/users/{username}/unlock", guard.api([&deps](Request& req, const Principal& who) {
        if (auto p = refuse_unless_admin(who)) return Response::problem(*p);
        const auto& username = req.path_params.at("username");
        if (!unlock(deps, req, who, username)) return Response::problem(Problem::not_found("There is no user " + username + "."));
        return Response{204, {}, ""};
    }));
}

}  // namespace onecase::access
