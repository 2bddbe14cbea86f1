#include "app/core/business_day.h"

#include <algorithm>
#include <map>

#include "app/core/error.h"

namespace salon {

const std::string& postingDay(const std::optional<BusinessDay>& openDay) {
  if (!openDay || openDay->closedAt) throw DomainError("day_not_open", "");
  return openDay->date;
}

std::string dayToOpen(const std::optional<BusinessDay>& openDay, bool dateAlreadyClosed, Instant now,
                      StoreZone zone) {
  if (openDay && !openDay->closedAt) throw DomainError("day_already_open", openDay->date);
  std::string date = formatDate(localDate(now, zone));
  if (dateAlreadyClosed) throw DomainError("day_closed", date);
  return date;
}

const std::vector<std::int64_t>& cashDenominations() {
  static const std::vector<std::int64_t> all = {10000, 5000, 2000, 1000, 500, 100, 50, 10};
  return all;
}

Money countCash(const std::map<std::int64_t, int>& denominations) {
  const auto& valid = cashDenominations();
  Money sum;
  for (const auto& [fen, n] : denominations) {
    if (std::find(valid.begin(), valid.end(), fen) == valid.end() || n < 0)
      throw DomainError("bad_denomination", std::to_string(fen));
    sum += Money(fen) * n;
  }
  return sum;
}

std::vector<StaffShare> staffShares(const Sale& sale) {
  std::vector<StaffShare> out;
  Money total = sale.totals.total;
  Money money = sale.moneyTaken();
  for (const auto& l : sale.lines) {
    // The money part of this line: the sale's money spread over its lines.
    Money moneyPart = total.fen == 0 ? Money()
                                     : Money(mulDiv(l.totals.net.fen, money.fen, total.fen));
    Money service = l.kind == ItemKind::Service ? l.totals.net : Money();
    for (const auto& s : l.staff) {
      StaffShare sh{s.code, l.category, percentOf(moneyPart, s.shareBp), percentOf(service, s.shareBp)};
      if (moneyPart.fen < 0) sh.performance = -percentOf(-moneyPart, s.shareBp);
      if (service.fen < 0) sh.service = -percentOf(-service, s.shareBp);
      out.push_back(std::move(sh));
    }
  }
  return out;
}

Money commissionOf(Money performance, Money service, const CheckoutPolicy& policy) {
  auto pct = [](Money m, int bp) { return m.fen < 0 ? -percentOf(-m, bp) : percentOf(m, bp); };
  return pct(performance, policy.performanceCommissionBp) + pct(service, policy.serviceCommissionBp);
}

}  // namespace salon
