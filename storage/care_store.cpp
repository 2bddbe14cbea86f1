#include "storage/care_store.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/core/customer_file.h"
#include "app/core/error.h"
#include "app/core/phone.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/customer_store.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

constexpr const char* kContactColumns =
    "SELECT id, customer_id, kind, ref, channel, outcome, note, satisfaction, about_staff, staff, at FROM care_contacts ";

CareContact readContact(SQLite::Statement& q) {
  CareContact c;
  c.id = q.getColumn(0).getString();
  c.customer = q.getColumn(1).getInt64();
  c.kind = q.getColumn(2).getString();
  c.ref = q.getColumn(3).getString();
  c.channel = q.getColumn(4).getString();
  c.outcome = q.getColumn(5).getString();
  c.note = q.getColumn(6).getString();
  c.satisfaction = q.getColumn(7).getInt();
  c.aboutStaff = q.getColumn(8).getString();
  c.staff = q.getColumn(9).getString();
  c.at = q.getColumn(10).getInt64();
  return c;
}

std::optional<CivilDate> dateOrNone(const SQLite::Column& c) {
  CivilDate d;
  if (c.isNull() || !parseDate(c.getString(), d)) return std::nullopt;
  return d;
}

}  // namespace

std::optional<CareContact> SqliteCareContactStore::contact(const std::string& id) {
  return guarded([&]() -> std::optional<CareContact> {
    SQLite::Statement q(db_.sql(), std::string(kContactColumns) + "WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return readContact(q);
  });
}

std::optional<bool> SqliteCareContactStore::marketingOptIn(CustomerId customer) {
  return guarded([&]() -> std::optional<bool> {
    SQLite::Statement q(db_.sql(), "SELECT marketing_opt_in FROM customers WHERE id = ?");
    q.bind(1, customer);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt() != 0;
  });
}

std::optional<std::string> SqliteCareContactStore::visitStaff(CustomerId customer, std::int64_t visitId) {
  return guarded([&]() -> std::optional<std::string> {
    SQLite::Statement q(db_.sql(), "SELECT staff FROM customer_visits WHERE id = ? AND customer_id = ?");
    SQLite::bind(q, visitId, customer);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
  });
}

void SqliteCareContactStore::append(const CareContact& c, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement ins(s, "INSERT INTO care_contacts (id, customer_id, kind, ref, channel, outcome, note,"
                             " satisfaction, about_staff, staff, at) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    SQLite::bind(ins, c.id, c.customer, c.kind, c.ref, c.channel, c.outcome, c.note, c.satisfaction, c.aboutStaff,
                 c.staff, c.at);
    ins.exec();
    appendAudit(s, audit);
    nlohmann::json payload{{"contact", c.id}, {"customer", c.customer}, {"kind", c.kind},
                           {"outcome", c.outcome}, {"satisfaction", c.satisfaction}};
    appendOutbox(s, {c.id, "care.contacted", payload.dump(), c.at});
  });
}

CustomerSummary findCustomer(SQLite::Database& db, const std::string& ref) {
  return guarded([&] {
    std::string where;
    std::string key = ref;
    if (isFileNo(ref)) {
      where = "file_no = ?";
    } else if (isMemberNo(ref)) {
      where = "member_no = ?";
    } else if (isPhone(ref)) {
      where = "phone = ?";
      key = parsePhone(ref).normalised;
    } else {
      throw DomainError("customer_not_found", ref);
    }
    SQLite::Statement q(db, std::string("SELECT ") + kSummaryColumns + " FROM customers WHERE " + where + " LIMIT 2");
    q.bind(1, key);
    if (!q.executeStep()) throw DomainError("customer_not_found", ref);
    CustomerSummary s = readSummary(q);
    if (q.executeStep()) throw DomainError("customer_ambiguous", ref);
    return s;
  });
}

std::unordered_map<CustomerId, std::string> customerNames(SQLite::Database& db, const std::vector<CustomerId>& ids) {
  return guarded([&] {
    std::unordered_map<CustomerId, std::string> out;
    std::vector<CustomerId> wanted(ids);
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    for (std::size_t from = 0; from < wanted.size(); from += 500) {  // SQLite's bound-parameter limit
      std::size_t to = std::min(wanted.size(), from + 500);
      std::string marks;
      for (std::size_t i = from; i < to; ++i) marks += i == from ? "?" : ",?";
      SQLite::Statement q(db, "SELECT id, name FROM customers WHERE id IN (" + marks + ")");
      for (std::size_t i = from; i < to; ++i) q.bind(static_cast<int>(i - from + 1), wanted[i]);
      while (q.executeStep()) out.emplace(q.getColumn(0).getInt64(), q.getColumn(1).getString());
    }
    return out;
  });
}

bool hasPriorityBooking(SQLite::Database& db, CustomerId id, const std::vector<std::string>& tiers) {
  return guarded([&] {
    SQLite::Statement q(db, "SELECT c.member_no IS NOT NULL, coalesce(m.tier_code, '') FROM customers c"
                            " LEFT JOIN memberships m ON m.customer_id = c.id WHERE c.id = ?");
    q.bind(1, id);
    if (!q.executeStep() || q.getColumn(0).getInt() == 0) return false;
    if (tiers.empty()) return true;
    std::string tier = q.getColumn(1).getString();
    for (const auto& t : tiers)
      if (t == tier) return true;
    return false;
  });
}

namespace {

// The FROM and WHERE of a page: each filter starts from the smallest table
// that answers it, and every page is an index range (id > after, LIMIT n).
std::string carePageFrom(const CarePage& p) {
  switch (p.filter) {
    case CareFilter::Birthdays: {
      std::string marks;
      for (std::size_t i = 0; i < p.monthDays.size(); ++i) marks += i ? ",?" : "?";
      return " FROM customers c WHERE c.birthday IS NOT NULL AND substr(c.birthday, 6, 5) IN (" + marks +
             ") AND c.status <> 'returned' AND c.id > ?";
    }
    case CareFilter::CarePlan:
      return " FROM care_plan_intervals i0 JOIN customers c ON c.id = i0.customer_id"
             " WHERE i0.customer_id > ? AND c.status <> 'returned'";
    case CareFilter::OptedIn:
      return " FROM customers c WHERE c.id > ? AND c.marketing_opt_in = 1 AND c.status <> 'returned'";
    case CareFilter::All: break;
  }
  return " FROM customers c WHERE c.id > ? AND c.status <> 'returned'";
}

}  // namespace

std::vector<CareCandidate> careCandidates(SQLite::Database& db, const CarePage& page) {
  return guarded([&] {
    std::vector<CareCandidate> out;
    if (page.filter == CareFilter::Birthdays && page.monthDays.empty()) return out;
    SQLite::Statement q(
        db,
        "SELECT c.id, c.name, c.phone, c.birthday, c.marketing_opt_in,"
        " max(coalesce((SELECT max(at) FROM customer_visits v WHERE v.customer_id = c.id), -1),"
        "     coalesce((SELECT max(at) FROM checkins k WHERE k.customer_id = c.id), -1)),"
        " coalesce((SELECT interval_days FROM care_plan_intervals i WHERE i.customer_id = c.id), 0),"
        " coalesce((SELECT value FROM customer_fields f WHERE f.customer_id = c.id AND f.field = 'event_interests'"
        "           AND f.state = 'value'), ''),"
        " coalesce((SELECT value FROM customer_fields f WHERE f.customer_id = c.id AND f.field = 'care_products'"
        "           AND f.state = 'value'), '')" +
            carePageFrom(page) + " ORDER BY c.id LIMIT ?");
    int n = 0;
    if (page.filter == CareFilter::Birthdays)
      for (const std::string& md : page.monthDays) q.bind(++n, md);
    q.bind(++n, page.after);
    q.bind(++n, page.limit);
    while (q.executeStep()) {
      CareCandidate c;
      c.id = q.getColumn(0).getInt64();
      c.name = q.getColumn(1).getString();
      c.phone = q.getColumn(2).getString();
      c.birthday = dateOrNone(q.getColumn(3));
      c.marketingOptIn = q.getColumn(4).getInt() != 0;
      if (q.getColumn(5).getInt64() >= 0) c.lastVisit = q.getColumn(5).getInt64();
      c.careIntervalDays = q.getColumn(6).getInt();
      c.eventInterests = q.getColumn(7).getString();
      c.careProducts = q.getColumn(8).getString();
      out.push_back(std::move(c));
    }
    return out;
  });
}

void forEachCarePage(SQLite::Database& db, CarePage page,
                     const std::function<bool(const std::vector<CareCandidate>&)>& each) {
  if (page.limit <= 0) throw DomainError("bad_input", "page size");
  for (;;) {
    std::vector<CareCandidate> got = careCandidates(db, page);
    if (got.empty() || !each(got) || static_cast<int>(got.size()) < page.limit) return;
    page.after = got.back().id;
  }
}

bool careHandled(SQLite::Database& db, CustomerId customer, const std::string& kind, const std::string& ref) {
  return guarded([&] {
    SQLite::Statement q(db, "SELECT 1 FROM care_contacts WHERE kind = ? AND ref = ? AND customer_id = ?"
                            " AND outcome IN ('done', 'skipped') LIMIT 1");
    SQLite::bind(q, kind, ref, customer);
    return q.executeStep();
  });
}

std::vector<VisitToFollow> visitsBetween(SQLite::Database& db, Instant from, Instant to) {
  return guarded([&] {
    SQLite::Statement q(db, "SELECT v.id, v.customer_id, c.name, c.phone, v.at, v.service, v.staff,"
                            " EXISTS (SELECT 1 FROM care_contacts k WHERE k.kind = 'followup'"
                            "         AND k.ref = CAST(v.id AS TEXT) AND k.outcome = 'done')"
                            " FROM customer_visits v JOIN customers c ON c.id = v.customer_id"
                            " WHERE v.at >= ? AND v.at < ? ORDER BY v.at");
    SQLite::bind(q, from, to);
    std::vector<VisitToFollow> out;
    while (q.executeStep())
      out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                     q.getColumn(3).getString(), q.getColumn(4).getInt64(), q.getColumn(5).getString(),
                     q.getColumn(6).getString(), q.getColumn(7).getInt() != 0});
    return out;
  });
}

std::vector<CareContact> contactsOf(SQLite::Database& db, CustomerId customer, int limit) {
  return guarded([&] {
    SQLite::Statement q(db, std::string(kContactColumns) + "WHERE customer_id = ? ORDER BY at DESC LIMIT ?");
    SQLite::bind(q, customer, limit);
    std::vector<CareContact> out;
    while (q.executeStep()) out.push_back(readContact(q));
    return out;
  });
}

std::vector<CareContact> followUpsBetween(SQLite::Database& db, Instant from, Instant to) {
  return guarded([&] {
    SQLite::Statement q(db, std::string(kContactColumns) +
                                "WHERE kind = 'followup' AND at >= ? AND at < ? ORDER BY at");
    SQLite::bind(q, from, to);
    std::vector<CareContact> out;
    while (q.executeStep()) out.push_back(readContact(q));
    return out;
  });
}

std::vector<CustomerId> contactedFor(SQLite::Database& db, const std::string& kind, const std::string& ref) {
  return guarded([&] {
    SQLite::Statement q(db, "SELECT DISTINCT customer_id FROM care_contacts WHERE kind = ? AND ref = ?");
    SQLite::bind(q, kind, ref);
    std::vector<CustomerId> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    return out;
  });
}

int noShowsOf(SQLite::Database& db, CustomerId customer) {
  return guarded([&] {
    SQLite::Statement q(db, "SELECT count(*) FROM appointments WHERE customer_id = ? AND state = 'no_show'");
    q.bind(1, customer);
    q.executeStep();
    return q.getColumn(0).getInt();
  });
}

void setCareInterval(SQLite::Database& db, CustomerId id, int days, const std::string& staff, Instant now) {
  SQLite::Statement q(db, "INSERT INTO care_plan_intervals VALUES (?,?,?,?) ON CONFLICT(customer_id) DO UPDATE SET"
                          " interval_days = excluded.interval_days, updated_at = excluded.updated_at,"
                          " updated_by = excluded.updated_by");
  SQLite::bind(q, id, days, now, staff);
  q.exec();
}

void recordAbsence(SQLite::Database& db, const std::string& staff, const CivilDate& day, const std::string& reason,
                   const std::string& by, Instant now) {
  SQLite::Statement q(db, "INSERT INTO staff_absences VALUES (?,?,?,?,?) ON CONFLICT(staff, day) DO NOTHING");
  SQLite::bind(q, staff, formatDate(day), reason, by, now);
  q.exec();
}

std::vector<std::string> absentOn(SQLite::Database& db, const CivilDate& day) {
  return guarded([&] {
    SQLite::Statement q(db, "SELECT staff FROM staff_absences WHERE day = ? ORDER BY staff");
    q.bind(1, formatDate(day));
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
  });
}

void insertEvent(SQLite::Database& db, const SalonEvent& e, const std::string& by, Instant now) {
  SQLite::Statement q(db, "INSERT INTO salon_events VALUES (?,?,?,?,?,?,?)");
  SQLite::bind(q, e.id, e.title, e.topic, e.startsAt, e.place, by, now);
  q.exec();
}

std::optional<SalonEvent> findEvent(SQLite::Database& db, const std::string& id) {
  return guarded([&]() -> std::optional<SalonEvent> {
    SQLite::Statement q(db, "SELECT id, title, topic, starts_at, place FROM salon_events WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return SalonEvent{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                      q.getColumn(3).getInt64(), q.getColumn(4).getString()};
  });
}

bool recordAttendance(SQLite::Database& db, const SalonEvent& e, CustomerId customer, const std::string& by,
                      Instant now, StoreZone zone) {
  SQLite::Statement ins(db, "INSERT INTO event_attendance VALUES (?,?,?,?) ON CONFLICT DO NOTHING");
  SQLite::bind(ins, e.id, customer, now, by);
  if (ins.exec() == 0) return false;
  // The file's events_attended field lists the newest first, within its 1,000 characters.
  SQLite::Statement old(db, "SELECT value FROM customer_fields WHERE customer_id = ? AND field = 'events_attended'"
                            " AND state = 'value'");
  old.bind(1, customer);
  std::string list = old.executeStep() ? old.getColumn(0).getString() : "";
  std::string entry = formatDate(localDate(e.startsAt, zone)) + " " + e.title;
  list = list.empty() ? entry : entry + "; " + list;
  while (list.size() > 1000 && list.rfind("; ") != std::string::npos) list.erase(list.rfind("; "));
  SQLite::Statement up(db, "INSERT INTO customer_fields VALUES (?, 'events_attended', 'value', ?, ?, ?)"
                           " ON CONFLICT(customer_id, field) DO UPDATE SET state = 'value', value = excluded.value,"
                           " updated_at = excluded.updated_at, updated_by = excluded.updated_by");
  SQLite::bind(up, customer, list, now, by);
  up.exec();
  return true;
}

std::vector<AttendedEvent> eventsAttended(SQLite::Database& db, CustomerId customer) {
  return guarded([&] {
    SQLite::Statement q(db, "SELECT e.id, e.title, e.topic, e.starts_at, e.place, a.at FROM event_attendance a"
                            " JOIN salon_events e ON e.id = a.event_id WHERE a.customer_id = ? ORDER BY e.starts_at DESC");
    q.bind(1, customer);
    std::vector<AttendedEvent> out;
    while (q.executeStep())
      out.push_back({{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                      q.getColumn(3).getInt64(), q.getColumn(4).getString()},
                     q.getColumn(5).getInt64()});
    return out;
  });
}

std::vector<CustomerId> attendeesOf(SQLite::Database& db, const std::string& eventId) {
  return guarded([&] {
    SQLite::Statement q(db, "SELECT customer_id FROM event_attendance WHERE event_id = ? ORDER BY at");
    q.bind(1, eventId);
    std::vector<CustomerId> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    return out;
  });
}

}  // namespace salon::storage
