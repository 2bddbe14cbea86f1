#include "app/kiosk/checkout_counter.h"

#include "app/core/chain_settle.h"
#include "app/core/customer_file.h"
#include "app/core/error.h"

namespace salon::kiosk {

void CheckoutCounter::reset(CustomerId who) {
  ++attempt;
  k_.view.checkout = {};
  setup = store().setup();
  staff = store().staffList();
  lines.clear();
  nextLine = 1;
  removed.reset();
  orderDiscount = Money();
  backEntry.reset();
  tenders.clear();
  saleId.clear();
  amount.clear();
  staticQr = false;
  staticQrDigits.clear();
  loadCustomer(who);
  price();
}

void CheckoutCounter::forget() {
  ++attempt;
  setup.reset();
  account.reset();
  figures.forget();
  lines.clear();
  tenders.clear();
  removed.reset();
  backEntry.reset();
  k_.view.checkout = {};
}

// The bar shows balances and the health section: a view of the file, audited.
void CheckoutCounter::loadCustomer(CustomerId who) {
  customer = 0;
  account.reset();
  alert.clear();
  alertAcknowledged = false;
  overdrawn = Money();
  figures.forget();
  k_.view.checkout.bar = {};
  if (who == 0) return;
  account = store().account(who, setup->policy, k_.clock.now());
  if (!account) return;
  customer = who;
  overdrawn = k_.backroom.chainSpends().overdrawn(who);
  if (auto file = k_.backroom.files().load(who)) {
    for (const char* key : {"allergies", "illnesses", "medication"}) {
      const std::string& value = file->field(key).value;
      if (!value.empty()) alert.push_back({key, value});
    }
    k_.view.checkout.bar.memberNo = file->summary.memberNo;
    k_.view.checkout.bar.fileNo = file->summary.fileNo;
  }
  k_.audit.append(auditOf(k_.clock.now(), k_.staff ? k_.staff->code : "", "customer.view", "customer",
                          std::to_string(who), "checkout", "name,member,health"));
  askFigures();
}

void CheckoutCounter::askFigures() {
  figures.ask(k_.view.checkout.bar.memberNo, [this](const std::string& code) {
    const CatalogItem* item = setup ? setup->prices.item(code) : nullptr;
    return item ? item->name : code;
  });
}

void CheckoutCounter::price() {
  std::vector<CartItem> items;
  items.reserve(lines.size());
  for (const CheckoutLine& l : lines) items.push_back({l.item, l.qty});
  const MemberAccount* who = account ? &*account : nullptr;
  const Instant at = backEntry ? backEntry->at : k_.clock.now();  // a back-entry prices as it was then
  try {
    priceCart(items, orderDiscount, who, *setup, at, cart, totals);
  } catch (const DomainError& e) {
    orderDiscount = Money();
    priceCart(items, orderDiscount, who, *setup, at, cart, totals);
    refuse(e.code());
  }
}

std::string CheckoutCounter::staffName(const std::string& code) const {
  for (const Staff& s : staff)
    if (s.code == code) return s.name;
  return code;
}

void CheckoutCounter::refuse(const std::string& code) {
  k_.view.checkout.message = k_.catalog.text("error." + code);
  k_.view.checkout.messageIsError = true;
}

void CheckoutCounter::hint(const std::string& key) {
  k_.view.checkout.message = k_.catalog.text(key);
  k_.view.checkout.messageIsError = false;
}

Money CheckoutCounter::packageValue(const std::string& packageId) const {
  const CustomerPackage* p = account ? account->package(packageId) : nullptr;
  if (!p) return Money();
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].item == p->serviceCode && i < totals.lines.size()) return totals.lines[i].net;
  return Money();
}

Money CheckoutCounter::paid() const {
  Money m;
  for (const TenderRequest& t : tenders) m += t.type == TenderType::Package ? packageValue(t.ref) : t.amount;
  return m;
}

}  // namespace salon::kiosk
