// salon-kiosk day open|close and report z.
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/cli/checkout_cli.h"
#include "app/core/error.h"
#include "app/core/staff_auth.h"
#include "storage/audit_store.h"
#include "storage/catalog_store.h"
#include "storage/day_store.h"
#include "storage/member_store.h"

namespace salon::cli {
namespace {

struct DayArgs {
  std::string db, staff, count, date, from, to;
  std::int64_t openingFloat = 0;
};

Staff guarded(storage::Database& db, const Clock& clock, const std::string& code, Action action, const std::string& id) {
  Staff me = actAs(db, clock, code);
  storage::SqliteAuditLog audit(db);
  Guard(audit, clock).require(me, action, "business_day", id);
  return me;
}

std::map<std::int64_t, int> parseCount(const std::string& text) {
  std::map<std::int64_t, int> out;
  std::stringstream ss(text);
  std::string part;
  while (std::getline(ss, part, ',')) {
    long long fen = 0;
    int n = 0;
    if (std::sscanf(part.c_str(), "%lld:%d", &fen, &n) != 2) throw DomainError("bad_input", "--count " + part + " (FEN:COUNT)");
    out[fen] += n;
  }
  return out;
}

nlohmann::json dayJson(const BusinessDay& d) {
  nlohmann::json j = {{"date", d.date}, {"opened_by", d.openedBy}, {"opening_float", d.openingFloat.fen}};
  if (d.closedAt) {
    j["closed_by"] = d.closedBy;
    j["expected_cash"] = d.expectedCash.fen;
    j["counted_cash"] = d.countedCash.fen;
    j["difference"] = (d.countedCash - d.expectedCash).fen;
  }
  return j;
}

int openDay(const Invocation& inv, const DayArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = guarded(*db, *inv.clock, a.staff, Action::OpenCloseDay, "open");
  auto setup = storage::loadCheckoutSetup(db->sql());
  Instant now = inv.clock->now();
  BusinessDay d = storage::openBusinessDay(*db, me.code, Money(a.openingFloat), now, setup.zone);
  // The day's housekeeping: expired points, and tiers whose period ended.
  nlohmann::json j = dayJson(d);
  j["points_expired"] = storage::expirePoints(*db, now);
  j["tier_periods_ended"] = storage::applyTierPeriodEnds(*db, setup.tiers, now);
  std::cout << j.dump(2) << "\n";
  return 0;
}

int closeDay(const Invocation& inv, const DayArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = guarded(*db, *inv.clock, a.staff, Action::OpenCloseDay, "close");
  BusinessDay d = storage::closeBusinessDay(*db, me.code, parseCount(a.count), inv.clock->now());
  std::cout << dayJson(d).dump(2) << "\n";
  return 0;
}

nlohmann::json staffJson(const std::vector<StaffPerformance>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : list)
    out.push_back({{"staff", s.staff}, {"performance", s.performance.fen}, {"service", s.service.fen},
                   {"commission", s.commission.fen}});
  return out;
}

void checkDate(const std::string& d, const char* what) {
  CivilDate c;
  if (!parseDate(d, c)) throw DomainError("bad_input", std::string(what) + " " + d + " (YYYY-MM-DD)");
}

int reportZ(const Invocation& inv, const DayArgs& a) {
  checkDate(a.date, "--date");
  auto db = openDatabase(a.db);
  guarded(*db, *inv.clock, a.staff, Action::ViewReports, a.date);
  auto policy = storage::readPolicy(db->sql());
  ZReport z = storage::zReport(db->sql(), a.date, policy);
  nlohmann::json tenders = nlohmann::json::object(), categories = nlohmann::json::object();
  for (const auto& [k, v] : z.byTender) tenders[k] = v.fen;
  for (const auto& [k, v] : z.byCategory) categories[k] = v.fen;
  std::cout << nlohmann::json{{"date", z.date},
                              {"closed", z.closed},
                              {"sales", z.sales},
                              {"voids", z.voids},
                              {"refunds", z.refunds},
                              {"arrears_settlements", z.settlements},
                              {"total", z.total.fen},
                              {"by_tender", tenders},
                              {"by_category", categories},
                              {"by_staff", staffJson(z.byStaff)},
                              {"cash", {{"opening_float", z.openingFloat.fen}, {"expected", z.expectedCash.fen},
                                        {"counted", z.countedCash.fen}, {"difference", (z.countedCash - z.expectedCash).fen}}},
                              {"audit_chain_head", {{"seq", z.chainHeadSeq}, {"hash", z.chainHeadHash}}}}
                   .dump(2)
            << "\n";
  return 0;
}

CLI::App* staffed(CLI::App* parent, const char* name, const char* what, DayArgs& a) {
  auto* sub = parent->add_subcommand(name, what);
  addDbOption(sub, a.db);
  sub->add_option("--staff", a.staff, "Your staff code (PIN in SALON_PIN)")->required();
  return sub;
}

}  // namespace

void addDayCommands(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<DayArgs>();
  auto* day = app.add_subcommand("day", "Open or close the business day");
  day->require_subcommand(1);
  auto* open = staffed(day, "open", "Open today's business day", *a);
  open->add_option("--float", a->openingFloat, "Cash in the drawer at opening, in fen");
  open->callback([&inv, a] { inv.run = [&inv, a] { return withJsonErrors([&] { return openDay(inv, *a); }); }; });
  auto* close = staffed(day, "close", "Close the day with the cash count", *a);
  close->add_option("--count", a->count, "Cash by denomination: FEN:COUNT,... e.g. 10000:5,5000:2,100:7");
  close->callback([&inv, a] { inv.run = [&inv, a] { return withJsonErrors([&] { return closeDay(inv, *a); }); }; });

  auto* report = app.add_subcommand("report", "End-of-day and staff reports");
  report->require_subcommand(1);
  auto* z = staffed(report, "z", "Z report of one business day", *a);
  z->add_option("--date", a->date, "YYYY-MM-DD")->required();
  z->callback([&inv, a] { inv.run = [&inv, a] { return withJsonErrors([&] { return reportZ(inv, *a); }); }; });
  // `report staff` lives with the other business reports (report_commands.cpp).
}

}  // namespace salon::cli
