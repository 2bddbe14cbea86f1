#include "app/core/report_customers.h"

namespace salon {
namespace {

struct VisitFigures {
  std::int64_t customers = 0, visits = 0, gaps = 0, gapDays = 0;
};

// One customer's visits, sorted by day: [begin, end). Counts the visits in the
// period and the retention of their first visit in it.
void oneCustomer(const CustomerVisit* begin, const CustomerVisit* end, std::int64_t from, std::int64_t to,
                 std::int64_t today, VisitFigures& f, CustomersReport& r) {
  const CustomerVisit* first = nullptr;
  const CustomerVisit* last = nullptr;
  for (auto* v = begin; v != end; ++v) {
    if (v->day < from || v->day > to) continue;
    if (!first) first = v;
    if (last) {
      ++f.gaps;
      f.gapDays += v->day - last->day;
    }
    last = v;
    ++f.visits;
  }
  if (!first) return;
  ++f.customers;
  for (Retention* ret : {&r.retention60, &r.retention90}) {
    if (first->day + ret->days > today) continue;
    ++ret->eligible;
    for (auto* v = first + 1; v != end; ++v)
      if (v->day > first->day && v->day <= first->day + ret->days) {
        ++ret->returned;
        break;
      }
  }
}

}  // namespace

CustomersReport customersReport(ReportBook& book, const ReportPeriod& period, const CivilDate& today, bool showNames,
                                int top) {
  CustomersReport r;
  r.period = period;
  std::vector<CustomerVisit> visits = book.customerVisits(period.from, addDays(period.to, 90));
  std::int64_t from = daysFromCivil(period.from), to = daysFromCivil(period.to), now = daysFromCivil(today);
  VisitFigures f;
  for (std::size_t i = 0; i < visits.size();) {
    std::size_t j = i;
    while (j < visits.size() && visits[j].customer == visits[i].customer) ++j;
    oneCustomer(visits.data() + i, visits.data() + j, from, to, now, f, r);
    i = j;
  }
  r.customers = f.customers;
  r.visits = f.visits;
  r.averageDaysBetweenX100 = f.gaps ? static_cast<int>((f.gapDays * 100 + f.gaps / 2) / f.gaps) : 0;
  r.newOnes = book.newCustomers(period);
  r.returning = r.customers - r.newOnes;
  r.lapsed = book.lapsedCustomers(period.to, kLapsedAfterDays);
  r.membersPerTier = book.membersPerTier();
  r.topCustomers = book.topCustomers(period, top);
  r.namesShown = showNames;
  if (!showNames)
    for (auto& c : r.topCustomers) c.name.clear();
  return r;
}

}  // namespace salon
