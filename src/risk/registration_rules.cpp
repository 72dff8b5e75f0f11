#include "risk/registration_rules.hpp"

#include <algorithm>

#include "contacts/rules.hpp"
#include "platform/date_arithmetic.hpp"

namespace onecase::risk {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// A date field: empty means today; otherwise a real date not after today.
std::optional<platform::Date> date_or_today(const std::string& text, platform::Date today, const char* field,
                                            const char* what, std::vector<FieldError>& errors) {
    if (text.empty()) return today;
    auto d = platform::parse_date(text);
    if (!d) {
        errors.push_back({field, std::string("Enter ") + what + " as a real date, for example 2026-03-27"});
        return std::nullopt;
    }
    if (std::chrono::sys_days{*d} > std::chrono::sys_days{today}) {
        errors.push_back({field, std::string(what) + " must be today or in the past"});
        return std::nullopt;
    }
    return d;
}

void check_notes(const std::string& notes, std::size_t max, std::vector<FieldError>& errors) {
    auto length = contacts::utf8_length(notes);
    if (!length) errors.push_back({"notes", "Notes contain characters that are not valid text"});
    else if (*length > max) errors.push_back({"notes", "Notes must be " + std::to_string(max) + " characters or fewer"});
}

}  // namespace

Result<NewRegistration> validate_registration(const RegistrationInput& input, const std::vector<RegisterType>& types,
                                              const std::vector<std::string>& active_type_codes, platform::Date today) {
    std::vector<FieldError> errors;
    auto type = std::find_if(types.begin(), types.end(), [&](const RegisterType& t) { return t.code == input.type_code; });
    if (input.type_code.empty()) errors.push_back({"type", "Select the type of registration"});
    else if (type == types.end()) errors.push_back({"type", "Select a registration type from the list"});
    else if (contains(active_type_codes, input.type_code)) {
        errors.push_back({"type", type->description + " is already registered on this case: review it or de-register it"});
    }
    if (type != types.end()) {
        if (!type->levels.empty() && !contains(type->levels, input.level)) {
            errors.push_back({"level", "Select the level of " + type->description});
        } else if (type->levels.empty() && !input.level.empty()) {
            errors.push_back({"level", type->description + " has no levels"});
        }
        if (!type->categories.empty() && !contains(type->categories, input.category)) {
            errors.push_back({"category", "Select the category of " + type->description});
        } else if (type->categories.empty() && !input.category.empty()) {
            errors.push_back({"category", type->description + " has no categories"});
        }
    }
    auto on = date_or_today(input.registered_on, today, "registeredOn", "The registration date", errors);
    check_notes(input.notes, kMaxRegistrationNotes, errors);
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the registration");
    NewRegistration r;
    r.type_code = type->code;
    r.description = type->description;
    if (!input.level.empty()) r.level = input.level;
    if (!input.category.empty()) r.category = input.category;
    r.registered_on = *on;
    r.review_due = platform::add_months(*on, type->review_months);
    r.notes = input.notes;
    return r;
}

Result<Review> validate_review(const ReviewInput& input, const RegisterType& type, platform::Date registered_on,
                               platform::Date today) {
    std::vector<FieldError> errors;
    auto on = date_or_today(input.reviewed_on, today, "reviewedOn", "The review date", errors);
    if (on && std::chrono::sys_days{*on} < std::chrono::sys_days{registered_on}) {
        errors.push_back({"reviewedOn", "The review date cannot be before the registration date"});
        on.reset();
    }
    std::optional<platform::Date> next;
    if (input.next_review_due.empty()) {
        if (on) next = platform::add_months(*on, type.review_months);
    } else if (auto d = platform::parse_date(input.next_review_due)) {
        if (on && std::chrono::sys_days{*d} <= std::chrono::sys_days{*on}) {
            errors.push_back({"nextReviewDue", "The next review must be after this review"});
        } else {
            next = d;
        }
    } else {
        errors.push_back({"nextReviewDue", "Enter the next review date as a real date, for example 2027-03-27"});
    }
    check_notes(input.notes, kMaxRegistrationNotes, errors);
    if (input.notes.find_first_not_of(" \t\r\n") == std::string::npos) {
        errors.push_back({"notes", "Say what the review found"});
    }
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the review");
    return Review{*on, *next, input.notes};
}

Result<Deregistration> validate_deregistration(const DeregistrationInput& input, platform::Date registered_on,
                                               platform::Date today) {
    std::vector<FieldError> errors;
    auto on = date_or_today(input.deregistered_on, today, "deregisteredOn", "The de-registration date", errors);
    if (on && std::chrono::sys_days{*on} < std::chrono::sys_days{registered_on}) {
        errors.push_back({"deregisteredOn", "The de-registration date cannot be before the registration date"});
    }
    if (input.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        errors.push_back({"reason", "Give the reason for de-registering"});
    }
    check_notes(input.reason, kMaxRegistrationNotes, errors);
    for (auto& e : errors) {
        if (e.field == "notes") e.field = "reason";
    }
    if (!errors.empty()) return Problem::invalid(std::move(errors), "Check the de-registration");
    return Deregistration{*on, input.reason};
}

}  // namespace onecase::risk
