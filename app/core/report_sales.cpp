#include "app/core/report_sales.h"

#include <algorithm>

#include "app/core/tender.h"

namespace salon {
namespace {

std::vector<DayRevenue> dayRows(const ReportPeriod& p, const ReportPeriod& prev, const std::map<std::string, Money>& now,
                                const std::map<std::string, Money>& before) {
  std::vector<DayRevenue> out;
  for (int i = 0; i < periodDays(p); ++i) {
    DayRevenue d;
    d.date = formatDate(addDays(p.from, i));
    d.previousDate = formatDate(addDays(prev.from, i));
    if (auto it = now.find(d.date); it != now.end()) d.amount = it->second;
    if (auto it = before.find(d.previousDate); it != before.end()) d.previous = it->second;
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<NamedAmount> paymentMix(const std::vector<NamedAmount>& byTender) {
  std::vector<NamedAmount> out;
  for (const auto& key : paymentMixOrder()) {
    NamedAmount n{key, key, Money(), 0};
    for (const auto& t : byTender)
      if (t.key == key) n = t;
    out.push_back(n);
  }
  for (const auto& t : byTender)  // anything else the books hold (arrears charged)
    if (std::find(paymentMixOrder().begin(), paymentMixOrder().end(), t.key) == paymentMixOrder().end())
      out.push_back(t);
  return out;
}

}  // namespace

const std::vector<std::string>& paymentMixOrder() {
  static const std::vector<std::string> order = {"cash", "card", "wechat", "alipay", "stored_value", "package", "points"};
  return order;
}

SalesReport salesReport(ReportBook& book, const ReportPeriod& period) {
  SalesReport r;
  r.period = period;
  r.previous = previousPeriod(period);
  SalesLedger l = book.salesLedger(period);
  auto before = book.dailyTotals(r.previous);
  r.days = dayRows(period, r.previous, l.byDay, before);
  for (const auto& d : r.days) {
    r.total += d.amount;
    r.previousTotal += d.previous;
  }
  r.changeBp = changeBp(r.total.fen, r.previousTotal.fen);
  r.sales = l.sales;
  r.voids = l.voids;
  r.refunds = l.refunds;
  r.byCategory = l.byCategory;
  r.topServices.assign(l.byService.begin(), l.byService.begin() + std::min<std::size_t>(10, l.byService.size()));
  r.payments = paymentMix(l.byTender);
  for (const auto& t : r.payments) {
    auto type = tenderFromName(t.key);
    if (type && isMoney(*type)) r.moneyTaken += t.amount;
  }
  r.benefits = l.benefits;
  r.lineDiscounts = l.lineDiscounts;
  r.orderDiscount = l.orderDiscount;
  r.reversals = l.reversals;
  return r;
}

}  // namespace salon
