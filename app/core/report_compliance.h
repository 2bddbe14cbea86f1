#pragma once
// Record-keeping over a whole period: on-time and error rates per recording
// clock and per staff member against the salon's targets (≥ 98 %, < 1 %), and
// what the store owes its customers as of a day and at month ends.
#include <string>
#include <vector>

#include "app/core/report_book.h"

namespace salon {

struct RecordKeepingReport {
  ReportPeriod period;
  std::vector<ComplianceRow> byClock;  // groupBy "store", period = the report's label
  std::vector<ComplianceRow> byStaff;  // groupBy "staff", per clock
};

// Sums computeCompliance's month rows over the period.
RecordKeepingReport recordKeepingReport(const std::vector<RecordedItem>& items, const ReportPeriod& period,
                                        Instant now, StoreZone zone);
RecordKeepingReport recordKeepingReport(ReportBook& book, const ReportPeriod& period, const RecordingRules& rules,
                                        Instant now);

struct LiabilitiesAt {
  std::string date;  // the figures at the end of this day
  LiabilitiesFigures figures;
};
struct LiabilitiesReport {
  LiabilitiesAt asOf;
  std::vector<LiabilitiesAt> monthEnds;  // month ends inside the period, if one is given
};
LiabilitiesReport liabilitiesReport(ReportBook& book, const CivilDate& asOf, const ReportPeriod* period);

}  // namespace salon
