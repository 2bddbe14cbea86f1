// Reading a stored entry back, with everything a receipt shows.
#include "app/core/error.h"
#include "storage/sale_store.h"
#include "storage/prepared.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

void readLines(SQLite::Database& db, Sale& s) {
  Prepared q(db, "SELECT line_no, item_code, name, category, kind, qty, unit_price, gross, benefit, benefit_amount,"
                          " manual_discount, adjustment, net, reverses_line FROM sale_lines WHERE sale_id = ? ORDER BY line_no");
  q->bind(1, s.id);
  while (q->executeStep()) {
    SaleLine l;
    l.lineNo = q->getColumn(0).getInt();
    l.item = q->getColumn(1).getString();
    l.name = q->getColumn(2).getString();
    l.category = q->getColumn(3).getString();
    l.kind = itemKindFromName(q->getColumn(4).getString()).value_or(ItemKind::Service);
    l.qty = q->getColumn(5).getInt();
    l.unitPrice = sql::money(q->getColumn(6));
    l.totals.gross = sql::money(q->getColumn(7));
    std::string b = q->getColumn(8).getString();
    for (Benefit k : {Benefit::Promotion, Benefit::Tier, Benefit::Birthday})
      if (b == benefitName(k)) l.totals.benefit = k;
    l.totals.benefitAmount = sql::money(q->getColumn(9));
    l.totals.manualDiscount = sql::money(q->getColumn(10));
    l.totals.adjustment = sql::money(q->getColumn(11));
    l.totals.net = sql::money(q->getColumn(12));
    l.reversesLine = q->getColumn(13).getInt();
    s.lines.push_back(std::move(l));
    s.totals.lines.push_back(s.lines.back().totals);
  }
  Prepared st(db, "SELECT line_no, staff, share_bp FROM sale_line_staff WHERE sale_id = ? ORDER BY line_no, pos");
  st->bind(1, s.id);
  while (st->executeStep())
    for (auto& l : s.lines)
      if (l.lineNo == st->getColumn(0).getInt()) l.staff.push_back({st->getColumn(1).getString(), st->getColumn(2).getInt()});
}

void readTenders(SQLite::Database& db, Sale& s) {
  Prepared q(db, "SELECT type, amount, handed, ref, principal, bonus, points, package_id, sessions, line_no,"
                          " reverses_tender FROM sale_tenders WHERE sale_id = ? ORDER BY seq");
  q->bind(1, s.id);
  while (q->executeStep()) {
    SaleTender t;
    t.type = tenderFromName(q->getColumn(0).getString()).value_or(TenderType::Cash);
    t.amount = sql::money(q->getColumn(1));
    t.handed = sql::money(q->getColumn(2));
    t.ref = q->getColumn(3).getString();
    t.principal = sql::money(q->getColumn(4));
    t.bonus = sql::money(q->getColumn(5));
    t.points = q->getColumn(6).getInt64();
    t.packageId = q->getColumn(7).getString();
    t.sessions = q->getColumn(8).getInt();
    t.lineNo = q->getColumn(9).getInt();
    t.reversesTender = q->getColumn(10).getInt();
    s.tenders.push_back(std::move(t));
  }
}

void readMovements(SQLite::Database& db, Sale& s) {
  Prepared p(db, "SELECT delta, kind, expires_at FROM points_ledger WHERE sale_id = ? ORDER BY id");
  p->bind(1, s.id);
  while (p->executeStep()) s.points.push_back({p->getColumn(0).getInt64(), p->getColumn(1).getString(), p->getColumn(2).getInt64()});
  Prepared v(db, "SELECT principal_delta, bonus_delta, kind FROM stored_value_ledger WHERE sale_id = ? ORDER BY id");
  v->bind(1, s.id);
  while (v->executeStep())
    s.storedValue.push_back({sql::money(v->getColumn(0)), sql::money(v->getColumn(1)), v->getColumn(2).getString()});
  Prepared k(db, "SELECT package_id, delta, kind FROM package_ledger WHERE sale_id = ? ORDER BY id");
  k->bind(1, s.id);
  while (k->executeStep()) s.packageMoves.push_back({k->getColumn(0).getString(), k->getColumn(1).getInt(), k->getColumn(2).getString()});
  Prepared st(db, "SELECT item_code, delta FROM stock_ledger WHERE sale_id = ? ORDER BY id");
  st->bind(1, s.id);
  while (st->executeStep()) s.stock.push_back({st->getColumn(0).getString(), st->getColumn(1).getInt()});
  Prepared a(db, "SELECT delta, kind FROM arrears_ledger WHERE sale_id = ? ORDER BY id");
  a->bind(1, s.id);
  while (a->executeStep()) s.arrears.push_back({sql::money(a->getColumn(0)), a->getColumn(1).getString()});
}

// Packages this entry touched, with the sessions left right after it.
void readPackages(SQLite::Database& db, Sale& s) {
  Prepared q(db,
                      "SELECT cp.id, cp.service_code, cp.package_code, cp.sessions_total, cp.paid, cp.session_list_price,"
                      " cp.expires_at, cp.sale_id = ?1,"
                      " (SELECT SUM(l2.delta) FROM package_ledger l2 WHERE l2.package_id = cp.id AND l2.id <= MAX(pl.id))"
                      " FROM package_ledger pl JOIN customer_packages cp ON cp.id = pl.package_id"
                      " WHERE pl.sale_id = ?1 GROUP BY cp.id ORDER BY cp.id");
  q->bind(1, s.id);
  while (q->executeStep()) {
    CustomerPackage p{q->getColumn(0).getString(), q->getColumn(1).getString(), q->getColumn(2).getString(),
                      q->getColumn(3).getInt(), q->getColumn(8).getInt(), sql::money(q->getColumn(4)),
                      sql::money(q->getColumn(5)), q->getColumn(6).getInt64()};
    if (q->getColumn(7).getInt()) {
      CustomerPackage bought = p;
      bought.sessionsLeft = bought.sessionsTotal;
      s.newPackages.push_back(bought);
    }
    s.packagesAfter.push_back(p);
  }
}

Sale readHeader(SQLite::Statement& q) {
  Sale s;
  int i = 0;
  s.id = q.getColumn(i++).getString();
  std::string kind = q.getColumn(i++).getString();
  for (SaleKind k : {SaleKind::Sale, SaleKind::Void, SaleKind::Refund, SaleKind::ArrearsSettlement})
    if (kind == saleKindName(k)) s.kind = k;
  s.reverses = sql::text(q.getColumn(i));
  ++i;
  s.businessDay = q.getColumn(i++).getString();
  s.completedAt = q.getColumn(i++).getInt64();
  s.recordedAt = q.getColumn(i++).getInt64();
  s.cashier = q.getColumn(i++).getString();
  if (!q.getColumn(i).isNull()) s.customer = q.getColumn(i).getInt64();
  ++i;
  s.customerName = q.getColumn(i++).getString();
  s.tierCode = q.getColumn(i++).getString();
  s.birthday = q.getColumn(i++).getInt() != 0;
  CartTotals& t = s.totals;
  for (Money* m : {&t.gross, &t.benefits, &t.lineDiscounts, &t.orderDiscount, &t.subtotal, &t.tax}) *m = sql::money(q.getColumn(i++));
  t.taxInclusive = q.getColumn(i++).getInt() != 0;
  for (Money* m : {&t.rounding, &t.total, &s.change}) *m = sql::money(q.getColumn(i++));
  s.pointsEarned = q.getColumn(i++).getInt64();
  s.reason = q.getColumn(i++).getString();
  s.approvedBy = q.getColumn(i++).getString();
  s.fingerprint = q.getColumn(i++).getString();
  s.pointsAfter = q.getColumn(i++).getInt64();
  for (Money* m : {&s.svPrincipalAfter, &s.svBonusAfter, &s.arrearsAfter}) *m = sql::money(q.getColumn(i++));
  return s;
}

constexpr const char* kHeaderColumns =
    "SELECT id, kind, reverses, business_day, completed_at, recorded_at, cashier, customer_id, customer_name, tier_code,"
    " birthday, gross, benefits, line_discounts, order_discount, subtotal, tax, tax_inclusive, rounding, total,"
    " change_given, points_earned, reason, approved_by, fingerprint, points_after, sv_principal_after, sv_bonus_after,"
    " arrears_after FROM sales ";

Sale complete(SQLite::Database& db, Sale s) {
  readLines(db, s);
  readTenders(db, s);
  readMovements(db, s);
  readPackages(db, s);
  return s;
}

}  // namespace

std::optional<Sale> loadSale(SQLite::Database& db, const std::string& id) {
  Prepared q(db, std::string(kHeaderColumns) + "WHERE id = ?");
  q->bind(1, id);
  if (!q->executeStep()) return std::nullopt;
  return complete(db, readHeader(*q));
}

std::vector<Sale> loadReversalsOf(SQLite::Database& db, const std::string& id) {
  std::vector<Sale> out;
  Prepared q(db, std::string(kHeaderColumns) + "WHERE reverses = ? ORDER BY recorded_at, rowid");
  q->bind(1, id);
  std::vector<Sale> heads;
  while (q->executeStep()) heads.push_back(readHeader(*q));
  for (auto& h : heads) out.push_back(complete(db, std::move(h)));
  return out;
}

}  // namespace salon::storage
