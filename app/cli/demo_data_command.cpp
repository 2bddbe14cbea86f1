// salon-kiosk demo-data --db DB: seeds the demo salon into an empty database.
// (Customers, catalog and sales are added by their own modules' seeders.)
#include <chrono>
#include <iostream>
#include <memory>

#include "app/cli/cli.h"
#include "storage/demo/demo_checkout.h"
#include "storage/demo/demo_customers.h"
#include "storage/demo/demo_salon.h"
#include "app/core/error.h"
#include "app/core/staff_auth.h"
#include "storage/audit_store.h"
#include "storage/staff_store.h"

namespace salon::cli {
namespace {

struct DemoArgs {
  std::string db, staff;
  long customers = 0;
  long sales = 0;
  std::uint64_t seed = 1;
};

int runDemoData(const Invocation& inv, const DemoArgs& a) {
  auto db = openDatabase(a.db, storage::OpenMode::Create);
  bool seeded = demo::seedDemoSalon(*db, *inv.clock, demo::pinCostFromEnvironment());
  if (!seeded) {
    // An existing store: only its admin may add demo data to it.
    Staff me = actAs(*db, *inv.clock, a.staff);
    storage::SqliteAuditLog audit(*db);
    Guard(audit, *inv.clock).require(me, Action::SeedDemoData, "store", "demo");
  }
  std::cout << (seeded ? "seeded the demo salon" : "demo salon present") << "\n";
  if (a.customers < 0) throw DomainError("bad_input", "--customers");
  if (a.sales < 0) throw DomainError("bad_input", "--sales");
  if (a.customers > 0) {
    auto t0 = std::chrono::steady_clock::now();
    demo::DemoCustomersReport r = demo::seedDemoCustomers(*db, *inv.clock, a.customers, a.seed);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "customers: " << r.customers << " (members " << r.members << ", pets " << r.pets << ", visits "
              << r.visits << ") in " << s << " s\n";
  }
  // The catalog always; past sales go to the customers just made.
  demo::seedDemoCheckout(*db, *inv.clock, a.sales, static_cast<unsigned>(a.seed));
  return 0;
}

}  // namespace

void addDemoDataCommand(CLI::App& app, Invocation& inv) {
  auto args = std::make_shared<DemoArgs>();
  auto* sub = app.add_subcommand("demo-data", "Seed the demo salon (and demo customers)");
  addDbOption(sub, args->db);
  sub->add_option("--staff", args->staff, "Your staff code, when the database has staff already");
  sub->add_option("--customers", args->customers, "How many demo customers");
  sub->add_option("--sales", args->sales, "How many past sales over the last year (checkout demo)");
  sub->add_option("--seed", args->seed, "Random seed (deterministic output)");
  sub->callback([&inv, args] { inv.run = [&inv, args] { return runDemoData(inv, *args); }; });
}

}  // namespace salon::cli
