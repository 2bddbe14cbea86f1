// salon-kiosk report sales|staff|customers|liabilities: the business reports of
// the reports screen from the command line, one implementation (app/core/report_*)
// for head office, the tests and the kiosk. Manager, finance and admin; every
// reading audited. (`report compliance` lives with the recording clocks.)
#include <iostream>
#include <memory>

#include "app/cli/checkout_cli.h"
#include "app/cli/cli.h"
#include "app/cli/records_cli.h"
#include "app/cli/report_json.h"
#include "app/core/error.h"
#include "app/core/report_access.h"
#include "storage/audit_store.h"
#include "storage/catalog_store.h"
#include "storage/report_book_store.h"

namespace salon::cli {
namespace {

struct ReportArgs {
  std::string db, staff, from, to, asOf;
  bool json = false;
  int top = 10;
};

// One reading: the reader signed in and allowed, the books open.
struct ReportReading {
  std::unique_ptr<storage::Database> db;
  storage::SqliteAuditLog audit;
  const Clock& clock;
  Staff me;
  storage::SqliteReportBook book;

  ReportReading(const Invocation& inv, const ReportArgs& a, ReportKind kind)
      : db(openDatabase(a.db)), audit(*db), clock(*inv.clock), me(actAs(*db, clock, a.staff)), book(*db) {
    Guard guard(audit, clock);
    requireReportReader(guard, me, kind);
  }
  CivilDate today() { return localDate(clock.now(), book.zone()); }
  void print(const nlohmann::json& j, bool compact) { std::cout << (compact ? j.dump() : j.dump(2)) << "\n"; }
};

ReportPeriod periodOf(const ReportArgs& a) {
  if (a.from.empty() || a.to.empty()) throw DomainError("bad_input", "--from and --to (YYYY-MM-DD)");
  return parsePeriod(a.from, a.to);
}

int runSales(const Invocation& inv, const ReportArgs& a) {
  ReportPeriod p = periodOf(a);
  ReportReading r(inv, a, ReportKind::Sales);
  auto report = salesReport(r.book, p);
  r.audit.append(reportViewed(r.clock.now(), r.me, ReportKind::Sales, periodLabel(p), false));
  r.print(salesJson(report), a.json);
  return 0;
}

int runStaff(const Invocation& inv, const ReportArgs& a) {
  ReportPeriod p = periodOf(a);
  ReportReading r(inv, a, ReportKind::Staff);
  auto report = staffReport(r.book, p, recordingRules(*r.db), r.clock.now());
  r.audit.append(reportViewed(r.clock.now(), r.me, ReportKind::Staff, periodLabel(p), false));
  r.print(staffReportJson(report), a.json);
  return 0;
}

int runCustomers(const Invocation& inv, const ReportArgs& a) {
  ReportPeriod p = periodOf(a);
  if (a.top < 0 || a.top > 1000) throw DomainError("bad_input", "--top 0..1000");
  ReportReading r(inv, a, ReportKind::Customers);
  bool names = mayShowCustomerNames(r.me);
  auto report = customersReport(r.book, p, r.today(), names, a.top);
  r.audit.append(reportViewed(r.clock.now(), r.me, ReportKind::Customers, periodLabel(p), names));
  r.print(customersJson(report), a.json);
  return 0;
}

void printLiabilitiesText(const LiabilitiesReport& r) {
  auto one = [](const std::string& title, const LiabilitiesFigures& l) {
    std::cout << title << "\n"
              << "stored value: " << formatAmount(l.svPrincipal) << " + bonus " << formatAmount(l.svBonus) << "\n"
              << "points: " << l.points << "\n"
              << "packages: " << l.packageSessions << " sessions, " << formatAmount(l.packageValue) << "\n"
              << "arrears owed to the store: " << formatAmount(l.arrears) << "\n"
              << "members: " << l.members << "\n";
  };
  one("as of " + r.asOf.date, r.asOf.figures);
  for (const auto& m : r.monthEnds) one("\nmonth end " + m.date, m.figures);
}

// What the store owes at the end of --as-of (default: today) and at each month
// end between --from and --to.
int runLiabilities(const Invocation& inv, const ReportArgs& a) {
  ReportReading r(inv, a, ReportKind::Liabilities);
  CivilDate asOf = r.today();
  if (!a.asOf.empty() && !parseDate(a.asOf, asOf)) throw DomainError("date_invalid", a.asOf);
  std::optional<ReportPeriod> p;
  if (!a.from.empty() || !a.to.empty()) p = periodOf(a);
  auto report = liabilitiesReport(r.book, asOf, p ? &*p : nullptr);
  r.audit.append(reportViewed(r.clock.now(), r.me, ReportKind::Liabilities,
                              p ? periodLabel(*p) : formatDate(asOf), false));
  if (a.json) r.print(liabilitiesReportJson(report), true);
  else printLiabilitiesText(report);
  return 0;
}

CLI::App* reportCommand(CLI::App* report, const char* name, const char* what, ReportArgs& a, bool period) {
  auto* sub = report->add_subcommand(name, what);
  addDbOption(sub, a.db);
  sub->add_option("--staff", a.staff, "Your staff code: manager, finance or admin (PIN in SALON_PIN)")->required();
  auto* from = sub->add_option("--from", a.from, "First business day, YYYY-MM-DD");
  auto* to = sub->add_option("--to", a.to, "Last business day, YYYY-MM-DD (inclusive)");
  if (period) {
    from->required();
    to->required();
  }
  sub->add_flag("--json", a.json, "Compact JSON (amounts in fen, rates in basis points)");
  return sub;
}

}  // namespace

void addReportCommands(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<ReportArgs>();
  CLI::App* report = nullptr;
  try {
    report = app.get_subcommand("report");
  } catch (const CLI::OptionNotFound&) {
    report = app.add_subcommand("report", "Reports");
  }
  auto run = [&inv, a](CLI::App* sub, int (*fn)(const Invocation&, const ReportArgs&)) {
    sub->callback([&inv, a, fn] { inv.run = [&inv, a, fn] { return withJsonErrors([&] { return fn(inv, *a); }); }; });
  };
  run(reportCommand(report, "sales", "Revenue per day against the previous period, categories, top services, "
                    "payment mix, discounts, voids and refunds", *a, true), runSales);
  run(reportCommand(report, "staff", "业绩 and 手工 per staff member with commission, services per hour, "
                    "rebooking, satisfaction, on-time recording", *a, true), runStaff);
  auto* c = reportCommand(report, "customers", "New and returning, days between visits, retention, lapsed, "
                          "members per tier, top customers", *a, true);
  c->add_option("--top", a->top, "How many top customers (default 10)");
  run(c, runCustomers);
  auto* l = reportCommand(report, "liabilities", "What the store owes its customers: stored value, points, "
                          "packages; at month ends between --from and --to", *a, false);
  l->add_option("--as-of", a->asOf, "At the end of this day, YYYY-MM-DD (default: today)");
  run(l, runLiabilities);
}

}  // namespace salon::cli
