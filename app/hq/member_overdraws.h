#pragma once
// Overdraws (issue 18): a sale uploaded that took more of a member's stored value
// or points than head office held for them (an offline sale within the store's
// allowances, or two stores offline at once) is posted anyway. In the batch's
// transaction, after the movements are projected: what it took beyond the
// balance (less what other stores' open debits hold, and at most what this
// batch's sales took) becomes arrears on the member, kept at the store that sold
// it (member_movements reason "overdraw": the stored value made whole, the
// arrears charged; points beyond the balance are written off), an alert row in
// member_overdraws and on stderr, and the down change `member.overdraw` to that
// store, which posts the arrears on the member's file (the store's arrears rules
// then apply).
#include <string>
#include <vector>

#include <pqxx/transaction_base>

#include "app/hq/sale_projection.h"

namespace salon::hq {

void postOverdraws(pqxx::dbtransaction& w, const std::string& store, const std::vector<const OutboxEvent*>& fresh);

}  // namespace salon::hq
