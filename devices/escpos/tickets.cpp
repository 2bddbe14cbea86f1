#include "devices/escpos/tickets.h"

#include "devices/escpos/codec.h"
#include "devices/escpos/layout.h"
#include "devices/escpos/paper_writer.h"

namespace salon::devices {
namespace {

// -￥9.80 rather than ￥-9.80.
std::string money(Money m) { return m.fen < 0 ? "-" + formatYuan(-m) : formatYuan(m); }
std::string moneyIf(Money m) { return m.fen == 0 ? std::string() : money(m); }

LayoutFields lineFields(const ReceiptLine& l) {
  return {{"name", l.name},
          {"qty", std::to_string(l.quantity)},
          {"unit", money(l.unitPrice)},
          {"amount", money(l.amount)},
          {"staff", l.staff},
          {"discount", moneyIf(l.discount)},
          {"discount_note", l.discountNote}};
}

LayoutValues receiptValues(const Receipt& r) {
  LayoutValues v;
  auto& f = v.fields;
  f["store.name"] = r.storeName;
  f["store.address"] = r.storeAddress;
  f["store.phone"] = r.storePhone;
  f["sale.no"] = r.saleNo;
  f["sale.id"] = r.saleId;
  f["sale.time"] = formatLocalDateTime(r.at, r.zone);
  f["cashier"] = r.cashier;
  f["customer.name"] = r.customerName;
  f["customer.phone"] = r.customerPhone.empty() ? "" : maskPhone(r.customerPhone);
  f["member.no"] = r.memberNo;
  f["subtotal"] = money(r.subtotal);
  f["discount"] = r.discountTotal.fen ? money(-r.discountTotal) : "";
  f["rounding"] = moneyIf(r.rounding);
  f["total"] = money(r.total);
  f["change"] = moneyIf(r.change);
  f["points.earned"] = r.pointsEarned ? std::to_string(*r.pointsEarned) : "";
  f["points.balance"] = r.pointsBalance ? std::to_string(*r.pointsBalance) : "";
  f["stored_value"] = r.storedValueBalance ? money(*r.storedValueBalance) : "";
  f["arrears"] = moneyIf(r.arrears);
  f["footer"] = r.footer;
  f["reprint"] = r.reprintCount > 0 ? "1" : "";
  f["reprint.count"] = std::to_string(r.reprintCount);
  for (const auto& l : r.lines) v.lists["lines"].push_back(lineFields(l));
  for (const auto& t : r.tenders) v.lists["tenders"].push_back({{"method", t.method}, {"amount", money(t.amount)}});
  for (const auto& p : r.packages)
    v.lists["packages"].push_back({{"name", p.name}, {"left", std::to_string(p.sessionsLeft)}});
  return v;
}

}  // namespace

std::string maskName(const std::string& name) {
  std::u32string s = decodeUtf8(name);
  if (s.size() <= 1) return name;
  std::u32string masked = s;
  for (std::size_t i = 1; i + (s.size() > 2 ? 1 : 0) < s.size(); ++i)
    if (masked[i] != U' ') masked[i] = U'*';
  std::string out;
  for (char32_t c : masked) appendUtf8(out, c);
  return out;
}

std::string encodeReceipt(const Receipt& receipt, const PrinterProfile& profile) {
  PaperWriter paper(profile);
  printLayout("receipt", receiptValues(receipt), ticketCatalog(profileLanguage(profile)), paper);
  return paper.take();
}

std::string encodeTestPage(const Receipt& sample, const PrinterProfile& profile) {
  LayoutValues v = receiptValues(sample);
  v.fields["test"] = "1";
  PaperWriter paper(profile);
  printLayout("receipt", v, ticketCatalog(profileLanguage(profile)), paper);
  return paper.take();
}

std::string encodeMemberCard(const CardTicket& card, const PrinterProfile& profile) {
  LayoutValues v;
  auto& f = v.fields;
  f["store.name"] = card.storeName;
  f["member.name"] = card.maskName ? maskName(card.holder.name) : card.holder.name;
  f["member.no"] = card.holder.memberNo;
  f["tier"] = card.holder.tier;
  f["card.version"] = std::to_string(card.holder.cardVersion);
  f["payload"] = card.payload;
  f["printed.at"] = formatLocalDateTime(card.printedAt, card.zone);
  f["reprint"] = card.event == CardEvent::Reprint ? "1" : "";
  f["reissue"] = card.event == CardEvent::Reissue ? "1" : "";
  PaperWriter paper(profile);
  printLayout("member_card", v, ticketCatalog(profileLanguage(profile)), paper);
  return paper.take();
}

}  // namespace salon::devices
