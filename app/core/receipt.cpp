#include "app/core/receipt.h"

namespace salon {

namespace {

const char* const kServices[] = {"深层补水护理", "肩颈舒缓按摩", "眼部护理", "精油开背",
                                 "Hydrating Facial", "头皮护理", "修眉", "手部护理"};
const char* const kStaff[] = {"小林", "Amy", "王静", "陈晓"};

}  // namespace

Receipt sampleReceipt(Instant at, int lineCount) {
  Receipt r;
  r.storeName = "丽人美容 Salon Demo";
  r.storeAddress = "上海市静安区南京西路1266号";
  r.storePhone = "021-62881234";
  r.saleNo = "S01-20261122-0042";
  r.saleId = "5f0c1a52-8e2b-4c39-9b7e-2f1d3a4b5c6d";
  r.at = at;
  r.cashier = "前台 小周";
  r.customerName = "李美华";
  r.customerPhone = "13800138000";
  r.memberNo = "M00000001";
  for (int i = 0; i < lineCount; ++i) {
    ReceiptLine l;
    l.name = kServices[i % 8];
    l.quantity = 1 + (i % 3 == 2);
    l.unitPrice = Money::yuan(98 + 40 * (i % 5));
    Money gross = l.unitPrice * l.quantity;
    if (i % 2 == 0) {
      l.discount = Money(gross.fen / 10);
      l.discountNote = "会员9折";
    }
    l.amount = gross - l.discount;
    l.staff = kStaff[i % 4];
    r.subtotal += gross;
    r.discountTotal += l.discount;
    r.lines.push_back(l);
  }
  Money due = r.subtotal - r.discountTotal;
  r.rounding = Money(-(due.fen % 100));
  r.total = due + r.rounding;
  Money card = Money(r.total.fen / 2);
  r.tenders = {{"储值卡", card}, {"现金", r.total - card + Money::yuan(20)}};
  r.change = Money::yuan(20);
  r.pointsEarned = r.total.fen / 100;
  r.pointsBalance = 3280 + *r.pointsEarned;
  r.storedValueBalance = Money::yuan(1500) - card;
  r.packages = {{"面部护理10次卡", 7}};
  r.arrears = Money::yuan(50);
  r.footer = "谢谢惠顾，欢迎再次光临！";
  return r;
}

}  // namespace salon
