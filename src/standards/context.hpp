#pragma once
// What every national-standards read needs besides the cases: the bank holidays and
// the policy version in force today.
#include <vector>

#include "db/database.hpp"
#include "standards/due.hpp"
#include "standards/policy_store.hpp"

namespace onecase::standards {

// The shipped England and Wales list, parsed once on first use and never changed
// (constant reference data, like the contact type list).
const platform::BankHolidays& shipped_bank_holidays();

// The versions and the one in force on `today`, loaded in the caller's transaction.
struct PolicyContext {
    std::vector<StoredPolicyVersion> versions;
    std::vector<contacts::NationalStandardsPolicy> policies;
    const contacts::NationalStandardsPolicy* in_force = nullptr;  // never null: version 1 applies from 1900
    platform::Date today;

    Judgement judgement() const { return Judgement{today, shipped_bank_holidays(), *in_force}; }
};

PolicyContext load_policy_context(db::Connection& conn, platform::Instant now);

}  // namespace onecase::standards
