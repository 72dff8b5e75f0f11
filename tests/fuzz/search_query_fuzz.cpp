// Fuzzes what people type into the search boxes: the people search (identifiers,
// dates of birth, name words) and a case's history search (words, phrases, filters,
// the excerpts made for PostgreSQL's hits, and the HTML made from marked-up excerpts).
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "fuzz_check.hpp"
#include "platform/clock.hpp"
#include "platform/identifiers.hpp"
#include "search/excerpt.hpp"
#include "search/history_query.hpp"
#include "search/people_query.hpp"

using namespace onecase;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const auto q = search::parse_people_query(text, 2026);
    if (q.crn) FUZZ_CHECK(platform::is_valid_crn(*q.crn));
    if (q.date_of_birth) FUZZ_CHECK(platform::parse_date(*q.date_of_birth).has_value());
    if (q.pnc) FUZZ_CHECK(search::loose_pnc(*q.pnc) == q.pnc);  // canonical form is a fixed point
    for (const auto& w : q.words) FUZZ_CHECK(!w.empty());
    if (auto pnc = search::loose_pnc(text)) FUZZ_CHECK(search::loose_pnc(*pnc) == pnc);

    const auto h = search::parse_history_query(text);
    for (const auto& term : h.terms) FUZZ_CHECK(!term.empty());
    (void)search::fts5_history_expression(h, "notes");
    (void)search::websearch_text(h);

    // The only markup highlight_html lets through is <mark> and </mark>.
    std::string html = search::highlight_html(text);
    for (const char* tag : {"<mark>", "</mark>"}) {
        for (auto pos = html.find(tag); pos != std::string::npos; pos = html.find(tag)) html.erase(pos, std::string(tag).size());
    }
    FUZZ_CHECK(html.find('<') == std::string::npos);
    FUZZ_CHECK(html.find('>') == std::string::npos);
    FUZZ_CHECK(html.find('"') == std::string::npos);
    (void)search::strip_marks(text);

    // An excerpt's markers come in pairs, around whole words, never nested.
    const auto lexemes = search::wanted_lexemes(text);
    const auto excerpt = search::marked_excerpt(text, lexemes, 1 + size % 30);
    bool open = false;
    for (const char c : excerpt) {
        if (c == search::kMarkStart) FUZZ_CHECK(!std::exchange(open, true));
        if (c == search::kMarkEnd) FUZZ_CHECK(std::exchange(open, false));
    }
    FUZZ_CHECK(!open);

    const auto third = text.size() / 3;
    search::HistoryFilter filter;
    const auto errors = search::parse_history_filter(text.substr(0, third), text.substr(third, third),
                                                     text.substr(2 * third), filter);
    if (errors.empty() && !filter.from.empty()) FUZZ_CHECK(platform::parse_date(filter.from).has_value());
    if (errors.empty() && !filter.to.empty()) FUZZ_CHECK(platform::parse_date(filter.to).has_value());
    return 0;
}
