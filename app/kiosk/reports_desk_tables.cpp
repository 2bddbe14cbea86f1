// The Reports screen's liabilities and record-keeping tabs, and the drill-down
// table of one day's sales.
#include "app/kiosk/reports_desk.h"
#include "app/kiosk/reports_format.h"

namespace salon::kiosk {
namespace {

ReportCell money(Money m) { return ReportCell::money(m); }
ReportCell cell(std::string s) { return ReportCell::of(std::move(s)); }
ReportCell count(std::int64_t n) { return ReportCell::of(std::to_string(n)); }

constexpr int kOnTimeTargetBp = 9800;  // ≥ 98 % on time
constexpr int kErrorTargetBp = 100;    // < 1 % corrected

}  // namespace

void ReportsDesk::fillLiabilities(const LiabilitiesReport& r) {
  ui::ReportsView& v = k_.view.reports;
  const Catalog& c = k_.catalog;
  const LiabilitiesFigures& l = r.asOf.figures;
  v.figures = {{c.text("reports.stored_value"), formatYuan(l.svPrincipal), "", false, false},
               {c.text("reports.bonus"), formatYuan(l.svBonus), "", false, false},
               {c.text("reports.packages"), std::to_string(l.packageSessions) + " · " + formatYuan(l.packageValue), "", false, false},
               {c.text("reports.points"), std::to_string(l.points), "", false, false},
               {c.text("reports.arrears"), formatYuan(l.arrears), "", false, false},
               {c.text("reports.members"), std::to_string(l.members), "", false, false}};
  ui::ReportChartView chart{c.text("reports.owed_chart"), true, true, false, {}, {}, {}};
  ui::ReportSeries principal{c.text("reports.stored_value"), {}, 0}, bonus{c.text("reports.bonus"), {}, 1},
      packages{c.text("reports.package_value"), {}, 2};
  ReportTable t{"liabilities", c.text("reports.tab.liabilities"),
                {c.text("reports.col.date"), c.text("reports.stored_value"), c.text("reports.bonus"),
                 c.text("reports.packages"), c.text("reports.package_value"), c.text("reports.points"),
                 c.text("reports.arrears")}, {}};
  std::vector<LiabilitiesAt> all = r.monthEnds;
  if (all.empty() || all.back().date != r.asOf.date) all.push_back(r.asOf);
  for (const LiabilitiesAt& a : all) {
    const LiabilitiesFigures& f = a.figures;
    chart.xLabels.push_back(a.date.size() == 10 ? a.date.substr(5) : a.date);
    principal.values.push_back(f.svPrincipal.fen);
    bonus.values.push_back(f.svBonus.fen);
    packages.values.push_back(f.packageValue.fen);
    t.rows.push_back({cell(a.date), money(f.svPrincipal), money(f.svBonus), count(f.packageSessions),
                      money(f.packageValue), count(f.points), money(f.arrears)});
  }
  chart.bars = {principal, bonus, packages};
  v.charts = {chart};
  v.tables = {t};
}

// On-time and error rates per clock against the targets (≥ 98 %, < 1 %).
void ReportsDesk::fillRecords(const RecordKeepingReport& r) {
  ui::ReportsView& v = k_.view.reports;
  const Catalog& c = k_.catalog;
  ui::ReportChartView chart{c.text("reports.on_time_chart"), false, false, false, {}, {}, {}};
  chart.basisPoints = true;
  ui::ReportSeries onTime{c.text("reports.on_time"), {}, 2}, target{c.text("reports.target") + " 98%", {}, 3};
  for (const ComplianceRow& row : r.byClock) {
    const std::string clock = c.text("reports.clock." + row.clock);
    // One card per clock: the on-time rate (red under 98 %), then the error
    // rate (red at 1 % or more) where the others show their change.
    v.figures.push_back({clock, c.text("reports.on_time_short") + " " + percentText(row.onTimeBp()),
                         c.text("reports.error_short") + " " + percentText(row.errorBp()),
                         row.errorBp() >= kErrorTargetBp, row.onTimeBp() < kOnTimeTargetBp});
    chart.xLabels.push_back(clock);
    onTime.values.push_back(row.onTimeBp());
    target.values.push_back(kOnTimeTargetBp);
  }
  chart.bars.push_back(onTime);
  chart.lines.push_back(target);
  if (!chart.xLabels.empty()) v.charts = {chart};
  ReportTable t{"record_keeping", c.text("reports.tab.record_keeping"),
                {c.text("reports.col.staff"), c.text("reports.col.clock"), c.text("reports.col.due"),
                 c.text("reports.on_time"), c.text("reports.col.made"), c.text("reports.error_rate")}, {}};
  for (const ComplianceRow& row : r.byStaff)
    t.rows.push_back({cell(row.who), cell(c.text("reports.clock." + row.clock)), count(row.due),
                      cell(percentText(row.onTimeBp())), count(row.made), cell(percentText(row.errorBp()))});
  v.tables = {t};
}

ReportTable ReportsDesk::dayTable(const CivilDate& day, const std::vector<DaySaleRow>& rows) const {
  const Catalog& c = k_.catalog;
  ReportTable t{"day_sales", c.text("reports.day_sales") + " " + formatDate(day),
                {c.text("reports.col.time"), c.text("reports.col.kind"), c.text("reports.col.customer"),
                 c.text("reports.col.items"), c.text("reports.col.tender"), c.text("reports.col.amount"),
                 c.text("reports.col.cashier"), c.text("reports.col.reason")}, {}};
  for (const DaySaleRow& r : rows) {
    std::string tenders;
    for (std::size_t at = 0; at <= r.tenders.size() && !r.tenders.empty();) {
      std::size_t comma = r.tenders.find(',', at);
      if (comma == std::string::npos) comma = r.tenders.size();
      tenders += (tenders.empty() ? "" : "、") + c.text("ui.checkout.tender." + r.tenders.substr(at, comma - at));
      at = comma + 1;
    }
    const std::string when = formatLocalDateTime(r.at, k_.zone);
    t.rows.push_back({cell(when.substr(when.size() - 5)), cell(c.text("reports.kind." + r.kind)), cell(r.customer),
                      cell(r.items), cell(tenders), money(r.total), cell(r.cashier), cell(r.reason)});
  }
  return t;
}

}  // namespace salon::kiosk
