#include "storage/sale_json.h"

namespace salon::storage {
namespace {

nlohmann::json lineJson(const SaleLine& l) {
  nlohmann::json staff = nlohmann::json::array();
  for (const auto& s : l.staff) staff.push_back({{"code", s.code}, {"share_bp", s.shareBp}});
  nlohmann::json j = {{"line", l.lineNo},         {"item", l.item},
                      {"name", l.name},           {"kind", itemKindName(l.kind)},
                      {"category", l.category},   {"qty", l.qty},
                      {"unit_price", l.unitPrice.fen}, {"gross", l.totals.gross.fen},
                      {"benefit", benefitName(l.totals.benefit)}, {"benefit_amount", l.totals.benefitAmount.fen},
                      {"manual_discount", l.totals.manualDiscount.fen}, {"adjustment", l.totals.adjustment.fen},
                      {"net", l.totals.net.fen},  {"staff", staff}};
  if (l.reversesLine) j["reverses_line"] = l.reversesLine;
  return j;
}

nlohmann::json tenderJson(const SaleTender& t) {
  nlohmann::json j = {{"type", tenderName(t.type)}, {"amount", t.amount.fen}};
  if (t.type == TenderType::Cash) j["handed"] = t.handed.fen;
  if (!t.ref.empty()) j["ref"] = t.ref;
  if (t.type == TenderType::StoredValue) {
    j["principal"] = t.principal.fen;
    j["bonus"] = t.bonus.fen;
  }
  if (t.type == TenderType::Points) j["points"] = t.points;
  if (t.type == TenderType::Package) {
    j["package"] = t.packageId;
    j["sessions"] = t.sessions;
    j["covers_line"] = t.lineNo;
  }
  return j;
}

}  // namespace

nlohmann::json saleJson(const Sale& s, StoreZone zone) {
  nlohmann::json lines = nlohmann::json::array(), tenders = nlohmann::json::array();
  for (const auto& l : s.lines) lines.push_back(lineJson(l));
  for (const auto& t : s.tenders) tenders.push_back(tenderJson(t));
  const CartTotals& t = s.totals;
  nlohmann::json j = {
      {"id", s.id},
      {"kind", saleKindName(s.kind)},
      {"business_day", s.businessDay},
      {"completed_at", formatLocalDateTime(s.completedAt, zone)},
      {"recorded_at", formatLocalDateTime(s.recordedAt, zone)},
      {"completed_at_ms", s.completedAt},
      {"cashier", s.cashier},
      {"customer", nullptr},
      {"lines", lines},
      {"totals",
       {{"gross", t.gross.fen}, {"benefits", t.benefits.fen}, {"line_discounts", t.lineDiscounts.fen},
        {"order_discount", t.orderDiscount.fen}, {"subtotal", t.subtotal.fen}, {"tax", t.tax.fen},
        {"tax_inclusive", t.taxInclusive}, {"rounding", t.rounding.fen}, {"total", t.total.fen}}},
      {"tenders", tenders},
      {"change", s.change.fen},
      {"points_earned", s.pointsEarned},
  };
  if (!s.reverses.empty()) j["reverses"] = s.reverses;
  if (!s.reason.empty()) j["reason"] = s.reason;
  if (!s.approvedBy.empty()) j["approved_by"] = s.approvedBy;
  if (s.customer) {
    j["customer"] = {{"id", *s.customer}, {"name", s.customerName}, {"tier", s.tierCode}, {"birthday_offer", s.birthday}};
    nlohmann::json packages = nlohmann::json::array();
    for (const auto& p : s.packagesAfter)
      packages.push_back({{"id", p.id}, {"service", p.serviceCode}, {"sessions_left", p.sessionsLeft},
                          {"sessions_total", p.sessionsTotal}, {"expires", formatDate(localDate(p.expiresAt, zone))}});
    j["balances"] = {{"points", s.pointsAfter},
                     {"stored_value", {{"principal", s.svPrincipalAfter.fen}, {"bonus", s.svBonusAfter.fen},
                                       {"total", (s.svPrincipalAfter + s.svBonusAfter).fen}}},
                     {"arrears", s.arrearsAfter.fen},
                     {"packages", packages}};
  }
  return j;
}

}  // namespace salon::storage
