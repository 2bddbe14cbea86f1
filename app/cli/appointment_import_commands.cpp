// salon-kiosk appointments import FILE: next week's bookings from the old system,
// each row booked as at the counter; preview first, all or nothing, audited,
// never the same file twice.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cli/member_import.h"
#include "app/core/appointment_import.h"
#include "app/core/error.h"
#include "app/core/uuid.h"
#include "storage/appointment_store.h"
#include "storage/audit_store.h"
#include "storage/customer_rows.h"
#include "storage/day_book_store.h"
#include "storage/import_file.h"
#include "storage/import_store.h"

namespace salon::cli {
namespace {

// --map "预约日=date,..." with the appointment targets only.
std::map<std::string, std::string> appointmentMap(const std::string& text) {
  std::map<std::string, std::string> map = parsePairs(text);
  for (const auto& [header, target] : map)
    if (target != "date" && target != "time" && target != "customer" && target != "service" && target != "staff" &&
        target != "note")
      throw DomainError("import_map_unknown", target);
  return map;
}

void printAppointments(const MemberImportArgs& a, const AppointmentImportPlan& plan, std::size_t imported,
                       const std::string& importId) {
  nlohmann::json staff = nlohmann::json::object();
  for (const auto& [code, n] : plan.perStaff) staff[code] = n;
  if (a.asJson) {
    nlohmann::json bad = nlohmann::json::array();
    for (const ImportProblem& p : plan.bad)
      bad.push_back({{"line", p.line}, {"code", p.code}, {"detail", p.detail}, {"message", problemText(a.file, p)}});
    std::cout << nlohmann::json{{"good", plan.good.size()}, {"imported", imported}, {"bad", bad},
                                {"bad_rows", plan.badRows},
                                {"totals", {{"appointments", plan.good.size()}, {"staff", staff}}}}
                     .dump()
              << "\n";
    return;
  }
  std::cout << "rows: " << plan.rows << "  good: " << plan.good.size() << "  bad: " << plan.badRows << "\n";
  for (const auto& [code, n] : plan.perStaff) std::cout << "  staff " << code << ": " << n << "\n";
  std::cout << (a.dryRun ? std::string("dry run: nothing written")
                         : "imported: " + std::to_string(imported) + (importId.empty() ? "" : " (import " + importId + ")"))
            << "\n";
}

int importAppointments(const Invocation& inv, const MemberImportArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = actAs(*db, *inv.clock, a.staff);
  storage::SqliteAuditLog audit(*db);
  Guard guard(audit, *inv.clock);
  guard.require(me, Action::ImportCustomers, "import", a.file);
  storage::ImportFile src(a.file);  // refused here when too large, before a byte is read
  storage::SqliteDayBook book(*db);
  storage::SqliteAppointmentStore store(*db);
  AppointmentImportPlan plan = planAppointmentImport(src, book, store, guard, *inv.clock, storage::storeZone(db->sql()),
                                                     me, appointmentMap(a.map),
                                                     [&](const std::string& card) {
                                                       return storage::customerByCardOrPhone(db->sql(), card);
                                                     },
                                                     progressPrinter(a));
  storage::refuseDuplicate(db->sql(), "appointments", plan.sha256);
  for (const ImportProblem& p : plan.bad) std::cerr << problemText(a.file, p) << "\n";
  if (plan.badRows > plan.bad.size()) std::cerr << "... and " << plan.badRows - plan.bad.size() << " more bad rows\n";
  if (a.dryRun || (plan.good.empty() && plan.badRows == 0)) {
    printAppointments(a, plan, 0, "");
    return 0;
  }
  if (plan.badRows > 0 && !a.skipBad) {
    printAppointments(a, plan, 0, "");
    throw DomainError("import_rows_bad", std::to_string(plan.badRows) + " (--skip-bad imports the others)");
  }
  storage::ImportRecord rec;
  rec.id = newUuid();
  rec.kind = "appointments";
  rec.fileName = a.file;
  rec.sha256 = plan.sha256;
  rec.rows = static_cast<std::int64_t>(plan.rows);
  rec.at = inv.clock->now();
  rec.staff = me.code;
  storage::commitAppointmentImport(*db, plan, rec);
  printAppointments(a, plan, plan.good.size(), rec.id);
  return 0;
}

}  // namespace

void addAppointmentImportCommand(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<MemberImportArgs>();
  CLI::App* group = app.get_subcommand("appointments");
  auto* i = group->add_subcommand("import", "Import booked appointments from another system (CSV, UTF-8 or GB18030)");
  addDbOption(i, a->db);
  i->add_option("--staff", a->staff, "Your staff code (supervisor or manager; PIN in SALON_PIN)")->required();
  i->add_option("file", a->file, "The CSV file (- for stdin)")->required();
  i->add_option("--map", a->map, "Header mapping, e.g. \"预约日=date,到店=time,顾客手机=customer\"");
  i->add_flag("--skip-bad", a->skipBad, "Import the good rows and skip the bad ones");
  i->add_flag("--dry-run", a->dryRun, "Check every row as a booking; write nothing");
  i->add_flag("--json", a->asJson, "The result as JSON");
  i->add_flag("--progress", a->progress, "Progress on stderr even when it is not a terminal");
  i->callback([&inv, a] { inv.run = [&inv, a] { return importAppointments(inv, *a); }; });
}

}  // namespace salon::cli
