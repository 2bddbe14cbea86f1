#include "app/hq/online_booking.h"

#include <openssl/rand.h>

#include <pqxx/pqxx>

#include "app/core/day_book.h"
#include "app/core/uuid.h"
#include "app/hq/booking_changes.h"
#include "app/hq/booking_slots.h"
#include "app/hq/customer_texts.h"
#include "app/hq/refusal.h"
#include "app/hq/store_token.h"

namespace salon::hq {
namespace {

std::string newBookingId() {
  std::string raw(16, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), 16) != 1) throw std::runtime_error("no randomness");
  return base64url(raw);  // 22 characters, 128 bits
}

Instant startOf(const BookingAsk& ask, const OpenDay& day) {
  int minute = clockMinutes(ask.start, -1);
  if (minute < 0 || ask.start.size() != 5) throw Refusal(400, "bad_request", "start wants HH:MM");
  return startOfLocalDay(day.date, day.zone) + minute * kMinute;
}

std::string chooseStaff(const BookingAsk& ask, const OpenDay& day, const AppointmentService& svc, Instant start,
                        Instant now) {
  auto free = freeStaffAt(day, svc, start, now);
  if (ask.staff.empty()) {
    if (free.empty()) throw Refusal(409, "slot_taken", "this time is no longer free");
    return free.front();
  }
  if (std::find(free.begin(), free.end(), ask.staff) == free.end())
    throw Refusal(409, "slot_taken", "this time is no longer free with " + ask.staff);
  return ask.staff;
}

}  // namespace

// The first online booking of a phone makes its file (pending review at the store).
bool enterCustomer(pqxx::transaction_base& w, const BookingAsk& ask, Instant now) {
  if (!w.exec_params("SELECT 1 FROM online_customers WHERE phone = $1", ask.phone).empty()) return false;
  if (!ask.privacyConsent) throw Refusal(400, "consent_required", "the privacy notice must be accepted first");
  if (ask.name.empty() || ask.name.size() > 100) throw Refusal(400, "bad_request", "a name of 1 to 100 bytes");
  w.exec_params("INSERT INTO online_customers (phone, name, store, consent_at, marketing, created_at)"
                " VALUES ($1, $2, $3, $4, $5, $4)",
                ask.phone, ask.name, ask.store, now, ask.marketing);
  return true;
}

Booked holdSlot(pqxx::connection& db, const BookingAsk& ask, Instant now) {
  CivilDate date = dayParam(ask.date);
  pqxx::work w(db);
  // The store's batches and bookings one at a time: the day read below stays true
  // until this commits.
  if (w.exec_params("SELECT 1 FROM stores WHERE code = $1 FOR UPDATE", ask.store).empty())
    throw Refusal(404, "not_found", "no such store");
  StoreSettings s = storeSettings(w, ask.store);
  Booked b;
  b.storeName = onlineStore(w, ask.store, s);
  AppointmentService svc = onlineService(w, ask.service, s);
  b.serviceName = svc.name;
  declineOverdue(w, ask.store, s, now);
  OpenDay day = loadOpenDay(w, ask.store, date, s, now);
  b.start = startOf(ask, day);
  std::string staff = chooseStaff(ask, day, svc, b.start, now);
  if (!ask.replaces.empty()) checkMovable(w, ask.replaces, ask.phone, ask.store, s, now);
  bool fresh = enterCustomer(w, ask, now);
  b.id = newBookingId();
  b.status = "pending";
  try {
    w.exec_params("INSERT INTO online_bookings (id, appointment, store, service, staff, any_staff, start_at, end_at,"
                  " phone, name, new_customer, status, created_at, lang, replaces) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
                  " $10, $11, 'pending', $12, $13, NULLIF($14, ''))",
                  b.id, newUuid(), ask.store, svc.itemCode, staff, ask.staff.empty(), b.start,
                  b.start + svc.durationMinutes * kMinute, ask.phone, ask.name, fresh, now, textLanguage(ask.lang),
                  ask.replaces);
    w.commit();
  } catch (const pqxx::sql_error& e) {
    if (e.sqlstate() == "23P01") throw Refusal(409, "slot_taken", "this time is no longer free");
    throw;
  }
  return b;
}

std::optional<nlohmann::json> bookingFor(pqxx::connection& db, const std::string& id, const std::string& phone,
                                         Instant now) {
  if (phone.empty() || id.size() != 22) return std::nullopt;
  pqxx::read_transaction w(db);
  auto r = w.exec_params("SELECT store FROM online_bookings WHERE id = $1 AND phone = $2", id, phone);
  if (r.empty()) return std::nullopt;
  std::string store = r[0][0].as<std::string>();
  StoreSettings s = storeSettings(w, store);
  auto b = w.exec_params(
      "SELECT b.status, b.reason, b.store, st.name, b.service, c.name, b.staff, COALESCE(f.name, b.staff), b.start_at,"
      " b.end_at, b.name, b.created_at, b.replaces, (SELECT m.id FROM online_bookings m WHERE m.replaces = b.id"
      " AND m.status = 'pending' LIMIT 1) FROM online_bookings b JOIN stores st ON st.code = b.store"
      " LEFT JOIN catalog_items c ON c.code = b.service LEFT JOIN staff f ON f.code = b.staff WHERE b.id = $1",
      id);
  StoreZone zone{static_cast<int>(s.number("store.zone_offset_minutes", 480))};
  const auto& row = b[0];
  Instant start = row[8].as<std::int64_t>();
  std::string local = formatLocalDateTime(start, zone);  // "YYYY-MM-DD HH:MM"
  std::string status = row[0].as<std::string>(), reason = row[1].as<std::string>();
  if (status == "pending" && row[11].as<std::int64_t>() < overdueBefore(s, now)) {
    status = "declined";  // as the sweep is about to write it
    reason = "store_offline";
  }
  Instant until = changeUntil(s, start);
  nlohmann::json out{{"booking", id}, {"status", status}, {"reason", reason},
                        {"store", row[2].as<std::string>()}, {"store_name", row[3].as<std::string>()},
                        {"service", row[4].as<std::string>()}, {"service_name", row[5].is_null() ? "" : row[5].as<std::string>()},
                        {"staff", row[6].as<std::string>()}, {"staff_name", row[7].as<std::string>()},
                        {"date", local.substr(0, 10)}, {"start", local.substr(11, 5)},
                        {"minutes", (row[9].as<std::int64_t>() - start) / kMinute}, {"name", row[10].as<std::string>()},
                        {"change_until", formatLocalDateTime(until, zone)},
                        {"can_cancel", (status == "pending" || status == "confirmed") && now <= until}};
  // Moved only when no move of it waits for the store and it is not itself such a move.
  out["can_change"] = out["can_cancel"].get<bool>() && row[13].is_null() && !(status == "pending" && !row[12].is_null());
  if (!row[12].is_null()) out["replaces"] = row[12].as<std::string>();
  if (!row[13].is_null()) out["moving_to"] = row[13].as<std::string>();
  return out;
}

}  // namespace salon::hq
