#pragma once
// Voids (same business day, whole sale) and refunds (later, whole or some lines):
// new entries that reverse the original and restore points, stored value and
// package sessions consistently. Arrears settlement is its own entry too.
#include <string>
#include <utility>
#include <vector>

#include "app/core/sale.h"

namespace salon {

struct ReversalRequest {
  std::string id;  // UUID of the new entry
  SaleKind kind = SaleKind::Refund;
  std::vector<std::pair<int, int>> lines;  // (line no, qty); empty = all that is left
  std::string reason, approvedBy;          // a manager's PIN was checked
};

// `earlier`: the reversals already made of `original`. `account`: the customer's
// state now. DomainError: manager_approval_required, void_other_day,
// already_reversed, refund_exceeds, not_reversible, ...
Sale buildReversal(const ReversalRequest& request, const Sale& original, const std::vector<Sale>& earlier,
                   const MemberAccount* account, const SaleContext& ctx);

// The canonical text of a reversal / an arrears payment, for the idempotency check.
std::string reversalFingerprint(const ReversalRequest& request, const std::string& originalId);
std::string arrearsFingerprint(const std::string& id, CustomerId customer, const std::vector<TenderRequest>& tenders);

// Paying off arrears: money tenders only, at most what is owed.
Sale buildArrearsSettlement(const std::string& id, const MemberAccount& account,
                            const std::vector<TenderRequest>& tenders, const SaleContext& ctx);

}  // namespace salon
