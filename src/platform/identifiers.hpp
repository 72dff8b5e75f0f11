#pragma once
// The identifiers of the service: CRN (case reference number), PNC ID (police) and
// NOMS / prison number. Pure functions.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace onecase::platform {

// CRN: one upper-case letter and six digits, e.g. X123456.
bool is_valid_crn(std::string_view crn);

// Builds the CRN for `letter` and a serial 0..999999 (zero-padded).
std::string make_crn(char letter, std::uint32_t serial);

// PNC ID check letter for a two-digit year and a serial (the "ZABCDEFGHJKLMNPQRTUVWXY"
// modulus-23 rule used by the Police National Computer).
char pnc_check_letter(int two_digit_year, std::uint32_t serial);

// Normalises a PNC ID typed in any common form ("2012/0052494X", "12/52494X",
// "201200524 94X" is not accepted) to the canonical YYYY/NNNNNNNA: four-digit year,
// seven-digit zero-padded serial, upper-case check letter. Empty when it is not a
// PNC ID or the check letter is wrong.
std::optional<std::string> normalise_pnc(std::string_view text);

// NOMS / prison number: letter, four digits, two letters (A1234BC). Upper-cases.
std::optional<std::string> normalise_noms(std::string_view text);

// A record id from a path or form: a whole number from 1, nothing else.
std::optional<std::int64_t> parse_record_id(std::string_view text);

}  // namespace onecase::platform
