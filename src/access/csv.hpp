#pragma once
// CSV (RFC 4180) for exports people open in spreadsheets. Pure.
#include <string>
#include <string_view>
#include <vector>

namespace onecase::access {

// One field: quoted when it holds a comma, quote, CR or LF (quotes doubled); and a
// field starting with = + - @ (or a tab or CR, which some spreadsheets skip before
// them) gets a leading single quote, so a spreadsheet shows it as text instead of
// running it as a formula (OWASP "CSV injection").
std::string csv_field(std::string_view value);

// One record: fields joined by commas, ending in CRLF.
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace onecase::access
