#pragma once
// 补录 on the checkout screen (issue 15): the cashier marks the ticket as entered
// after the service was really finished: when (15 分钟前 … 2 小时前, or a time of
// today typed on the keypad) and why (a preset reason). Core's rules decide:
// nothing in the future, nothing before the open business day was opened
// (core/back_entry.h); the cart is priced at that time and 结账 sends it as the
// sale's completedAt and reason; core counts the record late past 10 minutes.
#include <optional>
#include <string>

#include "app/kiosk/checkout_counter.h"
#include "app/ui/checkout/checkout_view.h"

namespace salon::kiosk {

class CheckoutBackEntry {
 public:
  explicit CheckoutBackEntry(CheckoutCounter& c) : c_(c) {}

  // The banner (the ticket's back-entry) and the editor while it is open.
  void show();

  void on(const ui::CheckoutOpenBackEntry&);
  void on(const ui::CheckoutBackEntryTime& i);
  void on(const ui::CheckoutBackEntryKeys& i);
  void on(const ui::CheckoutBackEntryReason& i);
  void on(const ui::CheckoutApplyBackEntry&);
  void on(const ui::CheckoutCancelBackEntry&);
  // The ticket's back-entry checked again at 结账 (the day may have changed since):
  // false when refused, said on screen. True for a sale made now.
  bool stillAllowed();

 private:
  bool editing() const;
  // Core's bounds for a completion time; a refusal is said on screen.
  bool allowed(Instant at);
  void closeEditor();

  CheckoutCounter& c_;
  std::optional<Instant> draftAt_;
  int choice_ = -1;
  std::string reason_;
  bool typing_ = false;
  KeyEntry typed_{KeyEntry::Kind::Digits, 4};  // HHMM
};

}  // namespace salon::kiosk
