#include "storage/weekly_review_store.h"

#include <nlohmann/json.hpp>

#include "app/core/file_review.h"
#include "app/core/service_record.h"
#include "storage/audit_store.h"
#include "storage/catalog_store.h"
#include "storage/file_review_store.h"
#include "storage/recording_store.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

using LL = std::int64_t;
constexpr std::int64_t kYear = 365 * kDay;  // as the member tiers count spend (member_store.cpp)

void emptyMandatory(SQLite::Database& db, const std::vector<std::string>& fields, std::vector<ReviewFinding>& out) {
  // A row in customer_fields is a value or "declined": only a missing row is empty.
  for (const std::string& field : fields) {
    SQLite::Statement q(db, "SELECT c.file_no FROM customers c WHERE NOT EXISTS (SELECT 1 FROM customer_fields f"
                            " WHERE f.customer_id = c.id AND f.field = ?) ORDER BY c.id");
    q.bind(1, field);
    while (q.executeStep()) out.push_back({"empty_mandatory", "customer", q.getColumn(0).getString(), field});
  }
}

void implausible(SQLite::Database& db, const CivilDate& today, std::vector<ReviewFinding>& out) {
  SQLite::Statement b(db, "SELECT file_no, birthday FROM customers WHERE birthday IS NOT NULL ORDER BY id");
  while (b.executeStep()) {
    CivilDate d;
    if (!parseDate(b.getColumn(1).getString(), d)) {
      out.push_back({"implausible", "customer", b.getColumn(0).getString(), "birthday " + b.getColumn(1).getString()});
    } else if (auto why = implausibleBirthday(d, today)) {
      out.push_back({"implausible", "customer", b.getColumn(0).getString(), *why});
    }
  }
  SQLite::Statement v(db, "SELECT v.id, c.file_no, v.duration_min FROM customer_visits v JOIN customers c"
                          " ON c.id = v.customer_id WHERE v.duration_min <= 0 OR v.duration_min > 600 ORDER BY v.id");
  while (v.executeStep())
    if (auto why = implausibleDuration(v.getColumn(2).getInt()))
      out.push_back({"implausible", "visit", v.getColumn(0).getString(), v.getColumn(1).getString() + ": " + *why});
  SQLite::Statement p(db, "SELECT p.id, c.file_no, p.weight_g FROM pets p JOIN customers c ON c.id = p.customer_id"
                          " WHERE p.weight_g > 150000 ORDER BY p.id");
  while (p.executeStep())
    if (auto why = implausiblePetWeight(p.getColumn(2).getInt()))
      out.push_back({"implausible", "pet", p.getColumn(0).getString(), p.getColumn(1).getString() + ": " + *why});
}

void withoutStaff(SQLite::Database& db, std::vector<ReviewFinding>& out) {
  SQLite::Statement v(db, "SELECT v.id, c.file_no, v.service FROM customer_visits v JOIN customers c"
                          " ON c.id = v.customer_id WHERE trim(v.staff) = '' ORDER BY v.id");
  while (v.executeStep())
    out.push_back({"service_without_staff", "visit", v.getColumn(0).getString(),
                   v.getColumn(1).getString() + ": " + v.getColumn(2).getString()});
  SQLite::Statement s(db, "SELECT l.sale_id, l.line_no, l.name FROM sale_lines l JOIN sales s ON s.id = l.sale_id"
                          " WHERE s.kind = 'sale' AND l.kind = 'service' AND NOT EXISTS (SELECT 1 FROM sale_line_staff"
                          " ls WHERE ls.sale_id = l.sale_id AND ls.line_no = l.line_no) ORDER BY s.completed_at");
  while (s.executeStep())
    out.push_back({"service_without_staff", "sale", s.getColumn(0).getString(),
                   "line " + s.getColumn(1).getString() + ": " + s.getColumn(2).getString()});
}

void openCases(SQLite::Database& db, Instant now, std::vector<ReviewFinding>& out) {
  SQLite::Statement d(db, "SELECT id, record_type, record_id, due_at FROM disputes WHERE state = 'open' ORDER BY due_at");
  while (d.executeStep())
    out.push_back({"dispute_open", "dispute", d.getColumn(0).getString(),
                   d.getColumn(1).getString() + " " + d.getColumn(2).getString() +
                       (d.getColumn(3).getInt64() < now ? " (overdue)" : "")});
  SQLite::Statement c(db, "SELECT id, assigned_to, due_at FROM complaints WHERE state = 'open' ORDER BY due_at");
  while (c.executeStep())
    out.push_back({"complaint_open", "complaint", c.getColumn(0).getString(),
                   "assigned to " + (c.getColumn(1).getString().empty() ? std::string("nobody") : c.getColumn(1).getString()) +
                       (c.getColumn(2).getInt64() < now ? " (overdue)" : "")});
}

void tiers(SQLite::Database& db, Instant now, std::vector<ReviewFinding>& out) {
  auto all = loadTiers(db);
  SQLite::Statement q(db, "SELECT c.file_no, COALESCE(m.tier_code, ''), COALESCE(m.period_end, 0),"
                          " (SELECT COALESCE(SUM(total), 0) FROM sales s WHERE s.customer_id = c.id AND s.completed_at > ?1"
                          "  AND s.kind IN ('sale', 'void', 'refund')),"
                          " (SELECT COUNT(*) FROM sales s WHERE s.customer_id = c.id AND s.completed_at > ?1 AND s.kind = 'sale')"
                          " FROM customers c LEFT JOIN memberships m ON m.customer_id = c.id"
                          " WHERE c.member_no IS NOT NULL ORDER BY c.id");
  q.bind(1, now - kYear);
  while (q.executeStep()) {
    LL end = q.getColumn(2).getInt64();
    MemberStanding m{q.getColumn(0).getString(), q.getColumn(1).getString(), sql::money(q.getColumn(3)),
                     q.getColumn(4).getInt(), end != 0 && now >= end};
    if (auto f = tierMismatch(m, all)) out.push_back(*f);
  }
}

}  // namespace

std::vector<ReviewFinding> weeklyFindings(Database& db, Instant now, const RecordingRules& rules,
                                          const std::vector<std::string>& mandatoryFields, std::size_t perCheck) {
  std::vector<ReviewFinding> out;
  StoreZone zone = guarded([&] { return readZone(db.sql()); });
  guarded([&] {
    emptyMandatory(db.sql(), mandatoryFields, out);
    implausible(db.sql(), localDate(now, zone), out);
    withoutStaff(db.sql(), out);
  });
  SqliteFileReviews files(db);
  for (const FileUnderReview& f : files.filesPendingReview())
    if (now - f.waitingSince() > 24 * kHour)
      out.push_back({"pending_review_24h", "customer", f.summary.fileNo,
                     "waiting since " + formatLocalDateTime(f.waitingSince(), zone)});
  SqliteServiceRecords services(db);
  Instant from = now - 7 * kDay;
  for (const ServiceDueRow& r :
       serviceDetailsDue(serviceDuties(services.endings(from - 12 * kHour, now + 1), services.settledServices(from, now + 1),
                                       services.detailsRecorded(from - 12 * kHour, now + 1), services.departments(), rules),
                         now))
    if (r.overdue) out.push_back({"service_details_overdue", "service", r.serviceId, r.staff + " " + r.item + " " + r.countdown});
  guarded([&] {
    openCases(db.sql(), now, out);
    tiers(db.sql(), now, out);
  });
  return capFindings(out, perCheck);
}

void SqliteWeeklyReviews::saveReview(const WeeklyReview& r, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement q(s, "INSERT INTO weekly_reviews (id, week, run_at, run_by) VALUES (?,?,?,?)");
    SQLite::bind(q, r.id, r.week, r.runAt, r.runBy);
    q.exec();
    SQLite::Statement i(s, "INSERT INTO weekly_review_items (review_id, item_no, check_code, record_type, record_id, detail)"
                           " VALUES (?,?,?,?,?,?)");
    for (const WeeklyReviewItem& item : r.items) {
      i.reset();
      SQLite::bind(i, r.id, item.itemNo, item.finding.check, item.finding.recordType, item.finding.recordId,
                   item.finding.detail);
      i.exec();
    }
    appendAudit(s, audit);
    appendOutbox(s, {r.id, "review.weekly_run", nlohmann::json{{"review", r.id}, {"items", r.items.size()}}.dump(), r.runAt});
  });
}

std::optional<WeeklyReview> SqliteWeeklyReviews::review(const std::string& id) {
  return guarded([&]() -> std::optional<WeeklyReview> {
    SQLite::Statement q(db_.sql(), "SELECT id, week, run_at, run_by, signed_by, signed_at, sign_note FROM weekly_reviews"
                                   " WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    WeeklyReview r;
    r.id = q.getColumn(0).getString();
    r.week = q.getColumn(1).getString();
    r.runAt = q.getColumn(2).getInt64();
    r.runBy = q.getColumn(3).getString();
    r.signedBy = sql::text(q.getColumn(4));
    if (!q.getColumn(5).isNull()) r.signedAt = q.getColumn(5).getInt64();
    r.signNote = q.getColumn(6).getString();
    SQLite::Statement i(db_.sql(), "SELECT item_no, check_code, record_type, record_id, detail, done_by, done_at, done_note"
                                   " FROM weekly_review_items WHERE review_id = ? ORDER BY item_no");
    i.bind(1, id);
    while (i.executeStep()) {
      WeeklyReviewItem item;
      item.itemNo = i.getColumn(0).getInt();
      item.finding = {i.getColumn(1).getString(), i.getColumn(2).getString(), i.getColumn(3).getString(),
                      i.getColumn(4).getString()};
      item.doneBy = sql::text(i.getColumn(5));
      if (!i.getColumn(6).isNull()) item.doneAt = i.getColumn(6).getInt64();
      item.doneNote = i.getColumn(7).getString();
      r.items.push_back(std::move(item));
    }
    return r;
  });
}

std::vector<WeeklyReview> SqliteWeeklyReviews::reviews(int limit) {
  std::vector<std::string> ids = guarded([&] {
    std::vector<std::string> out;
    SQLite::Statement q(db_.sql(), "SELECT id FROM weekly_reviews ORDER BY run_at DESC, rowid DESC LIMIT ?");
    q.bind(1, limit);
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
  });
  std::vector<WeeklyReview> out;
  for (const std::string& id : ids)
    if (auto r = review(id)) out.push_back(std::move(*r));
  return out;
}

void SqliteWeeklyReviews::saveItem(const std::string& reviewId, const WeeklyReviewItem& item, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement q(s, "UPDATE weekly_review_items SET done_by = ?, done_at = ?, done_note = ?"
                           " WHERE review_id = ? AND item_no = ?");
    SQLite::bind(q, item.doneBy, *item.doneAt, item.doneNote, reviewId, item.itemNo);
    if (q.exec() != 1) throw DomainError("not_found", "item " + std::to_string(item.itemNo));
    appendAudit(s, audit);
  });
}

void SqliteWeeklyReviews::saveSignature(const WeeklyReview& r, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    // Signed only once, and only with every item worked through.
    SQLite::Statement q(s, "UPDATE weekly_reviews SET signed_by = ?, signed_at = ?, sign_note = ? WHERE id = ?"
                           " AND signed_at IS NULL AND NOT EXISTS (SELECT 1 FROM weekly_review_items"
                           " WHERE review_id = ?4 AND done_at IS NULL)");
    SQLite::bind(q, r.signedBy, *r.signedAt, r.signNote, r.id);
    if (q.exec() != 1) throw DomainError("stale_change", "review " + r.id);
    appendAudit(s, audit);
    appendOutbox(s, {audit.id, "review.weekly_signed", nlohmann::json{{"review", r.id}}.dump(), *r.signedAt});
  });
}

}  // namespace salon::storage
