#pragma once
// What is due on cases, as lists and counts for the pages and the API. Pure: the
// cases' facts, `today`, the bank holidays and the policy in force come in; nothing
// here reads storage or the clock.
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contacts/national_standards.hpp"
#include "standards/case_facts_store.hpp"

namespace onecase::standards {

struct Judgement {
    platform::Date today;
    const platform::BankHolidays& holidays;
    const contacts::NationalStandardsPolicy& policy;
};

// The case's items soonest first; none when it has no active order.
std::vector<contacts::DueItem> due_for(const SupervisedCase& c, const Judgement& j);

// {"kind","dueDate","overdue","overdueSince","description"} with ISO dates.
boost::json::object due_item_json(const contacts::DueItem& item);
// The same for a page: display dates, a GOV.UK tag ("Overdue" red, "Due today"
// orange, "Due soon" yellow within 7 days, "Due" blue) and days overdue.
boost::json::object due_item_view(const contacts::DueItem& item, platform::Date today);

// Which items a caseload list shows: all; only overdue; due from today to 7 days on.
enum class DueFilter { all, overdue, next_7_days };
// "", "all" -> all; "overdue"; "week" -> next_7_days; nullopt for anything else.
std::optional<DueFilter> parse_due_filter(std::string_view text);
std::string_view due_filter_code(DueFilter f);

struct CaseItem {
    const SupervisedCase* case_;
    contacts::DueItem item;
};

// Every item on `cases` that passes `filter`, soonest first: the longest overdue at
// the top, then what falls due next. Ties by name and CRN, then kind.
std::vector<CaseItem> caseload_items(const std::vector<SupervisedCase>& cases, const Judgement& j, DueFilter filter);

// One line of team compliance. `percent_nothing_overdue` is rounded down, so 100 means
// truly nothing overdue; nullopt when the practitioner holds no cases.
struct ComplianceCounts {
    int cases = 0;
    int cases_nothing_overdue = 0;
    int items_due = 0;             // outstanding, not yet overdue
    int items_due_next_7_days = 0;  // of those, due by today + 7
    int items_overdue = 0;
    std::optional<int> percent_nothing_overdue() const;
    void add(const ComplianceCounts& other);
};

// Counts for a set of cases.
ComplianceCounts count_compliance(const std::vector<const SupervisedCase*>& cases, const Judgement& j);

boost::json::object compliance_counts_json(const ComplianceCounts& c);

}  // namespace onecase::standards
