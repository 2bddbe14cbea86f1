#include "storage/receipt_load.h"

#include "app/core/sale_receipt.h"
#include "storage/catalog_store.h"
#include "storage/sale_store.h"
#include "storage/settings_store.h"

namespace salon::storage {
namespace {

std::map<std::string, std::string> pairs(SQLite::Database& db, const char* sql) {
  std::map<std::string, std::string> out;
  SQLite::Statement q(db, sql);
  while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getString();
  return out;
}

}  // namespace

Receipt receiptOf(SQLite::Database& db, const Sale& sale) {
  return guarded([&] {
    ReceiptNames n;
    n.storeName = readSetting(db, "store.name").value_or("");
    n.storeAddress = readSetting(db, "store.address").value_or("");
    n.storePhone = readSetting(db, "store.phone").value_or("");
    n.storeCode = readSetting(db, "store.code").value_or("S01");
    n.footer = readSetting(db, "receipt.footer").value_or("谢谢惠顾，欢迎再次光临");
    n.zone = readZone(db);
    n.staff = pairs(db, "SELECT code, name FROM staff");
    n.packages = pairs(db, "SELECT code, name FROM catalog_items WHERE kind = 'package'");
    if (sale.customer) {
      SQLite::Statement q(db, "SELECT phone, ifnull(member_no, '') FROM customers WHERE id = ?");
      q.bind(1, *sale.customer);
      if (q.executeStep()) {
        n.customerPhone = q.getColumn(0).getString();
        n.memberNo = q.getColumn(1).getString();
      }
    }
    return salon::receiptOf(sale, n);
  });
}

std::optional<Receipt> loadReceipt(SQLite::Database& db, const std::string& saleId) {
  auto sale = guarded([&] { return loadSale(db, saleId); });
  if (!sale) return std::nullopt;
  return receiptOf(db, *sale);
}

int receiptPrints(SQLite::Database& db, const std::string& saleId) {
  return guarded([&] {
    SQLite::Statement q(db, "SELECT count(*) FROM print_jobs WHERE kind = 'receipt' AND ref = ?"
                            " AND state <> 'cancelled'");
    q.bind(1, saleId);
    q.executeStep();
    return q.getColumn(0).getInt();
  });
}

}  // namespace salon::storage
