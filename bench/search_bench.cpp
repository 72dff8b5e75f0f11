// The reference for the search rows of docs/benchmarks.md: the same statements the
// server runs, timed in-process against the same database, without HTTP, audit or
// JSON. For each line of QUERIES it times
//   engine  the candidate statements and the loads of the candidates and their names
//           (search/people_store, people::find_by_ids, people::names_of), and
//   search  the whole search_people: the same plus ranking and the access check;
// or, with --history CRNS, each query as a case-history search of a random case from
// CRNS (search::search_history: the statements, excerpts included).
// Usage: search_bench DB_URL API_TOKEN QUERIES [--history CRNS]
// Prints "engine_mean engine_p50 engine_p99 search_mean search_p50 search_p99" in ms.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "access/users_store.hpp"
#include "db/database.hpp"
#include "people/names_store.hpp"
#include "people/store.hpp"
#include "platform/clock.hpp"
#include "search/history_store.hpp"
#include "search/people_search.hpp"
#include "search/people_store.hpp"

namespace {

using namespace onecase;
using Clock = std::chrono::steady_clock;

std::vector<std::string> lines_of(const char* path) {
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

struct Summary {
    double mean = 0, p50 = 0, p99 = 0;
};

Summary summarise(std::vector<double> ms) {
    if (ms.empty()) return {};
    std::sort(ms.begin(), ms.end());
    double total = 0;
    for (double m : ms) total += m;
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))]; };
    return {total / static_cast<double>(ms.size()), at(0.50), at(0.99)};
}

template <typename Work>
double time_ms(Work&& work) {
    const auto start = Clock::now();
    work();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4 && !(argc == 6 && std::string(argv[4]) == "--history")) {
        std::fprintf(stderr, "usage: search_bench DB_URL API_TOKEN QUERIES [--history CRNS]\n");
        return 2;
    }
    auto database = db::open_database(argv[1]);
    auto conn = database->acquire();
    const platform::SystemClock clock;
    const auto who = access::principal_for_api_token(*conn, argv[2], clock.now());
    if (!who || !who->staff) {
        std::fprintf(stderr, "search_bench: the token does not belong to a staff member\n");
        return 2;
    }
    const auto queries = lines_of(argv[3]);
    const int year = static_cast<int>(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())}.year());
    std::vector<double> engine, whole;
    if (argc == 6) {
        const auto crns = lines_of(argv[5]);
        std::mt19937 random(1);
        // Round 0 is not recorded: a statement's first runs on a connection are planned
        // (PostgreSQL plans the first five anew, 8 ms each for this one), and the
        // server's connections are past them when it is measured.
        for (int round = 0; round < 5; ++round) {
            for (const auto& q : queries) {
                const auto person = people::find_by_crn(*conn, crns[random() % crns.size()]);
                if (!person) continue;
                const auto parsed = search::parse_history_query(q);
                const double ms = time_ms([&] { (void)search::search_history(*conn, person->id, parsed, {}, true, 100); });
                if (round > 0) engine.push_back(ms);
            }
        }
        const auto e = summarise(engine);
        std::printf("%.2f %.2f %.2f\n", e.mean, e.p50, e.p99);
        return 0;
    }
    for (const auto& q : queries) {
        const auto parsed = search::parse_people_query(q, year);
        engine.push_back(time_ms([&] {
            const auto ids = search::candidate_people(*conn, parsed, search::SearchScope{who->staff->staff_id, who->staff->region_id}, 20);
            (void)people::find_by_ids(*conn, ids);
            (void)people::names_of(*conn, ids);
        }));
        whole.push_back(time_ms([&] { (void)search::search_people(*conn, *who, parsed, 20); }));
    }
    const auto e = summarise(engine), w = summarise(whole);
    std::printf("%.2f %.2f %.2f %.2f %.2f %.2f\n", e.mean, e.p50, e.p99, w.mean, w.p50, w.p99);
    return 0;
}
