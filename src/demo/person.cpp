#include "demo/person.hpp"

#include <algorithm>
#include <array>

#include "demo/identity.hpp"
#include "demo/notes.hpp"
#include "demo/vocabulary.hpp"
#include "platform/clock.hpp"
#include "platform/identifiers.hpp"

namespace onecase::demo {

namespace {

using namespace std::chrono;

constexpr std::uint64_t kPersonStream = 2;

std::string date_text(sys_days d) { return platform::format_date(year_month_day{d}); }

// Moves a weekend day to the nearest working day, since probation offices work weekdays.
sys_days weekday(sys_days d) {
    const auto wd = year_month_weekday{d}.weekday();
    if (wd == Saturday) return d - days(1);
    if (wd == Sunday) return d + days(1);
    return d;
}

// A UK office-hours instant on day `d`: local time from `from_minute` to `to_minute`
// after midnight in `step`-minute steps, stored as UTC.
std::string office_time(Random& rng, sys_days d, int from_minute, int to_minute, int step) {
    const int slots = (to_minute - from_minute) / step;
    const int minute = from_minute + step * int(rng.between(0, slots));
    const local_seconds local{local_days{d.time_since_epoch()} + minutes(minute)};
    return platform::format_instant(platform::london_local_to_utc(local));
}

struct Disposal {
    const char* code;
    int weight_current;
    int weight_past;
};
constexpr Disposal kDisposals[] = {
    {"community_order", 38, 45}, {"suspended_sentence_order", 20, 22}, {"licence", 30, 22},
    {"pss", 5, 7},               {"custody", 7, 4}};

std::int64_t length_for(Random& rng, std::string_view disposal) {
    static constexpr int kCommunity[] = {6, 9, 12, 12, 12, 18, 18, 24, 24, 36};
    static constexpr int kSuspended[] = {6, 12, 12, 18, 24, 24};
    static constexpr int kLicence[] = {3, 4, 6, 6, 9, 12, 12, 18, 24, 36, 48, 60};
    static constexpr int kCustody[] = {12, 18, 24, 30, 36, 48, 60, 72, 96, 120};
    if (disposal == "community_order") return rng.pick(kCommunity);
    if (disposal == "suspended_sentence_order") return rng.pick(kSuspended);
    if (disposal == "licence") return rng.pick(kLicence);
    if (disposal == "pss") return 12;
    return rng.pick(kCustody);
}

// Days the supervised part of an event lasts. Custody is supervised until the
// expected release at half the sentence.
std::int64_t supervised_days(std::string_view disposal, std::int64_t months) {
    return (disposal == "custody" ? months / 2 : months) * 30 + (disposal == "custody" ? 15 : 0);
}

const OffenceSeed& offence_for(Random& rng, std::string_view disposal) {
    const auto all = offences();
    const OffenceSeed* o = &rng.pick(all);
    // Indictable-only offences rarely end in a community order; re-draw once.
    if (o->seriousness == 3 && (disposal == "community_order" || disposal == "suspended_sentence_order")) o = &rng.pick(all);
    return *o;
}

std::string court_for(Random& rng, const RegionSeed& region, int seriousness) {
    const bool want_crown = seriousness == 3 || (seriousness == 2 && rng.chance(0.4));
    for (int tries = 0; tries < 8; ++tries) {
        const auto c = rng.pick(region.courts);
        if ((c.find("Crown") != std::string_view::npos || c.find("Central Criminal") != std::string_view::npos) == want_crown) {
            return std::string(c);
        }
    }
    return std::string(region.courts.front());
}

struct Builder {
    const Organisation& org;
    const Placement& placement;
    const Team& team;
    const RegionSeed& region;
    const PduSeed& pdu;
    sys_days today;
    Random rng;
    PersonRecord r;
    bool female = false;
    bool domestic_abuse = false;
    bool child_concerns = false;

    std::int64_t colleague(std::string_view contact_type) {
        if ((contact_type == "letter" || contact_type == "text") && !team.case_administrators.empty() && rng.chance(0.6)) {
            return rng.pick(team.case_administrators);
        }
        if (contact_type == "other" && rng.chance(0.3)) return team.spo_id;
        return rng.pick(team.practitioners);
    }

    void add_requirements(std::size_t event_index, sys_days start, sys_days end, bool active) {
        const std::string& disposal = r.events[event_index].disposal_type;
        auto add = [&](std::string category, std::string description, std::optional<std::int64_t> length,
                       std::optional<std::string> unit, sys_days req_end) {
            r.requirements.push_back(RequirementRow{event_index, std::move(category), std::move(description), length,
                                                    std::move(unit), date_text(start), date_text(req_end), active});
        };
        if (disposal == "community_order" || disposal == "suspended_sentence_order") {
            bool any = false;
            if (rng.chance(0.55)) {
                // Unpaid work is normally completed within 12 months.
                add("unpaid_work", "", rng.between(4, 30) * 10, "hours", std::min(end, start + days(365)));
                any = true;
            }
            if (rng.chance(0.65) || !any) add("rar", "", rng.between(1, 12) * 5, "days", end);
            if (rng.chance(0.15)) add("accredited_programme", std::string(rng.pick(accredited_programmes())), rng.between(10, 30), "sessions", end);
            if (rng.chance(0.12)) {
                add("curfew", rng.chance(0.5) ? "19:00 to 07:00 daily at the home address, electronically monitored"
                                              : "21:00 to 06:00 daily at the home address, electronically monitored",
                    rng.between(1, 6), "months", end);
            }
            if (rng.chance(0.05)) add("exclusion", "Not to enter the area of " + std::string(pdu.town) + " town centre marked on the map", rng.between(3, 12), "months", end);
            if (rng.chance(0.04)) add("residence", "Reside at an address approved by the responsible officer", std::nullopt, std::nullopt, end);
            if (rng.chance(0.03)) add("prohibited_activity", "Not to attend any licensed premises in " + std::string(pdu.town), std::nullopt, std::nullopt, end);
            if (rng.chance(0.01)) add("foreign_travel_prohibition", "Not to travel outside the British Islands", std::nullopt, std::nullopt, end);
            if (rng.chance(0.04)) add("mental_health_treatment", "Outpatient treatment under the community mental health team", rng.between(6, 12), "months", end);
            if (rng.chance(0.05)) add("drug_rehabilitation", "Treatment and testing with the local drug service", rng.between(6, 12), "months", end);
            if (rng.chance(0.04)) add("alcohol_treatment", "Non-residential treatment with the local alcohol service", rng.between(6, 12), "months", end);
            if (rng.chance(0.04)) add("alcohol_abstinence", "Abstain from alcohol, monitored by a sobriety tag", rng.between(1, 4), "months", end);
            if (rng.chance(0.01)) add("attendance_centre", "Attend the attendance centre as directed", rng.between(12, 36), "hours", end);
        } else if (disposal == "licence") {
            for (auto c : licence_standard_conditions()) add("licence_standard", std::string(c), std::nullopt, std::nullopt, end);
            const auto additional = licence_additional_conditions();
            const auto count = rng.between(0, 4);
            std::size_t first = rng.below(additional.size());
            for (std::int64_t i = 0; i < count; ++i) {
                add("licence_additional", std::string(additional[(first + std::size_t(i)) % additional.size()]), std::nullopt, std::nullopt, end);
            }
        } else if (disposal == "pss") {
            for (auto c : pss_requirements()) {
                if (rng.chance(0.7)) add("licence_standard", std::string(c), std::nullopt, std::nullopt, end);
            }
        }
    }

    void add_registration(std::string code, std::string description, std::optional<std::string> level, sys_days from,
                          std::optional<sys_days> ended) {
        const sys_days on = std::min(from + days(rng.between(0, 20)), today - days(1));
        // Reviews fall due every 3-6 months; about one in ten is overdue.
        const sys_days review = today + days(rng.chance(0.1) ? -rng.between(1, 40) : rng.between(1, 180));
        r.registrations.push_back(RegistrationRow{std::move(code), std::move(description), std::move(level), date_text(on),
                                                  ended ? std::nullopt : std::optional(date_text(review)),
                                                  ended ? std::optional(date_text(*ended)) : std::nullopt});
    }

    void add_registrations(const OffenceSeed& offence, sys_days from, std::optional<sys_days> ended) {
        const bool nsd = org.national_security(team);
        const char protect = placement.tier ? (*placement.tier)[0] : 'C';
        if (placement.tier || ended) {
            static constexpr const char* kLevels[] = {"Low", "Medium", "High", "Very high"};
            int level = protect == 'A' ? 2 + (rng.chance(0.3) ? 1 : 0) : protect == 'B' ? 1 + (rng.chance(0.6) ? 1 : 0)
                      : protect == 'C' ? (rng.chance(0.7) ? 1 : 0) : (rng.chance(0.8) ? 0 : 1);
            add_registration("ROSH", "Risk of serious harm", kLevels[level], from, ended);
        }
        const auto& disposal = r.events.back().disposal_type;
        const bool custodial = disposal == "licence" || disposal == "custody" || disposal == "pss";
        if (nsd) {
            const bool terror = rng.chance(0.5);
            add_registration("MAPPA", terror ? "MAPPA category 4 (terrorism)" : "MAPPA category 3 (other dangerous offender)",
                             rng.chance(0.6) ? "Level 2" : "Level 3", from, ended);
        } else if (offence.sexual) {
            add_registration("MAPPA", "MAPPA category 1 (registered sexual offender)", rng.chance(0.85) ? "Level 1" : "Level 2", from, ended);
            if (rng.chance(0.8)) add_registration("VISOR", "ViSOR nominal", std::nullopt, from, ended);
        } else if (offence.violent && custodial && protect <= 'B' && rng.chance(0.4)) {
            add_registration("MAPPA", "MAPPA category 2 (violent offender)", rng.chance(0.85) ? "Level 1" : "Level 2", from, ended);
        }
        if (offence.domestic ? rng.chance(0.9) : rng.chance(0.08)) {
            domestic_abuse = true;
            add_registration("DOMESTIC_ABUSE", "Domestic abuse perpetrator", std::nullopt, from, ended);
        }
        if (rng.chance(domestic_abuse ? 0.35 : 0.08)) {
            child_concerns = true;
            add_registration("CHILD_CONCERNS", "Child concerns", std::nullopt, from, ended);
        }
        if (child_concerns && rng.chance(0.3)) add_registration("CHILD_PROTECTION", "Child protection", std::nullopt, from, ended);
        if (rng.chance(0.06)) add_registration("SAFEGUARDING", "Safeguarding issue (adult)", std::nullopt, from, ended);
        if (rng.chance(protect == 'A' ? 0.2 : 0.03)) add_registration("RISK_TO_STAFF", "Risk to staff", std::nullopt, from, ended);
        if (offence.name.find("bladed") != std::string_view::npos || offence.name.find("weapon") != std::string_view::npos ||
            offence.name.find("firearm") != std::string_view::npos || rng.chance(0.03)) {
            add_registration("WEAPONS", "Weapons", std::nullopt, from, ended);
        }
        if (rng.chance(0.08)) add_registration("SELF_HARM", "Suicide/self-harm", std::nullopt, from, ended);
        if (offence.name.find("aggravated") != std::string_view::npos || rng.chance(0.01)) {
            add_registration("HATE_CRIME", "Hate crime", std::nullopt, from, ended);
        }
    }

    // Contacts over the supervised period [start, end] of event `event_index`.
    void add_contacts(std::size_t event_index, sys_days start, sys_days end, bool latest, bool ended) {
        const auto& disposal = r.events[event_index].disposal_type;
        const sys_days last_day = std::min(end, today - days(2));
        if (last_day < start) return;
        const auto period = (last_day - start).count() + 1;
        // National standards: the higher the tier, the more often a person is seen.
        int every_days = 8;
        if (!placement.current) every_days = 30;
        else if (!latest) every_days = 25;
        else if (disposal == "custody") every_days = 30;
        else if (placement.tier) every_days = std::array{4, 6, 9, 13}[std::size_t((*placement.tier)[0] - 'A')];
        std::int64_t count = std::max<std::int64_t>(1, period * int(rng.between(80, 120)) / (100 * every_days));
        count = std::min<std::int64_t>(count, placement.current ? 260 : 10);
        const std::optional<std::int64_t> manager = latest ? placement.case_manager_staff_id : std::nullopt;
        const std::int64_t earlier_manager = rng.pick(team.practitioners);
        const bool order = disposal == "community_order" || disposal == "suspended_sentence_order";
        const NoteSubject subject{r.person.first_name, female, order, disposal == "licence" || disposal == "pss"};
        const int home_weight = domestic_abuse || child_concerns ? 14 : 6;
        const std::array<int, 8> weights = {disposal == "custody" ? 2 : 30, 22, disposal == "custody" ? 0 : home_weight, 5, 8, 7,
                                            disposal == "custody" ? 0 : 14, 7};
        static constexpr const char* kTypes[] = {"office_visit", "phone", "home_visit", "video", "email", "letter", "text", "other"};

        for (std::int64_t k = 0; k < count; ++k) {
            // Spread evenly over the period with jitter, so the history has no gaps of months.
            const auto offset = (period * k + rng.between(0, period - 1)) / count;
            const sys_days day = std::min(weekday(start + days(offset)), last_day);
            std::string type = kTypes[rng.weighted(weights)];
            NoteKind kind = NoteKind::routine;
            bool sensitive = false;
            if (k == 0) {
                kind = placement.awaiting_allocation && latest ? NoteKind::unallocated : NoteKind::induction;
                type = kind == NoteKind::unallocated ? "other" : "office_visit";
            } else if (k == count - 1 && ended) {
                kind = NoteKind::ending;
                type = "other";
            } else if (rng.chance(0.03)) {
                kind = NoteKind::sensitive;
                sensitive = true;
                type = rng.chance(0.5) ? "other" : "phone";
            } else if (type == "office_visit" && rng.chance(0.06)) {
                kind = NoteKind::missed;
            }
            std::optional<std::int64_t> author;
            if (kind == NoteKind::unallocated) author = rng.chance(0.5) ? team.spo_id : team.case_administrators.front();
            else if (manager && rng.chance(0.85)) author = manager;
            else if (!latest && rng.chance(0.8)) author = earlier_manager;
            else author = colleague(type);
            const std::string at = office_time(rng, day, 8 * 60 + 30, 17 * 60 + 30, 5);
            std::optional<std::size_t> appointment;
            if (latest && placement.current && (type == "office_visit" || type == "home_visit") && day >= today - days(90)) {
                const bool failed_to_comply = kind != NoteKind::missed && rng.chance(0.05);
                const bool acceptable = kind == NoteKind::missed ? !rng.chance(0.6) : !failed_to_comply;
                const char* outcome = kind == NoteKind::missed ? "failed_to_attend"
                                      : failed_to_comply       ? "attended_failed_to_comply"
                                                               : "attended_complied";
                add_appointment(type, at, author, outcome, acceptable, event_index);
                appointment = r.appointments.size() - 1;
            }
            std::string notes = compose_note(rng, type, kind, subject);
            r.contacts.push_back(ContactRow{event_index, std::move(type), at, author, std::move(notes), sensitive, appointment});
        }
        if (latest && placement.current && disposal != "custody") count += add_assessment_and_reviews(event_index, start, last_day, manager);
        // Two contacts can fall on one day; keep the history in time order.
        std::stable_sort(r.contacts.end() - count, r.contacts.end(),
                         [](const ContactRow& x, const ContactRow& y) { return x.contact_at < y.contact_at; });
    }

    std::string office_time_on(sys_days d) { return office_time(rng, weekday(d), 9 * 60, 17 * 60, 15); }

    // The initial assessment within days of the start and a sentence plan review every
    // six months after, as national standards ask. Decided by the person's id rather
    // than the random stream, so adding them changes nothing else about the person:
    // about one case in ten has no assessment yet and one in seven missed its latest
    // review, so the due lists have something to show.
    std::int64_t add_assessment_and_reviews(std::size_t event_index, sys_days start, sys_days last_day,
                                            std::optional<std::int64_t> author) {
        std::int64_t added = 0;
        const auto id = r.person.id;
        const auto add = [&](const char* type, sys_days day, std::string notes) {
            r.contacts.push_back(ContactRow{event_index, type, office_time_at(day, 10 * 60 + int(id % 6) * 30), author,
                                            std::move(notes), false, std::nullopt});
            ++added;
        };
        const sys_days assessed = weekday(start + days(5 + id % 9));
        if (id % 10 == 0 || assessed > last_day) return added;
        add("initial_assessment", assessed,
            "Initial assessment completed with " + r.person.first_name +
                ": offending behaviour, accommodation, employment and relationships discussed; sentence plan agreed.");
        for (int k = 1;; ++k) {
            const sys_days review = weekday(assessed + days(182 * k - int(id % 12)));
            if (review > last_day) break;
            const bool missed_latest = id % 7 == 0 && weekday(assessed + days(182 * (k + 1) - int(id % 12))) > last_day;
            if (missed_latest) break;
            add("sentence_plan_review", review, "Sentence plan reviewed with " + r.person.first_name + ": progress against objectives recorded, plan updated.");
        }
        return added;
    }

    std::string office_time_at(sys_days day, int minutes) {
        const auto local = std::chrono::local_days{day.time_since_epoch()} + std::chrono::minutes(minutes);
        return platform::format_instant(platform::london_local_to_utc(std::chrono::local_seconds{local}));
    }

    void add_appointment(std::string_view type, std::string start_at, std::optional<std::int64_t> staff,
                         std::optional<std::string> outcome, std::optional<bool> acceptable = std::nullopt,
                         std::optional<std::size_t> event_index = std::nullopt) {
        static constexpr int kDurations[] = {30, 30, 45, 60};
        const auto& office = org.offices[team.office_index];
        r.appointments.push_back(AppointmentRow{std::string(type), std::move(start_at), rng.pick(kDurations),
                                                type == "home_visit" ? std::string("Home address") : office.name, staff,
                                                std::move(outcome), acceptable, event_index});
    }
};

}  // namespace

std::string crn_for(std::int64_t person_id) {
    // 7919 is prime and coprime with 10^6, so this is a bijection on the serials.
    const auto serial = static_cast<std::uint32_t>((static_cast<std::uint64_t>(person_id) * 7919 + 100'003) % 1'000'000);
    return platform::make_crn("XYZW"[(person_id / 1'000'000) % 4], serial);
}

PersonRecord generate_person(const Organisation& org, const Placement& placement, std::uint64_t seed, sys_days today) {
    const Team& team = org.teams.at(placement.team_index);
    const Pdu& pdu = org.pdus[team.pdu_index];
    const RegionSeed& region = regions()[pdu.region_index];
    Builder b{org, placement, team, region, region.pdus[pdu.seed_index], today,
              Random(derive_seed(seed, kPersonStream, std::uint64_t(placement.person_id))), {}};
    Random& rng = b.rng;
    PersonRecord& r = b.r;

    // Identity. About one in seven people on probation is a woman.
    b.female = rng.chance(0.14);
    auto name = make_name(rng, b.female);
    const sys_days dob = make_date_of_birth(rng, today);
    const int birth_year = int(year_month_day{dob}.year());
    r.person.id = placement.person_id;
    r.person.crn = crn_for(placement.person_id);
    r.person.first_name = std::move(name.first);
    r.person.middle_names = std::move(name.middle);
    r.person.last_name = std::move(name.last);
    r.person.date_of_birth = date_text(dob);
    r.person.gender = b.female ? "Female" : "Male";
    r.person.case_manager_staff_id = placement.case_manager_staff_id;
    if (placement.awaiting_allocation) r.person.allocation_team_id = org.teams.at(placement.team_index).id;
    r.person.tier = placement.tier;
    r.person.current_case = placement.current;

    // Events, newest first while building, then reversed: the newest is the current
    // one (or, for a past case, the last to end).
    const sys_days adult = dob + days(18 * 365 + 5);
    const int event_count = int(rng.weighted(placement.current ? std::array{60, 28, 12} : std::array{70, 25, 5})) + 1;
    struct Span { sys_days start, end; std::int64_t months; const char* disposal; };
    std::vector<Span> spans;
    sys_days next_start = today;
    for (int e = 0; e < event_count; ++e) {
        std::array<int, 5> weights{};
        for (std::size_t i = 0; i < weights.size(); ++i) weights[i] = placement.current && e == 0 ? kDisposals[i].weight_current : kDisposals[i].weight_past;
        const char* disposal = kDisposals[rng.weighted(weights)].code;
        const auto months = length_for(rng, disposal);
        const auto length = days(supervised_days(disposal, months));
        sys_days start, end;
        if (e == 0 && placement.current) {
            // Still running today; new cases awaiting allocation were sentenced days ago.
            const auto max_elapsed = std::max<std::int64_t>(8, std::min<std::int64_t>(length.count() - 7, 3 * 365));
            start = today - days(placement.awaiting_allocation ? rng.between(1, 10) : rng.between(7, max_elapsed));
            end = start + length;
        } else {
            end = next_start - days(e == 0 ? rng.between(20, 12 * 365) : rng.between(30, 4 * 365));
            start = end - length;
        }
        if (start < adult) {
            if (e == 0) { start = std::max(adult, today - days(400)); end = start + length; }
            else break;
        }
        spans.push_back(Span{start, end, months, disposal});
        next_start = start;
    }
    std::reverse(spans.begin(), spans.end());

    for (std::size_t e = 0; e < spans.size(); ++e) {
        const auto& s = spans[e];
        const bool latest = e + 1 == spans.size();
        const bool active = latest && placement.current;
        const OffenceSeed& offence = offence_for(rng, s.disposal);
        const sys_days convicted = s.start - days(std::string_view(s.disposal) == "licence" || std::string_view(s.disposal) == "pss"
                                                      ? rng.between(120, 900) : rng.between(0, 42));
        r.events.push_back(EventRow{std::int64_t(e + 1), std::string(offence.name), court_for(rng, region, offence.seriousness),
                                    date_text(convicted), s.disposal, s.months, date_text(s.start), date_text(s.end), active});
        b.add_requirements(e, s.start, s.end, active);
        if (latest) {
            // Flags belong to the person; terminated cases keep them de-registered.
            b.add_registrations(offence, s.start, active ? std::nullopt : std::optional(std::min(s.end, today - days(1))));
        }
        b.add_contacts(e, s.start, s.end, latest, !active);
    }
    const sys_days first_start = spans.front().start;
    r.person.created_at = b.office_time_on(first_start);

    // Identifiers: most have a police record; custody or licence history gives a NOMS number.
    if (rng.chance(0.88)) r.person.pnc = make_pnc(rng, std::max(birth_year + 12, 1990), int(year_month_day{first_start}.year()));
    for (const auto& s : spans) {
        const std::string_view d = s.disposal;
        if (d == "licence" || d == "pss" || d == "custody") {
            r.person.noms = make_noms(rng);
            break;
        }
    }
    if (rng.chance(placement.current ? 0.75 : 0.4)) r.person.phone = make_phone(rng);
    if (rng.chance(0.3)) r.person.email = make_email(rng, r.person.first_name, r.person.last_name);

    // Address history: the main address now, and earlier ones that ended when they moved.
    const auto& region_pdus = region.pdus;
    auto address = [&](std::string status, sys_days from, std::optional<sys_days> to, bool local) {
        const PduSeed& place = local ? b.pdu : rng.pick(region_pdus);
        std::string line1 = rng.chance(0.3) ? "Flat " + std::to_string(rng.between(1, 40)) + ", " : std::string();
        line1 += std::to_string(rng.between(1, 250)) + " " + std::string(rng.pick(streets()));
        r.addresses.push_back(AddressRow{std::move(status), std::move(line1),
                                         rng.chance(0.4) ? std::string(rng.pick(localities())) : std::string(),
                                         std::string(place.town), make_postcode(rng, place.postcode_area), date_text(from),
                                         to ? std::optional(date_text(*to)) : std::nullopt});
    };
    const int previous = int(rng.weighted(std::array{45, 30, 17, 8}));
    sys_days moved_in = std::max(adult, today - days(rng.between(20, 6 * 365)));
    std::vector<std::pair<sys_days, sys_days>> earlier;
    sys_days until = moved_in;
    for (int i = 0; i < previous; ++i) {
        const sys_days from = until - days(rng.between(90, 3 * 365));
        if (from < adult) break;
        earlier.push_back({from, until});
        until = from;
    }
    for (auto it = earlier.rbegin(); it != earlier.rend(); ++it) address("previous", it->first, it->second, rng.chance(0.6));
    address("main", moved_in, std::nullopt, true);

    // Future appointments for current cases: 0-2 in the next four weeks.
    if (placement.current) {
        const int future = int(rng.weighted(std::array{25, 45, 30}));
        for (int i = 0; i < future; ++i) {
            const sys_days day = weekday(today + days(rng.between(1, 26)));
            const bool home = rng.chance(b.domestic_abuse || b.child_concerns ? 0.4 : 0.15);
            b.add_appointment(home ? "home_visit" : "office_visit", office_time(rng, day, 9 * 60, 16 * 60 + 30, 30),
                              placement.case_manager_staff_id, std::nullopt);
        }
    }
    return r;
}

}  // namespace onecase::demo
