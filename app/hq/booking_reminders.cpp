#include "app/hq/booking_reminders.h"

#include <iostream>
#include <map>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "app/core/day_book.h"
#include "app/hq/booking_slots.h"
#include "app/hq/customer_texts.h"

namespace salon::hq {
namespace {

struct Due {
  std::string id, store;
  Instant start = 0;
};

// Tomorrow in the store's zone, and the reminder hour passed today.
bool dueNow(const StoreSettings& s, Instant start, Instant now);

// Confirmed bookings starting within the next two days with no reminder claimed yet
// that are due by their store's zone and reminder hour (settings read once a store).
std::vector<Due> candidates(pqxx::connection& db, Instant now) {
  std::vector<Due> out;
  std::map<std::string, StoreSettings> stores;
  pqxx::read_transaction r(db);
  for (const auto& row : r.exec_params("SELECT b.id, b.store, b.start_at FROM online_bookings b WHERE b.status = 'confirmed'"
                                       " AND b.start_at > $1 AND b.start_at < $1::bigint + $2::bigint"
                                       " AND NOT EXISTS (SELECT 1 FROM booking_texts t WHERE t.booking = b.id"
                                       " AND t.kind = 'reminder') ORDER BY b.start_at LIMIT 500",
                                       now, 2 * kDay)) {
    Due d{row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<Instant>()};
    if (!stores.count(d.store)) stores.emplace(d.store, storeSettings(r, d.store));
    if (dueNow(stores.at(d.store), d.start, now)) out.push_back(d);
  }
  return out;
}

// Tomorrow in the store's zone, and the reminder hour passed today.
bool dueNow(const StoreSettings& s, Instant start, Instant now) {
  StoreZone zone{static_cast<int>(s.number("store.zone_offset_minutes", 480))};
  CivilDate today = localDate(now, zone);
  Instant tomorrow = startOfLocalDay(today, zone) + kDay;
  std::string from = s.text("online.reminder_from");
  Instant opens = startOfLocalDay(today, zone) + clockMinutes(from.empty() ? std::optional<std::string>()
                                                                            : std::optional<std::string>(from),
                                                              10 * 60) *
                                                     kMinute;
  return start >= tomorrow && start < tomorrow + kDay && now >= opens;
}

// One booking in its own transaction: claim, send, commit (false: not due, taken
// by another sweeper, or no longer confirmed).
bool remind(pqxx::connection& db, SmsProvider& sms, const Due& d, Instant now) {
  pqxx::work w(db);
  StoreSettings s = storeSettings(w, d.store);
  auto b = w.exec_params("SELECT b.phone, b.lang, st.name, COALESCE(c.name, b.service), b.start_at FROM online_bookings b"
                         " JOIN stores st ON st.code = b.store LEFT JOIN catalog_items c ON c.code = b.service"
                         " WHERE b.id = $1 AND b.status = 'confirmed'",
                         d.id);
  if (b.empty() || !dueNow(s, b[0][4].as<std::int64_t>(), now)) return false;
  std::string phone = b[0][0].as<std::string>();
  bool allowed = mayText(Purpose::Reminder, consentOf(w, phone));
  auto claimed = w.exec_params("INSERT INTO booking_texts (booking, kind, at, outcome) VALUES ($1, 'reminder', $2, $3)"
                               " ON CONFLICT DO NOTHING RETURNING 1",
                               d.id, now, allowed ? "sent" : "opted_out");
  if (claimed.empty()) return false;
  StoreZone zone{static_cast<int>(s.number("store.zone_offset_minutes", 480))};
  std::string when = formatLocalDateTime(b[0][4].as<std::int64_t>(), zone).substr(11, 5);
  bool sent = allowed && textCustomer(w, sms, s,
                                      {phone, "reminder", b[0][1].as<std::string>(), Purpose::Reminder,
                                       {{"store", b[0][2].as<std::string>()}, {"service", b[0][3].as<std::string>()},
                                        {"time", when}, {"reason", ""}},
                                       d.id + ":reminder"},
                                      now);
  w.commit();  // a crash before this: no claim, sent again under the same key
  return sent;
}

}  // namespace

int sendReminders(pqxx::connection& db, SmsProvider& sms, Instant now) {
  int sent = 0;
  for (const Due& d : candidates(db, now)) {
    try {
      sent += remind(db, sms, d, now);
    } catch (const pqxx::broken_connection&) {
      throw;
    } catch (const std::exception& e) {  // the provider failed: no claim, tried again next pass
      std::cerr << "salon-hq: reminder for a booking at " << d.store << " failed: " << e.what() << "\n";
    }
  }
  return sent;
}

}  // namespace salon::hq
