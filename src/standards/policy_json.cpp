#include "standards/policy_json.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>

#include "contacts/rules.hpp"

namespace onecase::standards {

namespace json = boost::json;
using contacts::NationalStandardsPolicy;

namespace {

// A whole-number setting: its JSON name, the member it fills, its sensible range and
// the unit a message names. The ranges keep a typo (280 for 28) from becoming policy
// while leaving room for any standard the service could choose.
struct IntSetting {
    const char* name;
    int NationalStandardsPolicy::*member;
    int min;
    int max;
    const char* unit;
    const char* what;
};

constexpr IntSetting kInts[] = {
    {"firstAppointmentWorkingDays", &NationalStandardsPolicy::first_appointment_working_days, 1, 60, "working days",
     "First appointment"},
    {"initialAssessmentWorkingDays", &NationalStandardsPolicy::initial_assessment_working_days, 1, 60, "working days",
     "Initial assessment"},
    {"faceToFaceEveryDays", &NationalStandardsPolicy::face_to_face_every_days, 1, 92, "days",
     "Face-to-face contact interval"},
    {"afterReleaseFaceToFaceEveryDays", &NationalStandardsPolicy::after_release_face_to_face_every_days, 1, 92,
     "days", "Face-to-face contact interval after release"},
    {"afterReleaseWeeks", &NationalStandardsPolicy::after_release_weeks, 1, 52, "weeks", "Weeks after release"},
    {"homeVisitWorkingDays", &NationalStandardsPolicy::home_visit_working_days, 1, 60, "working days",
     "First home visit"},
    {"homeVisitEveryMonths", &NationalStandardsPolicy::home_visit_every_months, 1, 24, "months",
     "Home visit interval"},
    {"sentencePlanReviewEveryMonths", &NationalStandardsPolicy::sentence_plan_review_every_months, 1, 24, "months",
     "Sentence plan review interval"},
};

constexpr const char* kLevels = "afterReleaseProtectLevels";
constexpr const char* kFlags = "homeVisitFlags";
constexpr std::size_t kMaxNoteCharacters = 2000;

bool is_flag_code(const std::string& s) {
    if (s.empty() || s.size() > 40) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; });
}

// Splits "A, B" or "A B" into its parts.
json::array split_list(const std::string& text) {
    json::array out;
    std::string part;
    auto flush = [&] {
        if (!part.empty()) out.emplace_back(part);
        part.clear();
    };
    for (char c : text) {
        if (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r') flush();
        else part += c;
    }
    flush();
    return out;
}

}  // namespace

const std::vector<std::string>& settings_field_names() {
    // Each list beside the numbers it qualifies, as the form reads.
    static const std::vector<std::string> kNames = [] {
        std::vector<std::string> names;
        for (const auto& s : kInts) {
            names.emplace_back(s.name);
            if (names.back() == "afterReleaseWeeks") names.emplace_back(kLevels);
            if (names.back() == "homeVisitEveryMonths") names.emplace_back(kFlags);
        }
        return names;
    }();
    return kNames;
}

json::object policy_settings_json(const NationalStandardsPolicy& p) {
    json::object o;
    for (const auto& s : kInts) o[s.name] = p.*(s.member);
    json::array levels;
    for (char c : p.after_release_protect_levels) levels.emplace_back(std::string(1, c));
    o[kLevels] = std::move(levels);
    json::array flags;
    for (const auto& f : p.home_visit_flags) flags.emplace_back(f);
    o[kFlags] = std::move(flags);
    return o;
}

Result<NationalStandardsPolicy> policy_from_settings(const json::value& settings) {
    if (!settings.is_object())
        return Problem::invalid({{"settings", "settings must be a JSON object"}}, "Check the policy settings");
    const auto& o = settings.get_object();
    NationalStandardsPolicy p;
    std::vector<FieldError> errors;

    for (const auto& s : kInts) {
        const auto range = std::to_string(s.min) + " to " + std::to_string(s.max) + " " + s.unit;
        auto it = o.find(s.name);
        if (it == o.end() || it->value().is_null() || (it->value().is_string() && it->value().get_string().empty())) {
            errors.push_back({s.name, std::string("Enter ") + s.what + " in " + s.unit});
            continue;
        }
        const auto& v = it->value();
        std::optional<std::int64_t> n;
        if (v.is_int64()) n = v.get_int64();
        else if (v.is_uint64() && v.get_uint64() <= 1'000'000) n = std::int64_t(v.get_uint64());
        if (!n) {
            errors.push_back({s.name, std::string(s.what) + " must be a whole number of " + s.unit});
        } else if (*n < s.min || *n > s.max) {
            errors.push_back({s.name, std::string(s.what) + " must be from " + range});
        } else {
            p.*(s.member) = int(*n);
        }
    }
    if (errors.empty() && p.after_release_face_to_face_every_days > p.face_to_face_every_days)
        errors.push_back({"afterReleaseFaceToFaceEveryDays",
                          "Contact after release must be at least as often as for every case (every " +
                              std::to_string(p.face_to_face_every_days) + " days or more often)"});

    auto string_list = [&](const char* name, auto&& check, const std::string& bad_message)
        -> std::optional<std::vector<std::string>> {
        auto it = o.find(name);
        if (it == o.end() || !it->value().is_array()) {
            errors.push_back({name, std::string(name) == kLevels ? "Give the protect levels as a list, for example A, B"
                                                                 : "Give the flag codes as a list"});
            return std::nullopt;
        }
        std::vector<std::string> out;
        for (const auto& item : it->value().get_array()) {
            if (!item.is_string() || !check(std::string(item.get_string()))) {
                errors.push_back({name, bad_message});
                return std::nullopt;
            }
            std::string s(item.get_string());
            if (std::find(out.begin(), out.end(), s) != out.end()) {
                errors.push_back({name, s + " is listed twice"});
                return std::nullopt;
            }
            out.push_back(std::move(s));
        }
        return out;
    };
    if (auto levels = string_list(
            kLevels, [](const std::string& s) { return s.size() == 1 && s[0] >= 'A' && s[0] <= 'D'; },
            "Protect levels are the letters A, B, C or D")) {
        p.after_release_protect_levels.clear();
        for (const auto& l : *levels) p.after_release_protect_levels.push_back(l[0]);
    }
    if (auto flags = string_list(kFlags, is_flag_code,
                                 "Flag codes are registration type codes such as DOMESTIC_ABUSE: capital letters, "
                                 "digits and underscores, none empty"))
        p.home_visit_flags = std::move(*flags);

    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the policy settings");
    return p;
}

Result<NewPolicyVersion> validate_new_version(const json::object& request, platform::Date today) {
    std::vector<FieldError> errors;
    NewPolicyVersion out;

    std::optional<platform::Date> from;
    auto it = request.find("effectiveFrom");
    if (it == request.end() || !it->value().is_string() || it->value().get_string().empty()) {
        errors.push_back({"effectiveFrom", "Enter the date the new version takes effect, for example " +
                                               platform::format_date(today)});
    } else if (!(from = platform::parse_date(std::string(it->value().get_string())))) {
        errors.push_back({"effectiveFrom", "Enter a real date, for example " + platform::format_date(today)});
    } else if (*from < today) {
        errors.push_back({"effectiveFrom", "The date must be today or later: a new version cannot change what "
                                           "was due in the past"});
    }

    auto note = request.find("note");
    if (note == request.end() || !note->value().is_string()) {
        errors.push_back({"note", "Say why the standard is changing"});
    } else {
        out.note = std::string(note->value().get_string());
        const auto length = contacts::utf8_length(out.note);
        if (!length) errors.push_back({"note", "The note contains characters that are not valid text"});
        else if (out.note.find_first_not_of(" \t\r\n") == std::string::npos)
            errors.push_back({"note", "Say why the standard is changing"});
        else if (*length > kMaxNoteCharacters)
            errors.push_back({"note", "The note must be 2,000 characters or fewer"});
    }

    auto settings = request.find("settings");
    auto policy = policy_from_settings(settings == request.end() ? json::value(nullptr) : settings->value());
    if (!policy) {
        for (const auto& e : policy.problem().errors) errors.push_back(e);
    } else {
        out.policy = std::move(*policy);
    }
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the new version of the policy");
    out.policy.effective_from = *from;
    return out;
}

json::object settings_from_form(const std::vector<std::pair<std::string, std::string>>& fields) {
    json::object o;
    for (const auto& [name, text] : fields) {
        if (name == kLevels || name == kFlags) {
            o[name] = split_list(text);
            continue;
        }
        std::int64_t n = 0;
        const auto first = text.find_first_not_of(' ');
        const auto last = text.find_last_not_of(' ');
        const std::string trimmed = first == std::string::npos ? "" : text.substr(first, last - first + 1);
        auto r = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), n);
        if (!trimmed.empty() && r.ec == std::errc{} && r.ptr == trimmed.data() + trimmed.size()) o[name] = n;
        else o[name] = trimmed;
    }
    return o;
}

}  // namespace onecase::standards
