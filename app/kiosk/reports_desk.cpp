#include "app/kiosk/reports_desk.h"

#include "app/core/approvals_inbox.h"
#include "app/core/error.h"
#include "app/core/report_access.h"
#include "app/core/staff_auth.h"

namespace salon::kiosk {
namespace {

ReportKind kindOf(ui::ReportsTab tab) {
  switch (tab) {
    case ui::ReportsTab::Sales: return ReportKind::Sales;
    case ui::ReportsTab::Staff: return ReportKind::Staff;
    case ui::ReportsTab::Customers: return ReportKind::Customers;
    case ui::ReportsTab::Liabilities: return ReportKind::Liabilities;
    case ui::ReportsTab::RecordKeeping: return ReportKind::RecordKeeping;
  }
  return ReportKind::Sales;
}

// On the Reports lane: the figures one tab shows, with the previous period's
// where the tab compares with it.
void readTab(Backroom& b, ui::ReportsTab tab, ReportFigures& f, Instant now, const CivilDate& today, bool names) {
  ReportBook& book = b.reportBook();
  const ReportPeriod& p = f.period;
  switch (tab) {
    case ui::ReportsTab::Sales: f.sales = salesReport(book, p); break;
    case ui::ReportsTab::Staff: {
      const RecordingRules rules = b.approvalsInbox().recordingRules();
      f.staff = staffReport(book, p, rules, now);
      f.staffBefore = staffReport(book, previousPeriod(p), rules, now);
      break;
    }
    case ui::ReportsTab::Customers:
      f.customers = customersReport(book, p, today, names);
      f.customersBefore = customersReport(book, previousPeriod(p), today, false, 0);
      break;
    case ui::ReportsTab::Liabilities: f.liabilities = liabilitiesReport(book, p.to < today ? p.to : today, &p); break;
    case ui::ReportsTab::RecordKeeping:
      f.records = recordKeepingReport(book, p, b.approvalsInbox().recordingRules(), now);
      break;
  }
}

// "20260529" → a date; false when not a real day.
bool typedDate(const std::string& digits, CivilDate& out) {
  if (digits.size() != 8) return false;
  return parseDate(digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2), out);
}

std::string digitsOf(const CivilDate& d) {
  std::string s = formatDate(d);
  return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2);
}

constexpr int kLongestRangeDays = 3 * 366;

}  // namespace

bool ReportsDesk::offered() const { return k_.staff && roleMay(k_.staff->role, Action::ViewBusinessReports); }

void ReportsDesk::open(CustomerId) {
  k_.view.reports = {};
  figures_.clear();
  drillDay_.reset();
  tab_ = ui::ReportsTab::Sales;
  choice_ = ui::ReportsPeriod::Today;
  period_ = periodOf(PeriodChoice::Today, localDate(k_.clock.now(), k_.zone));
  compute();
}

void ReportsDesk::locked() {
  ++reading_;
  k_.tasks->cancel(task_);
  figures_.clear();
  drillRows_.clear();
  drillDay_.reset();
  computing_ = false;
  k_.view.reports = {};
}

void ReportsDesk::apply(const ui::ReportsIntent& intent) {
  try {
    std::visit([this](const auto& i) { on(i); }, intent);
  } catch (const DomainError& e) {
    said(k_.catalog.text("error." + e.code()), true);
  }
}

void ReportsDesk::said(const std::string& text, bool error) {
  k_.view.reports.message = text;
  k_.view.reports.messageIsError = error;
}

void ReportsDesk::on(const ui::ReportsShowTab& i) {
  tab_ = i.tab;
  drillDay_.reset();
  said("", false);
  compute();
}

void ReportsDesk::on(const ui::ReportsPickPeriod& i) {
  said("", false);
  if (i.period == ui::ReportsPeriod::Custom) {
    ui::ReportsRangeEntry& r = k_.view.reports.range;
    r = {true, 0, digitsOf(period_.from), digitsOf(period_.to)};
    return;
  }
  k_.view.reports.range = {};  // a chip tapped while typing a range leaves the keypad
  choice_ = i.period;
  period_ = periodOf(static_cast<PeriodChoice>(i.period), localDate(k_.clock.now(), k_.zone));
  figures_.clear();
  drillDay_.reset();
  compute();
}

void ReportsDesk::on(const ui::ReportsRangeField& i) { k_.view.reports.range.field = i.field == 1 ? 1 : 0; }

void ReportsDesk::on(const ui::ReportsRangeCancel&) {
  k_.view.reports.range = {};
  said("", false);
}

// Digits fill the chosen end (the first end, once full, moves on to the second);
// '=' takes the range when both ends are real days in order.
void ReportsDesk::on(const ui::ReportsRangeKeys& i) {
  ui::ReportsRangeEntry& r = k_.view.reports.range;
  for (char key : i.keys) {
    std::string& d = r.field ? r.to : r.from;
    if (key >= '0' && key <= '9' && d.size() < 8) {
      d += key;
      if (d.size() == 8 && r.field == 0) r.field = 1, r.to.clear();
    } else if (key == '<' && !d.empty()) {
      d.pop_back();
    } else if (key == 'C') {
      d.clear();
    } else if (key == '=') {
      ReportPeriod p;
      if (!typedDate(r.from, p.from) || !typedDate(r.to, p.to)) return said(k_.catalog.text("reports.range.invalid"), true);
      if (p.to < p.from || periodDays(p) > kLongestRangeDays)
        return said(k_.catalog.text("reports.range.invalid"), true);
      r = {};
      said("", false);
      choice_ = ui::ReportsPeriod::Custom;
      period_ = p;
      figures_.clear();
      drillDay_.reset();
      return compute();
    }
  }
}

// Reads the shown tab's figures on the Reports lane (once per period and tab).
void ReportsDesk::compute() {
  k_.tasks->cancel(task_);
  const int reading = ++reading_;
  if (figures_.count(tab_)) {
    computing_ = false;
    return show();
  }
  if (!k_.staff) return;
  const Staff me = *k_.staff;
  const ReportKind kind = kindOf(tab_);
  try {
    Guard guard(k_.audit, k_.clock);
    requireReportReader(guard, me, kind);  // a refusal is audited by the guard
  } catch (const DomainError& e) {
    computing_ = false;
    show();
    return said(k_.catalog.text("error." + e.code()), true);
  }
  computing_ = true;
  show();
  auto out = std::make_shared<ReportFigures>();
  out->period = period_;
  auto problem = std::make_shared<std::string>();
  const Instant now = k_.clock.now();
  const CivilDate today = localDate(now, k_.zone);
  const ui::ReportsTab tab = tab_;
  const bool names = tab == ui::ReportsTab::Customers && mayShowCustomerNames(me);
  task_ = k_.tasks->run(
      Lane::Reports, std::string("report ") + reportKindName(kind),
      [out, problem, tab, now, today, names, me, kind](Backroom& b) {
        try {
          readTab(b, tab, *out, now, today, names);
          b.audit().append(reportViewed(now, me, kind, periodLabel(out->period), names));
        } catch (const DomainError& e) {
          *problem = e.code();
        } catch (const std::exception&) {
          *problem = "db_error";
        }
      },
      [this, reading, out, problem, tab] {
        if (reading != reading_) return;
        if (problem->empty()) figures_[tab] = out;
        computed(out, *problem);
      });
}

void ReportsDesk::computed(const std::shared_ptr<ReportFigures>&, const std::string& problem) {
  computing_ = false;
  if (!problem.empty()) said(k_.catalog.text("error." + problem), true);
  show();
}

// A tapped bar of revenue per day: that day's sales, read on the Reports lane.
void ReportsDesk::on(const ui::ReportsTapBar& i) {
  if (tab_ != ui::ReportsTab::Sales || i.chart != 0 || i.index < 0 || i.index >= periodDays(period_)) return;
  drillInto(addDays(period_.from, i.index));
}

void ReportsDesk::drillInto(const CivilDate& day) {
  const int reading = ++reading_;
  computing_ = true;
  show();
  auto rows = std::make_shared<std::vector<DaySaleRow>>();
  auto problem = std::make_shared<std::string>();
  const Staff me = *k_.staff;
  const Instant now = k_.clock.now();
  task_ = k_.tasks->run(
      Lane::Reports, "report day sales",
      [rows, problem, day, me, now](Backroom& b) {
        try {
          *rows = b.reportBook().daySales(day);
          b.audit().append(reportViewed(now, me, ReportKind::Sales, formatDate(day), false));
        } catch (const std::exception&) {
          *problem = "db_error";
        }
      },
      [this, reading, rows, problem, day] {
        if (reading != reading_) return;
        computing_ = false;
        if (!problem->empty()) return said(k_.catalog.text("error." + *problem), true), show();
        drillDay_ = day;
        drillRows_ = std::move(*rows);
        show();
      });
}

void ReportsDesk::on(const ui::ReportsCloseDrill&) {
  drillDay_.reset();
  drillRows_.clear();
  show();
}

}  // namespace salon::kiosk
