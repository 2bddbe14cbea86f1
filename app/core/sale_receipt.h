#pragma once
// A stored sale as its receipt reads: names instead of codes, the customer's
// balances after the sale, the store's footer.
#include <map>
#include <string>

#include "app/core/receipt.h"
#include "app/core/sale.h"

namespace salon {

// What the sale itself does not carry, looked up by the caller.
struct ReceiptNames {
  std::string storeName, storeAddress, storePhone, storeCode = "S01", footer;
  StoreZone zone;
  std::map<std::string, std::string> staff;     // code → name
  std::map<std::string, std::string> packages;  // package item code → name
  std::string customerPhone, memberNo;
};

Receipt receiptOf(const Sale& sale, const ReceiptNames& names);
// The number on the paper: S01-20261122-1a2b3c4d (store, business day, id).
std::string saleNumber(const std::string& storeCode, const std::string& businessDay, const std::string& saleId);
// 现金, 银行卡, 微信, 支付宝, 储值卡, 套餐, 积分, 挂账
const char* tenderLabel(TenderType t);

}  // namespace salon
