#include "app/hq/booking_projection.h"

#include <pqxx/pqxx>

#include "app/core/clock.h"

namespace salon::hq {
namespace {

using nlohmann::json;

struct BookingRows {
  json appointments = json::array(), absences = json::array(), settings = json::array(), decisions = json::array();
};

std::string textOf(const json& p, const char* key) {
  auto it = p.find(key);
  if (it == p.end() || !it->is_string()) throw std::invalid_argument(std::string("\"") + key + "\" is not a string");
  return it->get<std::string>();
}

std::int64_t integerOf(const json& p, const char* key) {
  auto it = p.find(key);
  if (it == p.end() || !it->is_number_integer()) throw std::invalid_argument(std::string("\"") + key + "\" is not an integer");
  return it->get<std::int64_t>();
}

// appointment.booked / .moved / .checked_in / .completed / .no_show / .cancelled
void addAppointment(BookingRows& rows, const OutboxEvent& e) {
  const json& p = e.payload;
  rows.appointments.push_back({{"id", textOf(p, "appointment")}, {"staff", textOf(p, "staff")},
                               {"start_at", integerOf(p, "start")}, {"end_at", integerOf(p, "end")},
                               {"state", textOf(p, "state")}, {"seq", e.seq}});
}

// booking.decided: {"appointment": uuid, "decision": "confirmed"|"declined", "reason": text}
void addDecision(BookingRows& rows, const OutboxEvent& e) {
  const json& p = e.payload;
  std::string decision = textOf(p, "decision");
  if (decision != "confirmed" && decision != "declined") throw std::invalid_argument("decision is " + decision);
  std::string reason = p.contains("reason") && p["reason"].is_string() ? p["reason"].get<std::string>() : "";
  rows.decisions.push_back({{"appointment", textOf(p, "appointment")}, {"status", decision}, {"reason", reason},
                            {"at", e.at}});
}

void add(BookingRows& rows, const OutboxEvent& e) {
  if (e.type.rfind("appointment.", 0) == 0) addAppointment(rows, e);
  else if (e.type == "staff.absent") {
    CivilDate d;
    if (!parseDate(textOf(e.payload, "day"), d)) throw std::invalid_argument("day is not YYYY-MM-DD");
    rows.absences.push_back({{"staff", textOf(e.payload, "staff")}, {"day", formatDate(d)}});
  }
  else if (e.type == "settings.changed")
    rows.settings.push_back({{"key", textOf(e.payload, "key")}, {"value", textOf(e.payload, "value")}});
  else if (e.type == "booking.decided") addDecision(rows, e);
}

void write(pqxx::dbtransaction& w, const std::string& store, const BookingRows& r) {
  if (!r.appointments.empty())
    w.exec_params(
        "INSERT INTO store_appointments (store, id, staff, start_at, end_at, state, seq)"
        " SELECT DISTINCT ON (a.id) $2, a.id, a.staff, a.start_at, a.end_at, a.state, a.seq"
        " FROM jsonb_to_recordset($1::jsonb) AS a(id text, staff text, start_at bigint, end_at bigint, state text, seq bigint)"
        " ORDER BY a.id, a.seq DESC"
        " ON CONFLICT (store, id) DO UPDATE SET staff = excluded.staff, start_at = excluded.start_at,"
        " end_at = excluded.end_at, state = excluded.state, seq = excluded.seq WHERE store_appointments.seq < excluded.seq",
        r.appointments.dump(), store);
  if (!r.absences.empty())
    w.exec_params("INSERT INTO staff_absences (store, staff, day) SELECT $2, a.staff, a.day"
                  " FROM jsonb_to_recordset($1::jsonb) AS a(staff text, day date) ON CONFLICT DO NOTHING",
                  r.absences.dump(), store);
  for (const auto& s : r.settings)  // few, and in order: the last one wins
    w.exec_params("INSERT INTO store_settings (store, key, value) VALUES ($1, $2, $3)"
                  " ON CONFLICT (store, key) DO UPDATE SET value = excluded.value",
                  store, s["key"].get<std::string>(), s["value"].get<std::string>());
  // Only a pending hold is decided (HQ may have declined it already: the store was
  // offline past its window); the first answer stands.
  for (const auto& d : r.decisions)
    w.exec_params("UPDATE online_bookings SET status = $3, reason = $4, decided_at = $5"
                  " WHERE store = $1 AND appointment::text = $2 AND status = 'pending'",
                  store, d["appointment"].get<std::string>(), d["status"].get<std::string>(),
                  d["reason"].get<std::string>(), d["at"].get<std::int64_t>());
}

}  // namespace

std::vector<QuarantinedEvent> projectBookingEvents(pqxx::dbtransaction& w, const std::string& store,
                                                   const std::vector<const OutboxEvent*>& fresh) {
  BookingRows rows;
  std::vector<QuarantinedEvent> quarantined;
  for (const OutboxEvent* e : fresh) {
    try {
      add(rows, *e);
    } catch (const std::exception& why) {
      quarantined.push_back({e, why.what()});
    }
  }
  write(w, store, rows);
  return quarantined;
}

}  // namespace salon::hq
