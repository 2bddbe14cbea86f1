#pragma once
// What a printed receipt says, as plain data. Checkout fills it from a stored
// sale; devices lays it out for the printer (assets/layouts/receipt.json).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/money.h"
#include "app/core/phone.h"  // maskPhone

namespace salon {

struct ReceiptLine {
  std::string name;        // item or service, e.g. "深层补水护理"
  int quantity = 1;
  Money unitPrice;
  Money amount;            // after the line's discount
  std::string staff;       // who served, e.g. "美容师 小林"
  Money discount;          // 0 when none
  std::string discountNote;  // e.g. "会员9折"
};

struct ReceiptTender {
  std::string method;      // as the customer reads it: 现金, 微信, 储值卡...
  Money amount;
};

struct ReceiptPackage {
  std::string name;        // e.g. "面部护理10次卡"
  int sessionsLeft = 0;
};

struct Receipt {
  std::string storeName, storeAddress, storePhone;
  std::string saleNo;      // the number on the paper, e.g. S01-20261122-0042
  std::string saleId;      // UUID of the sale: printed as a QR
  Instant at = 0;
  StoreZone zone;
  std::string cashier;
  std::string customerName;   // "" for a walk-in customer
  std::string customerPhone;  // full number; the layout masks it
  std::string memberNo;
  std::vector<ReceiptLine> lines;
  Money subtotal;          // before discounts
  Money discountTotal;     // all discounts, positive
  Money rounding;          // 抹零, negative when rounded down
  Money total;             // what is due
  std::vector<ReceiptTender> tenders;
  Money change;
  std::optional<std::int64_t> pointsEarned, pointsBalance;
  std::optional<Money> storedValueBalance;
  std::vector<ReceiptPackage> packages;
  Money arrears;           // 欠款 left on this customer, 0 when none
  std::string footer;      // the store's closing words
  int reprintCount = 0;    // 0 = the original
};

// A realistic sale for `print receipt test`, the demo and the benchmarks.
Receipt sampleReceipt(Instant at, int lineCount = 3);

}  // namespace salon
