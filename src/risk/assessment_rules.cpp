#include "risk/assessment_rules.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "contacts/rules.hpp"

namespace onecase::risk {

std::string_view rosh_code(RoshLevel level) {
    switch (level) {
        case RoshLevel::kLow: return "low";
        case RoshLevel::kMedium: return "medium";
        case RoshLevel::kHigh: return "high";
        case RoshLevel::kVeryHigh: return "very_high";
    }
    return "low";
}

std::string_view rosh_label(RoshLevel level) {
    switch (level) {
        case RoshLevel::kLow: return "Low";
        case RoshLevel::kMedium: return "Medium";
        case RoshLevel::kHigh: return "High";
        case RoshLevel::kVeryHigh: return "Very high";
    }
    return "Low";
}

std::optional<RoshLevel> parse_rosh_code(std::string_view code) {
    for (auto l : {RoshLevel::kLow, RoshLevel::kMedium, RoshLevel::kHigh, RoshLevel::kVeryHigh}) {
        if (rosh_code(l) == code) return l;
    }
    return std::nullopt;
}

std::string_view severity_code(NeedSeverity s) {
    switch (s) {
        case NeedSeverity::kNoNeed: return "none";
        case NeedSeverity::kStandard: return "standard";
        case NeedSeverity::kSevere: return "severe";
    }
    return "none";
}

std::optional<NeedSeverity> parse_severity_code(std::string_view code) {
    for (auto s : {NeedSeverity::kNoNeed, NeedSeverity::kStandard, NeedSeverity::kSevere}) {
        if (severity_code(s) == code) return s;
    }
    return std::nullopt;
}

std::string_view assessment_type_code(AssessmentType t) {
    switch (t) {
        case AssessmentType::kLayer3: return "layer3";
        case AssessmentType::kLayer1: return "layer1";
        case AssessmentType::kStandalone: return "standalone";
    }
    return "layer3";
}

std::optional<NeedSection> parse_need_code(std::string_view text) {
    for (auto s : kAllNeedSections) {
        if (code(s) == text) return s;
    }
    return std::nullopt;
}

std::string_view ogrs_band(int p) { return p < 50 ? "Low" : p < 75 ? "Medium" : p < 90 ? "High" : "Very high"; }
std::string_view ovp_band(int p) { return p < 30 ? "Low" : p < 60 ? "Medium" : p < 80 ? "High" : "Very high"; }
std::string_view rsr_band(double p) { return p < 3.0 ? "Low" : p < 7.0 ? "Medium" : "High"; }

namespace {

std::optional<int> whole_percent(const std::string& text, const char* field, const char* what, std::vector<FieldError>& errors) {
    if (text.empty()) return std::nullopt;
    int n = -1;
    auto r = std::from_chars(text.data(), text.data() + text.size(), n);
    if (r.ec != std::errc{} || r.ptr != text.data() + text.size() || n < 0 || n > 100) {
        errors.push_back({field, std::string(what) + " must be a whole percentage from 0 to 100"});
        return std::nullopt;
    }
    return n;
}

// "6.9" -> "6.90": at most two decimal places, 0 to 100.
std::optional<std::string> decimal_percent(const std::string& text, const char* field, const char* what,
                                           std::vector<FieldError>& errors) {
    if (text.empty()) return std::nullopt;
    const auto dot = text.find('.');
    const std::string whole = text.substr(0, dot);
    const std::string fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
    auto digits = [](const std::string& s) { return s.find_first_not_of("0123456789") == std::string::npos; };
    int w = -1;
    const bool ok = !whole.empty() && whole.size() <= 3 && digits(whole) && digits(fraction) && fraction.size() <= 2 &&
                    (dot == std::string::npos || !fraction.empty()) &&
                    std::from_chars(whole.data(), whole.data() + whole.size(), w).ec == std::errc{};
    const int hundredths = ok ? w * 100 + (fraction.empty() ? 0 : std::stoi(fraction) * (fraction.size() == 1 ? 10 : 1)) : -1;
    if (!ok || hundredths > 10000) {
        errors.push_back({field, std::string(what) + " must be a percentage from 0 to 100 with at most two decimal places"});
        return std::nullopt;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d.%02d", hundredths / 100, hundredths % 100);
    return std::string(buf);
}

std::optional<RoshLevel> level(const std::string& text, const char* field, const char* what, std::vector<FieldError>& errors) {
    if (text.empty()) return std::nullopt;
    auto l = parse_rosh_code(text);
    if (!l) errors.push_back({field, std::string("Select ") + what + ": low, medium, high or very high"});
    return l;
}

}  // namespace

Result<AssessmentRecord> validate_assessment(const AssessmentInput& in, platform::Date today) {
    std::vector<FieldError> errors;
    AssessmentRecord a;
    if (in.assessed_on.empty()) {
        a.assessed_on = today;
    } else if (auto d = platform::parse_date(in.assessed_on)) {
        if (std::chrono::sys_days{*d} > std::chrono::sys_days{today}) errors.push_back({"assessedOn", "The assessment date must be today or in the past"});
        a.assessed_on = *d;
    } else {
        errors.push_back({"assessedOn", "Enter the assessment date as a real date, for example 2026-03-27"});
    }
    if (in.type.empty() || in.type == "layer3") a.type = AssessmentType::kLayer3;
    else if (in.type == "layer1") a.type = AssessmentType::kLayer1;
    else if (in.type == "standalone") a.type = AssessmentType::kStandalone;
    else errors.push_back({"type", "Select the type of assessment: layer3, layer1 or standalone"});
    a.complete = in.complete;
    a.rosh_overall = level(in.rosh_overall, "roshOverall", "the overall RoSH", errors);
    a.rosh_public = level(in.rosh_public, "roshPublic", "the RoSH to the public", errors);
    a.rosh_known_adult = level(in.rosh_known_adult, "roshKnownAdult", "the RoSH to a known adult", errors);
    a.rosh_children = level(in.rosh_children, "roshChildren", "the RoSH to children", errors);
    a.rosh_staff = level(in.rosh_staff, "roshStaff", "the RoSH to staff", errors);
    a.ogrs = whole_percent(in.ogrs, "ogrs", "OGRS", errors);
    a.ovp = whole_percent(in.ovp, "ovp", "OVP", errors);
    a.rsr = decimal_percent(in.rsr, "rsr", "RSR", errors);
    a.osp_c = level(in.osp_c, "ospC", "the OSP-C band", errors);
    a.osp_i = level(in.osp_i, "ospI", "the OSP-I band", errors);
    for (const auto& [section, severity] : in.needs) {
        auto s = parse_need_code(section);
        auto v = parse_severity_code(severity);
        if (!s) errors.push_back({"needs." + section, "Unknown need section " + section});
        else if (!severity.empty() && !v) errors.push_back({"needs." + section, "Select none, standard or severe"});
        else if (v) a.needs[*s] = *v;
    }
    if (in.parenting_responsibilities == "yes") a.parenting_responsibilities = true;
    else if (in.parenting_responsibilities == "no") a.parenting_responsibilities = false;
    else if (!in.parenting_responsibilities.empty()) errors.push_back({"parentingResponsibilities", "Answer 6.9 yes or no"});
    auto zero_to_two = [&](const std::string& text, const char* field, const char* what) -> std::optional<int> {
        if (text.empty()) return std::nullopt;
        if (text == "0" || text == "1" || text == "2") return text[0] - '0';
        errors.push_back({field, std::string(what) + " must be 0, 1 or 2"});
        return std::nullopt;
    };
    a.impulsivity = zero_to_two(in.impulsivity, "impulsivity", "11.2 impulsivity");
    a.temper_control = zero_to_two(in.temper_control, "temperControl", "11.4 temper control");
    auto length = contacts::utf8_length(in.notes);
    if (!length) errors.push_back({"notes", "Notes contain characters that are not valid text"});
    else if (*length > contacts::kMaxNotesCharacters) errors.push_back({"notes", "Notes must be 100,000 characters or fewer"});
    a.notes = in.notes;
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the assessment");
    return a;
}

}  // namespace onecase::risk
