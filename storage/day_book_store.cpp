#include "storage/day_book_store.h"

#include "app/core/text_rules.h"

#include <nlohmann/json.hpp>

#include "app/core/appointment.h"
#include "storage/audit_store.h"
#include "storage/boarding_store.h"
#include "storage/care_store.h"
#include "storage/staff_store.h"

namespace salon::storage {
namespace {

// The day's appointments with their services' label, the customers' and pets'
// names, in one statement, only the columns a block shows, in the span index's own
// order (start, end, rowid): SQLite reads it straight off the index, with no sort.
// The walk starts the longest appointment yet written before the day (migration
// 026; its subquery is evaluated once), not the 12 h any one may last: a day's read
// no longer steps over the evening before.
const char* const kDaySql =
    "SELECT a.id, a.customer_id, a.staff, a.room, a.start_at, a.end_at, a.state, a.kind = 'home_visit',"
    " a.services_label, coalesce(c.name, ''), coalesce(p.name, ''), a.first_service"
    " FROM appointments a LEFT JOIN customers c ON c.id = a.customer_id LEFT JOIN pets p ON p.id = a.pet_id"
    " WHERE a.start_at < ?1 AND a.start_at > ?2 - (SELECT longest FROM appointment_longest) AND a.end_at > ?2"
    " ORDER BY a.start_at, a.end_at, a.rowid";

const char* const kSettingsSql =
    "SELECT key, value FROM store_settings WHERE key IN ('appointments.open', 'appointments.close',"
    " 'appointments.priority_holds', 'appointments.priority_tiers')";

const char* const kServicesSql =
    "SELECT code, name, duration_minutes, qualified_staff, active FROM catalog_items WHERE kind = 'service'"
    " ORDER BY code";

// Texts straight from the statement with their byte counts: no strlen, and no
// SQLite::Column per cell (each copies a shared pointer to the statement).
void assignText(std::string& to, sqlite3_stmt* q, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(q, column));
  to.assign(text ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(q, column)));
}

void readBooked(BookedAppointment& a, sqlite3_stmt* q) {
  assignText(a.id, q, 0);
  a.customer = sqlite3_column_int64(q, 1);
  assignText(a.staff, q, 2);
  assignText(a.room, q, 3);
  a.start = sqlite3_column_int64(q, 4);
  a.end = sqlite3_column_int64(q, 5);
  assignText(a.state, q, 6);
  a.homeVisit = sqlite3_column_int(q, 7) != 0;
  assignText(a.services, q, 8);  // "" without services
  assignText(a.customerName, q, 9);
  assignText(a.petName, q, 10);
  assignText(a.firstService, q, 11);
}

}  // namespace

SqliteDayBook::SqliteDayBook(Database& db)
    : db_(db),
      day_(db, kDaySql),
      settings_(db, kSettingsSql),
      services_(db, kServicesSql),
      absent_(db, "SELECT staff FROM staff_absences WHERE day = ? ORDER BY staff"),
      contact_(db, "SELECT name, phone, marketing_opt_in FROM customers WHERE id = ?"),
      pets_(db, "SELECT id, name FROM pets WHERE customer_id = ? ORDER BY id") {}

BookedDay SqliteDayBook::day(Instant from, Instant to) {
  return guarded([&] {
    BookedDay out;
    out.appointments.reserve(lastDaySize_ + 16);  // a day is much like the last one read
    auto use = day_.use();
    sqlite3_stmt* q = use.get();
    sqlite3_bind_int64(q, 1, static_cast<sqlite3_int64>(to));
    sqlite3_bind_int64(q, 2, static_cast<sqlite3_int64>(from));
    while (use.step()) readBooked(out.appointments.emplace_back(), q);
    lastDaySize_ = out.appointments.size();
    return out;
  });
}

BookSettings SqliteDayBook::settings() {
  return guarded([&] {
    std::optional<std::string> open, close;
    BookSettings out;
    auto q = settings_.use();
    while (q->executeStep()) {
      const std::string key = q->getColumn(0).getString();
      std::string value = q->getColumn(1).getString();
      if (key == "appointments.open") open = std::move(value);
      else if (key == "appointments.close") close = std::move(value);
      else if (key == "appointments.priority_holds") out.priorityHolds = std::move(value);
      else out.priorityTiers = codeList(value);
    }
    out.hours.openMinute = clockMinutes(open, 9 * 60);
    out.hours.closeMinute = clockMinutes(close, 21 * 60);
    return out;
  });
}

std::vector<Staff> SqliteDayBook::staffList() { return SqliteStaffStore(db_).listStaff(); }

std::vector<CatalogItem> SqliteDayBook::services() {
  return guarded([&] {
    std::vector<CatalogItem> out;
    auto q = services_.use();
    while (q->executeStep()) {
      CatalogItem& i = out.emplace_back();
      i.code = q->getColumn(0).getString();
      i.name = q->getColumn(1).getString();
      i.kind = ItemKind::Service;
      i.durationMinutes = q->getColumn(2).getInt();
      i.qualifiedStaff = codeList(q->getColumn(3).getString());
      i.active = q->getColumn(4).getInt() != 0;
    }
    return out;
  });
}

std::vector<std::string> SqliteDayBook::absentOn(const CivilDate& day) {
  return guarded([&] {
    auto q = absent_.use();
    q->bind(1, formatDate(day));
    std::vector<std::string> out;
    while (q->executeStep()) out.push_back(q->getColumn(0).getString());
    return out;
  });
}

CustomerContact SqliteDayBook::contact(CustomerId customer) {
  return guarded([&] {
    auto q = contact_.use();
    q->bind(1, static_cast<std::int64_t>(customer));
    if (!q->executeStep()) return CustomerContact{};
    return CustomerContact{q->getColumn(0).getString(), q->getColumn(1).getString(), q->getColumn(2).getInt() != 0};
  });
}

std::unordered_map<CustomerId, std::string> SqliteDayBook::customerNames(const std::vector<CustomerId>& ids) {
  return storage::customerNames(db_.sql(), ids);
}

CustomerSummary SqliteDayBook::findCustomer(const std::string& ref) { return storage::findCustomer(db_.sql(), ref); }

bool SqliteDayBook::priorityBooking(CustomerId customer, const std::vector<std::string>& tiers) {
  return hasPriorityBooking(db_.sql(), customer, tiers);
}

std::vector<PetChoice> SqliteDayBook::pets(CustomerId customer) {
  return guarded([&] {
    auto q = pets_.use();
    q->bind(1, static_cast<std::int64_t>(customer));
    std::vector<PetChoice> out;
    while (q->executeStep()) out.push_back({q->getColumn(0).getInt64(), q->getColumn(1).getString()});
    return out;
  });
}

std::vector<Vaccination> SqliteDayBook::vaccinations(std::int64_t pet) { return vaccinationsOf(db_.sql(), pet); }

void SqliteDayBook::recordAbsence(const std::string& staff, const CivilDate& day, const std::string& reason,
                                  const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    storage::recordAbsence(s, staff, day, reason, audit.staff, audit.at);
    appendAudit(s, audit);
    nlohmann::json payload{{"staff", staff}, {"day", formatDate(day)}, {"reason", reason}};
    appendOutbox(s, {audit.id, audit.action, payload.dump(), audit.at});
  });
}

}  // namespace salon::storage
