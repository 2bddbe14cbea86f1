#pragma once
// Money owned by head office (issue 18, PROTOCOL.md "Head-office debits"): a store
// that is online spends a member's chain-wide stored value and points through a
// debit keyed by the sale's id, before it commits the sale:
//   POST /api/v1/members/<no>/debits {"sale","stored_value","points","staff"}
//     200 {"member_no","sale","debited":{"principal","bonus","points"},"stored_value":{"principal","bonus"},
//          "points","replayed"} (what is left to spend); a retry of the same sale
//     answers the same debit ("replayed": true), never a second one;
//     409 balance_short with what is left; 409 debit_conflict; 404 not_found.
//   POST /api/v1/members/<no>/debits/<sale>/release: the sale was refused at the
//     counter after all; the value is free again (once).
// Debits of one member are taken one at a time (the chain_members row is locked),
// so two stores spending the last ¥100 at once: one succeeds, the other is told
// the balance. The sale's upload posts its movements as always and ends the debit.
#include <vector>

#include <pqxx/transaction_base>

#include "app/hq/sale_projection.h"

namespace httplib {
class Server;
}

namespace salon::hq {

class ConnectionPool;

// In the batch's transaction: the debits of the sales among `fresh` end "posted"
// (not those `quarantined`: their money did not move, so their debits keep holding).
void endPostedDebits(pqxx::dbtransaction& w, const std::vector<const OutboxEvent*>& fresh,
                     const std::vector<QuarantinedEvent>& quarantined);

void mountMemberDebits(httplib::Server& server, ConnectionPool& pool);

}  // namespace salon::hq
