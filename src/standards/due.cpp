#include "standards/due.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "platform/date_arithmetic.hpp"

namespace onecase::standards {

namespace json = boost::json;
using contacts::DueItem;
using platform::Date;

namespace {
constexpr int kSoonDays = 7;

int days_between(Date from, Date to) {
    return int((std::chrono::sys_days(to) - std::chrono::sys_days(from)).count());
}

bool passes(const DueItem& item, Date today, DueFilter f) {
    switch (f) {
        case DueFilter::all: return true;
        case DueFilter::overdue: return item.overdue;
        case DueFilter::next_7_days:
            return !item.overdue && item.due_date <= platform::add_days(today, kSoonDays);
    }
    return true;
}
}  // namespace

std::vector<DueItem> due_for(const SupervisedCase& c, const Judgement& j) {
    if (!c.facts) return {};
    return contacts::due_items(*c.facts, j.today, j.holidays, j.policy);
}

json::object due_item_json(const DueItem& item) {
    return json::object{
        {"kind", contacts::due_kind_code(item.kind)},
        {"dueDate", platform::format_date(item.due_date)},
        {"overdue", item.overdue},
        {"overdueSince", item.overdue_since ? json::value(platform::format_date(*item.overdue_since)) : json::value(nullptr)},
        {"description", item.description}};
}

json::object due_item_view(const DueItem& item, Date today) {
    std::string tag = "Due", tag_class = "govuk-tag--blue";
    const int ahead = days_between(today, item.due_date);
    if (item.overdue) {
        tag = "Overdue";
        tag_class = "govuk-tag--red";
    } else if (ahead == 0) {
        tag = "Due today";
        tag_class = "govuk-tag--orange";
    } else if (ahead <= kSoonDays) {
        tag = "Due soon";
        tag_class = "govuk-tag--yellow";
    }
    json::object o{{"kind", contacts::due_kind_code(item.kind)},
                   {"dueDate", platform::display_date(item.due_date)},
                   {"dueDateIso", platform::format_date(item.due_date)},
                   {"overdue", item.overdue},
                   {"description", item.description},
                   {"tag", tag},
                   {"tagClass", tag_class}};
    if (item.overdue_since) {
        const int days = days_between(*item.overdue_since, today) + 1;
        o["overdueSince"] = platform::display_date(*item.overdue_since);
        o["daysOverdue"] = days;
        o["daysOverdueText"] = std::to_string(days) + (days == 1 ? " day" : " days");
    }
    return o;
}

std::optional<DueFilter> parse_due_filter(std::string_view text) {
    if (text.empty() || text == "all") return DueFilter::all;
    if (text == "overdue") return DueFilter::overdue;
    if (text == "week") return DueFilter::next_7_days;
    return std::nullopt;
}

std::string_view due_filter_code(DueFilter f) {
    switch (f) {
        case DueFilter::all: return "all";
        case DueFilter::overdue: return "overdue";
        case DueFilter::next_7_days: return "week";
    }
    return "all";
}

std::vector<CaseItem> caseload_items(const std::vector<SupervisedCase>& cases, const Judgement& j, DueFilter filter) {
    std::vector<CaseItem> out;
    for (const auto& c : cases)
        for (auto& item : due_for(c, j))
            if (passes(item, j.today, filter)) out.push_back(CaseItem{&c, std::move(item)});
    std::stable_sort(out.begin(), out.end(), [](const CaseItem& a, const CaseItem& b) {
        if (a.item.due_date != b.item.due_date) return a.item.due_date < b.item.due_date;
        if (a.case_->last_name != b.case_->last_name) return a.case_->last_name < b.case_->last_name;
        if (a.case_->first_name != b.case_->first_name) return a.case_->first_name < b.case_->first_name;
        if (a.case_->crn != b.case_->crn) return a.case_->crn < b.case_->crn;
        return a.item.kind < b.item.kind;
    });
    return out;
}

std::optional<int> ComplianceCounts::percent_nothing_overdue() const {
    if (cases == 0) return std::nullopt;
    return 100 * cases_nothing_overdue / cases;
}

void ComplianceCounts::add(const ComplianceCounts& o) {
    cases += o.cases;
    cases_nothing_overdue += o.cases_nothing_overdue;
    items_due += o.items_due;
    items_due_next_7_days += o.items_due_next_7_days;
    items_overdue += o.items_overdue;
}

ComplianceCounts count_compliance(const std::vector<const SupervisedCase*>& cases, const Judgement& j) {
    ComplianceCounts out;
    const Date soon = platform::add_days(j.today, kSoonDays);
    for (const auto* c : cases) {
        ++out.cases;
        bool any_overdue = false;
        for (const auto& item : due_for(*c, j)) {
            if (item.overdue) {
                any_overdue = true;
                ++out.items_overdue;
            } else {
                ++out.items_due;
                if (item.due_date <= soon) ++out.items_due_next_7_days;
            }
        }
        if (!any_overdue) ++out.cases_nothing_overdue;
    }
    return out;
}

json::object compliance_counts_json(const ComplianceCounts& c) {
    const auto pct = c.percent_nothing_overdue();
    return json::object{{"cases", c.cases},
                        {"casesWithNothingOverdue", c.cases_nothing_overdue},
                        {"itemsDue", c.items_due},
                        {"itemsDueNext7Days", c.items_due_next_7_days},
                        {"itemsOverdue", c.items_overdue},
                        {"percentWithNothingOverdue", pct ? json::value(*pct) : json::value(nullptr)}};
}

}  // namespace onecase::standards
