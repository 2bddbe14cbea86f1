#include "storage/customer_numbers.h"

#include "storage/customer_rows.h"

namespace salon::storage {

std::string chainStoreCode(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT store_code FROM sync_state WHERE one = 1");
  if (q.executeStep() && !q.getColumn(0).getString().empty()) return q.getColumn(0).getString();
  return storeCode(db);
}

}  // namespace salon::storage
