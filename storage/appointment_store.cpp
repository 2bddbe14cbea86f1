#include "storage/appointment_store.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/core/error.h"
#include "storage/audit_store.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

// The appointments and their services in one statement (a day view reads
// hundreds): a LEFT JOIN keeps appointments the outer loop, so an appointment's
// services follow it in position order (the services' primary key).
constexpr const char* kColumns =
    "SELECT id, customer_id, pet_id, staff, room, start_at, end_at, channel, state, booked_by, booked_at, note,"
    " kind, address, s.item_code, s.name, s.duration_minutes FROM appointments"
    " LEFT JOIN appointment_services s ON s.appointment_id = appointments.id ";

Appointment readAppointment(SQLite::Statement& q) {
  Appointment a;
  a.id = q.getColumn(0).getString();
  a.customer = q.getColumn(1).getInt64();
  if (!q.getColumn(2).isNull()) a.pet = q.getColumn(2).getInt64();
  a.staff = q.getColumn(3).getString();
  a.room = q.getColumn(4).getString();
  a.start = q.getColumn(5).getInt64();
  a.end = q.getColumn(6).getInt64();
  a.channel = q.getColumn(7).getString();
  a.state = q.getColumn(8).getString();
  a.bookedBy = q.getColumn(9).getString();
  a.bookedAt = q.getColumn(10).getInt64();
  a.note = q.getColumn(11).getString();
  a.kind = q.getColumn(12).getString();
  a.address = q.getColumn(13).getString();
  return a;
}

constexpr const char* kClashWhere =
    "WHERE state IN ('booked', 'checked_in') AND start_at < ? AND end_at > ? AND id <> ?"
    " AND (staff = ? OR (room <> '' AND room = ?) OR (pet_id IS NOT NULL AND pet_id = ?))"
    " AND start_at > ?";  // bounds the index range: nothing is longer than kMaxAppointmentLength

void bindClash(SQLite::Statement& q, const Appointment& c) {
  SQLite::bind(q, c.end, c.start, c.id, c.staff, c.room);
  sql::bindAt(q, 6, c.pet);
  q.bind(7, c.start - kMaxAppointmentLength);
}

}  // namespace

std::vector<Appointment> SqliteAppointmentStore::query(const std::string& where,
                                                       const std::function<void(SQLite::Statement&)>& bind) {
  return guarded([&] {
    std::vector<Appointment> out;
    SQLite::Statement q(db_.sql(), kColumns + where);
    bind(q);
    while (q.executeStep()) {
      const char* id = q.getColumn(0).getText();
      if (out.empty() || out.back().id != id) out.push_back(readAppointment(q));
      if (!q.getColumn(14).isNull())
        out.back().services.push_back({q.getColumn(14).getString(), q.getColumn(15).getString(), q.getColumn(16).getInt(), {}});
    }
    return out;
  });
}

std::optional<Appointment> SqliteAppointmentStore::appointment(const std::string& id) {
  auto v = query("WHERE id = ?", [&](SQLite::Statement& q) { q.bind(1, id); });
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<Appointment> SqliteAppointmentStore::clashes(const Appointment& c) {
  return query(kClashWhere, [&](SQLite::Statement& q) { bindClash(q, c); });
}

std::vector<Appointment> SqliteAppointmentStore::between(Instant from, Instant to) {
  // By start, then id and position: an appointment's rows stay together.
  return query("WHERE start_at < ? AND start_at > ? AND end_at > ? ORDER BY start_at, id, s.position",
               [&](SQLite::Statement& q) {
    SQLite::bind(q, to, from - kMaxAppointmentLength, from);
  });
}

void SqliteAppointmentStore::save(const Appointment& a, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) { writeAppointment(s, a, audit); });
}

void writeAppointment(SQLite::Database& s, const Appointment& a, const AuditEntry& audit) {
  {
    if (a.state == "booked" || a.state == "checked_in") {
      SQLite::Statement clash(s, std::string("SELECT staff, start_at FROM appointments ") + kClashWhere);
      bindClash(clash, a);
      if (clash.executeStep()) throw DomainError("slot_taken", clash.getColumn(0).getString());
    }
    SQLite::Statement up(s,
                         "INSERT INTO appointments (id, customer_id, pet_id, staff, room, start_at, end_at, channel,"
                         " state, booked_by, booked_at, note, kind, address) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                         " ON CONFLICT(id) DO UPDATE SET staff = excluded.staff, room = excluded.room,"
                         " start_at = excluded.start_at, end_at = excluded.end_at, state = excluded.state,"
                         " note = excluded.note, address = excluded.address");
    SQLite::bind(up, a.id, a.customer);
    sql::bindAt(up, 3, a.pet);
    up.bind(4, a.staff);
    up.bind(5, a.room);
    up.bind(6, a.start);
    up.bind(7, a.end);
    up.bind(8, a.channel);
    up.bind(9, a.state);
    up.bind(10, a.bookedBy);
    up.bind(11, a.bookedAt);
    up.bind(12, a.note);
    up.bind(13, a.kind);
    up.bind(14, a.address);
    up.exec();
    SQLite::Statement has(s, "SELECT count(*) FROM appointment_services WHERE appointment_id = ?");
    has.bind(1, a.id);
    has.executeStep();
    if (has.getColumn(0).getInt() == 0) {
      int pos = 0;
      std::string label;  // what the day book shows: 剪发、染发
      SQLite::Statement ins(s, "INSERT INTO appointment_services VALUES (?,?,?,?,?)");
      for (const auto& svc : a.services) {
        ins.reset();
        SQLite::bind(ins, a.id, pos++, svc.itemCode, svc.name, svc.durationMinutes);
        ins.exec();
        label += (label.empty() ? "" : "、") + svc.name;
      }
      SQLite::Statement labelled(s, "UPDATE appointments SET services_label = ?, first_service = ? WHERE id = ?");
      SQLite::bind(labelled, label, a.services.empty() ? std::string() : a.services.front().itemCode, a.id);
      labelled.exec();
    }
    appendAudit(s, audit);
    nlohmann::json payload{{"appointment", a.id}, {"customer", a.customer}, {"staff", a.staff},
                           {"start", a.start}, {"end", a.end}, {"state", a.state}, {"kind", a.kind}};
    appendOutbox(s, {audit.id, audit.action, payload.dump(), audit.at});
  }
}

int SqliteAppointmentStore::noShows(CustomerId customer) {
  return guarded([&] {
    SQLite::Statement q(db_.sql(), "SELECT count(*) FROM appointments WHERE customer_id = ? AND state = 'no_show'");
    q.bind(1, customer);
    q.executeStep();
    return q.getColumn(0).getInt();
  });
}

}  // namespace salon::storage
