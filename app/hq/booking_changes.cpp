#include "app/hq/booking_changes.h"

#include <iostream>

#include "app/hq/booking_slots.h"
#include "app/hq/customer_texts.h"
#include "app/hq/online_booking.h"
#include "app/hq/refusal.h"

namespace salon::hq {
namespace {

constexpr Instant kHour = 60 * kMinute;

// The booking, locked; the caller holds the store's row lock.
pqxx::row lockedBooking(pqxx::transaction_base& w, const std::string& id, const std::string& phone) {
  auto r = w.exec_params("SELECT status, start_at, replaces, store, created_at FROM online_bookings"
                         " WHERE id = $1 AND phone = $2 FOR UPDATE",
                         id, phone);
  if (r.empty()) throw Refusal(404, "not_found", "no such booking");
  return r[0];
}

void checkChangeable(const pqxx::row& b, const StoreSettings& s, Instant now) {
  std::string status = b[0].as<std::string>();
  bool live = status == "confirmed" || (status == "pending" && b[4].as<std::int64_t>() >= overdueBefore(s, now));
  if (!live) throw Refusal(409, "not_changeable", "this booking is " + status);
  if (now > changeUntil(s, b[1].as<std::int64_t>()))
    throw Refusal(409, "too_late", "bookings can be changed until " +
                                       std::to_string(s.number("online.change_cutoff_hours", 2)) + " h before");
}

std::string storeOf(pqxx::transaction_base& r, const std::string& id, const std::string& phone) {
  if (phone.empty() || id.size() != 22) throw Refusal(404, "not_found", "no such booking");
  auto row = r.exec_params("SELECT store FROM online_bookings WHERE id = $1 AND phone = $2", id, phone);
  if (row.empty()) throw Refusal(404, "not_found", "no such booking");
  return row[0][0].as<std::string>();
}

}  // namespace

void tellCancelled(pqxx::connection& db, SmsProvider& sms, const std::string& id, const std::string& store, Instant now) {
  try {
    pqxx::read_transaction r(db);
    StoreSettings s = storeSettings(r, store);
    auto b = r.exec_params("SELECT b.phone, b.lang, st.name, COALESCE(c.name, b.service), b.start_at FROM online_bookings b"
                           " JOIN stores st ON st.code = b.store LEFT JOIN catalog_items c ON c.code = b.service"
                           " WHERE b.id = $1",
                           id)[0];
    StoreZone zone{static_cast<int>(s.number("store.zone_offset_minutes", 480))};
    std::string when = formatLocalDateTime(b[4].as<std::int64_t>(), zone).substr(5);
    textCustomer(r, sms, s,
                 {b[0].as<std::string>(), "cancelled", b[1].as<std::string>(), Purpose::Essential,
                  {{"store", b[2].as<std::string>()}, {"service", b[3].as<std::string>()}, {"time", when}, {"reason", ""}},
                  ""},
                 now);
  } catch (const std::exception& e) {
    std::cerr << "salon-hq: the cancel SMS failed: " << e.what() << "\n";
  }
}

Instant changeUntil(const StoreSettings& s, Instant start) {
  return start - s.number("online.change_cutoff_hours", 2) * kHour;
}

void checkMovable(pqxx::transaction_base& w, const std::string& id, const std::string& phone, const std::string& store,
                  const StoreSettings& s, Instant now) {
  pqxx::row b = lockedBooking(w, id, phone);
  if (b[3].as<std::string>() != store) throw Refusal(400, "bad_request", "a booking moves within its store");
  checkChangeable(b, s, now);
  if (b[0].as<std::string>() == "pending" && !b[2].is_null())
    throw Refusal(409, "not_changeable", "this move waits for the store");
  if (!w.exec_params("SELECT 1 FROM online_bookings WHERE replaces = $1 AND status = 'pending'", id).empty())
    throw Refusal(409, "not_changeable", "a move of this booking waits for the store");
}

std::string cancelIn(pqxx::transaction_base& w, const std::string& id, const std::string& phone, const std::string& via,
                     Instant now) {
  std::string store = storeOf(w, id, phone);
  w.exec_params("SELECT 1 FROM stores WHERE code = $1 FOR UPDATE", store);  // as every writer of its bookings
  StoreSettings s = storeSettings(w, store);
  declineOverdue(w, store, s, now);
  checkChangeable(lockedBooking(w, id, phone), s, now);
  // The booking and any move of it still waiting: each hold goes down cancelled.
  w.exec_params("UPDATE online_bookings SET status = 'cancelled', reason = 'customer', cancelled_at = $2,"
                " cancelled_via = $3 WHERE (id = $1 OR (replaces = $1 AND status = 'pending'))"
                " AND status IN ('pending', 'confirmed')",
                id, now, via);
  return store;
}

void cancelBooking(pqxx::connection& db, SmsProvider& sms, const std::string& id, const std::string& phone,
                   const std::string& via, Instant now) {
  std::string store;
  {
    pqxx::work w(db);
    store = cancelIn(w, id, phone, via, now);
    w.commit();
  }
  tellCancelled(db, sms, id, store, now);
}

std::optional<std::string> nextCancellable(pqxx::transaction_base& r, const std::string& phone, Instant now) {
  auto rows = r.exec_params("SELECT id, store, start_at, status, created_at FROM online_bookings WHERE phone = $1 AND start_at > $2"
                            " AND (status = 'confirmed' OR (status = 'pending' AND replaces IS NULL)) ORDER BY start_at",
                            phone, now);
  for (const auto& row : rows) {
    StoreSettings s = storeSettings(r, row[1].as<std::string>());
    bool overdue = row[3].as<std::string>() == "pending" && row[4].as<Instant>() < overdueBefore(s, now);
    if (!overdue && now <= changeUntil(s, row[2].as<std::int64_t>())) return row[0].as<std::string>();
  }
  return std::nullopt;
}

nlohmann::json bookingsOf(pqxx::connection& db, const std::string& phone, Instant now) {
  std::vector<std::string> ids;
  {
    pqxx::read_transaction r(db);
    for (const auto& row : r.exec_params("SELECT id FROM online_bookings WHERE phone = $1 AND start_at >= $2"
                                         " ORDER BY start_at, created_at LIMIT 50",
                                         phone, now - 30 * kDay))
      ids.push_back(row[0].as<std::string>());
  }
  nlohmann::json out = nlohmann::json::array();
  for (const std::string& id : ids)
    if (auto b = bookingFor(db, id, phone, now)) out.push_back(*b);
  return {{"bookings", out}};
}

}  // namespace salon::hq
