#pragma once
// 经理授权 at the tender screen (issue 18): head office cannot be reached and the
// member's offline allowance is spent (core's ChainSettle refuses with
// offline_member_allowance). A manager (the role the CLI's Guard action
// sale.manual_discount allows) taps their name and types their PIN; the PIN is
// checked on the PIN lane as sign-in checks it (its lockout), never on the frame.
// Once approved, this sale, with exactly these payments, settles once with
// `approved_by` set as `salon-kiosk sale` sets it (the sale, its chain_spends row,
// the audit entry). The store-wide and per-sale caps and "offline too long" are
// never lifted: only this refusal offers 经理授权.
#include <functional>
#include <string>

#include "app/core/sale.h"
#include "app/kiosk/checkout_counter.h"
#include "app/ui/checkout/checkout_view.h"

namespace salon::kiosk {

class CheckoutApproval {
 public:
  explicit CheckoutApproval(CheckoutCounter& c) : c_(c) {}

  // The refusal a manager's PIN lifts for `refused`: `left` is what the member may still spend offline.
  void offer(const std::string& left, const SaleRequest& refused);
  // A new sale, other payments, back to the cart: nothing offered, nothing approved.
  void reset();
  // `current`: the sale as 结账 would settle it now.
  void show(const SaleRequest& current);

  void on(const ui::CheckoutAskApproval&);
  void on(const ui::CheckoutChooseApprover& i);
  void on(const ui::CheckoutApprovalKeys& i);
  void on(const ui::CheckoutCancelApproval&);

  // The approving manager's code for `r` ("" when this sale and these payments were not approved).
  std::string approvedBy(const SaleRequest& r) const;
  // The manager approved: the desk settles again (with approvedBy).
  std::function<void()> approved;

 private:
  static std::string paymentsOf(const SaleRequest& r);
  void check(const std::string& pin);
  void checked(const std::string& managerCode, const std::string& error);
  void closeEntry();

  CheckoutCounter& c_;
  KeyEntry pin_{KeyEntry::Kind::Digits, 8};
  int attempt_ = 0;         // a check answered after a cancel or for another sale is dropped
  std::string saleId_;      // the sale the offer is for
  std::string approver_;    // the manager who approved (for saleId_ and payments_)
  std::string payments_;    // the payments they approved
};

}  // namespace salon::kiosk
