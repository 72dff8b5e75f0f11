#include "risk/risk_store.hpp"

#include <boost/json.hpp>

#include <map>
#include <sstream>

#include "risk/tier_inputs.hpp"
#include "risk/tier_json.hpp"

namespace onecase::risk {

namespace json = boost::json;

namespace {

std::vector<std::string> split_bar(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream ss(text);
    for (std::string item; std::getline(ss, item, '|');) {
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

db::Value optional_text(const std::optional<std::string>& v) { return v ? db::Value{*v} : db::Value{db::null}; }
db::Value optional_level(const std::optional<RoshLevel>& l) {
    return l ? db::Value{std::string(rosh_code(*l))} : db::Value{db::null};
}
std::optional<RoshLevel> level_of(const std::optional<std::string>& text) {
    return text ? parse_rosh_code(*text) : std::nullopt;
}

std::string needs_json(const std::map<NeedSection, NeedSeverity>& needs) {
    json::object o;
    for (const auto& [section, severity] : needs) o[code(section)] = severity_code(severity);
    return json::serialize(o);
}

std::map<NeedSection, NeedSeverity> needs_from_json(const std::string& text) {
    std::map<NeedSection, NeedSeverity> out;
    boost::system::error_code ec;
    auto v = json::parse(text, ec);
    if (ec || !v.is_object()) return out;
    for (const auto& [k, value] : v.get_object()) {
        auto s = parse_need_code(k);
        auto sev = value.is_string() ? parse_severity_code(value.get_string()) : std::nullopt;
        if (s && sev) out[*s] = *sev;
    }
    return out;
}

constexpr const char* kAssessmentColumns =
    "a.id, a.assessed_on, a.assessment_type, a.complete, a.rosh_overall, a.rosh_public, a.rosh_known_adult, "
    "a.rosh_children, a.rosh_staff, a.ogrs, a.ovp, a.osp_c, a.osp_i, a.rsr, a.needs, a.notes, "
    "COALESCE(u.username, ''), a.created_at, a.parenting_responsibilities, a.impulsivity, a.temper_control";

StoredAssessment to_assessment(const db::Row& r) {
    StoredAssessment s;
    s.id = r.int64(0);
    s.record.assessed_on = platform::parse_date(r.text(1)).value_or(platform::Date{});
    const auto type = r.text(2);
    s.record.type = type == "layer1" ? AssessmentType::kLayer1 : type == "standalone" ? AssessmentType::kStandalone
                                                                                     : AssessmentType::kLayer3;
    s.record.complete = r.boolean(3);
    s.record.rosh_overall = level_of(r.opt_text(4));
    s.record.rosh_public = level_of(r.opt_text(5));
    s.record.rosh_known_adult = level_of(r.opt_text(6));
    s.record.rosh_children = level_of(r.opt_text(7));
    s.record.rosh_staff = level_of(r.opt_text(8));
    if (auto v = r.opt_int64(9)) s.record.ogrs = static_cast<int>(*v);
    if (auto v = r.opt_int64(10)) s.record.ovp = static_cast<int>(*v);
    s.record.osp_c = level_of(r.opt_text(11));
    s.record.osp_i = level_of(r.opt_text(12));
    s.record.rsr = r.opt_text(13);
    s.record.needs = needs_from_json(r.text(14));
    s.record.notes = r.text(15);
    s.entered_by = r.text(16);
    s.created_at = r.text(17);
    if (!r.is_null(18)) s.record.parenting_responsibilities = r.boolean(18);
    if (auto v = r.opt_int64(19)) s.record.impulsivity = static_cast<int>(*v);
    if (auto v = r.opt_int64(20)) s.record.temper_control = static_cast<int>(*v);
    return s;
}

TierFacts facts_for(db::Connection& conn, std::int64_t person_id, platform::Date today) {
    TierFacts f;
    f.today = today;
    auto person = conn.query("SELECT gender FROM people WHERE id = ?", {person_id});
    if (!person.empty()) f.gender = person[0].text(0);
    for (const auto& r : conn.query("SELECT t.tier_factor, g.level, g.category FROM registrations g "
                                    "JOIN register_types t ON t.code = g.type_code "
                                    "WHERE g.person_id = ? AND g.deregistered_on IS NULL AND t.tier_factor IS NOT NULL",
                                    {person_id})) {
        f.flags.push_back(TierFacts::Flag{r.text(0), r.opt_text(1), r.opt_text(2)});
    }
    std::map<std::int64_t, std::size_t> by_event;
    for (const auto& r : conn.query("SELECT id, disposal_type FROM events WHERE person_id = ? AND active = 1 ORDER BY id",
                                    {person_id})) {
        by_event[r.int64(0)] = f.sentences.size();
        f.sentences.push_back(TierFacts::Sentence{r.text(1), {}});
    }
    for (const auto& r : conn.query("SELECT q.event_id, q.category FROM requirements q JOIN events e ON e.id = q.event_id "
                                    "WHERE e.person_id = ? AND e.active = 1 AND q.active = 1",
                                    {person_id})) {
        if (auto it = by_event.find(r.int64(0)); it != by_event.end()) {
            f.sentences[it->second].requirement_categories.push_back(r.text(1));
        }
    }
    f.breach_or_recall = conn.query("SELECT COUNT(*) FROM enforcement_actions x JOIN events e ON e.id = x.event_id "
                                    "WHERE x.person_id = ? AND e.active = 1 AND x.kind = 'breach_started' "
                                    "AND x.withdrawn_at IS NULL",
                                    {person_id})
                             .at(0)
                             .int64(0) > 0;
    auto assessments = conn.query(std::string("SELECT ") + kAssessmentColumns +
                                      " FROM assessments a LEFT JOIN users u ON u.id = a.created_by_user_id "
                                      "WHERE a.person_id = ? ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1",
                                  {person_id});
    if (!assessments.empty()) f.latest_assessment = to_assessment(assessments[0]).record;
    return f;
}

}  // namespace

std::vector<RegisterType> load_register_types(db::Connection& conn) {
    std::vector<RegisterType> out;
    for (const auto& r : conn.query("SELECT code, description, levels, categories, review_months, high_signal, tier_factor "
                                    "FROM register_types WHERE active = 1 ORDER BY description")) {
        out.push_back(RegisterType{r.text(0), r.text(1), split_bar(r.text(2)), split_bar(r.text(3)),
                                   static_cast<int>(r.int64(4)), r.boolean(5), r.opt_text(6)});
    }
    return out;
}

namespace {
constexpr const char* kRegistrationSelect =
    "SELECT g.id, g.type_code, g.description, g.level, g.category, g.registered_on, g.review_due, g.deregistered_on, "
    "g.deregistered_reason, g.notes, COALESCE(u1.username, ''), COALESCE(u2.username, ''), "
    "COALESCE(t.high_signal, 0), g.version FROM registrations g "
    "LEFT JOIN register_types t ON t.code = g.type_code "
    "LEFT JOIN users u1 ON u1.id = g.registered_by_user_id LEFT JOIN users u2 ON u2.id = g.deregistered_by_user_id ";

RegistrationRow to_registration(const db::Row& r) {
    return RegistrationRow{r.int64(0),     r.text(1),     r.text(2),  r.opt_text(3), r.opt_text(4),
                           r.text(5),      r.opt_text(6), r.opt_text(7), r.opt_text(8), r.text(9),
                           r.text(10),     r.text(11),    r.boolean(12), r.int64(13), {}};
}

void attach_reviews(db::Connection& conn, std::vector<RegistrationRow>& rows, std::int64_t person_id) {
    std::map<std::int64_t, RegistrationRow*> by_id;
    for (auto& r : rows) by_id[r.id] = &r;
    for (const auto& r : conn.query("SELECT v.registration_id, v.reviewed_on, v.notes, v.next_review_due, "
                                    "COALESCE(u.username, '') FROM registration_reviews v "
                                    "JOIN registrations g ON g.id = v.registration_id "
                                    "LEFT JOIN users u ON u.id = v.reviewed_by_user_id "
                                    "WHERE g.person_id = ? ORDER BY v.reviewed_on DESC, v.id DESC",
                                    {person_id})) {
        if (auto it = by_id.find(r.int64(0)); it != by_id.end()) {
            it->second->reviews.push_back(ReviewRow{r.text(1), r.text(2), r.opt_text(3), r.text(4)});
        }
    }
}
}  // namespace

std::vector<RegistrationRow> registrations_for(db::Connection& conn, std::int64_t person_id) {
    std::vector<RegistrationRow> out;
    for (const auto& r : conn.query(std::string(kRegistrationSelect) +
                                        "WHERE g.person_id = ? ORDER BY CASE WHEN g.deregistered_on IS NULL THEN 0 ELSE 1 END, "
                                        "g.registered_on DESC, g.id DESC",
                                    {person_id})) {
        out.push_back(to_registration(r));
    }
    attach_reviews(conn, out, person_id);
    return out;
}

std::optional<RegistrationRow> find_registration(db::Connection& conn, std::int64_t person_id, std::int64_t id) {
    auto rows = conn.query(std::string(kRegistrationSelect) + "WHERE g.person_id = ? AND g.id = ?", {person_id, id});
    if (rows.empty()) return std::nullopt;
    std::vector<RegistrationRow> one{to_registration(rows[0])};
    attach_reviews(conn, one, person_id);
    return one[0];
}

std::int64_t insert_registration(db::Connection& conn, std::int64_t person_id, const NewRegistration& r,
                                 std::int64_t user_id) {
    auto rows = conn.query(
        "INSERT INTO registrations (person_id, type_code, description, level, category, registered_on, review_due, "
        "notes, registered_by_user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {person_id, r.type_code, r.description, optional_text(r.level), optional_text(r.category),
         platform::format_date(r.registered_on), platform::format_date(r.review_due), r.notes, user_id});
    return rows.at(0).int64(0);
}

void record_review(db::Connection& conn, std::int64_t registration_id, const Review& review, std::int64_t user_id,
                   platform::Instant now) {
    conn.execute(
        "INSERT INTO registration_reviews (registration_id, reviewed_on, notes, next_review_due, reviewed_by_user_id, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?)",
        {registration_id, platform::format_date(review.reviewed_on), review.notes,
         platform::format_date(review.next_review_due), user_id, platform::format_instant(now)});
    conn.execute("UPDATE registrations SET review_due = ?, version = version + 1 WHERE id = ?",
                 {platform::format_date(review.next_review_due), registration_id});
}

bool deregister(db::Connection& conn, std::int64_t registration_id, const Deregistration& d, std::int64_t user_id) {
    return conn.execute(
               "UPDATE registrations SET deregistered_on = ?, deregistered_reason = ?, deregistered_by_user_id = ?, "
               "review_due = NULL, version = version + 1 WHERE id = ? AND deregistered_on IS NULL",
               {platform::format_date(d.deregistered_on), d.reason, user_id, registration_id}) > 0;
}

std::int64_t insert_assessment(db::Connection& conn, std::int64_t person_id, const AssessmentRecord& a,
                               std::int64_t user_id, platform::Instant now) {
    auto rows = conn.query(
        "INSERT INTO assessments (person_id, assessed_on, assessment_type, complete, rosh_overall, rosh_public, "
        "rosh_known_adult, rosh_children, rosh_staff, ogrs, ovp, osp_c, osp_i, rsr, needs, notes, created_at, "
        "created_by_user_id, parenting_responsibilities, impulsivity, temper_control) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {person_id, platform::format_date(a.assessed_on), std::string(assessment_type_code(a.type)),
         std::int64_t{a.complete ? 1 : 0}, optional_level(a.rosh_overall), optional_level(a.rosh_public),
         optional_level(a.rosh_known_adult), optional_level(a.rosh_children), optional_level(a.rosh_staff),
         a.ogrs ? db::Value{std::int64_t{*a.ogrs}} : db::Value{db::null},
         a.ovp ? db::Value{std::int64_t{*a.ovp}} : db::Value{db::null}, optional_level(a.osp_c),
         optional_level(a.osp_i), optional_text(a.rsr), needs_json(a.needs), a.notes, platform::format_instant(now),
         user_id,
         a.parenting_responsibilities ? db::Value{std::int64_t{*a.parenting_responsibilities ? 1 : 0}} : db::Value{db::null},
         a.impulsivity ? db::Value{std::int64_t{*a.impulsivity}} : db::Value{db::null},
         a.temper_control ? db::Value{std::int64_t{*a.temper_control}} : db::Value{db::null}});
    return rows.at(0).int64(0);
}

std::vector<StoredAssessment> assessments_for(db::Connection& conn, std::int64_t person_id) {
    std::vector<StoredAssessment> out;
    for (const auto& r : conn.query(std::string("SELECT ") + kAssessmentColumns +
                                        " FROM assessments a LEFT JOIN users u ON u.id = a.created_by_user_id "
                                        "WHERE a.person_id = ? ORDER BY a.assessed_on DESC, a.id DESC",
                                    {person_id})) {
        out.push_back(to_assessment(r));
    }
    return out;
}

TierResult recalculate_tier(db::Connection& conn, std::int64_t person_id, platform::Instant now,
                            std::optional<std::int64_t> user_id, const std::string& reason) {
    const auto result = calculate_tier(assemble_tier_inputs(facts_for(conn, person_id, platform::london_date(now))));
    const auto explanation = json::serialize(tier_result_json(result));
    auto latest = conn.query("SELECT tier, explanation FROM tier_history WHERE person_id = ? ORDER BY id DESC LIMIT 1",
                             {person_id});
    if (latest.empty() || latest[0].text(0) != result.tier || latest[0].text(1) != explanation) {
        conn.execute("INSERT INTO tier_history (person_id, tier, calculated_at, reason, explanation, calculated_by_user_id) "
                     "VALUES (?, ?, ?, ?, ?, ?)",
                     {person_id, result.tier, platform::format_instant(now), reason, explanation,
                      db::optional_value(user_id)});
    }
    conn.execute("UPDATE people SET tier = ? WHERE id = ? AND (tier IS NULL OR tier <> ?)",
                 {result.tier, person_id, result.tier});
    return result;
}

std::vector<TierHistoryEntry> tier_history(db::Connection& conn, std::int64_t person_id) {
    std::vector<TierHistoryEntry> out;
    for (const auto& r : conn.query("SELECT h.tier, h.calculated_at, h.reason, h.explanation, COALESCE(u.username, '') "
                                    "FROM tier_history h LEFT JOIN users u ON u.id = h.calculated_by_user_id "
                                    "WHERE h.person_id = ? ORDER BY h.id DESC",
                                    {person_id})) {
        out.push_back(TierHistoryEntry{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4)});
    }
    return out;
}

}  // namespace onecase::risk
