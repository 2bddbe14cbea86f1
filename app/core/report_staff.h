#pragma once
// The staff report: 业绩 (money taken, credited by line shares) and 手工
// (services performed), the commission each earned under the store's rules,
// services per hour, rebooking rate, follow-up satisfaction and on-time
// recording of service details.
#include <string>
#include <vector>

#include "app/core/report_book.h"

namespace salon {

struct StaffReportRow {
  std::string staff, name;
  Money performance, service, commission;
  std::int64_t servicesX100 = 0;   // services performed, by shares, in hundredths
  int daysWorked = 0;
  int servicesPerHourX100 = 0;     // ÷ (days worked × the store's open hours)
  int visits = 0, rebooked = 0;
  int rebookBp = 0;
  int answered = 0, satisfactionX100 = 0;  // follow-up (回访) average, 1.00 … 5.00
  int due = 0, onTime = 0;
  int onTimeBp = 10000;            // service details within 30 minutes
};

struct StaffReport {
  ReportPeriod period;
  std::vector<StaffReportRow> rows;  // by staff code
  Money performance, service, commission;  // the store's totals
};

// Commission on 手工 of one service line group under the rules: a fixed amount
// per service performed when the service has one, else its category's
// percentage, else the store's default percentage.
Money serviceCommission(const StaffServiceWork& w, const CommissionRules& rules);
Money performanceCommission(Money performance, const CommissionRules& rules);

StaffReport staffReport(ReportBook& book, const ReportPeriod& period, const RecordingRules& rules, Instant now);

}  // namespace salon
