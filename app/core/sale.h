#pragma once
// A sale: what the cashier asked for (SaleRequest), and what is stored (Sale):
// priced lines with their staff, tenders, change, and every movement of points,
// stored value, package sessions, stock and arrears it causes. buildSale applies
// the money rules; storage writes the result in one transaction.
#include <optional>
#include <string>
#include <vector>

#include "app/core/cart.h"
#include "app/core/catalog.h"
#include "app/core/checkout_policy.h"
#include "app/core/member_account.h"
#include "app/core/member_tier.h"
#include "app/core/tender.h"

namespace salon {

struct LineRequest {
  std::string item;
  int qty = 1;
  std::vector<std::string> staff;  // up to 3
  std::vector<int> sharesBp;       // empty = equal shares
  Money discount;                  // manual line discount (manager)
  std::optional<Money> priceOverride;  // manager
};

// Chain value a sale spends (issue 18): the stored value (principal and bonus
// apart) and points that head office debited for it while the store was online,
// or that the store's offline allowance covers. The sale's stored-value and
// points tenders must take exactly this; what the store's own ledger lacks of it
// is posted first as a "chain_in" movement (head office skips those), so the
// store's balances never go below zero.
struct ChainSpend {
  Money principal, bonus;
  std::int64_t points = 0;
  bool offline = false;  // spent within the offline allowances, not debited at head office
  Money worth;           // principal + bonus + points at the store's fen per point (the allowances count this)
  bool empty() const { return principal.fen == 0 && bonus.fen == 0 && points == 0; }
};

struct SaleRequest {
  std::string id;  // UUID made before storing
  std::optional<CustomerId> customer;
  std::vector<LineRequest> lines;
  std::vector<TenderRequest> tenders;
  Money orderDiscount;        // manual order discount (manager)
  std::string reason;         // why the manual discount / override
  std::string approvedBy;     // the manager whose PIN was checked ("" = none)
  std::optional<Instant> completedAt;  // a late entry's real completion time
  std::optional<ChainSpend> chain;     // chain value (not part of the fingerprint: derived)
};

// A canonical text of the request, for the idempotency check.
std::string requestFingerprint(const SaleRequest& r);

struct LineStaff {
  std::string code;
  int shareBp = 10000;
};

struct SaleLine {
  int lineNo = 0;
  std::string item, name, category;
  ItemKind kind = ItemKind::Service;
  int qty = 1;          // negative in a reversal
  Money unitPrice;
  LineTotals totals;    // negative amounts in a reversal
  std::vector<LineStaff> staff;
  int reversesLine = 0;
};

struct PointsMove { std::int64_t delta = 0; std::string kind; Instant expiresAt = 0; };
struct StoredValueMove { Money principal, bonus; std::string kind; };
struct PackageMove { std::string packageId; int sessions = 0; std::string kind; };
struct StockMove { std::string item; int delta = 0; };
struct ArrearsMove { Money delta; std::string kind; };

enum class SaleKind { Sale, Void, Refund, ArrearsSettlement };
const char* saleKindName(SaleKind k);

struct Sale {
  std::string id;
  SaleKind kind = SaleKind::Sale;
  std::string reverses;      // the sale a void/refund reverses
  std::string businessDay;   // YYYY-MM-DD the sale is posted on
  Instant completedAt = 0, recordedAt = 0;
  std::string cashier;
  std::optional<CustomerId> customer;
  std::string customerName;
  std::string tierCode;
  bool birthday = false;
  std::vector<SaleLine> lines;
  CartTotals totals;
  std::vector<SaleTender> tenders;
  Money change;
  std::int64_t pointsEarned = 0;
  std::vector<PointsMove> points;
  std::vector<StoredValueMove> storedValue;
  std::vector<PackageMove> packageMoves;
  std::vector<CustomerPackage> newPackages;
  std::vector<StockMove> stock;
  std::vector<ArrearsMove> arrears;
  std::string reason, approvedBy;
  std::string fingerprint;
  std::optional<ChainSpend> chain;  // chain value spent (issue 18), kept in chain_spends
  // Balances after the sale (filled when stored / loaded).
  std::int64_t pointsAfter = 0;
  Money svPrincipalAfter, svBonusAfter, arrearsAfter;
  std::vector<CustomerPackage> packagesAfter;

  Money moneyTaken() const;  // cash + card + WeChat + Alipay (net of change)
};

struct SaleContext {
  const PriceBook& prices;
  const std::vector<MemberTier>& tiers;
  const CheckoutPolicy& policy;
  StoreZone zone;
  Instant now = 0;
  std::string businessDay;
  std::string cashier;
};

// Prices the request and checks every rule. `account` is the customer's state
// before the sale (null for a walk-in). DomainError on any refusal.
Sale buildSale(const SaleRequest& request, const MemberAccount* account, const SaleContext& ctx);

}  // namespace salon
