#include "app/hq/booking_sweep.h"

#include <chrono>
#include <iostream>
#include <vector>
#include <pqxx/pqxx>
#include <thread>

#include "app/hq/booking_reminders.h"
#include "app/hq/booking_slots.h"
#include "app/hq/customer_texts.h"
#include "app/hq/online_corrections.h"
#include "app/hq/online_file.h"
#include "app/hq/online_self.h"
#include "app/hq/sms.h"

namespace salon::hq {
namespace {

// One store at a time, under its row lock (as bookings and batches take it).
void declineOverdueEverywhere(pqxx::connection& db, Instant now) {
  std::vector<std::string> stores;
  {
    pqxx::read_transaction r(db);
    for (const auto& row : r.exec("SELECT DISTINCT store FROM online_bookings WHERE status = 'pending'"))
      stores.push_back(row[0].as<std::string>());
  }
  for (const std::string& store : stores) {
    pqxx::work w(db);
    w.exec_params("SELECT 1 FROM stores WHERE code = $1 FOR UPDATE", store);
    declineOverdue(w, store, storeSettings(w, store), now);
    w.commit();
  }
}

// Which of the store's texts tells this decision.
std::string decisionKind(const pqxx::row& r) {
  if (r[1].as<std::string>() == "confirmed") return "confirmed";
  if (!r[7].is_null()) return "move_declined";  // the booking it would have replaced stands
  return r[5].as<std::string>() == "store_offline" ? "offline" : "declined";
}

}  // namespace

int sweepBookings(pqxx::connection& db, SmsProvider& sms, Instant now) {
  declineOverdueEverywhere(db, now);
  pqxx::work w(db);
  // Cancelled holds are not decisions: the customer was told when cancelling, and a
  // booking a confirmed move replaced is told by the move's confirmation.
  auto rows = w.exec(
      "SELECT b.id, b.status, s.name, to_char(to_timestamp(b.start_at / 1000.0) AT TIME ZONE"
      " make_interval(mins => COALESCE((SELECT value::int FROM store_settings WHERE store = b.store AND key = 'store.zone_offset_minutes'), 480)),"
      " 'MM-DD HH24:MI'), COALESCE(c.name, b.service), b.reason, b.phone, b.replaces, b.lang, b.store"
      " FROM online_bookings b JOIN stores s ON s.code = b.store LEFT JOIN catalog_items c ON c.code = b.service"
      " WHERE b.told_at IS NULL AND b.decided_at IS NOT NULL ORDER BY b.decided_at LIMIT 100 FOR UPDATE OF b SKIP LOCKED");
  int told = 0;
  for (const auto& r : rows) {
    std::string status = r[1].as<std::string>();
    try {
      if (status == "confirmed" || status == "declined")
        told += textCustomer(w, sms, storeSettings(w, r[9].as<std::string>()),
                             {r[6].as<std::string>(), decisionKind(r), r[8].as<std::string>(), Purpose::Essential,
                              {{"store", r[2].as<std::string>()}, {"service", r[4].as<std::string>()},
                               {"time", r[3].as<std::string>()}, {"reason", r[5].as<std::string>()}},
                              ""},
                             now);
    } catch (const std::exception& e) {
      std::cerr << "salon-hq: the decision SMS failed: " << e.what() << "\n";
    }
    w.exec_params("UPDATE online_bookings SET told_at = $2 WHERE id = $1", r[0].as<std::string>(), now);
  }
  w.commit();
  return told;
}

void startBookingSweep(const std::string& pg, std::shared_ptr<SmsProvider> sms, std::shared_ptr<const Clock> clock,
                       int everyMs) {
  std::thread([pg, sms, clock, everyMs] {
    std::unique_ptr<pqxx::connection> db;
    for (;;) {
      std::this_thread::sleep_for(std::chrono::milliseconds(everyMs));
      try {
        if (!db || !db->is_open()) db = std::make_unique<pqxx::connection>(pg);
        sweepBookings(*db, *sms, clock->now());
        sendReminders(*db, *sms, clock->now());
        tellApplicationDecisions(*db, *sms, clock->now());  // membership applications made online
        tellCorrectionOutcomes(*db, *sms, clock->now());    // corrections: not taken, approved, rejected
        forgetSelfViews(*db, clock->now());                 // customers' looks at their files
      } catch (const std::exception& e) {
        db.reset();
        std::cerr << "salon-hq: booking sweep: " << e.what() << "\n";
      }
    }
  }).detach();
}

}  // namespace salon::hq
