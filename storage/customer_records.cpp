#include "storage/customer_records.h"

#include "storage/customer_field_update.h"

namespace salon::storage {
namespace {

std::vector<LedgerRow> ledger(Database& db, const char* sql, CustomerId id, int limit) {
  SQLite::Statement q(db.sql(), sql);
  q.bind(1, static_cast<std::int64_t>(id));
  q.bind(2, limit);
  std::vector<LedgerRow> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
                   q.getColumn(3).getInt64()});
  return out;
}

}  // namespace

// What was bought by name (the record keeps item codes) and how it was paid.
std::vector<ConsumptionRow> SqliteCustomerRecords::consumption(CustomerId id, int limit) {
  SQLite::Statement q(db_.sql(),
                      "SELECT c.completed_at, c.amount, c.sale_id,"
                      " (SELECT group_concat(name || ' ×' || qty, '、') FROM sale_lines WHERE sale_id = c.sale_id)"
                      " FROM consumption_records c WHERE c.customer_id = ? ORDER BY c.completed_at DESC LIMIT ?");
  q.bind(1, static_cast<std::int64_t>(id));
  q.bind(2, limit);
  std::vector<ConsumptionRow> out;
  SQLite::Statement t(db_.sql(), "SELECT type, amount FROM sale_tenders WHERE sale_id = ? ORDER BY seq");
  while (q.executeStep()) {
    ConsumptionRow r;
    r.at = q.getColumn(0).getInt64();
    r.amount = Money(q.getColumn(1).getInt64());
    r.items = q.getColumn(3).isNull() ? "" : q.getColumn(3).getString();
    t.reset();
    t.bind(1, q.getColumn(2).getString());
    while (t.executeStep()) r.tenders.push_back({t.getColumn(0).getString(), Money(t.getColumn(1).getInt64())});
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<LedgerRow> SqliteCustomerRecords::pointsHistory(CustomerId id, int limit) {
  return ledger(db_, "SELECT at, kind, delta, 0 FROM points_ledger WHERE customer_id = ? ORDER BY id DESC LIMIT ?", id,
                limit);
}

std::vector<LedgerRow> SqliteCustomerRecords::storedValueHistory(CustomerId id, int limit) {
  return ledger(db_,
                "SELECT at, kind, principal_delta, bonus_delta FROM stored_value_ledger WHERE customer_id = ?"
                " ORDER BY id DESC LIMIT ?",
                id, limit);
}

bool SqliteCustomerRecords::hasPets(CustomerId id) {
  SQLite::Statement q(db_.sql(), "SELECT 1 FROM pets WHERE customer_id = ? LIMIT 1");
  q.bind(1, static_cast<std::int64_t>(id));
  return q.executeStep();
}

std::string SqliteCustomerRecords::fieldValue(CustomerId id, const std::string& field) {
  return currentFieldValue(db_.sql(), id, field);
}

std::optional<std::string> SqliteCustomerRecords::queryRequestOf(CustomerId id, const std::string& staff,
                                                                 const std::string& purpose, const std::string& state) {
  SQLite::Statement q(db_.sql(),
                      "SELECT id FROM query_requests WHERE customer_id = ? AND requested_by = ? AND purpose = ?"
                      " AND state = ? ORDER BY requested_at DESC LIMIT 1");
  q.bind(1, static_cast<std::int64_t>(id));
  q.bind(2, staff);
  q.bind(3, purpose);
  q.bind(4, state);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

}  // namespace salon::storage
