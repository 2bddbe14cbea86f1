#include "app/hq/down_sync.h"

#include <cstdio>
#include <pqxx/pqxx>

#include "app/hq/refusal.h"

namespace salon::hq {
namespace {

struct Cursor {
  unsigned long long xid = 0;  // the writing transaction's id (xid8)
  long long id = 0;            // the change's row id within it
};

Cursor parseCursor(const std::string& text) {
  Cursor c;
  if (text.empty()) return c;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%llu.%lld%c", &c.xid, &c.id, &tail) != 2 || c.id < 0)
    throw Refusal(400, "bad_cursor", "not a cursor this head office gave: " + text);
  return c;
}

}  // namespace

// Why not "id greater than the last one": ids come from a sequence when a row is
// inserted, not when its transaction commits. A transaction that took id 10 and
// commits after another that took id 11 would be skipped by a reader that already
// saw 11. Instead every change carries the id of the transaction that wrote it
// (xid8, pg_current_xact_id()) and a page holds only rows whose transaction is
// older than pg_snapshot_xmin(pg_current_snapshot()): every transaction below that
// xmin has finished, and any transaction started later gets a larger xid, so no
// row can ever appear behind the cursor (xid, id). A long-running writer only
// holds the page back until it ends; it is never skipped.
nlohmann::json changesPage(pqxx::connection& db, const std::string& store, const std::string& after) {
  Cursor c = parseCursor(after);
  pqxx::read_transaction r(db);
  auto rows = r.exec_params(
      "SELECT xid::text, id, kind, key, body::text FROM chain_changes"
      " WHERE (store IS NULL OR store = $1)"
      "   AND xid < pg_snapshot_xmin(pg_current_snapshot())"
      "   AND (xid > $2::text::xid8 OR (xid = $2::text::xid8 AND id > $3))"
      " ORDER BY xid, id LIMIT $4",
      store, std::to_string(c.xid), c.id, kChangesPerPage + 1);
  nlohmann::json changes = nlohmann::json::array();
  std::string cursor = std::to_string(c.xid) + "." + std::to_string(c.id);
  int n = 0;
  for (const auto& row : rows) {
    if (++n > kChangesPerPage) break;
    nlohmann::json body = row[4].is_null() ? nlohmann::json(nullptr) : nlohmann::json::parse(row[4].c_str());
    changes.push_back({{"kind", row[2].as<std::string>()}, {"key", row[3].as<std::string>()}, {"body", body}});
    cursor = row[0].as<std::string>() + "." + row[1].as<std::string>();
  }
  return {{"cursor", cursor}, {"more", rows.size() > static_cast<std::size_t>(kChangesPerPage)}, {"changes", changes}};
}

bool changesWaiting(pqxx::connection& db, const std::string& store, const std::string& after) {
  Cursor c = parseCursor(after);
  pqxx::read_transaction r(db);
  // Two range scans of chain_changes_store_order (this store's rows, then the
  // chain-wide ones), never a walk over the other stores' changes.
  const std::string later = " AND xid < pg_snapshot_xmin(pg_current_snapshot())"
                             " AND (xid, id) > ($2::text::xid8, $3::bigint))";
  auto rows = r.exec_params("SELECT EXISTS (SELECT 1 FROM chain_changes WHERE store = $1" + later +
                                " OR EXISTS (SELECT 1 FROM chain_changes WHERE store IS NULL" + later,
                            store, std::to_string(c.xid), c.id);
  return rows[0][0].as<bool>();
}

}  // namespace salon::hq
