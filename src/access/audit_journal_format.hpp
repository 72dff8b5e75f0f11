#pragma once
// The text of the view-audit journal (access/audit_journal.hpp): one audit row per
// line, as a JSON object, each line ending in '\n'. Pure, so the torn-tail and
// bad-line rules test without a file.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "access/audit.hpp"

namespace onecase::access {

std::string encode_journal_line(const AuditRecord& row);

struct DecodedJournal {
    std::vector<AuditRecord> rows;
    // A last line without its '\n': a write the crash cut short, never acknowledged.
    std::size_t torn_tail_bytes = 0;
    // Whole lines that are not a journal row. Nothing we write makes one; they are
    // counted and skipped so that one damaged line cannot hold back the rest.
    int unreadable_lines = 0;
};

DecodedJournal decode_journal(std::string_view text);

}  // namespace onecase::access
