// salon-kiosk customers import (with member columns), members import-packages,
// report liabilities: a salon's members and their money come across from its
// old system; the owner checks the totals before and after.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cli/member_import.h"
#include "app/core/customer_import.h"
#include "app/core/customer_import_packages.h"
#include "app/core/error.h"
#include "app/core/name_keys.h"
#include "app/core/staff_auth.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/catalog_store.h"
#include "storage/customer_directory.h"
#include "storage/customer_rows.h"
#include "storage/customer_store.h"
#include "storage/import_file.h"
#include "storage/import_liabilities.h"
#include "storage/import_store.h"

namespace salon::cli {
namespace {

// A packages file whole (a salon has a few thousand packages, not millions):
// refused over 16 MiB before it is read.
std::string readPackagesFile(const std::string& path) {
  constexpr std::uint64_t kMaxPackagesBytes = 16u << 20;
  storage::ImportFile f(path);
  if (f.size() > kMaxPackagesBytes) throw DomainError("import_too_large", path + ": over 16 MiB");
  std::string out(f.size(), '\0');
  std::size_t have = 0;
  for (std::size_t n; have < out.size() && (n = f.read(out.data() + have, out.size() - have)) > 0;) have += n;
  out.resize(have);
  return out;
}

nlohmann::json totalsJson(const ImportTotals& t) {
  nlohmann::json tiers = nlohmann::json::object();
  for (const auto& [name, n] : t.tiers) tiers[name] = n;
  return {{"members", t.members},       {"stored_value", t.storedValue.fen}, {"stored_value_bonus", t.storedValueBonus.fen},
          {"points", t.points},         {"package_sessions", t.packageSessions}, {"arrears", t.arrears.fen},
          {"tiers", tiers}};
}

// The preview and the result: JSON exactly as documented, or lines for a person.
void printReport(const MemberImportArgs& a, const ImportPlan& plan, std::size_t imported, const std::string& importId) {
  if (a.asJson) {
    nlohmann::json bad = nlohmann::json::array();
    for (const ImportProblem& p : plan.bad)
      bad.push_back({{"line", p.line}, {"code", p.code}, {"detail", p.detail}, {"message", problemText(a.file, p)}});
    std::cout << nlohmann::json{{"good", plan.good}, {"imported", imported}, {"bad", bad}, {"bad_rows", plan.badRows},
                                {"totals", totalsJson(plan.totals)}}
                     .dump()
              << "\n";
    return;
  }
  const ImportTotals& t = plan.totals;
  std::cout << "encoding: " << (plan.encoding == TextEncoding::Utf8 ? "utf-8" : "gb18030") << "\n"
            << "rows: " << plan.rows << "  good: " << plan.good << "  bad: " << plan.badRows << "\n"
            << "members: " << t.members << "\n";
  for (const auto& [name, n] : t.tiers) std::cout << "  tier " << name << ": " << n << "\n";
  std::cout << "stored_value: " << formatAmount(t.storedValue) << "\n"
            << "stored_value_bonus: " << formatAmount(t.storedValueBonus) << "\n"
            << "points: " << t.points << "\n"
            << "arrears: " << formatAmount(t.arrears) << "\n"
            << (a.dryRun ? std::string("dry run: nothing written") : "imported: " + std::to_string(imported) +
                                                                          (importId.empty() ? "" : " (import " + importId + ")"))
            << "\n";
}

}  // namespace

std::string problemText(const std::string& file, const ImportProblem& p) {
  return file + ":" + std::to_string(p.line) + ": " + p.code + (p.detail.empty() ? "" : ": " + p.detail);
}

ImportProgress progressPrinter(const MemberImportArgs& a) {
  bool tty = ::isatty(STDERR_FILENO) != 0;
  if (!tty && !a.progress) return {};
  auto last = std::make_shared<std::string>();
  return [tty, last](const std::string& phase, std::uint64_t done, std::uint64_t total) {
    int pct = total == 0 ? 100 : static_cast<int>(done * 100 / total);
    std::string now = phase + " " + std::to_string(pct);
    if (now == *last || (!tty && pct % 10 != 0)) return;
    *last = now;
    std::cerr << (tty ? "\r" : "") << phase << " " << pct << "%" << (tty && pct < 100 ? "" : "\n") << std::flush;
  };
}

int importCustomers(const Invocation& inv, const MemberImportArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = actAs(*db, *inv.clock, a.staff);
  StoreZone zone = storage::storeZone(db->sql());
  NameKeyMaker keys;
  storage::SqliteAuditLog audit(*db);
  storage::SqliteCustomerFileStore store(*db);
  storage::SqliteCustomerDirectory directory(*db, keys);
  CustomerFiles files(store, directory, audit, *inv.clock, keys, zone);
  Guard guard(audit, *inv.clock);
  guard.require(me, Action::ImportCustomers, "customer", "*");
  storage::ImportFile src(a.file);  // refused here when too large, before a byte is read
  ImportProgress progress = progressPrinter(a);
  Instant at = inv.clock->now();
  // The check reads one snapshot: one read transaction, not a lock taken per row.
  db->sql().exec("BEGIN");
  ImportPlan plan;
  try {
    plan = planImport(files, store, me, src, parseImportMap(a.map), at,
                      [&](const std::string& no) { return storage::fileNoOfMemberNo(db->sql(), no); }, progress);
  } catch (...) {
    db->sql().exec("ROLLBACK");
    throw;
  }
  db->sql().exec("COMMIT");
  // Balances are the customers' money: only the store manager brings them across.
  if (plan.membership) guard.require(me, Action::ImportBalances, "import", a.file);
  storage::refuseDuplicate(db->sql(), "members", plan.sha256);
  TierResolution tiers =
      resolveTiers(plan.tierNames(), storage::loadTiers(db->sql()), parsePairs(a.mapTiers), a.createTiers);
  for (const ImportProblem& p : plan.bad) std::cerr << problemText(a.file, p) << "\n";
  if (plan.badRows > plan.bad.size()) std::cerr << "... and " << plan.badRows - plan.bad.size() << " more bad rows\n";
  if (a.dryRun || (plan.good == 0 && plan.badRows == 0)) {  // nothing to import is not an import
    printReport(a, plan, 0, "");
    return 0;
  }
  if (plan.badRows > 0 && !a.skipBad) {
    printReport(a, plan, 0, "");
    throw DomainError("import_rows_bad", std::to_string(plan.badRows) + " (--skip-bad imports the others)");
  }
  storage::ImportRecord rec{newUuid(), "members", a.file, plan.sha256, static_cast<std::int64_t>(plan.rows), 0,
                            plan.totals, at, me.code};
  GoodMemberRows rows(files, me, src, plan, at, progress);
  std::size_t done = storage::commitMemberImport(*db, rows, tiers, rec);
  printReport(a, plan, done, rec.id);
  return 0;
}

namespace {

int importPackages(const Invocation& inv, const MemberImportArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = actAs(*db, *inv.clock, a.staff);
  storage::SqliteAuditLog audit(*db);
  Guard(audit, *inv.clock).require(me, Action::ImportBalances, "import", a.file);
  std::string bytes = readPackagesFile(a.file);
  PriceBook catalog = storage::loadPriceBook(db->sql());
  PackagePlan plan = planPackageImport(bytes, parsePairs(a.map), parsePairs(a.mapItems), catalog, inv.clock->now(),
                                       [&](const std::string& k) { return storage::customerByCardOrPhone(db->sql(), k); });
  std::string sha = fileSha256(bytes);
  storage::refuseDuplicate(db->sql(), "packages", sha);
  for (const ImportProblem& p : plan.bad) std::cerr << problemText(a.file, p) << "\n";
  std::size_t imported = 0;
  std::string id;
  auto report = [&] {
    nlohmann::json bad = nlohmann::json::array();
    for (const ImportProblem& p : plan.bad)
      bad.push_back({{"line", p.line}, {"code", p.code}, {"detail", p.detail}, {"message", problemText(a.file, p)}});
    nlohmann::json j = {{"good", plan.good.size()}, {"imported", imported}, {"bad", bad},
                        {"unknown_items", plan.unknownItems},
                        {"totals", {{"package_sessions", plan.totals.packageSessions},
                                    {"package_value", plan.totals.packageValue.fen}}}};
    if (a.asJson) std::cout << j.dump() << "\n";
    else std::cout << "rows: " << plan.rows << "  good: " << plan.good.size() << "  bad: " << plan.bad.size() << "\n"
                   << "package sessions: " << plan.totals.packageSessions << "  paid: "
                   << formatAmount(plan.totals.packageValue) << "\n"
                   << (a.dryRun ? std::string("dry run: nothing written") : "imported: " + std::to_string(imported)) << "\n";
  };
  if (!plan.unknownItems.empty()) {
    report();
    std::string list;
    for (const std::string& n : plan.unknownItems) list += (list.empty() ? "" : ", ") + n;
    throw DomainError("import_items_unknown", list + " (--map-items)");
  }
  if (a.dryRun || plan.good.empty() || (!plan.bad.empty() && !a.skipBad)) {
    report();
    if (!a.dryRun && !plan.bad.empty()) throw DomainError("import_rows_bad", std::to_string(plan.bad.size()) + " (--skip-bad imports the others)");
    return 0;
  }
  ImportTotals totals = plan.totals;
  storage::ImportRecord rec{newUuid(), "packages", a.file, sha, static_cast<std::int64_t>(plan.rows), 0,
                            totals, inv.clock->now(), me.code};
  storage::commitPackageImport(*db, plan, rec);
  imported = plan.good.size();
  report();
  return 0;
}

}  // namespace

void addMemberImportCommands(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<MemberImportArgs>();
  // `report liabilities` lives with the other business reports (report_commands.cpp).
  auto* members = app.add_subcommand("members", "Members brought across from another system");
  members->require_subcommand(1);
  auto* p = members->add_subcommand("import-packages", "Import treatment packages (疗程卡/次卡), one row per package");
  addDbOption(p, a->db);
  p->add_option("--staff", a->staff, "Your staff code (manager; PIN in SALON_PIN)")->required();
  p->add_option("file", a->file, "The CSV file (UTF-8 or GB18030; - for stdin)")->required();
  p->add_option("--map", a->map, "Header mapping, e.g. \"卡项名称=item,剩=sessions_left\"");
  p->add_option("--map-items", a->mapItems, "Item mapping, e.g. \"补水10次=K-FACIAL10,肩颈=S-MASSAGE\"");
  p->add_flag("--skip-bad", a->skipBad, "Import the good rows and skip the bad ones");
  p->add_flag("--dry-run", a->dryRun, "Check everything and print the totals; write nothing");
  p->add_flag("--json", a->asJson, "The result as JSON (amounts in fen)");
  p->callback([&inv, a] { inv.run = [&inv, a] { return importPackages(inv, *a); }; });
  addAppointmentImportCommand(app, inv);
}

}  // namespace salon::cli
