#include "storage/dispute_correction.h"

#include "app/core/error.h"
#include "app/core/uuid.h"

namespace salon::storage {

std::string refundForDispute(Database& db, const CheckoutSetup& setup, const Dispute& d,
                             const std::vector<std::pair<int, int>>& lines, const std::string& approvedBy,
                             const Staff& cashier, Instant now) {
  if (d.recordType != "sale") throw DomainError("not_a_sale_dispute", d.id);
  const std::string reason = "异议更正 " + d.id;
  auto earlier = guarded([&]() -> std::optional<std::string> {
    SQLite::Statement q(db.sql(), "SELECT id FROM sales WHERE reverses = ? AND kind = 'refund' AND reason = ?");
    q.bind(1, d.recordId);
    q.bind(2, reason);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
  });
  if (earlier) return *earlier;
  auto original = guarded([&] { return loadSale(db.sql(), d.recordId); });
  if (!original) throw DomainError("unknown_sale", d.recordId);
  if (original->customer != std::optional<CustomerId>(d.customer)) throw DomainError("dispute_customer_mismatch", d.id);
  ReversalRequest req{newUuid(), SaleKind::Refund, lines, reason, approvedBy};
  return SaleStore(db, setup).reverse(req, d.recordId, cashier, now).sale.id;
}

}  // namespace salon::storage
