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
           const std::string& action, const std::string& crn, const std::string& detail,
           std::vector<access::FieldChange> changes = {}) {
    access::record_audit(conn, now, &who, req.remote_address, access::AuditEntry{action, crn, detail, std::move(changes)});
}

// The tier on the case record (people.tier), which recalculate_tier keeps current.
std::optional<std::string> tier_on_record(db::Connection& conn, std::int64_t person_id) {
    return conn.query("SELECT tier FROM people WHERE id = ?", {person_id}).at(0).opt_text(0);
}

// A registration's fields a review or de-registration changes, for the audit row.
access::AuditSnapshot audited_fields(const risk::RegistrationRow& r) {
    access::AuditSnapshot s;
    s.set("type", r.type_code);
    s.set("level", r.level);
    s.set("category", r.category);
    s.set("registered_on", r.registered_on);
    s.set("review_due", r.review_due);
    s.set("deregistered_on", r.deregistered_on);
    s.set("deregistered_reason", r.deregistered_reason);
    s.set("version", r.version);
    return s;
}

// The registration's changes followed by the tier's, when it moved.
std::vector<access::FieldChange> with_tier_change(std::vector<access::FieldChange> changes,
                                                  const std::optional<std::string>& tier_before,
                                                  const std::optional<std::string>& tier_after) {
    auto tier = access::diff_fields(access::AuditSnapshot{}.set("tier", tier_before),
                                    access::AuditSnapshot{}.set("tier", tier_after));
    changes.insert(changes.end(), tier.begin(), tier.end());
    return changes;
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
                               const std::string& crn, const std::string& action, const RiskReader& reader, bool write) {
    auto result = db::read_transaction(deps.db, [&](db::Connection& conn) -> Result<json::object> {
        auto c = authorise_case(conn, crn, who, write);
        if (!c) return c.problem();
        return reader(conn, *c);
    });
    access::audit_view(deps, req, who, result ? action : action + ".refused", crn,
                       result ? "" : result.problem().title);
    return result;
}

Result<json::object> add_registration(access::RouteDeps& deps, const http::Request& req, const Principal& who,
                                      const std::string& crn, const risk::RegistrationInput& input) {
    return change_case(deps, who, crn, [&](db::Connection& conn, const AuthorisedCase& c, platform::Instant now) -> Result<json::object> {
        const auto types = risk::load_register_types(conn);
        const auto existing = risk::registrations_for(conn, c.person.id);
        auto valid = risk::validate_registration(input, types, live_type_codes(existing), platform::london_date(now));
        if (!valid) return valid.problem();
        const auto tier_before = tier_on_record(conn, c.person.id);
        const auto id = risk::insert_registration(conn, c.person.id, *valid, who.user_id);
        const std::string what = valid->description + level_text(valid->level);
        auto tier = risk::recalculate_tier(conn, c.person.id, now, who.user_id, "registration added: " + what);
        const auto added = *risk::find_registration(conn, c.person.id, id);
        audit(conn, now, who, req, "registration.create", crn, "registration=" + std::to_string(id) + " " + what,
              with_tier_change(access::created_fields(audited_fields(added)), tier_before, tier_on_record(conn, c.person.id)));
        return with_tier(registration_json(added, platform::london_date(now)), tier);
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
        const auto reviewed = *risk::find_registration(conn, c.person.id, id);
        auto changes = access::diff_fields(audited_fields(*reg), audited_fields(reviewed));
        if (!reviewed.reviews.empty()) {
            // The review itself is a new row: its date and notes are the "after".
            const auto& latest = reviewed.reviews.front();
            auto review = access::created_fields(
                access::AuditSnapshot{}.set("reviewed_on", latest.reviewed_on).set("review_notes", latest.notes));
            changes.insert(changes.end(), review.begin(), review.end());
        }
        audit(conn, now, who, req, "registration.review", crn,
              "registration=" + std::to_string(id) + " next=" + platform::format_date(valid->next_review_due),
              std::move(changes));
        return registration_json(reviewed, platform::london_date(now));
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
        const auto tier_before = tier_on_record(conn, c.person.id);
        if (!risk::deregister(conn, id, *valid, who.user_id)) return Problem::conflict("This registration was de-registered by someone else.");
        const std::string what = reg->description + level_text(reg->level);
        auto tier = risk::recalculate_tier(conn, c.person.id, now, who.user_id, "registration removed: " + what);
        const auto removed = *risk::find_registration(conn, c.person.id, id);
        audit(conn, now, who, req, "registration.deregister", crn, "registration=" + std::to_string(id) + " " + what,
              with_tier_change(access::diff_fields(audited_fields(*reg), audited_fields(removed)), tier_before,
                               tier_on_record(conn, c.person.id)));
        return with_tier(registration_json(removed, platform::london_date(now)), tier);
    });
}

Result<json::object> add_assessment(access::RouteDeps& deps, const http::Request& req, const Principal& who,
                                    const std::string& crn, const risk::AssessmentInput& input) {
    return change_case(deps, who, crn, [&](db::Connection& conn, const AuthorisedCase& c, platform::Instant now) -> Result<json::object> {
        auto valid = risk::validate_assessment(input, platform::london_date(now));
        if (!valid) return valid.problem();
        const auto tier_before = tier_on_record(conn, c.person.id);
        const auto id = risk::insert_assessment(conn, c.person.id, *valid, who.user_id, now);
        auto tier = risk::recalculate_tier(conn, c.person.id, now, who.user_id,
                                           "assessment entered, dated " + platform::format_date(valid->assessed_on));
        audit(conn, now, who, req, "assessment.create", crn, "assessment=" + std::to_string(id),
              with_tier_change(access::created_fields(access::AuditSnapshot{}.set(
                                   "assessed_on", platform::format_date(valid->assessed_on))),
                               tier_before, tier_on_record(conn, c.person.id)));
        auto all = risk::assessments_for(conn, c.person.id);
        auto it = std::find_if(all.begin(), all.end(), [&](const risk::StoredAssessment& a) { return a.id == id; });
        return with_tier(assessment_json(*it), tier);
    });
}

Result<json::object> recalculate_case_tier(access::RouteDeps& deps, const http::Request& req, const Principal& who,
                                           const std::string& crn) {
    return change_case(deps, who, crn, [&](db::Connection& conn, const AuthorisedCase& c, platform::Instant now) -> Result<json::object> {
        const auto tier_before = tier_on_record(conn, c.person.id);
        risk::recalculate_tier(conn, c.person.id, now, who.user_id, "recalculated on request");
        auto tier = tier_on_record(conn, c.person.id);
        // An unchanged tier gives no changes: the row still says the recalculation ran.
        audit(conn, now, who, req, "tier.recalculate", crn, "tier=" + tier.value_or(""),
              with_tier_change({}, tier_before, tier));
        return tier_json(tier, risk::tier_history(conn, c.person.id));
    });
}

}  // namespace onecase::casework
