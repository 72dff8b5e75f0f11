#include "enforcement/case_section.hpp"

#include <boost/json.hpp>

#include "contacts/model.hpp"
#include "enforcement/outcome_rules.hpp"
#include "enforcement/store.hpp"
#include "enforcement/views.hpp"

namespace onecase::enforcement {

namespace json = boost::json;

namespace {
constexpr int kAwaitingShown = 10;
}

json::object case_section(db::Connection& conn, std::int64_t person_id, const std::string& crn,
                          const access::Principal& who, bool may_write, platform::Instant now) {
    const bool spo = who.role == access::Role::spo;
    json::array open;
    json::array resolved;
    for (const auto& p : proposals_for_person(conn, person_id)) {
        const bool may_resolve = may_write && (!resolution_needs_spo(p.proposal) || spo);
        (p.resolved_at ? resolved : open).push_back(proposal_view(p, may_resolve));
    }
    json::array actions;
    for (const auto& a : actions_for_person(conn, person_id)) actions.push_back(action_view(a, may_write));
    json::array awaiting;
    for (const auto& a : appointments_awaiting_outcome(conn, person_id, now, kAwaitingShown)) {
        awaiting.push_back(json::object{{"id", a.id},
                                        {"type", contacts::contact_type_label(a.type).value_or(a.type)},
                                        {"start", display_time(a.start_at)},
                                        {"url", "/appointments/" + std::to_string(a.id) + "/outcome"}});
    }
    const bool has_open = !open.empty(), has_resolved = !resolved.empty(), has_actions = !actions.empty(),
               has_awaiting = !awaiting.empty();
    return json::object{{"proposals", std::move(open)},
                        {"hasProposals", has_open},
                        {"resolvedProposals", std::move(resolved)},
                        {"hasResolvedProposals", has_resolved},
                        {"actions", std::move(actions)},
                        {"hasActions", has_actions},
                        {"awaitingOutcome", std::move(awaiting)},
                        {"hasAwaitingOutcome", has_awaiting},
                        {"canRecord", may_write},
                        {"warningUrl", "/cases/" + crn + "/enforcement/warning"}};
}

}  // namespace onecase::enforcement
