#include "demo/demo_data.hpp"

#include <stdexcept>

#include "demo/random.hpp"
#include "demo/row_writer.hpp"
#include "demo/vocabulary.hpp"
#include "platform/crypto.hpp"
#include "platform/identifiers.hpp"

namespace onecase::demo {

namespace {

using namespace std::chrono;
using db::Params;
using db::Value;

struct Shape {
    int pdus_per_region;
    int teams_per_pdu;
    int practitioners_per_team;  // POs, PSOs and trainees; plus one SPO and one CA
    std::int64_t current_people;
    std::int64_t past_people;
    int max_contacts_current;
    int max_contacts_past;
    int demo_po_caseload;
};

Shape shape_for(DemoScale scale) {
    if (scale == DemoScale::small) return Shape{1, 2, 5, 400, 200, 40, 6, 45};
    // ~105 PDUs x 10 teams x 9-10 staff = ~10,000 staff; 1,000,000 people ever.
    return Shape{0, 10, 7, 240'000, 760'000, 120, 10, 45};
}

struct StaffRow {
    std::int64_t id;
    std::string code;
    std::string grade;
    std::int64_t team_id;
    std::int64_t region_index;
};

std::string date_text(sys_days d) { return platform::format_date(year_month_day{d}); }

std::string note_for(Random& rng, const std::string& first_name) {
    auto fill = [&](std::string s) {
        for (auto pos = s.find("{name}"); pos != std::string::npos; pos = s.find("{name}")) {
            s.replace(pos, 6, first_name);
        }
        return s;
    };
    std::string note = fill(rng.pick(note_openings()));
    const int bodies = static_cast<int>(rng.between(1, 4));
    for (int i = 0; i < bodies; ++i) {
        note += (rng.chance(0.3) ? "\n\n" : " ") + rng.pick(note_bodies());
    }
    note += "\n\n" + rng.pick(note_closings());
    return note;
}

const std::vector<std::string> kContactTypes = {"phone", "office_visit", "office_visit", "home_visit", "video",
                                                "email", "letter", "text", "phone", "office_visit", "other"};
const std::vector<std::string> kTiers = {"A3", "A2", "A1", "A0", "B3", "B2", "B2", "B1", "B1", "B0",
                                         "C3", "C2", "C2", "C1", "C1", "C0", "D3", "D2", "D1", "D1", "D0", "D0"};

}  // namespace

std::optional<DemoScale> parse_scale(std::string_view text) {
    if (text == "small") return DemoScale::small;
    if (text == "national") return DemoScale::national;
    return std::nullopt;
}

DemoSummary load_demo_data(db::Database& database, DemoScale scale, std::uint64_t seed, platform::Instant now) {
    auto conn = database.acquire();
    if (conn->query("SELECT COUNT(*) FROM people").at(0).int64(0) > 0) {
        throw std::runtime_error("the database already holds people; demo data loads only into an empty one");
    }
    const Shape shape = shape_for(scale);
    Random rng(seed);
    DemoSummary summary;
    const sys_days today = floor<days>(now);
    const std::string now_text = platform::format_instant(now);

    conn->bulk_load_mode(true);
    RowWriter w(*conn);
    w.table("regions", "id, code, name");
    w.table("pdus", "id, code, name, region_id");
    w.table("teams", "id, code, name, pdu_id");
    w.table("offices", "id, code, name, pdu_id, address");
    w.table("staff", "id, code, first_name, last_name, grade, team_id, office_id, email");
    w.table("users", "id, username, password_hash, role, staff_id, active, created_at");
    w.table("people", "id, crn, first_name, middle_names, last_name, date_of_birth, gender, pnc, noms, phone, email, case_manager_staff_id, tier, current_case, created_at, version");
    w.table("addresses", "id, person_id, status, line1, line2, town, postcode, start_date, end_date");
    w.table("events", "id, person_id, event_number, offence, court, conviction_date, disposal_type, length_months, start_date, end_date, active");
    w.table("requirements", "id, event_id, category, description, length, unit, start_date, end_date, active");
    w.table("registrations", "id, person_id, type_code, description, level, registered_on, review_due, deregistered_on");
    w.table("contacts", "id, person_id, event_id, type, contact_at, author_staff_id, notes, sensitive, created_at, created_by_user_id, updated_at, version");
    w.table("appointments", "id, person_id, type, start_at, duration_minutes, location, staff_id, outcome, version");

    conn->begin_write();

    // Organisation.
    std::vector<StaffRow> practitioners;
    std::vector<StaffRow> spos;
    std::vector<std::string> office_towns;
    std::int64_t pdu_id = 0, team_id = 0, office_id = 0, staff_id = 0;
    const auto& all_regions = regions();
    for (std::size_t r = 0; r < all_regions.size(); ++r) {
        const auto& region = all_regions[r];
        w.add("regions", Params{std::int64_t(r + 1), region.code, region.name});
        ++summary.regions;
        const std::size_t pdus = shape.pdus_per_region > 0 ? std::size_t(shape.pdus_per_region) : region.pdus.size();
        for (std::size_t p = 0; p < pdus && p < region.pdus.size(); ++p) {
            ++pdu_id;
            const std::string pdu_code = region.code + std::to_string(p + 1);
            w.add("pdus", Params{pdu_id, pdu_code, region.pdus[p], std::int64_t(r + 1)});
            ++office_id;
            const std::string town = region.pdus[p];
            w.add("offices", Params{office_id, pdu_code + "O1", town + " Probation Office", pdu_id,
                                    std::to_string(rng.between(1, 200)) + " " + rng.pick(streets()) + ", " + town});
            if (region.code != "NSD") office_towns.push_back(town);
            for (int t = 0; t < shape.teams_per_pdu; ++t) {
                ++team_id;
                const std::string team_code = pdu_code + "T" + std::to_string(t + 1);
                w.add("teams", Params{team_id, team_code, region.pdus[p] + " Team " + std::to_string(t + 1), pdu_id});
                auto add_staff = [&](const std::string& grade) {
                    ++staff_id;
                    const bool female = rng.chance(0.6);
                    const std::string first = rng.pick(female ? female_first_names() : male_first_names());
                    const std::string last = rng.pick(surnames());
                    const std::string code = team_code + "S" + std::to_string(staff_id % 1000);
                    w.add("staff", Params{staff_id, code, first, last, grade, team_id, office_id,
                                          first.substr(0, 1) + "." + last + "@probation.example"});
                    return StaffRow{staff_id, code, grade, team_id, std::int64_t(r)};
                };
                spos.push_back(add_staff("SPO"));
                add_staff("CA");
                for (int s = 0; s < shape.practitioners_per_team; ++s) {
                    const auto roll = rng.below(10);
                    practitioners.push_back(add_staff(roll < 5 ? "PO" : roll < 8 ? "PSO" : "PQiP"));
                }
                ++summary.teams;
            }
            ++summary.pdus;
            ++summary.offices;
        }
    }
    summary.staff = staff_id;

    // Demo users: demo.po is the first PO in London's first team; demo.spo manages
    // that team; demo.other is a PO in the North East.
    auto find_po = [&](const std::string& region_code) -> StaffRow {
        for (const auto& s : practitioners) {
            if (s.grade == "PO" && all_regions[std::size_t(s.region_index)].code == region_code) return s;
        }
        throw std::logic_error("no PO in region " + region_code);
    };
    const StaffRow demo_po = find_po("LDN");
    const StaffRow demo_other = find_po("NE");
    StaffRow demo_spo{};
    for (const auto& s : spos) {
        if (s.team_id == demo_po.team_id) demo_spo = s;
    }
    const std::string hash = platform::hash_password(kDemoPassword);
    const std::string now_iso = now_text;
    w.add("users", Params{std::int64_t{1}, std::string("demo.po"), hash, std::string("practitioner"), demo_po.id, std::int64_t{1}, now_iso});
    w.add("users", Params{std::int64_t{2}, std::string("demo.spo"), hash, std::string("spo"), demo_spo.id, std::int64_t{1}, now_iso});
    w.add("users", Params{std::int64_t{3}, std::string("demo.admin"), hash, std::string("admin"), Value{db::null}, std::int64_t{1}, now_iso});
    w.add("users", Params{std::int64_t{4}, std::string("demo.other"), hash, std::string("practitioner"), demo_other.id, std::int64_t{1}, now_iso});
    summary.users = {
        {"demo.po", kDemoPassword, "practitioner", "probation officer " + demo_po.code + " with a caseload"},
        {"demo.spo", kDemoPassword, "spo", "senior probation officer managing demo.po's team"},
        {"demo.admin", kDemoPassword, "admin", "administrator; manages users, does not read cases"},
        {"demo.other", kDemoPassword, "practitioner", "probation officer in another region"},
    };
    w.flush();

    // People, in batches so memory stays flat at national scale.
    const std::int64_t total = shape.current_people + shape.past_people;
    std::int64_t address_id = 0, event_id = 0, requirement_id = 0, registration_id = 0, contact_id = 0,
                 appointment_id = 0;
    const std::int64_t batch = 2000;
    std::int64_t demo_po_assigned = 0;
    for (std::int64_t person_id = 1; person_id <= total; ++person_id) {
        const bool current = person_id <= shape.current_people;
        const bool female = rng.chance(0.15);
        const std::string first = rng.pick(female ? female_first_names() : male_first_names());
        const std::string middle = rng.chance(0.5) ? rng.pick(female ? female_first_names() : male_first_names()) : "";
        const std::string last = rng.pick(surnames());
        const sys_days dob = today - days(rng.between(18 * 365, 75 * 365));
        const std::string crn = platform::make_crn(static_cast<char>('X' + person_id / 1'000'000), static_cast<std::uint32_t>(person_id % 1'000'000));
        Value pnc = db::null;
        if (rng.chance(0.85)) {
            const int year = int(rng.between(1990, 2025));
            const auto serial = static_cast<std::uint32_t>(rng.between(1, 999'999));
            char buf[24];
            std::snprintf(buf, sizeof buf, "%04d/%07u%c", year, serial, platform::pnc_check_letter(year % 100, serial));
            pnc = std::string(buf);
        }
        // Case manager: demo.po gets a fixed caseload; current cases otherwise spread
        // over practitioners; a handful wait unallocated.
        Value case_manager = db::null;
        if (current) {
            if (demo_po_assigned < shape.demo_po_caseload) {
                case_manager = demo_po.id;
                ++demo_po_assigned;
            } else if (person_id % 97 != 0) {
                // demo.po's caseload stays at its fixed size at every scale.
                std::int64_t id = practitioners[rng.below(practitioners.size())].id;
                if (id == demo_po.id) id = practitioners[rng.below(practitioners.size())].id;
                if (id != demo_po.id) case_manager = id;
            }
        }
        const std::int64_t cm_id = std::holds_alternative<std::int64_t>(case_manager) ? std::get<std::int64_t>(case_manager) : 0;
        const std::string disposal = [&] {
            const auto roll = rng.below(100);
            if (roll < 45) return std::string("community_order");
            if (roll < 65) return std::string("suspended_sentence_order");
            if (roll < 88) return std::string("licence");
            if (roll < 95) return std::string("pss");
            return std::string("custody");
        }();
        const bool custodial = disposal == "licence" || disposal == "pss" || disposal == "custody";
        Value noms = db::null;
        if (custodial) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "%c%04d%c%c", char('A' + rng.below(26)), int(rng.below(10000)),
                          char('A' + rng.below(26)), char('A' + rng.below(26)));
            noms = std::string(buf);
        }
        const std::int64_t months = disposal == "pss" ? 12 : rng.between(6, 36);
        // A current order is still running today; a past one ended before it.
        const sys_days event_start = current ? today - days(rng.between(3, months * 30 - 5))
                                             : today - days(rng.between(months * 30 + 30, months * 30 + 3000));
        w.add("people", Params{person_id, crn, first, middle, last, date_text(dob), std::string(female ? "Female" : "Male"), pnc, noms,
                               rng.chance(0.7) ? "07" + std::to_string(rng.between(100000000, 999999999)) : std::string(),
                               std::string(), case_manager,
                               current && rng.chance(0.9) ? Value{rng.pick(kTiers)} : Value{db::null},
                               std::int64_t{current ? 1 : 0}, now_text, std::int64_t{1}});
        ++summary.people;
        if (current) ++summary.current_cases;

        // Addresses: a current one and sometimes a previous one.
        const std::string town = rng.pick(office_towns);
        const sys_days moved_in = today - days(rng.between(30, 1500));
        if (rng.chance(0.4)) {
            w.add("addresses", Params{++address_id, person_id, std::string("previous"),
                                      std::to_string(rng.between(1, 300)) + " " + rng.pick(streets()), std::string(), town,
                                      std::string("AB1 2CD"), date_text(moved_in - days(rng.between(200, 2000))), date_text(moved_in)});
        }
        w.add("addresses", Params{++address_id, person_id, std::string("main"),
                                  std::string("Flat ") + std::to_string(rng.between(1, 40)) + ", " +
                                      std::to_string(rng.between(1, 300)) + " " + rng.pick(streets()),
                                  std::string(), town, std::string("ZX") + std::to_string(rng.between(1, 99)) + " " +
                                      std::to_string(rng.between(1, 9)) + "QP",
                                  date_text(moved_in), Value{db::null}});

        // The event and its requirements or licence conditions.
        const sys_days event_end = event_start + days(months * 30);
        w.add("events", Params{++event_id, person_id, std::int64_t{1}, rng.pick(offences()), rng.pick(courts()),
                               date_text(event_start - days(rng.between(0, 60))), disposal, months,
                               date_text(event_start), date_text(event_end), std::int64_t{current ? 1 : 0}});
        ++summary.events;
        const std::int64_t this_event = event_id;
        auto requirement = [&](const std::string& category, const std::string& description, Value length, const std::string& unit) {
            w.add("requirements", Params{++requirement_id, this_event, category, description, length, unit,
                                         date_text(event_start), date_text(event_end), std::int64_t{current ? 1 : 0}});
        };
        if (disposal == "community_order" || disposal == "suspended_sentence_order") {
            if (rng.chance(0.6)) requirement("unpaid_work", "", rng.between(4, 30) * 10, "hours");
            if (rng.chance(0.7)) requirement("rar", "", rng.between(5, 60), "days");
            if (rng.chance(0.2)) requirement("accredited_programme", "Building Choices", rng.between(10, 30), "sessions");
            if (rng.chance(0.15)) requirement("curfew", "19:00 to 07:00, electronically monitored", rng.between(1, 6), "months");
            if (rng.chance(0.1)) requirement("alcohol_abstinence", "Sobriety tag", rng.between(1, 4), "months");
        } else if (disposal != "custody") {
            requirement("licence_standard", "Keep in touch with the supervising officer as instructed", db::null, "");
            requirement("licence_standard", "Reside permanently at an address approved by the supervising officer", db::null, "");
            if (rng.chance(0.5)) requirement("licence_additional", "Not to contact the victim directly or indirectly", db::null, "");
            if (rng.chance(0.3)) requirement("licence_additional", "Not to enter the exclusion zone shown on the map", db::null, "");
        }

        // Flags.
        if (current && rng.chance(0.35)) {
            static const std::vector<std::pair<std::string, std::string>> kFlags = {
                {"DA", "Domestic abuse perpetrator"}, {"CHILD", "Child concerns"}, {"SAFE", "Safeguarding issue"},
                {"STAFF", "Risk to staff"}, {"WEAP", "Weapons"}, {"SELF", "Suicide/self-harm"},
                {"ROSH_HIGH", "High RoSH"}, {"MAPPA", "MAPPA"}, {"HATE", "Hate crime"}};
            const auto& f = rng.pick(kFlags);
            const sys_days on = event_start + days(rng.between(0, 30));
            w.add("registrations", Params{++registration_id, person_id, f.first, f.second,
                                          f.first == "MAPPA" ? Value{"Category " + std::to_string(rng.between(1, 3)) + ", level " + std::to_string(rng.between(1, 2))} : Value{db::null},
                                          date_text(on), date_text(on + days(182)), Value{db::null}});
        }

        // Contact history up to yesterday, and future appointments for current cases.
        const int contact_count = static_cast<int>(rng.between(current ? 5 : 1, current ? shape.max_contacts_current : shape.max_contacts_past));
        const auto span = std::max<std::int64_t>(1, (std::min(today, event_end) - event_start).count() - 1);
        for (int i = 0; i < contact_count; ++i) {
            const sys_seconds at = event_start + days(rng.below(std::uint64_t(span))) + hours(rng.between(9, 16)) + minutes(rng.below(60));
            const std::string at_text = platform::format_instant(at);
            w.add("contacts", Params{++contact_id, person_id, this_event, rng.pick(kContactTypes), at_text,
                                     cm_id ? Value{cm_id} : Value{practitioners[rng.below(practitioners.size())].id},
                                     note_for(rng, first), std::int64_t{rng.chance(0.05) ? 1 : 0}, at_text, Value{db::null},
                                     at_text, std::int64_t{1}});
            ++summary.contacts;
        }
        if (current) {
            const int future = static_cast<int>(rng.between(0, 2));
            for (int i = 0; i < future; ++i) {
                const sys_seconds at = today + days(rng.between(1, 28)) + hours(rng.between(9, 16));
                w.add("appointments", Params{++appointment_id, person_id, std::string(rng.chance(0.8) ? "office_visit" : "home_visit"),
                                             platform::format_instant(at), std::int64_t{30}, town + " Probation Office",
                                             cm_id ? Value{cm_id} : Value{db::null}, Value{db::null}, std::int64_t{1}});
                ++summary.appointments;
            }
        }

        if (person_id % batch == 0 || person_id == total) {
            w.flush();
            conn->commit();
            conn->begin_write();
        }
    }
    w.flush();
    conn->commit();

    if (conn->dialect() == db::Dialect::postgres) {
        for (const char* table : {"regions", "pdus", "teams", "offices", "staff", "users", "people", "addresses", "events",
                                  "requirements", "registrations", "contacts", "appointments"}) {
            conn->query(std::string("SELECT setval(pg_get_serial_sequence('") + table + "', 'id'), (SELECT COALESCE(MAX(id), 1) FROM " + table + "))");
        }
        conn->execute_script("ANALYZE");
    }
    conn->bulk_load_mode(false);
    if (conn->dialect() == db::Dialect::sqlite) conn->execute_script("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
    return summary;
}

}  // namespace onecase::demo
