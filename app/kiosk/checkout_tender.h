#pragma once
// The checkout's second stage: split payments (cash with change, card, a
// scanned WeChat / Alipay code, stored value, points, arrears, package
// sessions), checked by core's tender rules as they are added, and 结账.
#include <functional>
#include <optional>
#include <string>

#include "app/core/sale.h"
#include "app/kiosk/checkout_approval.h"
#include "app/kiosk/checkout_counter.h"
#include "app/ui/checkout/checkout_view.h"

namespace salon::kiosk {

class CheckoutTender {
 public:
  CheckoutTender(CheckoutCounter& c, CheckoutApproval& approval) : c_(c), approval_(approval) {}

  // The tenders, what is paid and left, the quick-cash amounts and the ways to pay.
  void show();

  void on(const ui::CheckoutBackToCart&);
  void on(const ui::CheckoutAmountKeys& i);
  // The customer scanned the store's own QR code: the keypad takes the end of the
  // transaction number their phone shows, and 微信 / 支付宝 record it (a second tap: back).
  void on(const ui::CheckoutStaticQr&);
  void on(const ui::CheckoutQuickCash& i);
  void on(const ui::CheckoutAddTender& i);
  void on(const ui::CheckoutUsePackage& i);
  void on(const ui::CheckoutRemoveTender& i);
  // A payment code scanned at the tender screen pays (what is left or the amount typed).
  // True when it was a payment code.
  bool scanned(const std::string& payload);
  // 结账: the settled sale (or the one already stored under this id), or
  // nothing when refused (said on screen) or when head office is being asked
  // to debit a member's chain value first (issue 18): that settles on the
  // Lookups lane and `settledLater` gets the sale (a refusal is said on screen).
  std::optional<Sale> settle();
  std::function<void(const Sale&)> settledLater;

  // The current sale's lines and tenders, as core will be asked to settle them.
  SaleRequest request() const;

 private:
  void showTenders();
  void showQuickCash(Money left);
  void showOptions();
  bool holdsTopUp() const;
  void addTender(TenderType type, std::optional<Money> typed);
  void leaveStaticQr();
  std::optional<MemberAccount> chainAccount() const;
  bool spendsChainValue(const SaleRequest& r);
  void settleThroughHeadOffice(const SaleRequest& r);
  void refusedByHeadOffice(const SaleRequest& r, const std::string& code, const std::string& detail);

  CheckoutCounter& c_;
  CheckoutApproval& approval_;  // 经理授权 past the member's offline allowance
  bool asking_ = false;  // head office is debiting this sale: 结账 waits
};

}  // namespace salon::kiosk
