#include "app/core/sale_receipt.h"

namespace salon {
namespace {

std::string staffNames(const std::vector<LineStaff>& staff, const std::map<std::string, std::string>& names) {
  std::string out;
  for (const LineStaff& s : staff) {
    if (!out.empty()) out += "/";
    auto it = names.find(s.code);
    out += it == names.end() ? s.code : it->second;
  }
  return out;
}

const char* benefitLabel(Benefit b) {
  switch (b) {
    case Benefit::None: return "";
    case Benefit::Promotion: return "促销";
    case Benefit::Tier: return "会员折扣";
    case Benefit::Birthday: return "生日优惠";
  }
  return "";
}

ReceiptLine lineOf(const SaleLine& l, const std::map<std::string, std::string>& staff) {
  ReceiptLine r;
  r.name = l.name;
  r.quantity = l.qty;
  r.unitPrice = l.unitPrice;
  r.amount = l.totals.net;
  r.staff = staffNames(l.staff, staff);
  r.discount = l.totals.benefitAmount + l.totals.manualDiscount;
  r.discountNote = benefitLabel(l.totals.benefit);
  if (l.totals.manualDiscount.fen != 0) r.discountNote += r.discountNote.empty() ? "折扣" : "+折扣";
  return r;
}

}  // namespace

const char* tenderLabel(TenderType t) {
  switch (t) {
    case TenderType::Cash: return "现金";
    case TenderType::Card: return "银行卡";
    case TenderType::Wechat: return "微信";
    case TenderType::Alipay: return "支付宝";
    case TenderType::StoredValue: return "储值卡";
    case TenderType::Package: return "套餐";
    case TenderType::Points: return "积分";
    case TenderType::Arrears: return "挂账";
  }
  return "";
}

std::string saleNumber(const std::string& storeCode, const std::string& businessDay, const std::string& saleId) {
  std::string day;
  for (char c : businessDay)
    if (c != '-') day += c;
  return storeCode + "-" + day + "-" + saleId.substr(0, 8);
}

Receipt receiptOf(const Sale& sale, const ReceiptNames& n) {
  Receipt r;
  r.storeName = n.storeName;
  r.storeAddress = n.storeAddress;
  r.storePhone = n.storePhone;
  r.footer = n.footer;
  r.zone = n.zone;
  r.saleId = sale.id;
  r.saleNo = saleNumber(n.storeCode, sale.businessDay, sale.id);
  r.at = sale.completedAt;
  auto cashier = n.staff.find(sale.cashier);
  r.cashier = cashier == n.staff.end() ? sale.cashier : cashier->second;
  for (const SaleLine& l : sale.lines) r.lines.push_back(lineOf(l, n.staff));
  r.subtotal = sale.totals.gross;
  r.discountTotal = sale.totals.benefits + sale.totals.lineDiscounts + sale.totals.orderDiscount;
  r.rounding = -sale.totals.rounding;
  r.total = sale.totals.total;
  // Cash shows what was handed over, so it adds up with the change below it.
  for (const SaleTender& t : sale.tenders)
    r.tenders.push_back({tenderLabel(t.type), t.type == TenderType::Cash && t.handed > t.amount ? t.handed : t.amount});
  r.change = sale.change;
  if (sale.customer) {
    r.customerName = sale.customerName;
    r.customerPhone = n.customerPhone;
    r.memberNo = n.memberNo;
    r.pointsEarned = sale.pointsEarned;
    r.pointsBalance = sale.pointsAfter;
    r.storedValueBalance = sale.svPrincipalAfter + sale.svBonusAfter;
    r.arrears = sale.arrearsAfter;
    for (const CustomerPackage& p : sale.packagesAfter) {
      auto name = n.packages.find(p.packageCode);
      r.packages.push_back({name == n.packages.end() ? p.packageCode : name->second, p.sessionsLeft});
    }
  }
  return r;
}

}  // namespace salon
