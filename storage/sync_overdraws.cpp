#include "storage/sync_overdraws.h"

#include <nlohmann/json.hpp>

#include "app/core/audit.h"
#include "app/core/error.h"
#include "storage/audit_store.h"
#include "storage/sql.h"

namespace salon::storage {

void postOverdraw(SQLite::Database& db, const HeadOfficeChange& c, Instant now) {
  if (!c.body) return;
  auto body = nlohmann::json::parse(*c.body, nullptr, false);
  if (!body.is_object() || body.value("sale", std::string()) != c.key || !body.value("arrears", nlohmann::json()).is_number_integer() ||
      !body.value("points", nlohmann::json()).is_number_integer() || !body.value("member_no", nlohmann::json()).is_string())
    throw DomainError("hq_refused", "bad_change member.overdraw " + c.key);
  SQLite::Statement seen(db, "SELECT 1 FROM chain_overdraws WHERE sale_id = ?");
  seen.bind(1, c.key);
  if (seen.executeStep()) return;  // posted before
  const std::string member = body["member_no"];
  const std::int64_t arrears = body["arrears"], points = body["points"];
  SQLite::Statement who(db, "SELECT c.id FROM customers c JOIN sales s ON s.customer_id = c.id"
                            " WHERE s.id = ? AND c.member_no = ?");
  SQLite::bind(who, c.key, member);
  if (!who.executeStep()) throw DomainError("member_unknown", member + " / sale " + c.key);
  const std::int64_t customer = who.getColumn(0).getInt64();
  if (arrears > 0) {
    SQLite::Statement l(db, "INSERT INTO arrears_ledger (customer_id, sale_id, delta, kind, at) VALUES (?, ?, ?, 'overdraw', ?)");
    SQLite::bind(l, customer, c.key, arrears, now);
    l.exec();
    SQLite::Statement b(db, "INSERT OR IGNORE INTO member_balances (customer_id) VALUES (?)");
    b.bind(1, customer);
    b.exec();
    SQLite::Statement u(db, "UPDATE member_balances SET arrears = arrears + ?1,"
                            " arrears_since = CASE WHEN arrears = 0 THEN ?2 ELSE arrears_since END WHERE customer_id = ?3");
    SQLite::bind(u, arrears, now, customer);
    u.exec();
  }
  SQLite::Statement k(db, "INSERT INTO chain_overdraws (sale_id, customer_id, member_no, arrears, points, at)"
                          " VALUES (?, ?, ?, ?, ?, ?)");
  SQLite::bind(k, c.key, customer, member, arrears, points, now);
  k.exec();
  appendAudit(db, auditOf(now, "", "chain.overdraw", "sale", c.key, "head office: the sale overdrew member " + member,
                          "arrears=" + std::to_string(arrears) + ",points=" + std::to_string(points)));
}

}  // namespace salon::storage
