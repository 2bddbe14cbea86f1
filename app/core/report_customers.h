#pragma once
// The customers report: new against returning, the average days between visits,
// retention (came again within 60 / 90 days of their first visit in the
// period), lapsed customers, members per tier and the top customers by spend.
// A visit is a day with a sale for the customer.
#include <string>
#include <vector>

#include "app/core/report_book.h"

namespace salon {

struct Retention {
  int days = 60;
  std::int64_t eligible = 0;  // first visit in the period at least `days` before today
  std::int64_t returned = 0;  // ... who came again within `days`
  int rateBp() const { return ratioBp(returned, eligible); }
};

struct CustomersReport {
  ReportPeriod period;
  std::int64_t customers = 0;  // distinct customers with a visit in the period
  std::int64_t newOnes = 0, returning = 0;
  std::int64_t visits = 0;
  int averageDaysBetweenX100 = 0;  // over consecutive visits in the period
  Retention retention60{60}, retention90{90};
  std::int64_t lapsed = 0;  // came before, not in the 90 days up to the period's end
  std::vector<NamedAmount> membersPerTier;
  std::vector<CustomerSpend> topCustomers;  // names blanked unless shown
  bool namesShown = false;
};

constexpr int kLapsedAfterDays = 90;

// `today`: retention counts only first visits whose window has passed by today.
CustomersReport customersReport(ReportBook& book, const ReportPeriod& period, const CivilDate& today,
                                bool showNames, int top = 10);

}  // namespace salon
