#include "storage/member_balance_store.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "storage/customer_numbers.h"
#include "storage/customer_rows.h"
#include "storage/prepared.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

std::int64_t sum(SQLite::Database& db, const char* sql, CustomerId id) {
  Prepared q(db, sql);
  q->bind(1, id);
  q->executeStep();
  return q->getColumn(0).getInt64();
}

void loadPackages(SQLite::Database& db, CustomerId id, MemberBalance& b) {
  StoreZone zone = storeZone(db);
  Prepared q(db, "SELECT service_code, sessions_left, expires_at FROM customer_packages"
                 " WHERE customer_id = ? AND sessions_left > 0");
  q->bind(1, id);
  while (q->executeStep())
    b.packages.push_back({"", q->getColumn(0).getString(), q->getColumn(1).getInt(),
                          formatDate(localDate(q->getColumn(2).getInt64(), zone))});
  sortPackages(b.packages);
}

void addPackageMove(MemberBalance& b, const nlohmann::json& m) {
  std::string id = m.value("package", std::string());
  auto it = std::find_if(b.packages.begin(), b.packages.end(), [&](const PackageBalance& p) { return p.id == id; });
  if (it == b.packages.end()) it = b.packages.insert(b.packages.end(), {id, m.value("service", std::string()), 0,
                                                                         m.value("expires", std::string())});
  it->sessionsLeft += m.value("sessions", 0);
}

void addMovements(MemberBalance& b, const nlohmann::json& moves) {
  for (const auto& m : moves) {
    std::string kind = m.value("kind", std::string());
    if (kind == "stored_value") {
      b.principal += Money(m.value("principal", std::int64_t{0}));
      b.bonus += Money(m.value("bonus", std::int64_t{0}));
    } else if (kind == "points") {
      b.points += m.value("points", std::int64_t{0});
    } else if (kind == "arrears") {
      b.arrears += Money(m.value("arrears", std::int64_t{0}));
    } else if (kind == "package") {
      addPackageMove(b, m);
    }
  }
}

}  // namespace

std::optional<MemberBalance> SqliteMemberBalances::balance(const std::string& memberNo, Instant now) {
  return guarded([&]() -> std::optional<MemberBalance> {
    SQLite::Database& db = db_.sql();
    Prepared who(db, "SELECT id FROM customers WHERE member_no = ?");
    who->bind(1, memberNo);
    if (!who->executeStep()) return std::nullopt;
    CustomerId id = who->getColumn(0).getInt64();
    MemberBalance b;
    b.memberNo = memberNo;
    b.homeStore = chainStoreCode(db);
    b.principal = Money(sum(db, "SELECT COALESCE(SUM(principal_delta), 0) FROM stored_value_ledger WHERE customer_id = ?", id));
    b.bonus = Money(sum(db, "SELECT COALESCE(SUM(bonus_delta), 0) FROM stored_value_ledger WHERE customer_id = ?", id));
    b.points = sum(db, "SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE customer_id = ?", id);
    b.arrears = Money(sum(db, "SELECT COALESCE(SUM(delta), 0) FROM arrears_ledger WHERE customer_id = ?", id));
    loadPackages(db, id, b);
    b.asOf = now;
    b.source = BalanceSource::Local;
    return b;
  });
}

void SqliteMemberBalances::addMovementsNotAtHeadOffice(MemberBalance& b) {
  guarded([&] {
    Prepared q(db_.sql(), "SELECT payload FROM outbox WHERE seq > ? AND instr(payload, ?) > 0 ORDER BY seq");
    q->bind(1, b.hqStoredThrough);
    q->bind(2, "\"member_no\":" + nlohmann::json(b.memberNo).dump());
    while (q->executeStep()) {
      auto j = nlohmann::json::parse(q->getColumn(0).getString(), nullptr, false);
      if (j.is_object() && j.contains("movements") && j["movements"].is_array()) addMovements(b, j["movements"]);
    }
  });
  b.packages.erase(std::remove_if(b.packages.begin(), b.packages.end(),
                                  [](const PackageBalance& p) { return p.sessionsLeft <= 0; }),
                   b.packages.end());
  sortPackages(b.packages);
}

}  // namespace salon::storage
