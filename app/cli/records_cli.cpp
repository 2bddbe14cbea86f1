#include "app/cli/records_cli.h"

#include "app/core/error.h"
#include "storage/catalog_store.h"
#include "storage/member_store.h"
#include "storage/settings_store.h"

namespace salon::cli {

RecordsRoom::RecordsRoom(const Invocation& inv, const RecordsArgs& a)
    : db(openDatabase(a.db)),
      audit(*db),
      guard(audit, *inv.clock),
      clock(*inv.clock),
      me(actAs(*db, *inv.clock, a.staff)),
      store(*db),
      zone(storage::readZone(db->sql())) {}

CustomerId RecordsRoom::customerId(const std::string& key) { return storage::findCustomerId(db->sql(), key); }

RecordingRules recordingRules(storage::Database& db) {
  RecordingRules rules;
  auto hours = storage::readSetting(db.sql(), "complaint_hours");
  if (hours) {
    try {
      long h = std::stol(*hours);
      if (h > 0 && h <= 24 * 30) rules.complaint = h * kHour;
    } catch (const std::exception&) {
      // A garbled setting keeps the default.
    }
  }
  return rules;
}

nlohmann::json localTime(const std::optional<Instant>& t, StoreZone zone) {
  if (!t) return nullptr;
  return formatLocalDateTime(*t, zone);
}

CLI::App* staffCommand(CLI::App* parent, const char* name, const char* what, RecordsArgs& a) {
  auto* sub = parent->add_subcommand(name, what);
  addDbOption(sub, a.db);
  sub->add_option("--staff", a.staff, "Your staff code (PIN in SALON_PIN)")->required();
  return sub;
}

}  // namespace salon::cli
