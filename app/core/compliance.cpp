#include "app/core/compliance.h"

#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace salon {
namespace {

int weekday(std::int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }  // Monday = 0

std::string periodLabel(Instant t, StoreZone zone, CompliancePeriod period) {
  CivilDate d = localDate(t, zone);
  if (period == CompliancePeriod::Week) return isoWeekLabel(d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  return buf;
}

using RowKey = std::tuple<std::string, std::string, std::string, std::string>;

}  // namespace

void markCorrected(std::vector<RecordedItem>& items, const std::vector<Correction>& corrections) {
  std::set<std::pair<std::string, std::string>> named;
  for (const Correction& c : corrections) named.insert({c.recordType, c.recordId});
  for (RecordedItem& i : items)
    if (named.count({i.deadline.recordType, i.deadline.recordId})) i.corrected = true;
}

std::string isoWeekLabel(const CivilDate& d) {
  std::int64_t days = daysFromCivil(d);
  std::int64_t thursday = days - weekday(days) + 3;  // the week belongs to its Thursday's year
  CivilDate th = civilFromDays(thursday);
  std::int64_t jan1 = daysFromCivil({th.year, 1, 1});
  int week = static_cast<int>((thursday - jan1) / 7 + 1);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", th.year, week);
  return buf;
}

std::string formatBasisPoints(int bp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d.%02d%%", bp / 100, bp % 100);
  return buf;
}

ComplianceReport computeCompliance(const std::vector<RecordedItem>& items, Instant from, Instant to, Instant now,
                                   StoreZone zone, CompliancePeriod period) {
  std::map<RowKey, ComplianceRow> rows;
  ComplianceReport report;
  auto touch = [&](const RecordingDeadline& d, const std::string& groupBy, const std::string& who,
                   const std::string& label) -> ComplianceRow& {
    ComplianceRow& r = rows[{recordingClockName(d.clock), label, groupBy, who}];
    r.clock = recordingClockName(d.clock);
    r.groupBy = groupBy;
    r.who = who;
    r.period = label;
    return r;
  };
  for (const RecordedItem& item : items) {
    const RecordingDeadline& d = item.deadline;
    bool dueInPeriod = d.dueAt >= from && d.dueAt < to && (d.doneAt || d.dueAt < now);
    bool madeInPeriod = d.doneAt && *d.doneAt >= from && *d.doneAt < to;
    if (!dueInPeriod && !madeInPeriod) continue;
    DeadlineStatus status = statusAt(d, now);
    bool onTime = status == DeadlineStatus::DoneOnTime;
    for (auto [groupBy, who] : {std::pair<std::string, std::string>{"staff", d.staff},
                                {"department", d.department}, {"store", "*"}}) {
      if (dueInPeriod) {
        ComplianceRow& r = touch(d, groupBy, who, periodLabel(d.dueAt, zone, period));
        r.due++;
        r.onTime += onTime ? 1 : 0;
      }
      if (madeInPeriod) {
        ComplianceRow& r = touch(d, groupBy, who, periodLabel(*d.doneAt, zone, period));
        r.made++;
        r.corrected += item.corrected ? 1 : 0;
      }
    }
    if (dueInPeriod && !onTime) report.misses.push_back({d, d.doneAt ? "late" : "overdue"});
    if (madeInPeriod && item.corrected) report.misses.push_back({d, "corrected"});
  }
  for (auto& [key, row] : rows) report.rows.push_back(row);
  return report;
}

}  // namespace salon
