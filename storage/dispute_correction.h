#pragma once
// An upheld dispute about a sale corrects the data by a reversing entry (a
// refund through the checkout module's own path), linked both ways: the refund's
// reason names the dispute, and the dispute keeps the refund's id.
#include <string>
#include <utility>
#include <vector>

#include "app/core/dispute.h"
#include "storage/sale_store.h"

namespace salon::storage {

// The refund's id. A retry (the dispute could not be saved after the refund)
// finds the refund made before instead of refunding twice. DomainError
// not_a_sale_dispute, dispute_customer_mismatch, and the refund's own refusals.
std::string refundForDispute(Database& db, const CheckoutSetup& setup, const Dispute& d,
                             const std::vector<std::pair<int, int>>& lines, const std::string& approvedBy,
                             const Staff& cashier, Instant now);

}  // namespace salon::storage
