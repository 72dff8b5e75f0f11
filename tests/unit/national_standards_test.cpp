#include <gtest/gtest.h>

#include "contacts/national_standards.hpp"

using namespace onecase;
using namespace onecase::contacts;
using platform::Date;

namespace {

Date d(const char* iso) { return *platform::parse_date(iso); }
std::optional<Date> od(const char* iso) { return iso ? std::optional<Date>(d(iso)) : std::nullopt; }

const platform::BankHolidays& holidays() {
    static const auto list = platform::england_and_wales_bank_holidays();
    return list;
}

CaseFacts community_order(const char* sentenced, const char* tier = "C2") {
    CaseFacts f;
    f.order_type = OrderType::community_order;
    f.start_date = d(sentenced);
    f.tiers = {{d(sentenced), tier}};
    return f;
}

CaseFacts licence(const char* released, const char* tier = "B2") {
    CaseFacts f = community_order(released, tier);
    f.order_type = OrderType::licence;
    return f;
}

std::optional<DueItem> find(const std::vector<DueItem>& items, DueKind kind) {
    for (const auto& i : items)
        if (i.kind == kind) return i;
    return std::nullopt;
}

std::optional<DueItem> due(const CaseFacts& f, const char* today, DueKind kind, const NationalStandardsPolicy& p = {}) {
    return find(due_items(f, d(today), holidays(), p), kind);
}

// One row: a situation, the item expected (or none), its due date and overdue-since.
struct Row {
    const char* situation;
    CaseFacts facts;
    const char* today;
    const char* due_date;       // nullptr: no item of this kind
    const char* overdue_since;  // nullptr: not overdue
    const char* description_has = "";
};

void check(DueKind kind, const std::vector<Row>& rows, const NationalStandardsPolicy& p = {}) {
    for (const auto& row : rows) {
        auto got = due(row.facts, row.today, kind, p);
        if (!row.due_date) {
            EXPECT_FALSE(got) << row.situation << ": unexpected item due " << platform::format_date(got->due_date)
                              << " (" << got->description << ")";
            continue;
        }
        ASSERT_TRUE(got) << row.situation << ": no " << due_kind_code(kind) << " item";
        EXPECT_EQ(platform::format_date(got->due_date), row.due_date) << row.situation << " (" << got->description << ")";
        EXPECT_EQ(got->overdue, row.overdue_since != nullptr) << row.situation;
        EXPECT_EQ(got->overdue_since, od(row.overdue_since)) << row.situation;
        EXPECT_NE(got->description.find(row.description_has), std::string::npos)
            << row.situation << "\n  description: " << got->description << "\n  wanted: " << row.description_has;
    }
}

template <typename F>
CaseFacts with(CaseFacts f, F change) {
    change(f);
    return f;
}

}  // namespace

TEST(NationalStandards, FirstAppointmentIsDueWithinFiveWorkingDaysOfSentenceOrRelease) {
    check(DueKind::first_appointment, {
        {"sentenced on a Monday", community_order("2026-03-02"), "2026-03-02", "2026-03-09", nullptr,
         "First appointment within 5 working days of sentence on 2 Mar 2026"},
        {"due today is not overdue", community_order("2026-03-02"), "2026-03-09", "2026-03-09", nullptr},
        {"the day after it was due", community_order("2026-03-02"), "2026-03-10", "2026-03-09", "2026-03-10"},
        {"sentenced before Easter skips Good Friday and Easter Monday", community_order("2026-04-02"), "2026-04-02",
         "2026-04-13", nullptr},
        {"released the Friday before Christmas", licence("2025-12-19"), "2025-12-22", "2025-12-30", nullptr,
         "of release on 19 Dec 2025"},
        {"released Christmas Eve 2026: Boxing Day substitute and New Year skipped", licence("2026-12-24"),
         "2026-12-24", "2027-01-05", nullptr},
        {"seen at court on the day of sentence", with(community_order("2026-03-02"),
                                                      [](auto& f) { f.face_to_face_contacts = {d("2026-03-02")}; }),
         "2026-03-03", nullptr, nullptr},
        {"a home visit is face to face", with(community_order("2026-03-02"),
                                              [](auto& f) { f.home_visits = {d("2026-03-05")}; }),
         "2026-03-06", nullptr, nullptr},
        {"a contact on an earlier order does not count", with(community_order("2026-03-02"),
                                                              [](auto& f) { f.face_to_face_contacts = {d("2026-02-20")}; }),
         "2026-03-03", "2026-03-09", nullptr},
        {"recorded late: the late contact meets it from its date",
         with(community_order("2026-03-02"), [](auto& f) { f.face_to_face_contacts = {d("2026-03-12")}; }),
         "2026-03-20", nullptr, nullptr},
    });
}

TEST(NationalStandards, InitialAssessmentIsDueWithinFifteenWorkingDays) {
    check(DueKind::initial_assessment, {
        {"sentenced Monday 2 March", community_order("2026-03-02"), "2026-03-02", "2026-03-23", nullptr,
         "Initial assessment within 15 working days of sentence on 2 Mar 2026"},
        {"across Easter", community_order("2026-03-20"), "2026-03-20", "2026-04-14", nullptr},
        {"overdue", community_order("2026-03-02"), "2026-03-30", "2026-03-23", "2026-03-24"},
        {"completed, even late", with(community_order("2026-03-02"), [](auto& f) { f.assessment_completed = d("2026-03-27"); }),
         "2026-03-30", nullptr, nullptr},
        {"a completion dated tomorrow is not yet done",
         with(community_order("2026-03-02"), [](auto& f) { f.assessment_completed = d("2026-03-31"); }), "2026-03-30",
         "2026-03-23", "2026-03-24"},
    });
}

TEST(NationalStandards, EveryCaseIsSeenFaceToFaceAtLeastEveryFourWeeks) {
    auto seen = [](const char* sentenced, std::vector<const char*> dates, const char* tier = "C2") {
        auto f = community_order(sentenced, tier);
        for (auto x : dates) f.face_to_face_contacts.push_back(d(x));
        return f;
    };
    check(DueKind::face_to_face_contact, {
        {"seen on 2 March", seen("2026-02-02", {"2026-03-02"}), "2026-03-10", "2026-03-30", nullptr,
         "Face-to-face contact at least every 4 weeks; last seen 2 Mar 2026"},
        {"due today is not overdue", seen("2026-02-02", {"2026-03-02"}), "2026-03-30", "2026-03-30", nullptr},
        {"a day late", seen("2026-02-02", {"2026-03-02"}), "2026-03-31", "2026-03-30", "2026-03-31"},
        {"the latest contact counts, in any order", seen("2026-02-02", {"2026-03-02", "2026-02-03", "2026-03-16"}),
         "2026-03-20", "2026-04-13", nullptr},
        {"recorded late: satisfies from its own date", seen("2026-02-02", {"2026-02-03", "2026-03-20"}), "2026-03-25",
         "2026-04-17", nullptr},
        {"a contact dated after today is ignored", seen("2026-02-02", {"2026-02-03", "2026-03-26"}), "2026-03-25",
         "2026-03-03", "2026-03-04"},
        {"tier A on a community order is still four-weekly here", seen("2026-02-02", {"2026-03-02"}, "A1"),
         "2026-03-03", "2026-03-30", nullptr},
        {"no contact yet: the first appointment is listed instead", seen("2026-03-02", {}), "2026-03-03", nullptr, nullptr},
    });
}

TEST(NationalStandards, TiersAAndBAreSeenWeeklyInTheFirstTwelveWeeksAfterRelease) {
    auto released = [](const char* tier, std::vector<const char*> dates) {
        auto f = licence("2026-03-02", tier);
        for (auto x : dates) f.face_to_face_contacts.push_back(d(x));
        return f;
    };
    check(DueKind::face_to_face_contact, {
        {"tier B2 seen the day after release", released("B2", {"2026-03-03"}), "2026-03-04", "2026-03-10", nullptr,
         "weekly in the first 12 weeks after release (tier B2)"},
        {"tier A3 overdue", released("A3", {"2026-03-03"}), "2026-03-12", "2026-03-10", "2026-03-11"},
        {"tier C1 is four-weekly", released("C1", {"2026-03-03"}), "2026-03-04", "2026-03-31", nullptr},
        {"tier not yet calculated is four-weekly", released("", {"2026-03-03"}), "2026-03-04", "2026-03-31", nullptr},
        {"week 11: still weekly", released("B1", {"2026-05-15"}), "2026-05-16", "2026-05-22", nullptr},
        {"seen in week 12: next is four weeks on", released("B1", {"2026-05-18"}), "2026-05-19", "2026-06-15", nullptr,
         "at least every 4 weeks"},
        {"PSS is a release too", with(released("A1", {"2026-03-03"}), [](auto& f) { f.order_type = OrderType::pss; }),
         "2026-03-04", "2026-03-10", nullptr},
    });
}

TEST(NationalStandards, ATierChangeChangesHowOftenFromTheDayItChanges) {
    auto up = licence("2026-03-02", "C1");
    up.tiers.push_back({d("2026-03-16"), "B3"});
    up.face_to_face_contacts = {d("2026-03-04")};
    auto down = licence("2026-03-02", "B2");
    down.tiers.push_back({d("2026-03-09"), "C2"});
    down.face_to_face_contacts = {d("2026-03-05")};
    check(DueKind::face_to_face_contact, {
        {"before the rise to B3", up, "2026-03-10", "2026-04-01", nullptr},
        {"raised to B3 on 16 March: weekly from that day", up, "2026-03-17", "2026-03-23", nullptr, "(tier B3)"},
        {"while B2", down, "2026-03-06", "2026-03-12", nullptr, "(tier B2)"},
        {"lowered to C2 on 9 March: back to four-weekly", down, "2026-03-10", "2026-04-02", nullptr,
         "at least every 4 weeks"},
    });
}

TEST(NationalStandards, DomesticAbuseAndChildConcernFlagsNeedHomeVisits) {
    auto flagged = [](const char* code, const char* on, std::optional<const char*> off = std::nullopt) {
        auto f = community_order("2026-01-05");
        f.face_to_face_contacts = {d("2026-01-06")};
        f.flags.push_back({code, code == std::string("DOMESTIC_ABUSE") ? "Domestic abuse perpetrator" : "Child concerns",
                           d(on), off ? std::optional<Date>(d(*off)) : std::nullopt});
        return f;
    };
    auto visited = [](CaseFacts f, std::vector<const char*> dates) {
        for (auto x : dates) f.home_visits.push_back(d(x));
        return f;
    };
    auto both = flagged("DOMESTIC_ABUSE", "2026-01-05");
    both.home_visits = {d("2026-01-12")};
    both.flags.push_back({"CHILD_CONCERNS", "Child concerns", d("2026-03-06"), std::nullopt});
    check(DueKind::home_visit, {
        {"domestic abuse flag on Friday 6 March", flagged("DOMESTIC_ABUSE", "2026-03-06"), "2026-03-10", "2026-03-20",
         nullptr, "Home visit within 10 working days of the Domestic abuse perpetrator flag registered on 6 Mar 2026"},
        {"child concerns across Easter", flagged("CHILD_CONCERNS", "2026-04-02"), "2026-04-02", "2026-04-20", nullptr},
        {"child protection counts as a child concern", flagged("CHILD_PROTECTION", "2026-03-06"), "2026-03-06",
         "2026-03-20", nullptr},
        {"overdue", flagged("DOMESTIC_ABUSE", "2026-03-06"), "2026-03-25", "2026-03-20", "2026-03-21"},
        {"visited: next in three months", visited(flagged("DOMESTIC_ABUSE", "2026-03-06"), {"2026-03-18"}),
         "2026-03-19", "2026-06-18", nullptr, "Home visit every 3 months while the Domestic abuse perpetrator flag stands"},
        {"visited on 30 November: next by the end of February",
         visited(flagged("DOMESTIC_ABUSE", "2026-03-06"), {"2026-03-18", "2026-11-30"}), "2026-12-01", "2027-02-28",
         nullptr},
        {"a visit before the flag does not count", visited(flagged("DOMESTIC_ABUSE", "2026-03-06"), {"2026-03-02"}),
         "2026-03-10", "2026-03-20", nullptr},
        {"flag removed: nothing due, even though it was overdue",
         flagged("DOMESTIC_ABUSE", "2026-03-06", "2026-03-23"), "2026-03-25", nullptr, nullptr},
        {"flag removal dated tomorrow: still stands today", flagged("DOMESTIC_ABUSE", "2026-03-06", "2026-03-26"),
         "2026-03-25", "2026-03-20", "2026-03-21"},
        {"other flags need no home visit", flagged("WEAPONS", "2026-03-06"), "2026-03-10", nullptr, nullptr},
        {"a new child concern flag needs its own visit", both, "2026-03-09", "2026-03-20", nullptr, "Child concerns flag"},
    });
}

TEST(NationalStandards, TheSentencePlanIsReviewedEverySixMonths) {
    auto assessed = with(community_order("2026-03-02"), [](auto& f) { f.assessment_completed = d("2026-03-10"); });
    check(DueKind::sentence_plan_review, {
        {"not yet assessed: nothing to review", community_order("2026-03-02"), "2026-03-03", nullptr, nullptr},
        {"six months after the assessment", assessed, "2026-03-11", "2026-09-10", nullptr,
         "after the assessment on 10 Mar 2026"},
        {"reviewed 31 August: next by the end of February",
         with(assessed, [](auto& f) { f.last_sentence_plan_review = d("2026-08-31"); }), "2026-09-01", "2027-02-28",
         nullptr, "last reviewed 31 Aug 2026"},
        {"overdue", assessed, "2026-09-14", "2026-09-10", "2026-09-11"},
    });
}

TEST(NationalStandards, ACaseListsWhatIsDueSoonestFirst) {
    auto f = licence("2026-03-02", "B2");
    f.flags.push_back({"DOMESTIC_ABUSE", "Domestic abuse perpetrator", d("2026-03-02"), std::nullopt});
    auto items = due_items(f, d("2026-03-03"), holidays());
    std::vector<std::string> kinds;
    for (const auto& i : items) kinds.emplace_back(due_kind_code(i.kind));
    EXPECT_EQ(kinds, (std::vector<std::string>{"first_appointment", "home_visit", "initial_assessment"}));
    for (std::size_t i = 1; i < items.size(); ++i) EXPECT_LE(items[i - 1].due_date, items[i].due_date);
}

TEST(NationalStandards, ARegistrationReviewIsDueOnItsDateAndOverdueTheDayAfter) {
    auto f = community_order("2026-03-02");
    f.registration_reviews.push_back({"Risk of serious harm (High)", d("2026-09-02")});
    auto find = [](const std::vector<DueItem>& items) {
        for (const auto& i : items)
            if (i.kind == DueKind::registration_review) return std::optional(i);
        return std::optional<DueItem>{};
    };
    auto on_the_day = find(due_items(f, d("2026-09-02"), holidays()));
    ASSERT_TRUE(on_the_day);
    EXPECT_FALSE(on_the_day->overdue);
    EXPECT_EQ(on_the_day->description, "Review of the Risk of serious harm (High) registration");
    auto after = find(due_items(f, d("2026-09-03"), holidays()));
    ASSERT_TRUE(after);
    EXPECT_TRUE(after->overdue);
    EXPECT_EQ(after->overdue_since, d("2026-09-03"));
}

TEST(NationalStandards, NothingIsDueInCustodyBeforeRelease) {
    auto f = community_order("2026-03-02");
    f.order_type = OrderType::custody;
    EXPECT_TRUE(due_items(f, d("2026-06-01"), holidays()).empty());
}

TEST(NationalStandards, ThePolicyIsVersionedData) {
    NationalStandardsPolicy v1;
    NationalStandardsPolicy v2;
    v2.version = 2;
    v2.effective_from = d("2026-04-01");
    v2.first_appointment_working_days = 3;
    std::vector<NationalStandardsPolicy> versions{v1, v2};
    EXPECT_EQ(policy_in_force(versions, d("2026-03-31"))->version, 1);
    EXPECT_EQ(policy_in_force(versions, d("2026-04-01"))->version, 2);
    EXPECT_EQ(policy_in_force({v2}, d("2026-03-31")), nullptr);
    check(DueKind::first_appointment, {
        {"three working days under version 2, across Easter", community_order("2026-04-01"), "2026-04-01", "2026-04-08", nullptr,
         "within 3 working days"},
    },
          *policy_in_force(versions, d("2026-04-01")));
}
