#include <gtest/gtest.h>

#include "http/request.hpp"
#include "http/router.hpp"

using namespace onecase::http;

namespace {
Request request(std::string method, std::string path) {
    Request req;
    req.method = std::move(method);
    req.path = std::move(path);
    return req;
}
}  // namespace

TEST(Router, MatchesLiteralAndParameterSegments) {
    Router r;
    r.add("GET", "/api/v1/people/{crn}/contacts", [](Request& req) { return Response::text(req.path_params.at("crn")); });
    r.add("POST", "/api/v1/people/{crn}/contacts", [](Request&) { return Response::text("post", 201); });
    Request get = request("GET", "/api/v1/people/X123456/contacts");
    EXPECT_EQ(r.dispatch(get).body, "X123456");
    Request post = request("POST", "/api/v1/people/X123456/contacts");
    EXPECT_EQ(r.dispatch(post).status, 201);
    Request del = request("DELETE", "/api/v1/people/X123456/contacts");
    EXPECT_EQ(r.dispatch(del).status, 405);
    Request none = request("GET", "/api/v1/nothing");
    EXPECT_EQ(r.dispatch(none).status, 404);
}

TEST(Router, ListsItsRoutesAsWrittenInTheOrderAdded) {
    Router r;
    r.add("GET", "/cases/{crn}", [](Request&) { return Response::text(""); });
    r.add("POST", "/cases/{crn}/contacts", [](Request&) { return Response::text(""); });
    const std::vector<RouteInfo> expected{{"GET", "/cases/{crn}"}, {"POST", "/cases/{crn}/contacts"}};
    EXPECT_EQ(r.routes(), expected);
}

TEST(Forms, UrlencodedBodiesDecodePlusAndPercent) {
    auto f = parse_urlencoded("notes=Rang+Jo+%26+Sam%0Aok&type=phone&empty=&bad=%zz");
    EXPECT_EQ(f["notes"], "Rang Jo & Sam\nok");
    EXPECT_EQ(f["type"], "phone");
    EXPECT_EQ(f["empty"], "");
    EXPECT_EQ(f["bad"], "%zz");
}

TEST(Cookies, FoundByNameAmongOthers) {
    Request req;
    req.headers["cookie"] = "a=1; onecase_session=abc; b=2";
    EXPECT_EQ(req.cookie("onecase_session"), "abc");
    EXPECT_FALSE(req.cookie("missing").has_value());
}
