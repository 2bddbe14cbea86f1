#include "storage/day_store.h"

#include <nlohmann/json.hpp>

#include "app/core/audit.h"
#include "app/core/error.h"
#include "app/core/uuid.h"
#include "storage/audit_head.h"
#include "storage/audit_store.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

constexpr const char* kDayColumns =
    "SELECT date, opened_at, opened_by, closed_at, COALESCE(closed_by, ''), opening_float,"
    " COALESCE(expected_cash, 0), COALESCE(counted_cash, 0) FROM business_days ";

std::optional<BusinessDay> readDay(SQLite::Statement& q) {
  if (!q.executeStep()) return std::nullopt;
  BusinessDay d;
  d.date = q.getColumn(0).getString();
  d.openedAt = q.getColumn(1).getInt64();
  d.openedBy = q.getColumn(2).getString();
  if (!q.getColumn(3).isNull()) d.closedAt = q.getColumn(3).getInt64();
  d.closedBy = q.getColumn(4).getString();
  d.openingFloat = sql::money(q.getColumn(5));
  d.expectedCash = sql::money(q.getColumn(6));
  d.countedCash = sql::money(q.getColumn(7));
  return d;
}

std::vector<StaffPerformance> performance(SQLite::Database& db, const std::string& from, const std::string& to,
                                          const CheckoutPolicy& policy) {
  std::vector<StaffPerformance> out;
  SQLite::Statement q(db, "SELECT staff, SUM(performance), SUM(service) FROM staff_day_totals"
                          " WHERE business_day BETWEEN ? AND ? GROUP BY staff ORDER BY staff");
  SQLite::bind(q, from, to);
  while (q.executeStep()) {
    Money perf(q.getColumn(1).getInt64()), service(q.getColumn(2).getInt64());
    out.push_back({q.getColumn(0).getString(), perf, service, commissionOf(perf, service, policy)});
  }
  return out;
}

}  // namespace

std::optional<BusinessDay> currentDay(SQLite::Database& db) {
  SQLite::Statement q(db, std::string(kDayColumns) + "WHERE closed_at IS NULL");
  return readDay(q);
}

std::optional<BusinessDay> dayOf(SQLite::Database& db, const std::string& date) {
  SQLite::Statement q(db, std::string(kDayColumns) + "WHERE date = ?");
  q.bind(1, date);
  return readDay(q);
}

BusinessDay openBusinessDay(Database& db, const std::string& staff, Money openingFloat, Instant now, StoreZone zone) {
  BusinessDay d;
  db.write([&](SQLite::Database& s) {
    std::string date = formatDate(localDate(now, zone));
    auto existing = dayOf(s, date);
    d.date = dayToOpen(currentDay(s), existing.has_value(), now, zone);
    d.openedAt = now;
    d.openedBy = staff;
    d.openingFloat = openingFloat;
    SQLite::Statement q(s, "INSERT INTO business_days (date, opened_at, opened_by, opening_float) VALUES (?,?,?,?)");
    SQLite::bind(q, d.date, now, staff, openingFloat.fen);
    q.exec();
    appendAudit(s, auditOf(now, staff, "day.open", "business_day", d.date, "", "float=" + std::to_string(openingFloat.fen)));
    appendOutbox(s, {newUuid(), "day.opened", nlohmann::json{{"date", d.date}, {"float", openingFloat.fen}}.dump(), now});
  });
  return d;
}

Money expectedCash(SQLite::Database& db, const std::string& date) {
  SQLite::Statement q(db, "SELECT COALESCE(SUM(t.amount), 0) FROM sale_tenders t JOIN sales s ON s.id = t.sale_id"
                          " WHERE s.business_day = ? AND t.type = 'cash'");
  q.bind(1, date);
  q.executeStep();
  auto day = dayOf(db, date);
  return sql::money(q.getColumn(0)) + (day ? day->openingFloat : Money());
}

BusinessDay closeBusinessDay(Database& db, const std::string& staff, const std::map<std::int64_t, int>& denominations,
                             Instant now) {
  BusinessDay d;
  db.write([&](SQLite::Database& s) {
    auto open = currentDay(s);
    if (!open) throw DomainError("day_not_open", "");
    d = *open;
    d.countedCash = countCash(denominations);
    d.expectedCash = expectedCash(s, d.date);
    d.closedAt = now;
    d.closedBy = staff;
    nlohmann::json counts = nlohmann::json::object();
    for (const auto& [fen, n] : denominations) counts[std::to_string(fen)] = n;
    SQLite::Statement q(s, "UPDATE business_days SET closed_at = ?, closed_by = ?, expected_cash = ?, counted_cash = ?,"
                           " denominations = ? WHERE date = ?");
    SQLite::bind(q, now, staff, d.expectedCash.fen, d.countedCash.fen, counts.dump(), d.date);
    q.exec();
    Money diff = d.countedCash - d.expectedCash;
    appendAudit(s, auditOf(now, staff, "day.close", "business_day", d.date, "",
                           "expected=" + std::to_string(d.expectedCash.fen) + ",counted=" +
                               std::to_string(d.countedCash.fen) + ",difference=" + std::to_string(diff.fen)));
    appendOutbox(s, {newUuid(), "day.closed",
                     nlohmann::json{{"date", d.date}, {"expected_cash", d.expectedCash.fen},
                                    {"counted_cash", d.countedCash.fen}, {"denominations", counts}}.dump(),
                     now});
  });
  return d;
}

ZReport zReport(SQLite::Database& db, const std::string& date, const CheckoutPolicy& policy) {
  return guarded([&] {
    auto day = dayOf(db, date);
    if (!day) throw DomainError("unknown_day", date);
    ZReport z;
    z.date = date;
    z.closed = day->closedAt.has_value();
    SQLite::Statement k(db, "SELECT kind, COUNT(*), SUM(total) FROM sales WHERE business_day = ? GROUP BY kind");
    k.bind(1, date);
    while (k.executeStep()) {
      std::string kind = k.getColumn(0).getString();
      int n = k.getColumn(1).getInt();
      (kind == "sale" ? z.sales : kind == "void" ? z.voids : kind == "refund" ? z.refunds : z.settlements) = n;
      z.total += sql::money(k.getColumn(2));
    }
    SQLite::Statement t(db, "SELECT t.type, SUM(t.amount) FROM sales s JOIN sale_tenders t ON t.sale_id = s.id"
                            " WHERE s.business_day = ? GROUP BY t.type");
    t.bind(1, date);
    while (t.executeStep()) z.byTender[t.getColumn(0).getString()] = sql::money(t.getColumn(1));
    SQLite::Statement c(db, "SELECT l.category, SUM(l.net) FROM sales s JOIN sale_lines l ON l.sale_id = s.id"
                            " WHERE s.business_day = ? GROUP BY l.category");
    c.bind(1, date);
    while (c.executeStep()) z.byCategory[c.getColumn(0).getString()] = sql::money(c.getColumn(1));
    z.byStaff = performance(db, date, date, policy);
    z.openingFloat = day->openingFloat;
    z.expectedCash = z.closed ? day->expectedCash : expectedCash(db, date);
    z.countedCash = day->countedCash;
    if (auto head = readAuditHead(db)) {
      z.chainHeadSeq = head->seq;
      z.chainHeadHash = head->hash;
    }
    return z;
  });
}

std::vector<StaffPerformance> staffReport(SQLite::Database& db, const std::string& from, const std::string& to,
                                          const CheckoutPolicy& policy) {
  return guarded([&] { return performance(db, from, to, policy); });
}

}  // namespace salon::storage
