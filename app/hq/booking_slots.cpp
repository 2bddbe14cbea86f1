#include "app/hq/booking_slots.h"

#include <algorithm>
#include <sstream>

#include "app/core/comma_list.h"
#include "app/core/day_book.h"
#include "app/core/staff.h"
#include "app/hq/refusal.h"

namespace salon::hq {
namespace {

std::vector<std::string> textArray(const pqxx::field& f) {
  std::vector<std::string> out;
  auto parser = f.as_array();
  for (auto item = parser.get_next(); item.first != pqxx::array_parser::juncture::done; item = parser.get_next())
    if (item.first == pqxx::array_parser::juncture::string_value) out.push_back(item.second);
  return out;
}

bool offeredHere(const std::string& code, const StoreSettings& s) {
  auto listed = commaList(s.text("online.services"));
  return listed.empty() || std::find(listed.begin(), listed.end(), code) != listed.end();
}

std::vector<CatalogItem> serviceItems(pqxx::transaction_base& t) {
  std::vector<CatalogItem> out;
  for (const auto& r : t.exec("SELECT code, name, qualified_staff FROM catalog_items WHERE active AND duration_minutes > 0")) {
    CatalogItem i;
    i.code = r[0].as<std::string>();
    i.name = r[1].as<std::string>();
    i.qualifiedStaff = textArray(r[2]);
    out.push_back(std::move(i));
  }
  return out;
}

std::vector<Staff> storeStaff(pqxx::transaction_base& t, const std::string& store) {
  std::vector<Staff> out;
  for (const auto& r : t.exec_params("SELECT code, name, role FROM staff WHERE active AND $1 = ANY(stores) ORDER BY code", store)) {
    auto role = roleFromName(r[2].as<std::string>());
    out.push_back({r[0].as<std::string>(), r[1].as<std::string>(), role ? *role : Role::Cashier, "", true});
  }
  return out;
}

void addBooked(std::vector<Appointment>& out, const pqxx::result& rows) {
  for (const auto& r : rows) {
    Appointment a;
    a.id = r[0].as<std::string>();
    a.staff = r[1].as<std::string>();
    a.start = r[2].as<std::int64_t>();
    a.end = r[3].as<std::int64_t>();
    a.state = "booked";
    out.push_back(std::move(a));
  }
}

}  // namespace

std::string StoreSettings::text(const std::string& key, const std::string& fallback) const {
  auto it = values.find(key);
  return it == values.end() ? fallback : it->second;
}

long long StoreSettings::number(const std::string& key, long long fallback) const {
  try {
    auto it = values.find(key);
    return it == values.end() ? fallback : std::stoll(it->second);
  } catch (...) {
    return fallback;
  }
}

bool StoreSettings::flag(const std::string& key, bool fallback) const {
  auto it = values.find(key);
  if (it == values.end()) return fallback;
  return it->second == "true" || it->second == "1" || it->second == "yes" || it->second == "on";
}

StoreSettings storeSettings(pqxx::transaction_base& t, const std::string& store) {
  StoreSettings s;
  for (const auto& r : t.exec("SELECT key, value FROM chain_settings")) s.values[r[0].as<std::string>()] = r[1].as<std::string>();
  for (const auto& r : t.exec_params("SELECT key, value FROM store_settings WHERE store = $1", store))
    s.values[r[0].as<std::string>()] = r[1].as<std::string>();
  return s;
}

std::string onlineStore(pqxx::transaction_base& t, const std::string& store, const StoreSettings& s) {
  auto r = t.exec_params("SELECT name FROM stores WHERE code = $1 AND revoked_at IS NULL", store);
  if (r.empty() || !s.flag("online.enabled", false)) throw Refusal(404, "not_found", "no such store");
  return r[0][0].as<std::string>();
}

AppointmentService onlineService(pqxx::transaction_base& t, const std::string& code, const StoreSettings& s) {
  auto r = t.exec_params("SELECT code, name, duration_minutes, qualified_staff FROM catalog_items"
                         " WHERE code = $1 AND active AND online AND duration_minutes > 0",
                         code);
  if (r.empty() || !offeredHere(code, s)) throw Refusal(404, "not_found", "no such service here");
  return {r[0][0].as<std::string>(), r[0][1].as<std::string>(), r[0][2].as<int>(), textArray(r[0][3])};
}

nlohmann::json onlineServices(pqxx::transaction_base& t, const std::string& store, const StoreSettings& s) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : t.exec_params("SELECT c.code, c.name, c.duration_minutes, COALESCE(p.price_fen, c.price_fen)"
                                     " FROM catalog_items c LEFT JOIN price_overrides p ON p.item = c.code AND p.store = $1"
                                     " WHERE c.active AND c.online AND c.duration_minutes > 0 ORDER BY c.code",
                                     store))
    if (offeredHere(r[0].as<std::string>(), s))
      out.push_back({{"code", r[0].as<std::string>()}, {"name", r[1].as<std::string>()},
                     {"minutes", r[2].as<int>()}, {"price_fen", r[3].as<std::int64_t>()}});
  return out;
}

CivilDate dayParam(const std::string& text) {
  CivilDate d;
  if (!parseDate(text, d) || formatDate(d) != text) throw Refusal(400, "bad_request", "date wants YYYY-MM-DD");
  return d;
}

Instant overdueBefore(const StoreSettings& s, Instant now) {
  return now - s.number("online.confirm_window_minutes", 30) * kMinute;
}

OpenDay loadOpenDay(pqxx::transaction_base& t, const std::string& store, const CivilDate& date, const StoreSettings& s,
                    Instant now) {
  OpenDay day;
  day.date = date;
  day.zone = StoreZone{static_cast<int>(s.number("store.zone_offset_minutes", 480))};
  auto text = [&](const char* key) { auto v = s.text(key); return v.empty() ? std::optional<std::string>() : std::optional<std::string>(v); };
  day.hours.openMinute = clockMinutes(text("appointments.open"), 9 * 60);
  day.hours.closeMinute = clockMinutes(text("appointments.close"), 21 * 60);
  day.stepMinutes = static_cast<int>(s.number("online.slot_minutes", 30));
  try {
    day.holds = parsePriorityHolds(s.text("appointments.priority_holds"));
  } catch (const std::exception&) {
    day.holds.clear();  // the kiosk refuses such a setting; never seen here in practice
  }
  std::vector<std::string> absent;
  for (const auto& r : t.exec_params("SELECT staff FROM staff_absences WHERE store = $1 AND day = $2", store, formatDate(date)))
    absent.push_back(r[0].as<std::string>());
  day.roster = rosterOf(storeStaff(t, store), serviceItems(t), absent);
  Instant from = startOfLocalDay(date, day.zone), to = from + kDay;
  addBooked(day.booked, t.exec_params("SELECT id, staff, start_at, end_at FROM store_appointments WHERE store = $1"
                                      " AND start_at < $3 AND start_at > $2::bigint - $4::bigint AND end_at > $2::bigint"
                                      " AND state IN ('booked', 'checked_in')",
                                      store, from, to, kMaxAppointmentLength));
  addBooked(day.booked, t.exec_params("SELECT appointment::text, staff, start_at, end_at FROM online_bookings WHERE store = $1"
                                      " AND start_at < $3 AND start_at > $2::bigint - $4::bigint AND end_at > $2::bigint"
                                      " AND (status = 'confirmed' OR (status = 'pending' AND created_at >= $5))",
                                      store, from, to, kMaxAppointmentLength, overdueBefore(s, now)));
  return day;
}

void declineOverdue(pqxx::transaction_base& t, const std::string& store, const StoreSettings& s, Instant now) {
  t.exec_params("UPDATE online_bookings SET status = 'declined', reason = 'store_offline', decided_at = $2"
                " WHERE store = $1 AND status = 'pending' AND created_at < $3",
                store, now, overdueBefore(s, now));
}

}  // namespace salon::hq
