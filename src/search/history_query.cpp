#include "search/history_query.hpp"

#include <algorithm>
#include <cctype>

#include "platform/clock.hpp"

namespace onecase::search {
namespace {

bool word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (word_byte(c)) {
            cur += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

}  // namespace

HistoryQuery parse_history_query(std::string_view text) {
    HistoryQuery q;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto quote = text.find('"', i);
        const auto plain = text.substr(i, quote == std::string_view::npos ? std::string_view::npos : quote - i);
        for (auto& w : words_of(plain)) q.terms.push_back(std::move(w));
        if (quote == std::string_view::npos) break;
        const auto close = text.find('"', quote + 1);
        const auto phrase = text.substr(quote + 1, close == std::string_view::npos ? std::string_view::npos : close - quote - 1);
        if (auto words = words_of(phrase); !words.empty()) q.terms.push_back(join(words));
        if (close == std::string_view::npos) break;
        i = close + 1;
    }
    return q;
}

std::string fts5_history_expression(const HistoryQuery& q, std::string_view text_column) {
    // Terms hold only letters, digits, UTF-8 and single spaces: quoting them is enough.
    std::string expr;
    for (const auto& t : q.terms) expr += (expr.empty() ? "" : " AND ") + std::string(text_column) + " : \"" + t + "\"";
    return expr;
}

HistoryKeyRange history_key_range(std::int64_t person_id) {
    const std::int64_t base = person_id << 32;
    return {base + 1, base + 0xFFFFFFFF};
}

std::string websearch_text(const HistoryQuery& q) {
    std::string out;
    for (const auto& t : q.terms) {
        if (!out.empty()) out += ' ';
        // "or" alone is websearch_to_tsquery's OR operator; as a typed word it is a stop word anyway.
        out += t.find(' ') != std::string::npos ? "\"" + t + "\"" : (t == "or" ? std::string() : t);
    }
    return out;
}

std::string websearch_words_text(const HistoryQuery& q) {
    std::string out;
    for (const auto& t : q.terms) {
        std::size_t start = 0;
        while (start <= t.size()) {
            const auto end = std::min(t.find(' ', start), t.size());
            const std::string word = t.substr(start, end - start);
            if (!word.empty() && word != "or") out += (out.empty() ? "" : " ") + word;
            start = end + 1;
        }
    }
    return out;
}

bool has_phrase(const HistoryQuery& q) {
    for (const auto& t : q.terms) {
        if (t.find(' ') != std::string::npos) return true;
    }
    return false;
}

std::string highlight_html(std::string_view marked) {
    std::string out;
    bool open = false;
    for (char ch : marked) {
        switch (ch) {
            case kMarkStart:
                if (!open) out += "<mark>";
                open = true;
                break;
            case kMarkEnd:
                if (open) out += "</mark>";
                open = false;
                break;
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if (static_cast<unsigned char>(ch) < 0x20 && ch != '\n' && ch != '\t') break;
                out += ch;
        }
    }
    if (open) out += "</mark>";
    return out;
}

std::string strip_marks(std::string_view marked) {
    std::string out;
    for (char ch : marked) {
        if (ch != kMarkStart && ch != kMarkEnd) out += ch;
    }
    return out;
}

std::vector<FilterError> parse_history_filter(std::string_view type, std::string_view from, std::string_view to,
                                              HistoryFilter& out) {
    std::vector<FilterError> errors;
    out = HistoryFilter{};
    for (char c : type) {
        if (!(std::islower(static_cast<unsigned char>(c)) || c == '_' || std::isdigit(static_cast<unsigned char>(c))) ||
            type.size() > 64) {
            errors.push_back({"type", "Choose a type from the list"});
            break;
        }
    }
    if (errors.empty()) out.type = std::string(type);
    std::optional<platform::Date> f, t;
    if (!from.empty()) {
        f = platform::parse_date(from);
        if (!f) errors.push_back({"from", "Enter the from date as a real date, for example 2026-01-31"});
        else out.from = std::string(from);
    }
    if (!to.empty()) {
        t = platform::parse_date(to);
        if (!t) {
            errors.push_back({"to", "Enter the to date as a real date, for example 2026-03-31"});
        } else {
            out.to = std::string(to);
            out.to_after = platform::format_date(platform::Date{std::chrono::sys_days{*t} + std::chrono::days{1}});
        }
    }
    if (f && t && *t < *f) errors.push_back({"to", "The to date must be the same as or after the from date"});
    return errors;
}

}  // namespace onecase::search
