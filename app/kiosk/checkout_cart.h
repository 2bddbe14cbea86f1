#pragma once
// The checkout's first stage: who the customer is (a member found by phone,
// card or scan), the tiles by category, the lines with who serves them, the
// counter discount and 开班 — until 结账 opens the tender stage.
#include <string>

#include "app/kiosk/checkout_counter.h"
#include "app/ui/checkout/checkout_view.h"

namespace salon::kiosk {

class CheckoutCart {
 public:
  explicit CheckoutCart(CheckoutCounter& c) : c_(c) {}

  // The bar, the tiles, the lines and the totals.
  void show();

  void on(const ui::CheckoutAcknowledgeAlert&);
  void on(const ui::CheckoutFindMember&);
  void on(const ui::CheckoutEntryKeys& i);
  void on(const ui::CheckoutPickCustomer& i);
  void on(const ui::CheckoutStayWalkIn&);
  void on(const ui::CheckoutPickCategory& i);
  void on(const ui::CheckoutAddItem& i);
  void on(const ui::CheckoutAskStaff& i);
  void on(const ui::CheckoutChooseStaff& i);
  void on(const ui::CheckoutRemoveLine& i);
  void on(const ui::CheckoutFinishService& i);
  void on(const ui::CheckoutUndoRemove&);
  void on(const ui::CheckoutOpenDiscount&);
  void on(const ui::CheckoutOpenTender&);
  void on(const ui::CheckoutOpenDay&);
  // A card, a member number or a phone scanned (or typed and Enter) in the cart:
  // true when it named a customer (or found some by phone).
  bool scanned(const std::string& payload);
  // The undo offer ran out; true if the view changed.
  bool tick();

 private:
  bool askHeadOffice(const std::string& memberNo, const std::string& payload);
  std::string chainAsked_;  // the member number head office just brought in
  void showBar();
  void showCategories();
  void showLines();
  void showStaffChoices();
  void showTotals();
  void openDay(const std::string& text);
  void setDiscount(const std::string& text);
  void findMember(const std::string& digits);
  void chooseCustomer(CustomerId id);
  bool mayAdd(const CatalogItem& item);

  CheckoutCounter& c_;
  KeyEntry entry_{KeyEntry::Kind::Digits, 15};  // the keypad of the open entry (phone, discount, float)
};

}  // namespace salon::kiosk
