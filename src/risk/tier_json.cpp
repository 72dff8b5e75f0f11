// Reading tier inputs from JSON and writing a tier result as JSON (schema:
// docs/tiering.md). The reader is strict so that a typo in a field name cannot
// silently lower someone's tier.
#include "risk/tier_json.hpp"

#include <cmath>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>
#include <fmt/format.h>

namespace onecase::risk {
namespace {

namespace json = boost::json;

template <typename E>
using Choices = std::vector<std::pair<std::string_view, E>>;

std::string choices_text(const auto& choices) {
    std::string out;
    for (const auto& [name, value] : choices) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

// Collects every problem in the document, each under the path of its field.
class Reader {
public:
    std::vector<FieldError> errors;

    void fail(std::string field, std::string message) {
        errors.push_back({std::move(field), std::move(message)});
    }

    void reject_unknown(const json::object& o, const std::string& prefix,
                        std::initializer_list<std::string_view> known) {
        for (const auto& kv : o) {
            bool ok = false;
            for (auto k : known) ok = ok || kv.key() == k;
            if (!ok) fail(prefix + std::string(kv.key()), "is not a known field");
        }
    }

    // nullptr when the field is absent or null.
    static const json::value* find(const json::object& o, std::string_view key) {
        const json::value* v = o.if_contains(key);
        return v && !v->is_null() ? v : nullptr;
    }

    bool flag(const json::object& o, std::string_view key, const std::string& path) {
        const json::value* v = find(o, key);
        if (!v) return false;
        if (!v->is_bool()) {
            fail(path, "must be true or false");
            return false;
        }
        return v->get_bool();
    }

    std::optional<double> number(const json::object& o, std::string_view key, const std::string& path,
                                 double lowest, double highest, std::string_view range_text) {
        const json::value* v = find(o, key);
        if (!v) return std::nullopt;
        if (!v->is_number()) {
            fail(path, fmt::format("must be a number {}", range_text));
            return std::nullopt;
        }
        const double d = v->to_number<double>();
        if (!(d >= lowest && d <= highest)) {
            fail(path, fmt::format("must be a number {}", range_text));
            return std::nullopt;
        }
        return d;
    }

    std::optional<int> whole(const json::object& o, std::string_view key, const std::string& path, int lowest,
                             int highest) {
        const json::value* v = find(o, key);
        if (!v) return std::nullopt;
        const std::string range = fmt::format("must be a whole number from {} to {}", lowest, highest);
        if (!v->is_number()) {
            fail(path, range);
            return std::nullopt;
        }
        const double d = v->to_number<double>();
        if (d != std::floor(d) || d < lowest || d > highest) {
            fail(path, range);
            return std::nullopt;
        }
        return static_cast<int>(d);
    }

    template <typename E>
    std::optional<E> choice(const json::value& v, const std::string& path, const Choices<E>& choices) {
        if (v.is_string())
            for (const auto& [name, value] : choices)
                if (v.get_string() == name) return value;
        fail(path, "must be one of: " + choices_text(choices));
        return std::nullopt;
    }

    template <typename E>
    std::optional<E> choice(const json::object& o, std::string_view key, const std::string& path,
                            const Choices<E>& choices) {
        const json::value* v = find(o, key);
        return v ? choice(*v, path, choices) : std::nullopt;
    }

    std::optional<platform::Date> date(const json::object& o, std::string_view key, const std::string& path) {
        const json::value* v = find(o, key);
        if (!v) return std::nullopt;
        std::optional<platform::Date> d;
        if (v->is_string()) d = platform::parse_date(std::string_view(v->get_string()));
        if (!d) fail(path, "must be a date written YYYY-MM-DD");
        return d;
    }

    const json::object* object(const json::object& o, std::string_view key, const std::string& path) {
        const json::value* v = find(o, key);
        if (v && !v->is_object()) fail(path, "must be an object");
        return v && v->is_object() ? &v->get_object() : nullptr;
    }

    const json::array* array(const json::object& o, std::string_view key, const std::string& path) {
        const json::value* v = find(o, key);
        if (v && !v->is_array()) fail(path, "must be an array");
        return v && v->is_array() ? &v->get_array() : nullptr;
    }
};

const Choices<Gender> kGenders = {
    {"male", Gender::kMale}, {"female", Gender::kFemale}, {"other", Gender::kOther}, {"not_known", Gender::kNotKnown}};
const Choices<RoshLevel> kRoshLevels = {{"low", RoshLevel::kLow},
                                        {"medium", RoshLevel::kMedium},
                                        {"high", RoshLevel::kHigh},
                                        {"very_high", RoshLevel::kVeryHigh}};
const Choices<NeedSeverity> kSeverities = {
    {"no_need", NeedSeverity::kNoNeed}, {"standard", NeedSeverity::kStandard}, {"severe", NeedSeverity::kSevere}};
const Choices<AssessmentType> kAssessmentTypes = {
    {"layer3", AssessmentType::kLayer3}, {"layer1", AssessmentType::kLayer1}, {"standalone", AssessmentType::kStandalone}};
const Choices<AssessmentStatus> kAssessmentStatuses = {{"open", AssessmentStatus::kOpen},
                                                       {"signed", AssessmentStatus::kSigned},
                                                       {"complete", AssessmentStatus::kComplete},
                                                       {"locked_incomplete", AssessmentStatus::kLockedIncomplete}};
const Choices<RequirementKind> kRequirementKinds = {{"unpaid_work", RequirementKind::kUnpaidWork},
                                                    {"order_extended", RequirementKind::kOrderExtended},
                                                    {"other", RequirementKind::kOther}};

Choices<ComplexityFactor> complexity_choices() {
    Choices<ComplexityFactor> out;
    for (auto f : kAllComplexityFactors) out.emplace_back(code(f), f);
    return out;
}

std::optional<Assessment> read_assessment(Reader& r, const json::object& o) {
    const std::string p = "assessment.";
    r.reject_unknown(o, p,
                     {"type", "status", "completed_date", "needs", "parenting_responsibilities", "impulsivity",
                      "temper_control"});
    Assessment a;
    auto type = r.choice(o, "type", p + "type", kAssessmentTypes);
    auto status = r.choice(o, "status", p + "status", kAssessmentStatuses);
    auto completed = r.date(o, "completed_date", p + "completed_date");
    if (!Reader::find(o, "type")) r.fail(p + "type", "is required: one of " + choices_text(kAssessmentTypes));
    if (!Reader::find(o, "status")) r.fail(p + "status", "is required: one of " + choices_text(kAssessmentStatuses));
    if (!Reader::find(o, "completed_date")) r.fail(p + "completed_date", "is required, written YYYY-MM-DD");
    if (const json::object* needs = r.object(o, "needs", p + "needs")) {
        for (const auto& kv : *needs) {
            const std::string path = p + "needs." + std::string(kv.key());
            std::optional<NeedSection> section;
            for (auto s : kAllNeedSections)
                if (kv.key() == code(s)) section = s;
            if (!section) {
                r.fail(path, "is not an OASys need section");
                continue;
            }
            if (kv.value().is_null()) continue;
            if (auto severity = r.choice(kv.value(), path, kSeverities)) a.needs[*section] = *severity;
        }
    }
    a.parenting_responsibilities = r.flag(o, "parenting_responsibilities", p + "parenting_responsibilities");
    a.impulsivity = r.whole(o, "impulsivity", p + "impulsivity", 0, 2).value_or(0);
    a.temper_control = r.whole(o, "temper_control", p + "temper_control", 0, 2).value_or(0);
    if (!type || !status || !completed) return std::nullopt;
    a.type = *type;
    a.status = *status;
    a.completed_on = *completed;
    return a;
}

std::vector<CurrentSentence> read_sentences(Reader& r, const json::array& sentences) {
    std::vector<CurrentSentence> out;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        const std::string p = fmt::format("current_sentences[{}]", i);
        if (!sentences[i].is_object()) {
            r.fail(p, "must be an object");
            continue;
        }
        const json::object& s = sentences[i].get_object();
        r.reject_unknown(s, p + ".", {"custodial", "requirements"});
        CurrentSentence sentence;
        sentence.custodial = r.flag(s, "custodial", p + ".custodial");
        if (const json::array* reqs = r.array(s, "requirements", p + ".requirements")) {
            for (std::size_t j = 0; j < reqs->size(); ++j) {
                const std::string rp = fmt::format("{}.requirements[{}]", p, j);
                if (!(*reqs)[j].is_object()) {
                    r.fail(rp, "must be an object");
                    continue;
                }
                const json::object& req = (*reqs)[j].get_object();
                r.reject_unknown(req, rp + ".", {"kind", "restrictive"});
                Requirement requirement;
                requirement.restrictive = r.flag(req, "restrictive", rp + ".restrictive");
                if (!Reader::find(req, "kind"))
                    r.fail(rp + ".kind", "is required: one of " + choices_text(kRequirementKinds));
                else if (auto kind = r.choice(req, "kind", rp + ".kind", kRequirementKinds))
                    requirement.kind = *kind;
                sentence.requirements.push_back(requirement);
            }
        }
        out.push_back(std::move(sentence));
    }
    return out;
}

json::object level_json(json::value level, int points, const std::vector<TierFactor>& factors) {
    json::array list;
    for (const auto& f : factors)
        list.push_back(json::object{{"name", f.name}, {"points", f.points}, {"reason", f.reason}});
    return json::object{{"level", std::move(level)}, {"points", points}, {"factors", std::move(list)}};
}

}  // namespace

Result<TierInputs> parse_tier_inputs(const json::value& document) {
    if (!document.is_object())
        return Problem::invalid({{"", "the tier inputs must be a JSON object"}}, "The tier inputs are not valid");
    const json::object& o = document.get_object();
    Reader r;
    r.reject_unknown(o, "",
                     {"calculation_date", "gender", "rosh", "rsr_percent", "mappa_level", "mappa_category",
                      "complexity_factors", "previous_enforcement_activity", "ogrs_percent", "iom_nominal",
                      "unsupervised", "current_sentences", "assessment"});
    TierInputs in;
    if (auto d = r.date(o, "calculation_date", "calculation_date")) in.calculated_on = *d;
    else if (!Reader::find(o, "calculation_date")) r.fail("calculation_date", "is required, written YYYY-MM-DD");
    if (auto g = r.choice(o, "gender", "gender", kGenders)) in.gender = *g;
    else if (!Reader::find(o, "gender")) r.fail("gender", "is required: one of " + choices_text(kGenders));
    in.rosh = r.choice(o, "rosh", "rosh", kRoshLevels);
    in.rsr_percent = r.number(o, "rsr_percent", "rsr_percent", 0, 100, "from 0 to 100");
    if (in.rsr_percent) {
        // OASys gives RSR to two decimal places; the band edges assume it (tier_rules.hpp).
        const double hundredths = *in.rsr_percent * 100.0;
        if (std::fabs(hundredths - std::round(hundredths)) > 1e-6) {
            r.fail("rsr_percent", "must have at most two decimal places");
            in.rsr_percent.reset();
        }
    }
    in.mappa_level = r.whole(o, "mappa_level", "mappa_level", 1, 3);
    in.mappa_category = r.whole(o, "mappa_category", "mappa_category", 1, 4);
    if (const json::array* factors = r.array(o, "complexity_factors", "complexity_factors")) {
        const auto choices = complexity_choices();
        for (std::size_t i = 0; i < factors->size(); ++i)
            if (auto f = r.choice((*factors)[i], fmt::format("complexity_factors[{}]", i), choices))
                in.complexity_factors.insert(*f);  // a set: a factor registered twice counts once
    }
    in.previous_enforcement_activity =
        r.flag(o, "previous_enforcement_activity", "previous_enforcement_activity");
    in.ogrs_percent = r.whole(o, "ogrs_percent", "ogrs_percent", 0, 100);
    in.iom_nominal = r.flag(o, "iom_nominal", "iom_nominal");
    in.unsupervised = r.flag(o, "unsupervised", "unsupervised");
    // Required, because leaving it out would silently mean "no mandate for change".
    if (const json::array* sentences = r.array(o, "current_sentences", "current_sentences"))
        in.current_sentences = read_sentences(r, *sentences);
    else if (!Reader::find(o, "current_sentences"))
        r.fail("current_sentences", "is required: an array, empty when there is no current sentence");
    if (const json::object* a = r.object(o, "assessment", "assessment")) in.assessment = read_assessment(r, *a);

    if (!r.errors.empty()) return Problem::invalid(std::move(r.errors), "The tier inputs are not valid");
    return in;
}

json::object tier_result_json(const TierResult& result) {
    return json::object{
        {"tier", result.tier},
        {"protect", level_json(json::string(1, result.protect.level), result.protect.points, result.protect.factors)},
        {"change", level_json(result.change.level, result.change.points, result.change.factors)},
    };
}

}  // namespace onecase::risk
