#pragma once
// The sales report: revenue per day against the previous period, by category,
// the top services, the payment mix, discounts given, voids and refunds.
#include <optional>
#include <string>
#include <vector>

#include "app/core/report_book.h"

namespace salon {

struct DayRevenue {
  std::string date, previousDate;  // the same place in the previous period
  Money amount, previous;
};

struct SalesReport {
  ReportPeriod period, previous;
  std::vector<DayRevenue> days;  // every day of the period, zero days too
  Money total, previousTotal;
  std::optional<int> changeBp;   // on the previous period
  Money moneyTaken;              // cash + card + WeChat + Alipay
  std::int64_t sales = 0, voids = 0, refunds = 0;
  std::vector<NamedAmount> byCategory, topServices, payments;
  Money benefits, lineDiscounts, orderDiscount;
  Money discounts() const { return benefits + lineDiscounts + orderDiscount; }
  std::vector<ReversalEntry> reversals;
};

// The payment mix in a fixed order, every tender listed (zero ones too).
const std::vector<std::string>& paymentMixOrder();

SalesReport salesReport(ReportBook& book, const ReportPeriod& period);

}  // namespace salon
