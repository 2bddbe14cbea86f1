#include "app/core/report_compliance.h"

#include <map>
#include <tuple>

namespace salon {

RecordKeepingReport recordKeepingReport(const std::vector<RecordedItem>& items, const ReportPeriod& period,
                                        Instant now, StoreZone zone) {
  ComplianceReport c = computeCompliance(items, periodStart(period, zone), periodEnd(period, zone), now, zone,
                                         CompliancePeriod::Month, false);
  std::map<std::tuple<std::string, std::string, std::string>, ComplianceRow> sums;
  for (const ComplianceRow& row : c.rows) {
    if (row.groupBy == "department") continue;
    auto& s = sums[{row.groupBy, row.who, row.clock}];
    s.clock = row.clock;
    s.groupBy = row.groupBy;
    s.who = row.who;
    s.period = periodLabel(period);
    s.due += row.due;
    s.onTime += row.onTime;
    s.made += row.made;
    s.corrected += row.corrected;
  }
  RecordKeepingReport r;
  r.period = period;
  for (auto& [key, row] : sums) (row.groupBy == "store" ? r.byClock : r.byStaff).push_back(row);
  return r;
}

RecordKeepingReport recordKeepingReport(ReportBook& book, const ReportPeriod& period, const RecordingRules& rules,
                                        Instant now) {
  StoreZone zone = book.zone();
  auto items = book.recordedItems(periodStart(period, zone), periodEnd(period, zone), rules, now);
  return recordKeepingReport(items, period, now, zone);
}

LiabilitiesReport liabilitiesReport(ReportBook& book, const CivilDate& asOf, const ReportPeriod* period) {
  StoreZone zone = book.zone();
  auto at = [&](const CivilDate& d) {
    return LiabilitiesAt{formatDate(d), book.liabilitiesBefore(startOfLocalDay(d, zone) + kDay)};
  };
  LiabilitiesReport r;
  r.asOf = at(asOf);
  if (period)
    for (const CivilDate& d : monthEndsIn(*period)) r.monthEnds.push_back(at(d));
  return r;
}

}  // namespace salon
