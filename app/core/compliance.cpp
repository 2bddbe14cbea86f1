#include "app/core/compliance.h"

#include <cstdio>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

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
  if (corrections.empty()) return;  // most days: nothing to look up for a year of records
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

namespace {

// A row of the report while counting: the label and who point into the period
// labels and the items (both outlive the count), so a year of records (two
// million and more) is counted without building strings per record.
struct CountKey {
  RecordingClock clock;
  const std::string* label;
  int groupBy;  // index into kGroupBy
  std::string_view who;
  bool operator==(const CountKey& o) const {
    return clock == o.clock && label == o.label && groupBy == o.groupBy && who == o.who;
  }
};
struct CountKeyHash {
  std::size_t operator()(const CountKey& k) const {
    std::size_t h = std::hash<std::string_view>()(k.who);
    h ^= std::hash<const void*>()(k.label) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h ^ (static_cast<std::size_t>(k.clock) * 31 + static_cast<std::size_t>(k.groupBy));
  }
};
struct Counts {
  int due = 0, onTime = 0, made = 0, corrected = 0;
};
const char* const kGroupBy[] = {"staff", "department", "store"};
const std::string kStore = "*";

// The period label of an instant, worked out once per local day.
class PeriodLabels {
 public:
  PeriodLabels(StoreZone zone, CompliancePeriod period) : zone_(zone), period_(period) {}
  const std::string& of(Instant t) {
    std::int64_t shifted = t + static_cast<std::int64_t>(zone_.offsetMinutes) * kMinute;
    std::int64_t day = shifted >= 0 ? shifted / kDay : -((-shifted + kDay - 1) / kDay);
    auto it = byDay_.find(day);
    if (it == byDay_.end()) it = byDay_.emplace(day, periodLabel(t, zone_, period_)).first;
    return it->second;
  }

 private:
  StoreZone zone_;
  CompliancePeriod period_;
  std::unordered_map<std::int64_t, std::string> byDay_;  // node-based: references stay valid
};

}  // namespace

ComplianceReport computeCompliance(const std::vector<RecordedItem>& items, Instant from, Instant to, Instant now,
                                   StoreZone zone, CompliancePeriod period, bool listMisses) {
  std::unordered_map<CountKey, Counts, CountKeyHash> counts;
  PeriodLabels labels(zone, period);
  ComplianceReport report;
  for (const RecordedItem& item : items) {
    const RecordingDeadline& d = item.deadline;
    bool dueInPeriod = d.dueAt >= from && d.dueAt < to && (d.doneAt || d.dueAt < now);
    bool madeInPeriod = d.doneAt && *d.doneAt >= from && *d.doneAt < to;
    if (!dueInPeriod && !madeInPeriod) continue;
    bool onTime = statusAt(d, now) == DeadlineStatus::DoneOnTime;
    const std::string* whos[] = {&d.staff, &d.department, &kStore};
    for (int g = 0; g < 3; ++g) {
      if (dueInPeriod) {
        Counts& c = counts[{d.clock, &labels.of(d.dueAt), g, *whos[g]}];
        c.due += item.count;
        c.onTime += onTime ? item.count : 0;
      }
      if (madeInPeriod) {
        Counts& c = counts[{d.clock, &labels.of(*d.doneAt), g, *whos[g]}];
        c.made += item.count;
        c.corrected += item.corrected ? item.count : 0;
      }
    }
    if (!listMisses) continue;
    if (dueInPeriod && !onTime) report.misses.push_back({d, d.doneAt ? "late" : "overdue"});
    if (madeInPeriod && item.corrected) report.misses.push_back({d, "corrected"});
  }
  std::map<RowKey, ComplianceRow> rows;  // the report's order: clock, period, grouping, who
  for (const auto& [k, c] : counts) {
    const char* clock = recordingClockName(k.clock);
    std::string who(k.who);
    ComplianceRow& r = rows[{clock, *k.label, kGroupBy[k.groupBy], who}];
    r.clock = clock;
    r.groupBy = kGroupBy[k.groupBy];
    r.who = who;
    r.period = *k.label;
    r.due += c.due;
    r.onTime += c.onTime;
    r.made += c.made;
    r.corrected += c.corrected;
  }
  for (auto& [key, row] : rows) report.rows.push_back(row);
  return report;
}

}  // namespace salon
