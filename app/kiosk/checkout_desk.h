#pragma once
// The counter's checkout: a cart priced by core's money rules, a tender screen
// with split payments, one settlement per sale id however often 结账 is tapped,
// then the receipt preview (core's Tickets port) and printing through the
// shared spool. The desk routes each intent to its stage: the cart
// (checkout_cart.h), the tender (checkout_tender.h) with its manager's approval
// past a member's offline allowance (checkout_approval.h) and the settled sale
// (checkout_settled.h), which share the counter (checkout_counter.h); a ticket
// may be a back-entry (补录, checkout_back_entry.h).
#include <optional>
#include <string>

#include "app/core/sale.h"
#include "app/core/tickets.h"
#include "app/kiosk/checkout_approval.h"
#include "app/kiosk/checkout_back_entry.h"
#include "app/kiosk/checkout_cart.h"
#include "app/kiosk/checkout_counter.h"
#include "app/kiosk/checkout_parked.h"
#include "app/kiosk/checkout_settled.h"
#include "app/kiosk/checkout_tender.h"
#include "app/kiosk/desk.h"
#include "app/ui/checkout/checkout_view.h"

namespace salon::kiosk {

class CheckoutDesk : public Desk {
 public:
  using PictureUpload = kiosk::PictureUpload;
  static constexpr Instant kUndoFor = kUndoRemoveFor;  // a removed line can be brought back this long

  explicit CheckoutDesk(DeskContext& k) : Desk(k), counter_(k) {
    // A sale head office debited first comes back from the Lookups lane (issue 18).
    tender_.settledLater = [this](const Sale& sale) {
      settled_.finish(sale);
      show();
    };
    // A manager approved past the member's offline allowance: 结账 again, once.
    approval_.approved = [this] {
      k_.view.checkout.message.clear();
      counter_.hint("ui.checkout.approval.approved");
      route(ui::CheckoutSettle{});
      show();
    };
  }
  void open(CustomerId customer) override;
  void apply(const ui::CheckoutIntent& intent);
  bool tick() override;
  void languageChanged() override { show(); }
  void locked() override;
  bool offered() const override;
  // A reader's scan while Checkout is shown: a member in the cart, a payment code at the tender.
  std::optional<bool> scanned(const std::string& payload) override;

  // The composition root wires the tickets port (without it: no picture, no printing).
  void setTickets(Tickets* tickets, PictureUpload upload) { settled_.setTickets(tickets, std::move(upload)); }
  // The spool finished a job (on the main thread).
  void printFinished(const std::string& jobId, PrintJobState state, const std::string& reason) override {
    settled_.printFinished(jobId, state, reason);
  }

  // The line to head office for a member's figures on the bar (short timeouts); null: the store's own.
  void setFiguresLines(HeadOfficeLines* lines) {
    counter_.figures.setLines(lines);
    counter_.headOffice = lines;  // and the debit of a member's chain value at 结账 (issue 18)
    counter_.chain.setLines(lines);  // and another store's member card
  }

  // A lock put an open ticket aside: it is given back at the next sign-in.
  bool hasLockedTicket() const { return parked_.hasLocked(); }
  bool hasTicketFor(CustomerId customer) const { return parked_.holdsFor(customer); }

  // Today's line 总部：离线超额已转为欠款 (issue 18): the newest `limit` overdraws of
  // members who still owe, for whoever may settle sales.
  std::vector<ui::HomeOverdraw> overdrawsForHome(int limit) const;

  // The current sale's lines and tenders, as core will be asked to settle them.
  SaleRequest request() const { return tender_.request(); }

 private:
  void show();
  template <class I>
  void route(const I& intent);
  void route(const ui::CheckoutScanned& i) { routeScan(i.payload); }
  bool routeScan(const std::string& payload);
  void route(const ui::CheckoutSettle&);
  void route(const ui::CheckoutPrint& i) { settled_.on(i); }
  void route(const ui::CheckoutNewSale&);
  void route(const ui::CheckoutPark&);
  void route(const ui::CheckoutResume& i);
  bool openTicket() const;
  void resume(std::size_t index);
  void showParked();

  CheckoutCounter counter_;
  CheckoutCart cart_{counter_};
  CheckoutBackEntry backEntry_{counter_};
  CheckoutApproval approval_{counter_};
  CheckoutTender tender_{counter_, approval_};
  CheckoutSettled settled_{counter_};
  ParkedTickets parked_;
};

}  // namespace salon::kiosk
