#include "contacts/rules.hpp"

#include <charconv>

namespace onecase::contacts {

const std::vector<ContactType>& contact_types() {
    static const std::vector<ContactType> kTypes = {
        {"phone", "Phone call"},   {"office_visit", "Office visit"}, {"home_visit", "Home visit"},
        {"video", "Video call"},   {"email", "Email"},               {"letter", "Letter"},
        {"text", "Text message"},  {"other", "Other"},
        // National standards read these (docs/national-standards.md): the assessment
        // that starts the sentence plan, and each review of the plan.
        {"initial_assessment", "Initial assessment completed"},
        {"sentence_plan_review", "Sentence plan review"},
    };
    return kTypes;
}

std::optional<std::string> contact_type_label(const std::string& code) {
    for (const auto& t : contact_types()) {
        if (t.code == code) return t.label;
    }
    return std::nullopt;
}

std::optional<std::size_t> utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            len = 1;
            cp = c;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return std::nullopt;
        }
        if (i + len > text.size()) return std::nullopt;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) return std::nullopt;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and out-of-range code points are not UTF-8.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return std::nullopt;
        }
        i += len;
        ++count;
    }
    return count;
}

Result<NewContact> validate_new_contact(const ContactInput& input, platform::Instant now) {
    std::vector<FieldError> errors;
    NewContact out;

    if (input.type.empty()) {
        errors.push_back({"type", "Select the type of contact"});
    } else if (!contact_type_label(input.type)) {
        errors.push_back({"type", "Select a contact type from the list"});
    }
    out.type = input.type;

    const auto length = utf8_length(input.notes);
    bool blank = true;
    for (char c : input.notes) {
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            blank = false;
            break;
        }
    }
    if (!length) {
        errors.push_back({"notes", "Notes contain characters that are not valid text"});
    } else if (blank) {
        errors.push_back({"notes", "Enter notes about the contact"});
    } else if (*length > kMaxNotesCharacters) {
        errors.push_back({"notes", "Notes must be 100,000 characters or fewer (these are " +
                                       std::to_string(*length) + ")"});
    }
    out.notes = input.notes;
    out.sensitive = input.sensitive;

    std::optional<platform::Instant> when;
    if (input.when && !input.when->empty()) {
        when = input.when->ends_with("Z") ? platform::parse_instant(*input.when)
                                          : platform::parse_london_local(*input.when);
        if (!when) errors.push_back({"date", "Enter the date and time as 2026-11-22T14:30"});
    } else if ((input.date && !input.date->empty()) || (input.time && !input.time->empty())) {
        const std::string date = input.date.value_or("");
        std::string time = input.time.value_or("");
        const bool date_ok = platform::parse_date(date).has_value();
        if (time.empty()) time = "12:00";
        if (time.size() == 4 && time[1] == ':') time = "0" + time;
        const bool time_ok = platform::parse_london_local("2000-01-01T" + time).has_value();
        if (!date_ok) errors.push_back({"date", "Enter a real date, for example 2026-11-22"});
        if (!time_ok) errors.push_back({"time", "Enter a real time, for example 14:30"});
        if (date_ok && time_ok) when = platform::parse_london_local(date + "T" + time);
    } else {
        when = now;
    }
    // A minute's grace for clocks that disagree; a contact cannot happen later.
    if (when && *when > now + std::chrono::minutes(1)) {
        errors.push_back({"date", "The contact date and time must be now or in the past"});
    }
    if (!input.requirement_id.empty()) {
        std::int64_t id = 0;
        const auto& text = input.requirement_id;
        auto r = std::from_chars(text.data(), text.data() + text.size(), id);
        if (r.ec != std::errc{} || r.ptr != text.data() + text.size() || id < 1) {
            errors.push_back({"requirementId", "Select a requirement from the list"});
        } else {
            out.requirement_id = id;
        }
    }
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the contact details");
    out.contact_at = platform::format_instant(*when);
    return out;
}

}  // namespace onecase::contacts
