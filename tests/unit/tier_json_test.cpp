// `onecase tier` input and output: the schema in docs/tiering.md.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "risk/tier_json.hpp"

using namespace onecase;
using namespace onecase::risk;

namespace {

struct CommandRun {
    int status;
    std::string out, err;
};

CommandRun run(const std::string& input) {
    std::istringstream in(input);
    std::ostringstream out, err;
    const int status = run_tier_command(in, out, err);
    return {status, out.str(), err.str()};
}

// A minimal valid document with one field replaced or added.
std::string doc(const std::string& extra = "") {
    return R"({"calculation_date":"2026-11-22","gender":"male","current_sentences":[{"custodial":true}])" +
           (extra.empty() ? std::string() : "," + extra) + "}";
}

std::vector<std::string> error_fields(const std::string& input) {
    std::vector<std::string> out;
    auto r = parse_tier_inputs(boost::json::parse(input));
    if (!r) for (const auto& e : r.problem().errors) out.push_back(e.field);
    return out;
}

}  // namespace

TEST(TierJson, AFullDocumentGivesTheTierAndItsExplanation) {
    const std::string input = R"({
        "calculation_date": "2026-11-22",
        "gender": "female",
        "rosh": "high",
        "rsr_percent": 4.52,
        "mappa_level": 1,
        "mappa_category": 2,
        "complexity_factors": ["mental_health", "child_concerns"],
        "previous_enforcement_activity": true,
        "ogrs_percent": 64,
        "iom_nominal": false,
        "unsupervised": false,
        "current_sentences": [{"custodial": false,
                               "requirements": [{"kind": "other", "restrictive": false}]}],
        "assessment": {
            "type": "layer3", "status": "complete", "completed_date": "2026-09-14",
            "needs": {"accommodation": "severe", "attitudes": "standard", "finance": "severe"},
            "parenting_responsibilities": true, "impulsivity": 1, "temper_control": 0
        }
    })";
    const CommandRun r = run(input);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const auto result = boost::json::parse(r.out).as_object();
    EXPECT_EQ(result.at("tier"), "B2");
    EXPECT_EQ(result.at("protect").at("level"), "B");
    EXPECT_EQ(result.at("protect").at("points"), 20 + 5 + 4 + 2 + 2 + 2);  // RSR 10 not counted
    EXPECT_EQ(result.at("change").at("level"), 2);
    EXPECT_EQ(result.at("change").at("points"), 2 + 2 + 0 + 6);
    const auto& first = result.at("protect").at("factors").at(0).as_object();
    EXPECT_EQ(first.at("name"), "rosh");
    EXPECT_EQ(first.at("points"), 20);
    EXPECT_EQ(first.at("reason"), "Risk of serious harm (RoSH) is high: 20 points");
}

TEST(TierJson, TheOutputHasTheDocumentedShape) {
    const CommandRun r = run(doc());
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out,
              R"({"tier":"D2","protect":{"level":"D","points":0,"factors":[]},)"
              R"("change":{"level":2,"points":0,"factors":[{"name":"no_valid_assessment","points":0,)"
              R"("reason":"There is no OASys assessment, so change level 2 is given without points"}]}})"
              "\n");
}

TEST(TierJson, NullMeansAbsent) {
    const CommandRun r = run(doc(R"("rosh":null,"rsr_percent":null,"assessment":null,"iom_nominal":null)"));
    EXPECT_EQ(r.status, 0) << r.err;
}

TEST(TierJson, AComplexityFactorListedTwiceCountsOnce) {
    auto in = parse_tier_inputs(boost::json::parse(doc(R"("complexity_factors":["street_gangs","street_gangs"])")));
    ASSERT_TRUE(in.ok());
    EXPECT_EQ(calculate_protect_level(in.value()).points, 2);
}

TEST(TierJson, EachBadFieldIsNamed) {
    struct Row { std::string input; std::vector<std::string> fields; };
    const std::vector<Row> rows = {
        {doc(), {}},
        {doc(R"("rsh":"high")"), {"rsh"}},
        {doc(R"("rosh":"severe")"), {"rosh"}},
        {doc(R"("rosh":3)"), {"rosh"}},
        {doc(R"("rsr_percent":"7")"), {"rsr_percent"}},
        {doc(R"("rsr_percent":-0.01)"), {"rsr_percent"}},
        {doc(R"("rsr_percent":100.01)"), {"rsr_percent"}},
        {doc(R"("rsr_percent":7.125)"), {"rsr_percent"}},
        {doc(R"("rsr_percent":100)"), {}},
        // Found by tests/fuzz/json_body_fuzz: Boost.JSON reads a number too large for a
        // double as infinity (and would write it back as "Infinity", not JSON).
        {doc(R"("rsr_percent":66266333333e33330)"), {"rsr_percent"}},
        {doc(R"("rsr_percent":-1e400)"), {"rsr_percent"}},
        {doc(R"("ogrs_percent":1e400)"), {"ogrs_percent"}},
        {doc(R"("mappa_level":-1e400)"), {"mappa_level"}},
        {doc(R"("mappa_level":0)"), {"mappa_level"}},
        {doc(R"("mappa_level":4)"), {"mappa_level"}},
        {doc(R"("mappa_level":1.5)"), {"mappa_level"}},
        {doc(R"("mappa_category":5)"), {"mappa_category"}},
        {doc(R"("ogrs_percent":101)"), {"ogrs_percent"}},
        {doc(R"("ogrs_percent":50.5)"), {"ogrs_percent"}},
        {doc(R"("ogrs_percent":-1)"), {"ogrs_percent"}},
        {doc(R"("iom_nominal":"yes")"), {"iom_nominal"}},
        {doc(R"("unsupervised":1)"), {"unsupervised"}},
        {doc(R"("complexity_factors":"mental_health")"), {"complexity_factors"}},
        {doc(R"("complexity_factors":["mental_health","gangs"])"), {"complexity_factors[1]"}},
        {doc(R"("assessment":"yes")"), {"assessment"}},
        {doc(R"("assessment":{"type":"layer3","status":"complete"})"), {"assessment.completed_date"}},
        {doc(R"("assessment":{"type":"layer2","status":"done","completed_date":"2026-02-30"})"),
         {"assessment.type", "assessment.status", "assessment.completed_date"}},
        {doc(R"("assessment":{"type":"layer3","status":"complete","completed_date":"2026-01-01","colour":1})"),
         {"assessment.colour"}},
        {doc(R"("assessment":{"type":"layer3","status":"complete","completed_date":"2026-01-01",)"
             R"("needs":{"finances":"severe","attitudes":"high"}})"),
         {"assessment.needs.finances", "assessment.needs.attitudes"}},
        {doc(R"("assessment":{"type":"layer3","status":"complete","completed_date":"2026-01-01",)"
             R"("impulsivity":3,"temper_control":-1,"parenting_responsibilities":"yes"})"),
         {"assessment.parenting_responsibilities", "assessment.impulsivity", "assessment.temper_control"}},
        {R"({"gender":"male","current_sentences":[]})", {"calculation_date"}},
        {R"({"calculation_date":"22/11/2026","gender":"male","current_sentences":[]})", {"calculation_date"}},
        {R"({"calculation_date":"2026-11-22","current_sentences":[]})", {"gender"}},
        {R"({"calculation_date":"2026-11-22","gender":"f","current_sentences":[]})", {"gender"}},
        {R"({"calculation_date":"2026-11-22","gender":"male"})", {"current_sentences"}},
        {R"({"calculation_date":"2026-11-22","gender":"male","current_sentences":[1]})", {"current_sentences[0]"}},
        {R"({"calculation_date":"2026-11-22","gender":"male","current_sentences":[{"custodial":"yes","x":1}]})",
         {"current_sentences[0].x", "current_sentences[0].custodial"}},
        {R"({"calculation_date":"2026-11-22","gender":"male","current_sentences":)"
         R"([{"requirements":[{"kind":"curfew"},{"restrictive":true}]}]})",
         {"current_sentences[0].requirements[0].kind", "current_sentences[0].requirements[1].kind"}},
        {"[]", {""}},
    };
    for (const auto& row : rows) EXPECT_EQ(error_fields(row.input), row.fields) << row.input;
}

TEST(TierJson, BadInputExitsTwoNamingTheFieldAndPrintsNoResult) {
    const CommandRun r = run(doc(R"("rsr_percent":101,"mappa_level":"two")"));
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("rsr_percent: must be a number from 0 to 100"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("mappa_level: must be a whole number from 1 to 3"), std::string::npos) << r.err;
}

TEST(TierJson, InputThatIsNotJsonExitsTwo) {
    const CommandRun r = run("{\"gender\": ");
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("not valid JSON"), std::string::npos) << r.err;
}

TEST(TierJson, EmptyInputExitsTwo) { EXPECT_EQ(run("").status, 2); }
