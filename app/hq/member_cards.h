#pragma once
// Member cards across the chain (issue 18), projected in the batch's transaction:
// `card.keys` ({"keys": [hex public keys]}: the store's card-signing keys, every
// generation) is kept in store_card_keys and sent down to every store as the change
// `card.keys` (key = the store), so any store verifies any store's card;
// `member_card.issued|reprinted|reissued` ({"member_no", "version", ...}) raises the
// member's version in force in chain_member_cards and, when it went up, sends
// `member.card` {"member_no", "version", "store"} down to every store, which then
// refuses the older card (card_revoked).
#include <string>
#include <vector>

#include <pqxx/transaction_base>

#include "app/hq/sale_projection.h"

namespace salon::hq {

std::vector<QuarantinedEvent> projectCardEvents(pqxx::dbtransaction& w, const std::string& store,
                                                const std::vector<const OutboxEvent*>& fresh);

}  // namespace salon::hq
