#pragma once
// What the risk pages and API do, once: authorise, validate, write, recalculate the
// tier and audit in one transaction; or authorise, read and audit.
#include <boost/json/object.hpp>

#include <functional>

#include "access/guard.hpp"
#include "casework/case_access.hpp"
#include "risk/risk_store.hpp"

namespace onecase::casework {

using RiskReader = std::function<boost::json::object(db::Connection&, const AuthorisedCase&)>;

// Reads with `reader` after authorising (for writing when `write`: a form for a
// change), and audits `action` on the case.
Result<boost::json::object> read_risk(access::RouteDeps& deps, const http::Request& req, const access::Principal& who,
                                      const std::string& crn, const std::string& action, const RiskReader& reader,
                                      bool write = false);

// Each returns the changed registration / assessment with the tier it gave.
Result<boost::json::object> add_registration(access::RouteDeps& deps, const http::Request& req,
                                             const access::Principal& who, const std::string& crn,
                                             const risk::RegistrationInput& input);
Result<boost::json::object> review_registration(access::RouteDeps& deps, const http::Request& req,
                                                const access::Principal& who, const std::string& crn, std::int64_t id,
                                                const risk::ReviewInput& input);
Result<boost::json::object> deregister_registration(access::RouteDeps& deps, const http::Request& req,
                                                    const access::Principal& who, const std::string& crn,
                                                    std::int64_t id, const risk::DeregistrationInput& input);
Result<boost::json::object> add_assessment(access::RouteDeps& deps, const http::Request& req,
                                           const access::Principal& who, const std::string& crn,
                                           const risk::AssessmentInput& input);
Result<boost::json::object> recalculate_case_tier(access::RouteDeps& deps, const http::Request& req,
                                                  const access::Principal& who, const std::string& crn);

// The API's reading of an assessment body (shared with tests of the page form).
risk::AssessmentInput assessment_input_from_json(const boost::json::object& o, std::vector<FieldError>& errors);

}  // namespace onecase::casework
