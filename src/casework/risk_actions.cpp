#include "casework/risk_actions.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "access/audit.hpp"
#include "casework/risk_views.hpp"
#include "risk/tier_json.hpp"

namespace onecase::casework {

namespace json = boost::json;
using access::Principal;

namespace {

using Change = std::function<Result<json::object>(db::Connection&, const AuthorisedCase&, platform::Instant)>;

// Authorise for writing, make the change, recalculate the tier, audit: one commit.
Result<json::object> change_case(access::RouteDeps& deps, const Principal& who, const std::string& crn,
                                 const Change& change) {
    const auto now = deps.clock.now();
    return db::write_transaction(deps.db, [&](db::Connection& conn) -> Result<json::object> {
        auto c = authorise_case(conn, crn, who, true);
        if (!c) return c.problem();
        return change(conn, *c, now);
    });
}

void audit(db::Connection& conn, platform::Instant now, const Principal& who, const http::Request& req,
           const std::string& action, const std::string& crn, const std::string& detail) {
    access::record_audit(conn, now, &who, req.remote_address, access::AuditEntry{action, crn, detail});
}

std::string level_text(const std::optional<std::string>& level) { return level ? " (" + *level + ")" : ""; }

json::object with_tier(json::object o, const risk::TierResult& tier) {
    o["tier"] = risk::tier_result_json(tier);
    return o;
}

std::vector<std::string> live_type_codes(const std::vector<risk::RegistrationRow>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) {
        if (!r.deregistered_on) out.push_back(r.type_code);
    }
    return out;
}

}  // namespace

Result<json::object> read_risk(access::RouteDeps& deps, const http::Request& req, const Principal& who,
                               const std::string& crn, const std::string& action, const RiskReader& reader) {
    auto result = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<json::object> {
        auto c = authorise_case(conn, crn, who, false);
        if (!c) return c.problem();
        return reader(conn, *c);
    });
    auto conn = deps.db.acquire();
    access::record_audit(*conn, deps.clock.now(), &who, req.remote_address,
                         access::AuditEntry{result ? action : action + ".refused", crn, result ? "" : result.problem().title});
    return result;
}

Result<json::object> add_registration(access::RouteDeps& deps, const http::Request& req, const Principal& who,
                                      const std::string& crn, const risk::RegistrationInput& input) {
    return change_case(deps, who, crn, [&](db::Connection& conn, const AuthorisedCase& c, platform::Instant now) -> Result<json::object> {
        const auto types = risk::load_register_types(conn);
        const auto existing = risk::registrations_for(conn, c.person.id);
        auto valid = risk::validate_registration(input, types, live_type_codes(existing), platform::london_date(now));
        if (!valid) return valid.problem();
        const auto id = risk::insert_registration(conn, c.person.id, *valid, who.user_id);
        const std::string what = valid->description + level_text(valid->level);
        auto tier = risk::recalculate_tier(conn, c.person.id, now, who.user_id, "registration added: " + what);
        audit(conn, now, who, req, "registration.create", crn, "registration=" + std::to_string(id) + " " + what);
        return with_tier(registration_json(*risk::find_registration(conn, c.person.id, id), platform::london_date(now)), tier);
    });
}

Result<json::object> review_registration(access::RouteDeps& deps, const http::Request& req, const Principal& who,
                                         const std::string& crn, std::int64_t id, const risk::ReviewInput& input) {
    return change_case(deps, who, crn, [&](db::Connection& conn, const AuthorisedCase& c, platform::Instant now) -> Result<json::object> {
        auto reg = risk::find_registration(conn, c.person.id, id);
        if (!reg) return Problem::not_found("There is no such registration on this case.");
        if (reg->deregistered_on) return Problem::conflict("This registration was de-registered on " + *reg->deregistered_on + ".");
        const auto types = risk::load_register_types(conn);
        auto type = std::find_if(types.begin(), types.end(), [&](const risk::RegisterType& t) { return t.code == reg->type_code; });
        risk::RegisterType fallback{reg->type_code, reg->description, {}, {}, 6, false, std::nullopt};
        auto valid = risk::validate_review(input, type == types.end() ? fallback : *type,
                                           platform::parse_date(reg->registered_on).value_or(platform::london_date(now)),
                                           platform::london_date(now));
        if (!valid) return valid.problem();
        risk::record_review(conn, id, *valid, who.user_id, now);
        audit(conn, now, who, req, "registration.review", crn,
              "registration=" + std::to_string(id) + " next=" + platform::format_date(valid->next_review_due));
        return registration_json(*risk::find_registration(conn, c.person.id, id), platform::london_date(now));
    });
}

Result<json::object> deregister_registration(access::RouteDeps& deps, const http::Request& req, const Principal& who,
                                             const std::string& crn, std::int64_t id,
                                             const risk::DeregistrationInput& input) {
    return change_case(deps, who, crn, [&](db::Connection& conn, const AuthorisedCase& c, platform::Instant now) -> Result<json::object> {
        auto reg = risk::find_registration(conn, c.person.id, id);
        if (!reg) return Problem::not_found("There is no such registration on this case.");
        if (reg->deregistered_on) return Problem::conflict("This registration was already de-registered on " + *reg->deregistered_on + ".");
        auto valid = risk::validate_deregistration(
            input, platform::parse_date(reg->registered_on).value_or(platform::london_date(now)), platform::london_date(now));
        if (!valid) return valid.problem();
        if (!risk::deregister(conn, id, *valid, who.user_id)) return Problem::conflict("This registration was de-registered by someone else.");
        const std::string what = reg->description + level_text(reg->level);
        auto tier = risk::recalculate_tier(conn, c.person.id, now, who.user_id, "registration removed: " + what);
        audit(conn, now, who, req, "registration.deregister", crn, "registration=" + std::to_string(id) + " " + what);
        return with_tier(registration_json(*risk::find_registration(conn, c.person.id, id), platform::london_date(now)), tier);
    });
}

Result<json::object> add_assessment(access::RouteDeps& deps, const http::Request& req, const Principal& who,
                                    const std::string& crn, const risk::AssessmentInput& input) {
    return change_case(deps, who, crn, [&](db::Connection& conn, const AuthorisedCase& c, platform::Instant now) -> Result<json::object> {
        auto valid = risk::validate_assessment(input, platform::london_date(now));
        if (!valid) return valid.problem();
        const auto id = risk::insert_assessment(conn, c.person.id, *valid, who.user_id, now);
        auto tier = risk::recalculate_tier(conn, c.person.id, now, who.user_id,
                                           "assessment entered, dated " + platform::format_date(valid->assessed_on));
        audit(conn, now, who, req, "assessment.create", crn, "assessment=" + std::to_string(id));
        auto all = risk::assessments_for(conn, c.person.id);
        auto it = std::find_if(all.begin(), all.end(), [&](const risk::StoredAssessment& a) { return a.id == id; });
        return with_tier(assessment_json(*it), tier);
    });
}

Result<json::object> recalculate_case_tier(access::RouteDeps& deps, const http::Request& req, const Principal& who,
                                           const std::string& crn) {
    return change_case(deps, who, crn, [&](db::Connection& conn, const AuthorisedCase& c, platform::Instant now) -> Result<json::object> {
        risk::recalculate_tier(conn, c.person.id, now, who.user_id, "recalculated on request");
        audit(conn, now, who, req, "tier.recalculate", crn, "");
        auto tier = conn.query("SELECT tier FROM people WHERE id = ?", {c.person.id}).at(0).opt_text(0);
        return tier_json(tier, risk::tier_history(conn, c.person.id));
    });
}

}  // namespace onecase::casework
