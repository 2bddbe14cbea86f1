#pragma once
// Members' money across the chain (issue 18), projected in the batch's
// transaction like the sales: the "movements" a sale event carries (PROTOCOL.md,
// "Member movements") become rows of member_movements, each with the store that
// sold the value and the store that used it, and the per-member balances
// (member_value per selling store, member_packages) move with them.
// points.expired (the kiosk's housekeeping) and member.opening (an old membership's
// balances as they were, once: storage/member_openings.h) carry movements the same way;
// customer.registered names a member's home store.
//
// Who sold what is used: a top-up, points earned, a package bought and arrears
// charged belong to the store that made them; a spend (a redemption, a session,
// a settlement) takes from the member's oldest selling store first; a reversal
// gives back to, or takes from, the stores its original sale moved.
#include <string>
#include <vector>

#include "app/hq/sale_projection.h"

namespace salon::hq {

// `skip`: events another projection already quarantined (their money does not move).
std::vector<QuarantinedEvent> projectMemberEvents(pqxx::dbtransaction& w, const std::string& store,
                                                  const std::vector<const OutboxEvent*>& fresh,
                                                  const std::vector<QuarantinedEvent>& skip);

}  // namespace salon::hq
