#pragma once
// What the appointments and care subcommands share: a signed-in session on the
// store's database, store-time parsing, and JSON for appointments and contacts.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/cli/json_input.h"
#include "app/core/appointment.h"
#include "app/core/boarding.h"
#include "app/core/care_contact.h"
#include "app/core/staff_auth.h"
#include "storage/audit_store.h"

namespace salon::cli {

struct Session {
  std::unique_ptr<storage::Database> db;
  const Clock* clock = nullptr;
  Staff me;
  StoreZone zone;
  std::unique_ptr<storage::SqliteAuditLog> audit;
  std::unique_ptr<Guard> guard;
  Instant now() const { return clock->now(); }
  // A view of personal data: one audit entry with the sections seen and why.
  void auditView(const std::string& what, const std::string& id, const std::string& purpose,
                 const std::string& sections = "basic");
};

Session openSession(const Invocation& inv, const std::string& dbPath, const std::string& staffCode);

// "YYYY-MM-DD"; empty → today in store time. DomainError bad_input.
CivilDate dateArg(const std::string& text, const Session& s);
// "YYYY-MM-DD HH:MM" in store time.
Instant parseLocalDateTime(const std::string& text, StoreZone zone);

nlohmann::json appointmentJson(const Appointment& a, StoreZone zone);
nlohmann::json contactJson(const CareContact& c, StoreZone zone);

// A pet's vaccinations that will have run out by `start` (the pet must be the customer's).
std::vector<VaccinationWarning> petWarnings(Session& s, CustomerId customer, std::int64_t pet, Instant start);
nlohmann::json warningsJson(const std::vector<VaccinationWarning>& ws);
// A text member of a JSON payload ("" or `fallback` when absent). DomainError bad_input.
std::string str(const nlohmann::json& j, const char* key, const std::string& fallback = "");
// `appointments boarding …`: pet boarding stays (寄养), in boarding_commands.cpp.
void addBoardingCommands(CLI::App* appointments, Invocation& inv);

// Prints `out` as JSON, or one line per element with the given keys.
void printList(const nlohmann::json& out, bool asJson, const std::vector<std::string>& keys);

// A subcommand of `group` acting as a staff member: --db, --staff (PIN in
// SALON_PIN) and --json, then `run` with the parsed arguments.
template <class Args>
CLI::App* staffCommand(CLI::App* group, Invocation& inv, const std::shared_ptr<Args>& args, const std::string& name,
                       const std::string& help, std::function<int(const Invocation&, const Args&)> run) {
  auto* sub = group->add_subcommand(name, help);
  addDbOption(sub, args->db);
  sub->add_option("--staff", args->staff, "Your staff code (PIN in SALON_PIN)")->required();
  sub->add_flag("--json", args->json, "JSON output");
  sub->callback([&inv, args, run] { inv.run = [&inv, args, run] { return run(inv, *args); }; });
  return sub;
}

}  // namespace salon::cli
