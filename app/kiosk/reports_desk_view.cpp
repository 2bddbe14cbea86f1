// The Reports screen's view model from the figures of the tab shown: headline
// figures with their change on the previous period, charts and tables, all
// labelled in the current language.
#include "app/core/staff.h"
#include "app/kiosk/reports_desk.h"
#include "app/kiosk/reports_format.h"

namespace salon::kiosk {
namespace {

using ui::ReportChartView;
using ui::ReportFigure;
using ui::ReportSeries;

std::string rangeText(const ReportPeriod& p) {
  return p.from == p.to ? formatDate(p.from) : formatDate(p.from) + " – " + formatDate(p.to);
}

ReportFigure moneyFigure(const std::string& label, Money now, const std::optional<int>& change) {
  return {label, formatYuan(now), changeText(change), change.value_or(0) < 0, false};
}

// Without a previous figure (or with a zero one) there is no change to show.
ReportFigure countFigure(const std::string& label, std::int64_t now, std::int64_t before = 0) {
  const std::optional<int> change = changeBp(now, before);
  return {label, std::to_string(now), changeText(change), change.value_or(0) < 0, false};
}

ReportCell money(Money m) { return ReportCell::money(m); }
ReportCell cell(std::string s) { return ReportCell::of(std::move(s)); }
ReportCell count(std::int64_t n) { return ReportCell::of(std::to_string(n)); }

std::string mmdd(const std::string& date) { return date.size() == 10 ? date.substr(5) : date; }

// A category's name in the current language (the names the checkout's category
// tabs use), else its code as stored: a category the store typed in itself.
std::string categoryName(const Catalog& c, const std::string& code) {
  const std::string key = "ui.checkout.cat." + code;
  const std::string& name = c.text(key);
  return name == key ? code : name;
}

}  // namespace

void ReportsDesk::show() {
  ui::ReportsView& v = k_.view.reports;
  const Catalog& c = k_.catalog;
  v.tab = tab_;
  v.period = choice_;
  v.computing = computing_;
  v.periodLabel = rangeText(period_);
  v.compareLabel.clear();
  if (tab_ == ui::ReportsTab::Sales || tab_ == ui::ReportsTab::Staff || tab_ == ui::ReportsTab::Customers)
    v.compareLabel = c.text("reports.compare_with") + " " + rangeText(previousPeriod(period_));
  v.figures.clear();
  v.charts.clear();
  v.tables.clear();
  v.drilling = drillDay_.has_value();
  v.drill = drillDay_ ? dayTable(*drillDay_, drillRows_) : ReportTable{};
  auto it = figures_.find(tab_);
  if (it == figures_.end()) return;
  const ReportFigures& f = *it->second;
  if (f.sales) fillSales(*f.sales);
  if (f.staff) fillStaff(*f.staff, f.staffBefore ? &*f.staffBefore : nullptr);
  if (f.customers) fillCustomers(*f.customers, f.customersBefore ? &*f.customersBefore : nullptr);
  if (f.liabilities) fillLiabilities(*f.liabilities);
  if (f.records) fillRecords(*f.records);
}

void ReportsDesk::fillSales(const SalesReport& r) {
  ui::ReportsView& v = k_.view.reports;
  const Catalog& c = k_.catalog;
  v.figures = {moneyFigure(c.text("reports.revenue"), r.total, r.changeBp),
               moneyFigure(c.text("reports.money_taken"), r.moneyTaken, std::nullopt),
               countFigure(c.text("reports.sales_count"), r.sales),
               countFigure(c.text("reports.voids_refunds"), r.voids + r.refunds),
               moneyFigure(c.text("reports.discounts"), r.discounts(), std::nullopt)};
  ReportChartView days{c.text("reports.revenue_per_day"), false, true, true, {}, {}, {}};
  ReportSeries now{c.text("reports.this_period"), {}, 0}, before{c.text("reports.previous_period"), {}, 1};
  ReportTable byDay{"sales_by_day", c.text("reports.revenue_per_day"),
                    {c.text("reports.col.date"), c.text("reports.revenue"), c.text("reports.col.previous_date"),
                     c.text("reports.previous_period")}, {}};
  for (const DayRevenue& d : r.days) {
    days.xLabels.push_back(mmdd(d.date));
    now.values.push_back(d.amount.fen);
    before.values.push_back(d.previous.fen);
    byDay.rows.push_back({cell(d.date), money(d.amount), cell(d.previousDate), money(d.previous)});
  }
  days.bars.push_back(now);
  days.lines.push_back(before);
  ReportChartView mix{c.text("reports.payment_mix"), false, true, false, {}, {}, {}};
  ReportSeries paid{c.text("reports.payment_mix"), {}, 2};
  ReportTable payments{"payment_mix", c.text("reports.payment_mix"),
                       {c.text("reports.col.tender"), c.text("reports.col.count"), c.text("reports.col.amount")}, {}};
  for (const NamedAmount& n : r.payments) {
    const std::string name = c.text("ui.checkout.tender." + n.key);
    mix.xLabels.push_back(name);
    paid.values.push_back(n.amount.fen);
    payments.rows.push_back({cell(name), count(n.count), money(n.amount)});
  }
  mix.bars.push_back(paid);
  v.charts = {days, mix};
  ReportTable top{"top_services", c.text("reports.top_services"),
                  {c.text("reports.col.service"), c.text("reports.col.units"), c.text("reports.col.amount")}, {}};
  for (const NamedAmount& n : r.topServices) top.rows.push_back({cell(n.name), count(n.count), money(n.amount)});
  ReportTable cats{"by_category", c.text("reports.by_category"),
                   {c.text("reports.col.category"), c.text("reports.col.units"), c.text("reports.col.amount")}, {}};
  for (const NamedAmount& n : r.byCategory)
    cats.rows.push_back({cell(categoryName(c, n.key)), count(n.count), money(n.amount)});
  ReportTable rev{"voids_refunds", c.text("reports.voids_refunds"),
                  {c.text("reports.col.time"), c.text("reports.col.kind"), c.text("reports.col.cashier"),
                   c.text("reports.col.approved_by"), c.text("reports.col.reason"), c.text("reports.col.amount")}, {}};
  for (const ReversalEntry& e : r.reversals)
    rev.rows.push_back({cell(formatLocalDateTime(e.at, k_.zone)), cell(c.text("reports.kind." + e.kind)), cell(e.cashier),
                        cell(e.approvedBy), cell(e.reason), money(e.total)});
  v.tables = {byDay, top, payments, cats, rev};
}

void ReportsDesk::fillStaff(const StaffReport& r, const StaffReport* before) {
  ui::ReportsView& v = k_.view.reports;
  const Catalog& c = k_.catalog;
  auto change = [&](Money now, Money StaffReport::*field) {
    return before ? changeBp(now.fen, (before->*field).fen) : std::nullopt;
  };
  v.figures = {moneyFigure(c.text("reports.performance"), r.performance, change(r.performance, &StaffReport::performance)),
               moneyFigure(c.text("reports.service"), r.service, change(r.service, &StaffReport::service)),
               moneyFigure(c.text("reports.commission"), r.commission, change(r.commission, &StaffReport::commission))};
  ReportChartView chart{c.text("reports.staff_chart"), false, true, false, {}, {}, {}};
  ReportSeries perf{c.text("reports.performance"), {}, 0}, serv{c.text("reports.service"), {}, 1};
  ReportTable t{"staff", c.text("reports.tab.staff"),
                {c.text("reports.col.staff"), c.text("reports.performance"), c.text("reports.service"),
                 c.text("reports.commission"), c.text("reports.services_per_hour"), c.text("reports.rebooking"),
                 c.text("reports.satisfaction"), c.text("reports.on_time")}, {}};
  for (const StaffReportRow& s : r.rows) {
    const std::string name = s.name.empty() ? s.staff : s.name;
    chart.xLabels.push_back(name);
    perf.values.push_back(s.performance.fen);
    serv.values.push_back(s.service.fen);
    t.rows.push_back({cell(name), money(s.performance), money(s.service), money(s.commission),
                      cell(hundredthsText(s.servicesPerHourX100)), cell(percentText(s.rebookBp)),
                      cell(s.answered ? hundredthsText(s.satisfactionX100) : "—"), cell(percentText(s.onTimeBp))});
  }
  chart.bars.push_back(perf);
  chart.lines.push_back(serv);
  v.charts = {chart};
  v.tables = {t};
}

void ReportsDesk::fillCustomers(const CustomersReport& r, const CustomersReport* before) {
  ui::ReportsView& v = k_.view.reports;
  const Catalog& c = k_.catalog;
  auto was = [&](std::int64_t CustomersReport::*field) { return before ? before->*field : 0; };
  v.figures = {countFigure(c.text("reports.customers"), r.customers, was(&CustomersReport::customers)),
               countFigure(c.text("reports.new_customers"), r.newOnes, was(&CustomersReport::newOnes)),
               countFigure(c.text("reports.returning"), r.returning, was(&CustomersReport::returning)),
               countFigure(c.text("reports.visits"), r.visits, was(&CustomersReport::visits)),
               {c.text("reports.days_between"), hundredthsText(r.averageDaysBetweenX100), "", false, false},
               {c.text("reports.retention") + " 60", percentText(r.retention60.rateBp()), "", false, false},
               {c.text("reports.retention") + " 90", percentText(r.retention90.rateBp()), "", false, false},
               countFigure(c.text("reports.lapsed"), r.lapsed)};
  ReportChartView tiers{c.text("reports.members_per_tier"), false, false, false, {}, {}, {}};
  ReportSeries members{c.text("reports.members"), {}, 4};
  ReportTable tierTable{"members_per_tier", c.text("reports.members_per_tier"),
                        {c.text("reports.col.tier"), c.text("reports.members")}, {}};
  for (const NamedAmount& n : r.membersPerTier) {
    tiers.xLabels.push_back(n.name);
    members.values.push_back(n.count);
    tierTable.rows.push_back({cell(n.name), count(n.count)});
  }
  tiers.bars.push_back(members);
  v.charts = {tiers};
  ReportTable top{"top_customers", c.text("reports.top_customers"),
                  {c.text("reports.col.file_no"), c.text("reports.col.name"), c.text("reports.visits"),
                   c.text("reports.col.amount")}, {}};
  for (const CustomerSpend& s : r.topCustomers)
    top.rows.push_back({cell(s.fileNo), cell(r.namesShown ? s.name : "—"), count(s.visits), money(s.spend)});
  v.tables = {top, tierTable};
}

}  // namespace salon::kiosk
