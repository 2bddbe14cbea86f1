#pragma once
// What the checkout's three stages (cart, tender, settled) share: the screen's
// setup, the customer at the counter, the sale being made and its running
// totals, and the way a refusal or a hint is said on screen. Storage is
// reached through the back room's CheckoutStore only.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/core/checkout.h"
#include "app/core/checkout_store.h"
#include "app/kiosk/chain_search.h"
#include "app/kiosk/counter_figures.h"
#include "app/kiosk/desk.h"
#include "app/kiosk/text_entry.h"

namespace salon::kiosk {

constexpr Instant kUndoRemoveFor = 10 * kSecond;  // a removed line can be brought back this long

struct CheckoutLine {
  int id = 0;
  std::string item;
  int qty = 1;
  std::string staff;
  std::optional<Instant> finishedAt;  // 服务完成 tapped: the details clock runs from here
};

// 补录 (issue 15): the ticket is entered after the service was finished at `at`.
struct BackEntry {
  Instant at = 0;
  std::string reasonCode;  // forgot, system_down, customer_left (ui.checkout.back_entry.reason.*)
  std::string reason;      // as the sale carries it: the reason's words when it was chosen
};

struct RemovedLine {
  CheckoutLine line;
  std::size_t at = 0;
  Instant when = 0;
};

class CheckoutCounter {
 public:
  explicit CheckoutCounter(DeskContext& k)
      : figures(k, "checkout", [&k](const ui::MemberFiguresView& f) { k.view.checkout.bar.figures = f; }), chain(k), k_(k) {}

  DeskContext& k() { return k_; }
  const DeskContext& k() const { return k_; }
  ui::CheckoutView& view() { return k_.view.checkout; }
  CheckoutStore& store() { return k_.backroom.checkout(); }

  // A new sale for `customer` (0: a walk-in): the setup and staff list read again.
  void reset(CustomerId customer);
  // The staff member left: forget everything shown.
  void forget();
  // The customer at the counter: balances, health alert (a view of the file, audited),
  // and a member's figures (head office's or the store's, issue 18).
  void loadCustomer(CustomerId customer);
  // The member's figures asked again (head office refused a debit: its figures changed).
  void askFigures();
  // The cart priced exactly as buildSale will (core's priceCart), at a back-entry's completion time.
  void price();
  void refuse(const std::string& code);
  void hint(const std::string& key);
  Money due() const { return totals.total; }
  Money paid() const;
  // What a package tender covers: the net of the cart line of its service.
  Money packageValue(const std::string& packageId) const;
  std::string staffName(const std::string& code) const;
  // The view's stage is `stage`.
  bool at(ui::CheckoutStage stage) const { return k_.view.checkout.stage == stage; }

  // Loaded when the screen opens.
  std::optional<CheckoutSetup> setup;
  std::vector<Staff> staff;
  std::optional<MemberAccount> account;
  CustomerId customer = 0;
  std::vector<std::pair<std::string, std::string>> alert;  // health field → what the file says
  Money overdrawn;  // what head office turned this member's offline overdraws into (arrears)
  CounterFigures figures;  // the member's figures on the bar; a chain spend's tenders are checked against head office's
  HeadOfficeLines* headOffice = nullptr;  // the line to head office (a member's chain value is debited there first)
  ChainSearch chain;  // another store's member card: their file asked of head office
  bool alertAcknowledged = false;
  // The sale being made.
  std::vector<CheckoutLine> lines;
  int nextLine = 1;
  std::optional<RemovedLine> removed;
  Money orderDiscount;
  std::optional<BackEntry> backEntry;  // 补录: when the service was really finished, and why late
  std::vector<TenderRequest> tenders;
  std::string saleId;
  KeyEntry amount{KeyEntry::Kind::Yuan, 9};  // the tender keypad, yuan
  bool staticQr = false;                      // the keypad types a static-QR payment's digits
  KeyEntry staticQrDigits{KeyEntry::Kind::Digits, 32};
  std::vector<CartLine> cart;
  CartTotals totals;
  int attempt = 0;  // a picture or print for an older sale is dropped

 private:
  DeskContext& k_;
};

}  // namespace salon::kiosk
