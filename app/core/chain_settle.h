#pragma once
// Money owned by head office (issue 18): settling a sale that spends a member's
// chain-wide stored value or points at an enrolled store.
//
// Online: head office debits the member first, keyed by the sale's id (a retry
// debits once), with the package sessions the sale uses (a package only this store
// holds yet is not held there), and answers the principal / bonus split it took; then the sale
// is committed here with that split (SaleRequest::chain). Head office refusing
// (the balance is short, e.g. another store spent the last ¥100 a moment ago) is
// DomainError chain_balance_short with what is left; nothing is written. A sale
// the store refuses after its debit releases the debit again. A crash between
// the debit and the commit leaves the debit open: the same sale settled again
// is the same debit, and a debit whose sale never arrives stops holding after
// the chain setting debits.hold_hours (24).
//
// Offline (no enrolment line answers within the counter's timeout): a sale that
// only uses package sessions is the store's own, as before (a package is used where it
// is held); one that spends chain value may still do so, within the store's offline allowances
// (OfflineAllowances, README "Offline allowances"); the upload posts it and
// head office turns an overdraw into arrears.
//
// Over ports only: the checkout store, the enrolment and the line to head
// office (whose timeouts the caller chose), the log of chain spends.
#include <optional>
#include <string>
#include <vector>

#include "app/core/checkout_store.h"
#include "app/core/head_office.h"
#include "app/core/sync_store.h"

namespace salon {

// The store's offline allowances (store settings, chain settings from head office).
struct OfflineAllowances {
  Money perMember = Money::yuan(500);   // chain.offline.member_fen: one member, since the last contact
  Money perStore = Money::yuan(5000);   // chain.offline.store_fen: the whole store, since the last contact
  Money perSale = Money::yuan(1000);    // chain.offline.sale_fen: one sale, even with a manager's PIN
  int maxHours = 24;                    // chain.offline.max_hours: since the last contact with head office
};
// Reads the four settings (absent or unreadable: the default).
OfflineAllowances offlineAllowances(CheckoutStore& store);

// Chain value spent offline since an instant (storage keeps chain_spends with the sale).
struct OfflineSpent {
  Money store, member;  // stored value + points at fenPerPoint
};
// A sale of this store that head office found overdrew a member (member.overdraw,
// sent down after the upload): what it put on the member's arrears.
struct ChainOverdraw {
  std::string saleId;
  CustomerId customer = 0;
  std::string memberNo, name;
  Money arrears;   // what the overdraw became
  Money owes;      // the member's arrears now (paid back: 0)
  Instant at = 0;  // when it came down
};
// The overdraw arrears a member still owes: at most their arrears now.
Money overdrawOwed(Money overdrawn, Money arrearsNow);

class ChainSpends {
 public:
  virtual ~ChainSpends() = default;
  virtual OfflineSpent offlineSince(Instant since, const std::string& memberNo) = 0;
  // Overdraws of members who still owe arrears, newest first, at most `limit`.
  virtual std::vector<ChainOverdraw> owedOverdraws(int limit) = 0;
  // All the overdraws of one customer (what they came to), 0 when none.
  virtual Money overdrawn(CustomerId customer) = 0;
};

struct ChainSettled {
  SettleResult settled;
  std::string mode;  // "hq": debited at head office; "offline": within the allowances; "": the store's own
};

class ChainSettle {
 public:
  // `lines` null: no line to head office (the store's own figures, as before).
  ChainSettle(CheckoutStore& store, SyncStore& sync, ChainSpends& spends, HeadOfficeLines* lines, const Clock& clock)
      : store_(store), sync_(sync), spends_(spends), lines_(lines), clock_(clock) {}

  // DomainError: chain_balance_short (head office: "principal,bonus,points" left),
  // offline_member_allowance (a manager's PIN lets it through), offline_store_allowance,
  // offline_sale_cap, offline_too_long (hours since the last contact), and every
  // refusal of the checkout.
  ChainSettled settle(SaleRequest request, const CheckoutSetup& setup, const Staff& cashier);

 private:
  ChainSettled online(SaleRequest& request, const CheckoutSetup& setup, const Staff& cashier, HeadOffice& hq,
                      const std::string& memberNo, const ChainSpend& want, std::vector<ChainSessions> sessions);
  ChainSettled offline(SaleRequest& request, const CheckoutSetup& setup, const Staff& cashier,
                       const MemberAccount& account, const ChainSpend& want);
  // The package sessions the sale uses (issue 18: held at head office too).
  std::vector<ChainSessions> preview(const SaleRequest& request, MemberAccount account, const CheckoutSetup& setup,
                                     const Staff& cashier, const ChainSpend& want);

  CheckoutStore& store_;
  SyncStore& sync_;
  ChainSpends& spends_;
  HeadOfficeLines* lines_;
  const Clock& clock_;
};

}  // namespace salon
