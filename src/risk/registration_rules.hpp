#pragma once
// Registrations (flags): what may be registered, reviewed and de-registered. Pure:
// the caller passes the register types, what is already registered and today.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/clock.hpp"
#include "platform/result.hpp"

namespace onecase::risk {

struct RegisterType {
    std::string code;          // "DOMESTIC_ABUSE"
    std::string description;   // "Domestic abuse perpetrator"
    std::vector<std::string> levels;      // "Low", "Medium", ...; empty when it has none
    std::vector<std::string> categories;  // MAPPA categories; empty when it has none
    int review_months = 6;
    bool high_signal = false;
    std::optional<std::string> tier_factor;  // rosh, mappa, iom or a complexity factor code
};

// What a practitioner enters to register a flag.
struct RegistrationInput {
    std::string type_code;
    std::string level;
    std::string category;
    std::string registered_on;  // YYYY-MM-DD; empty means today
    std::string notes;
};

struct NewRegistration {
    std::string type_code;
    std::string description;
    std::optional<std::string> level;
    std::optional<std::string> category;
    platform::Date registered_on;
    platform::Date review_due;
    std::string notes;
};

inline constexpr std::size_t kMaxRegistrationNotes = 20'000;

// Checks the type (known and in use), level and category (one of the type's, required
// when it has them), the date (a real date, not in the future) and that the type is
// not already registered and live on the case (review or de-register that instead).
// The review date is the registration date plus the type's review period.
Result<NewRegistration> validate_registration(const RegistrationInput& input, const std::vector<RegisterType>& types,
                                              const std::vector<std::string>& active_type_codes, platform::Date today);

struct ReviewInput {
    std::string reviewed_on;      // empty means today
    std::string next_review_due;  // empty means reviewed_on + the type's review period
    std::string notes;
};

struct Review {
    platform::Date reviewed_on;
    platform::Date next_review_due;
    std::string notes;
};

Result<Review> validate_review(const ReviewInput& input, const RegisterType& type, platform::Date registered_on,
                               platform::Date today);

struct DeregistrationInput {
    std::string deregistered_on;  // empty means today
    std::string reason;
};

struct Deregistration {
    platform::Date deregistered_on;
    std::string reason;
};

Result<Deregistration> validate_deregistration(const DeregistrationInput& input, platform::Date registered_on,
                                               platform::Date today);

}  // namespace onecase::risk
