#include "storage/member_movements.h"

#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/prepared.h"
#include "storage/sale_json.h"
#include "storage/sync_member_phones.h"

namespace salon::storage {
namespace {

using nlohmann::json;

struct MemberNumbers {
  std::string memberNo, fileNo;  // memberNo "" for a file without a card number
};

// fileNo only for a file without a member number whose whole history head office holds
// (kWholeAtHeadOffice): head office keeps its movements under the file number; any other
// file without a number goes up without one, and head office skips its movements.
MemberNumbers numbersOf(SQLite::Database& db, CustomerId id) {
  Prepared q(db, std::string("SELECT COALESCE(c.member_no, ''), CASE WHEN COALESCE(c.member_no, '') <> '' OR ") +
                     kWholeAtHeadOffice + " THEN c.file_no ELSE '' END FROM customers c WHERE c.id = ?");
  q->bind(1, id);
  if (!q->executeStep()) return {};
  return {q->getColumn(0).getString(), q->getColumn(1).getString()};
}

json packageMove(SQLite::Database& db, const PackageMove& m, StoreZone zone) {
  json j = {{"kind", "package"}, {"reason", m.kind}, {"package", m.packageId}, {"sessions", m.sessions}};
  Prepared q(db, "SELECT service_code, expires_at FROM customer_packages WHERE id = ?");
  q->bind(1, m.packageId);
  if (q->executeStep()) {
    j["service"] = q->getColumn(0).getString();
    j["expires"] = formatDate(localDate(q->getColumn(1).getInt64(), zone));
  }
  return j;
}

json movementsOf(SQLite::Database& db, const Sale& s, StoreZone zone) {
  json out = json::array();
  for (const auto& m : s.storedValue)
    out.push_back({{"kind", "stored_value"}, {"reason", m.kind}, {"principal", m.principal.fen}, {"bonus", m.bonus.fen}});
  for (const auto& m : s.points) out.push_back({{"kind", "points"}, {"reason", m.kind}, {"points", m.delta}});
  for (const auto& m : s.packageMoves) out.push_back(packageMove(db, m, zone));
  for (const auto& m : s.arrears) out.push_back({{"kind", "arrears"}, {"reason", m.kind}, {"arrears", m.delta.fen}});
  return out;
}

}  // namespace

json saleEventJson(SQLite::Database& db, const Sale& s, StoreZone zone) {
  json j = saleJson(s, zone);
  if (!s.customer) return j;
  MemberNumbers n = numbersOf(db, *s.customer);
  j["customer"]["member_no"] = n.memberNo;
  j["customer"]["file_no"] = n.fileNo;  // head office keys a member without a number by it
  j["movements"] = movementsOf(db, s, zone);
  if (s.chain && !s.chain->empty())  // chain value spent: debited at head office, or offline within the allowances
    j["chain"] = {{"mode", s.chain->offline ? "offline" : "hq"}, {"principal", s.chain->principal.fen},
                  {"bonus", s.chain->bonus.fen}, {"points", s.chain->points}};
  return j;
}

void appendPointsExpiry(SQLite::Database& db, CustomerId id, std::int64_t points, Instant now) {
  MemberNumbers n = numbersOf(db, id);
  if ((n.memberNo.empty() && n.fileNo.empty()) || points <= 0) return;
  json payload = {{"customer", {{"id", id}, {"member_no", n.memberNo}, {"file_no", n.fileNo}}},
                  {"movements", json::array({{{"kind", "points"}, {"reason", "expire"}, {"points", -points}}})}};
  appendOutbox(db, {newUuid(), "points.expired", payload.dump(), now});
}

}  // namespace salon::storage
