#include "app/core/report_staff.h"

#include <map>

#include "app/core/cart.h"

namespace salon {
namespace {

Money signedPercent(Money m, int bp) { return m.fen < 0 ? -percentOf(-m, bp) : percentOf(m, bp); }

StaffReportRow& rowOf(std::map<std::string, StaffReportRow>& rows, const std::string& staff) {
  auto& r = rows[staff];
  r.staff = staff;
  return r;
}

void addWork(std::map<std::string, StaffReportRow>& rows, ReportBook& book, const ReportPeriod& p) {
  CommissionRules rules = book.commissionRules();
  for (const StaffTakings& t : book.staffTakings(p)) {
    auto& r = rowOf(rows, t.staff);
    r.name = t.name;
    r.performance = t.performance;
    r.service = t.service;
    r.daysWorked = t.daysWorked;
    r.commission += performanceCommission(t.performance, rules);
  }
  for (const StaffServiceWork& w : book.staffServiceWork(p)) {
    auto& r = rowOf(rows, w.staff);
    r.commission += serviceCommission(w, rules);
    r.servicesX100 += w.unitsBp / 100;
  }
  int open = book.openMinutesPerDay();
  for (auto& [code, r] : rows) {
    std::int64_t minutes = static_cast<std::int64_t>(r.daysWorked) * open;
    r.servicesPerHourX100 = minutes > 0 ? static_cast<int>((r.servicesX100 * 60 + minutes / 2) / minutes) : 0;
  }
}

void addCare(std::map<std::string, StaffReportRow>& rows, ReportBook& book, const ReportPeriod& p,
             const RecordingRules& recording, Instant now) {
  StoreZone zone = book.zone();
  for (const StaffVisits& v : book.staffVisits(p, zone)) {
    auto& r = rowOf(rows, v.staff);
    r.visits = v.visits;
    r.rebooked = v.rebooked;
    r.rebookBp = ratioBp(v.rebooked, v.visits);
  }
  Instant from = periodStart(p, zone), to = periodEnd(p, zone);
  for (const SatisfactionRow& s : satisfactionByStaff(book.followUps(from, to))) {
    auto& r = rowOf(rows, s.staff);
    r.answered = s.answered;
    r.satisfactionX100 = s.answered ? (s.sum * 100 + s.answered / 2) / s.answered : 0;
  }
  std::vector<RecordedItem> items = book.serviceDetailItems(from, to, recording, now);
  ComplianceReport c = computeCompliance(items, from, to, now, zone, CompliancePeriod::Month, false);
  for (const ComplianceRow& row : c.rows) {
    if (row.groupBy != "staff") continue;
    auto& r = rowOf(rows, row.who);
    r.due += row.due;
    r.onTime += row.onTime;
  }
  for (auto& [code, r] : rows) r.onTimeBp = r.due ? ratioBp(r.onTime, r.due) : 10000;
}

}  // namespace

Money performanceCommission(Money performance, const CommissionRules& rules) {
  return signedPercent(performance, rules.performanceBp);
}

Money serviceCommission(const StaffServiceWork& w, const CommissionRules& rules) {
  if (auto it = rules.perService.find(w.item); it != rules.perService.end()) {
    std::int64_t num = it->second.fen * w.unitsBp;  // fixed amount × services × share
    return Money(num >= 0 ? (num + 5000) / 10000 : -((-num + 5000) / 10000));
  }
  auto cat = rules.categoryBp.find(w.category);
  return signedPercent(w.service, cat != rules.categoryBp.end() ? cat->second : rules.serviceBp);
}

StaffReport staffReport(ReportBook& book, const ReportPeriod& period, const RecordingRules& rules, Instant now) {
  std::map<std::string, StaffReportRow> rows;
  addWork(rows, book, period);
  addCare(rows, book, period, rules, now);
  StaffReport r;
  r.period = period;
  for (auto& [code, row] : rows) {
    r.performance += row.performance;
    r.service += row.service;
    r.commission += row.commission;
    r.rows.push_back(std::move(row));
  }
  return r;
}

}  // namespace salon
