#include "storage/recording_store.h"

#include <set>

#include <nlohmann/json.hpp>

#include "storage/audit_store.h"
#include "storage/customer_rows.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

// Records later corrected: named by an upheld dispute or an approved change request.
std::vector<Correction> corrections(SQLite::Database& db) {
  std::vector<Correction> out;
  SQLite::Statement q(db, "SELECT record_type, record_id FROM disputes WHERE state = 'upheld'"
                          " UNION SELECT corrects_type, corrects_id FROM change_requests"
                          " WHERE state = 'approved' AND corrects_type <> ''");
  while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
  return out;
}

void addConsumption(SQLite::Database& db, Instant from, Instant to, const RecordingRules& rules,
                    std::vector<RecordedItem>& out) {
  SQLite::Statement q(db, "SELECT c.sale_id, c.completed_at, c.recorded_at, s.cashier, COALESCE(st.department, '')"
                          " FROM consumption_records c JOIN sales s ON s.id = c.sale_id"
                          " LEFT JOIN staff st ON st.code = s.cashier"
                          " WHERE s.kind = 'sale' AND ((c.completed_at >= ? AND c.completed_at < ?)"
                          " OR (c.recorded_at >= ? AND c.recorded_at < ?))");
  SQLite::bind(q, from - kDay, to, from, to);
  while (q.executeStep()) {
    std::string id = q.getColumn(0).getString();
    RecordedItem item{startDeadline(RecordingClock::Consumption, rules, q.getColumn(1).getInt64(), "sale", id,
                                    q.getColumn(3).getString(), q.getColumn(4).getString()),
                      false};
    item.deadline.doneAt = q.getColumn(2).getInt64();
    out.push_back(std::move(item));
  }
}

void addServices(Database& db, Instant from, Instant to, const RecordingRules& rules, std::vector<RecordedItem>& out) {
  SqliteServiceRecords services(db);
  Instant start = from - kDay;
  std::vector<ServiceDuty> duties =
      serviceDuties(services.endings(start - 12 * kHour, to), services.settledServices(start, to),
                    services.detailsRecorded(start - 12 * kHour, to + 31 * kDay), services.departments(), rules);
  out.reserve(out.size() + duties.size());
  for (ServiceDuty& d : duties) out.push_back({std::move(d.deadline), false});
}

// Disputes (24 h) and complaints (the store's deadline), judged on when they were closed.
void addCases(SQLite::Database& db, Instant from, Instant to, const RecordingRules& rules,
              std::vector<RecordedItem>& out) {
  SQLite::Statement d(db, "SELECT d.id, d.opened_at, d.closed_at, COALESCE(d.closed_by, ''), COALESCE(st.department, '')"
                          " FROM disputes d LEFT JOIN staff st ON st.code = d.closed_by"
                          " WHERE d.opened_at >= ? AND d.opened_at < ?");
  SQLite::bind(d, from - 2 * kDay, to);
  while (d.executeStep()) {
    RecordedItem i{startDeadline(RecordingClock::Dispute, rules, d.getColumn(1).getInt64(), "dispute",
                                 d.getColumn(0).getString(), d.getColumn(3).getString(), d.getColumn(4).getString()),
                   false};
    if (!d.getColumn(2).isNull()) i.deadline.doneAt = d.getColumn(2).getInt64();
    out.push_back(std::move(i));
  }
  SQLite::Statement c(db, "SELECT c.id, c.opened_at, c.due_at, c.resolved_at, c.assigned_to, COALESCE(st.department, '')"
                          " FROM complaints c LEFT JOIN staff st ON st.code = c.assigned_to"
                          " WHERE c.due_at >= ? AND c.opened_at < ?");
  SQLite::bind(c, from, to);
  while (c.executeStep()) {
    RecordedItem i{startDeadline(RecordingClock::Complaint, rules, c.getColumn(1).getInt64(), "complaint",
                                 c.getColumn(0).getString(), c.getColumn(4).getString(), c.getColumn(5).getString()),
                   false};
    i.deadline.dueAt = c.getColumn(2).getInt64();  // the deadline set when it was opened
    if (!c.getColumn(3).isNull()) i.deadline.doneAt = c.getColumn(3).getInt64();
    out.push_back(std::move(i));
  }
}

}  // namespace

void SqliteServiceRecords::saveEnding(const ServiceEnding& e, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement q(s, "INSERT INTO service_endings (id, customer_id, item, staff, ended_at, ended_by) VALUES (?,?,?,?,?,?)");
    sql::bind(q, e.id, e.customer, e.item, e.staff, e.endedAt, e.endedBy);
    q.exec();
    appendAudit(s, audit);
    appendOutbox(s, {e.id, "service.finished", nlohmann::json{{"service", e.id}, {"staff", e.staff}}.dump(), e.endedAt});
  });
}

std::vector<ServiceEnding> SqliteServiceRecords::endings(Instant from, Instant to) {
  return guarded([&] {
    std::vector<ServiceEnding> out;
    SQLite::Statement q(db_.sql(), "SELECT id, customer_id, item, staff, ended_at, ended_by FROM service_endings"
                                   " WHERE ended_at >= ? AND ended_at < ? ORDER BY ended_at, id");
    SQLite::bind(q, from, to);
    while (q.executeStep())
      out.push_back({q.getColumn(0).getString(), sql::optionalInt(q.getColumn(1)), q.getColumn(2).getString(),
                     q.getColumn(3).getString(), q.getColumn(4).getInt64(), q.getColumn(5).getString()});
    return out;
  });
}

std::vector<SettledService> SqliteServiceRecords::settledServices(Instant from, Instant to) {
  return guarded([&] {
    std::vector<SettledService> out;
    // Services of sales not voided; each staff member on a line owes its details.
    SQLite::Statement q(db_.sql(),
                        "SELECT s.id, l.line_no, s.customer_id, l.item_code, ls.staff, s.completed_at FROM sales s"
                        " JOIN sale_lines l ON l.sale_id = s.id JOIN sale_line_staff ls"
                        " ON ls.sale_id = s.id AND ls.line_no = l.line_no"
                        " WHERE s.kind = 'sale' AND l.kind = 'service' AND s.completed_at >= ? AND s.completed_at < ?"
                        " AND NOT EXISTS (SELECT 1 FROM sales v WHERE v.reverses = s.id AND v.kind = 'void')"
                        " ORDER BY s.completed_at, s.id, l.line_no, ls.pos");
    SQLite::bind(q, from, to);
    while (q.executeStep())
      out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt(), sql::optionalInt(q.getColumn(2)), q.getColumn(3).getString(),
                     q.getColumn(4).getString(), q.getColumn(5).getInt64()});
    return out;
  });
}

std::map<std::string, Instant> SqliteServiceRecords::detailsRecorded(Instant from, Instant to) {
  return guarded([&] {
    std::map<std::string, Instant> out;
    SQLite::Statement q(db_.sql(), "SELECT service_id, recorded_at FROM service_details WHERE ended_at >= ? AND ended_at < ?");
    SQLite::bind(q, from, to);
    while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
    return out;
  });
}

std::map<std::string, std::string> SqliteServiceRecords::departments() {
  return guarded([&] {
    std::map<std::string, std::string> out;
    SQLite::Statement q(db_.sql(), "SELECT code, department FROM staff");
    while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getString();
    return out;
  });
}

void SqliteServiceRecords::saveDetails(const ServiceDetails& d, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    std::optional<std::int64_t> visit;
    if (d.customer) {
      // The effect record in the customer's own file (效果分析).
      SQLite::Statement name(s, "SELECT name FROM catalog_items WHERE code = ?");
      name.bind(1, d.item);
      VisitRecord v;
      v.at = d.endedAt;
      v.service = name.executeStep() ? name.getColumn(0).getString() : d.item;
      v.staff = d.staff;
      v.durationMinutes = d.durationMinutes;
      v.effect = d.effect;
      v.afterNotes = d.feedback;
      visit = CustomerRowWriter(s).insertVisit(*d.customer, v);
    }
    SQLite::Statement q(s, "INSERT INTO service_details (service_id, customer_id, staff, item, ended_at, recorded_at,"
                           " duration_min, effect, feedback, visit_id) VALUES (?,?,?,?,?,?,?,?,?,?)");
    sql::bind(q, d.serviceId, d.customer, d.staff, d.item, d.endedAt, d.recordedAt, d.durationMinutes, d.effect,
              d.feedback, visit);
    q.exec();
    appendAudit(s, audit);
    appendOutbox(s, {audit.id, "service.recorded", nlohmann::json{{"service", d.serviceId}}.dump(), d.recordedAt});
  });
}

std::vector<RecordedItem> serviceDetailItems(Database& db, Instant from, Instant to, const RecordingRules& rules) {
  std::vector<RecordedItem> out;
  addServices(db, from, to, rules, out);
  markCorrected(out, guarded([&] { return corrections(db.sql()); }));
  return out;
}

std::vector<RecordedItem> recordedItems(Database& db, Instant from, Instant to, const RecordingRules& rules) {
  std::vector<RecordedItem> out;
  guarded([&] { addConsumption(db.sql(), from, to, rules, out); });
  addServices(db, from, to, rules, out);
  guarded([&] { addCases(db.sql(), from, to, rules, out); });
  markCorrected(out, guarded([&] { return corrections(db.sql()); }));
  return out;
}

std::vector<RecordedItem> caseItems(Database& db, Instant from, Instant to, const RecordingRules& rules) {
  std::vector<RecordedItem> out;
  guarded([&] { addCases(db.sql(), from, to, rules, out); });
  return out;
}

std::vector<Correction> recordCorrections(Database& db) {
  return guarded([&] { return corrections(db.sql()); });
}

}  // namespace salon::storage
