#include "storage/sync_holds.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

#include "app/core/customer_fields.h"
#include "app/core/customer_file.h"
#include "app/core/error.h"
#include "app/core/name_keys.h"
#include "app/core/phone.h"
#include "app/core/uuid.h"
#include "storage/appointment_store.h"
#include "storage/audit_store.h"
#include "storage/catalog_store.h"
#include "storage/customer_numbers.h"
#include "storage/customer_rows.h"
#include "storage/settings_store.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

using Json = nlohmann::json;

Json parsed(const std::string& text, const std::string& key) {
  Json body = Json::parse(text, nullptr, false);
  bool ok = body.is_object() && body.value("appointment", "") == key && body.contains("start") &&
            body["start"].is_number_integer() && body.contains("end") && body["end"].is_number_integer() &&
            body.contains("customer") && body["customer"].is_object();
  if (!ok) throw DomainError("hq_refused", "bad_change booking.hold " + key);
  return body;
}

std::int64_t changed(SQLite::Database& db) { return db.execAndGet("SELECT changes()").getInt64(); }

}  // namespace

// Shared with online membership applications (sync_holds.h).
void ensureOnlineStaff(SQLite::Database& db, Instant now) {
  SQLite::Statement q(db, "INSERT OR IGNORE INTO staff (code, name, role, department, pin_hash, active, created_at)"
                          " VALUES (?, '在线预约', 'cashier', '', '', 0, ?)");
  SQLite::bind(q, kOnlineBookingStaff, now);
  q.exec();
}

// The customer by phone, or a new file pending review with the consent given online.
CustomerId customerFor(SQLite::Database& db, const nlohmann::json& c, const std::string& by, Instant now) {
  PhoneNumber phone = parsePhone(c.value("phone", ""));
  SQLite::Statement q(db, "SELECT id FROM customers WHERE phone = ? AND status <> 'returned' ORDER BY id LIMIT 1");
  q.bind(1, phone.normalised);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  NewCustomerFile f;
  f.name = c.value("name", "");
  if (f.name.empty()) throw DomainError("hq_refused", "booking.hold without a name");
  f.keys = NameKeyMaker().keysOf(f.name);
  f.phone = phone;
  for (const FieldSpec& spec : fileFields()) f.fields[spec.key] = FieldValue{};
  Instant consentAt = c.contains("privacy_consent_at") && c["privacy_consent_at"].is_number_integer()
                          ? c["privacy_consent_at"].get<Instant>() : now;
  f.consent = {"agreed", kPrivacyNoticeVersion, consentAt, by, c.value("marketing", false)};
  f.createdAt = now;
  f.createdBy = by;
  f.year = localDate(now, readZone(db)).year;
  std::string fileNo = formatFileNo(chainStoreCode(db), f.year, reserveFileNumbers(db, f.year, 1));
  CustomerId id = CustomerRowWriter(db).insert(f, fileNo, "", "pending_review", false);
  appendAudit(db, auditOf(now, by, "customer.register", "customer", fileNo, "online booking", "basic,consent"));
  appendOutbox(db, {newUuid(), "customer.registered",
                    Json{{"customer_id", id}, {"file_no", fileNo}, {"member_no", ""}}.dump(), now});
  return id;
}

namespace {

// Why this store cannot take the hold, or "" when it can try.
std::string refusal(SQLite::Database& db, const Json& b, Instant now) {
  if (b["start"].get<Instant>() < now) return "past";
  SQLite::Statement s(db, "SELECT active FROM staff WHERE code = ?");
  s.bind(1, b.value("staff", ""));
  if (!s.executeStep() || s.getColumn(0).getInt() == 0) return "unknown_staff";
  SQLite::Statement a(db, "SELECT 1 FROM staff_absences WHERE staff = ? AND day = ?");
  SQLite::bind(a, b.value("staff", ""), formatDate(localDate(b["start"].get<Instant>(), readZone(db))));
  return a.executeStep() ? "staff_absent" : "";
}

// Books the hold under its id; the whole of it or nothing (a savepoint).
std::string book(SQLite::Database& db, const std::string& id, const Json& b, const std::string& by, Instant now) {
  if (std::string why = refusal(db, b, now); !why.empty()) return why;
  db.exec("SAVEPOINT online_hold");
  try {
    Appointment a;
    a.id = id;
    a.customer = customerFor(db, b["customer"], by, now);
    a.services = {{b.value("service", ""), b.value("service_name", ""), b.value("minutes", 0), {}}};
    a.staff = b.value("staff", "");
    a.start = b["start"].get<Instant>();
    a.end = b["end"].get<Instant>();
    a.channel = "web";
    a.bookedBy = by;
    a.bookedAt = now;
    a.note = "online";
    writeAppointment(db, a, auditOf(now, by, "appointment.booked", "appointment", id, "web"));
    db.exec("RELEASE online_hold");
    return "";
  } catch (const DomainError& e) {
    db.exec("ROLLBACK TO online_hold");
    db.exec("RELEASE online_hold");
    return e.code() == "slot_taken" ? "slot_taken" : e.code();
  }
}

void cancelBooked(SQLite::Database& db, const std::string& id, const std::string& reason, Instant now) {
  SQLite::Statement q(db, "SELECT customer_id, staff, start_at, end_at, kind FROM appointments WHERE id = ? AND state = 'booked'");
  q.bind(1, id);
  if (!q.executeStep()) return;
  Appointment a;
  a.id = id;
  a.customer = q.getColumn(0).getInt64();
  a.staff = q.getColumn(1).getString();
  a.start = q.getColumn(2).getInt64();
  a.end = q.getColumn(3).getInt64();
  a.kind = q.getColumn(4).getString();
  a.state = "cancelled";
  writeAppointment(db, a, auditOf(now, kOnlineBookingStaff, "appointment.cancelled", "appointment", id,
                                  reason == "customer" ? "the customer cancelled the online booking"
                                  : reason == "moved"  ? "the customer moved the online booking"
                                                       : "head office declined the online booking: " + reason));
}

}  // namespace

std::string decideOnlineHold(SQLite::Database& db, const std::string& id, bool confirm, const std::string& reason,
                             const std::string& by, Instant now) {
  SQLite::Statement q(db, "SELECT body, status FROM online_holds WHERE appointment_id = ?");
  q.bind(1, id);
  if (!q.executeStep()) throw DomainError("not_found", "online booking " + id);
  if (q.getColumn(1).getString() != "pending") throw DomainError("already_decided", id + " (" + q.getColumn(1).getString() + ")");
  Json body = parsed(q.getColumn(0).getString(), id);
  std::string why = confirm ? book(db, id, body, by, now) : (reason.empty() ? "declined" : reason);
  std::string decision = why.empty() ? "confirmed" : "declined";
  SQLite::Statement up(db, "UPDATE online_holds SET status = ?, reason = ?, decided_at = ?, decided_by = ? WHERE appointment_id = ?");
  SQLite::bind(up, decision, why, now, by, id);
  up.exec();
  appendAudit(db, auditOf(now, by, "booking.decided", "appointment", id, decision + (why.empty() ? "" : " " + why)));
  appendOutbox(db, {newUuid(), "booking.decided", Json{{"appointment", id}, {"decision", decision}, {"reason", why}}.dump(), now});
  return decision;
}

void applyOnlineHold(SQLite::Database& db, const HeadOfficeChange& c, Instant now) {
  if (!c.body) return;
  Json body = parsed(*c.body, c.key);
  std::string status = body.value("status", "");
  if (status == "pending") {
    SQLite::Statement in(db, "INSERT INTO online_holds (appointment_id, body, start_at, status, received_at)"
                             " VALUES (?, ?, ?, 'pending', ?) ON CONFLICT (appointment_id) DO NOTHING");
    SQLite::bind(in, c.key, *c.body, body["start"].get<Instant>(), now);
    in.exec();
    std::string auto_ = readSetting(db, "online.auto_confirm").value_or("false");
    if (changed(db) == 1 && (auto_ == "true" || auto_ == "1" || auto_ == "yes")) {
      ensureOnlineStaff(db, now);
      decideOnlineHold(db, c.key, true, "", kOnlineBookingStaff, now);
    }
    return;
  }
  if (status != "declined" && status != "cancelled" && status != "confirmed")
    throw DomainError("hq_refused", "bad_change booking.hold " + c.key + " status");
  SQLite::Statement up(db, "INSERT INTO online_holds (appointment_id, body, start_at, status, reason, received_at, decided_at)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (appointment_id) DO UPDATE SET status = excluded.status,"
                           " reason = CASE WHEN excluded.status = 'confirmed' THEN online_holds.reason ELSE excluded.reason END,"
                           " decided_at = coalesce(online_holds.decided_at, excluded.decided_at)");
  SQLite::bind(up, c.key, *c.body, body["start"].get<Instant>(), status, body.value("reason", ""), now, now);
  up.exec();
  if (status != "confirmed") cancelBooked(db, c.key, body.value("reason", ""), now);
}

std::vector<OnlineHold> SqliteOnlineHolds::pending() {
  return guarded([&] {
    SQLite::Database& s = db_.sql();
    std::int64_t window = 30;
    if (auto w = readSetting(s, "online.confirm_window_minutes")) window = std::atoll(w->c_str());
    std::vector<OnlineHold> out;
    SQLite::Statement q(s, "SELECT appointment_id, body FROM online_holds WHERE status = 'pending' ORDER BY start_at");
    while (q.executeStep()) {
      Json b = Json::parse(q.getColumn(1).getString(), nullptr, false);
      if (!b.is_object() || !b.contains("customer") || !b["customer"].is_object()) continue;
      const Json& c = b["customer"];
      OnlineHold h{q.getColumn(0).getString(), b.value("service", ""), b.value("service_name", ""), b.value("staff", ""),
                   b.value("minutes", 0), b.value("start", Instant{0}), c.value("name", ""), c.value("phone", ""),
                   c.value("new", false), b.value("made_at", Instant{0}), 0};
      h.deadline = h.madeAt + window * kMinute;
      out.push_back(std::move(h));
    }
    return out;
  });
}

std::string SqliteOnlineHolds::decide(const std::string& id, bool confirm, const std::string& reason,
                                      const AuditEntry& audit) {
  std::string decision;
  db_.write([&](SQLite::Database& s) { decision = decideOnlineHold(s, id, confirm, reason, audit.staff, audit.at); });
  return decision;
}

}  // namespace salon::storage
